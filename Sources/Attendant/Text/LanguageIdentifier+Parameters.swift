import Foundation

extension LanguageIdentifier {
  /// The weights that combine the identifier's evidence.
  ///
  /// The defaults were chosen on the demo's validation suites (`Intents/<language>/tests/validation.txt`),
  /// never on the examples that `attendant eval content` measures identification on; see
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
      trigramSmoothing: 0.1, wordSmoothing: 0.05, trigramCap: 24, trigramsPerPoint: 8, functionWordWeight: 1,
      letterWeight: 3)
  }
}
