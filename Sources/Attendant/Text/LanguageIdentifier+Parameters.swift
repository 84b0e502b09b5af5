import Foundation

extension LanguageIdentifier {
  /// The weights that combine the identifier's evidence.
  ///
  /// The defaults of the smoothing, the trigram cap and scale and the function-word points were
  /// chosen by a sweep (`Tests/AttendantTests/Text/LanguageIdentifierSweep.swift`) on validation
  /// messages only: the demo's validation suites and `Fixtures/LanguageValidation`, never the examples
  /// that `attendant eval content` measures identification on. The letter weight was not swept. See
  /// docs/matching.md, "Language identification".
  struct Parameters: Sendable, Hashable {
    /// Added to every trigram count (Lidstone smoothing).
    var trigramSmoothing: Float
    /// Added to every word count (Lidstone smoothing).
    var wordSmoothing: Float
    /// The trigram evidence grows with the text up to this many trigrams...
    var trigramCap: Int
    /// ...at one point per this many trigrams, times the average log-likelihood.
    var trigramsPerPoint: Double
    /// Points for each word in a profile's function-word, negation, question or abbreviation list.
    var functionWordWeight: Double
    /// Points for each distinctive letter, when the letters alone do not decide.
    var letterWeight: Double

    static let `default` = Parameters(
      trigramSmoothing: 0.1, wordSmoothing: 0.01, trigramCap: 24, trigramsPerPoint: 6, functionWordWeight: 2,
      letterWeight: 3)
  }
}
