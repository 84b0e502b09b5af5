/// The constants of the scoring formula (see `docs/matching.md`); chosen on CLINC150's validation split.
public struct ScoringParameters: Sendable, Hashable, Codable {
  /// Character n-gram sizes; each token is wrapped as `<token>`.
  public var characterGramSizes: [Int] = [3, 4, 5]
  /// Bernoulli naive-Bayes pseudo-count for word features: p = (n + a) / (n_c + 2a).
  public var wordPseudoCount: Double = 0.1
  /// Exponent of the concentration weight of word features.
  public var wordConcentrationPower: Double = 0.5
  /// Multinomial naive-Bayes pseudo-count for character n-grams.
  public var characterPseudoCount: Double = 0.3
  /// Exponent of the concentration weight of character n-grams.
  public var characterConcentrationPower: Double = 1.0
  /// Weight of the character z-scores against the word z-scores.
  public var characterWeight: Double = 0.3
  /// Weight of ln(coverage) in the confidence.
  public var coverageWeight: Double = 2.0
  /// Weight of the margin (top z-score minus second) in the confidence.
  public var marginWeight: Double = 0.0
  /// Floor of the coverage inside the logarithm.
  public var coverageFloor: Double = 0.05
  /// The confidence is sigmoid(slope × (evidence − midpoint)).
  public var slope: Double = 1.0
  public var midpoint: Double = 2.4

  public init() {}

  public static let `default` = ScoringParameters()
}
