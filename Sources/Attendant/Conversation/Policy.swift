/// The thresholds and limits of the decision policy.
///
/// The defaults are the product's, chosen on the demo content's validation data (see
/// `docs/matching.md`); they are not the threshold chosen for CLINC150 by `attendant eval`.
public struct Policy: Sendable, Hashable, Codable {
  /// At or above this confidence the bot answers (unless the second intent is too close).
  public var answerThreshold: Double
  /// Between this and `answerThreshold` the bot asks which of the top two the customer means;
  /// below it, the bot does not answer.
  public var clarifyThreshold: Double
  /// When the top two confidences differ by less than this, the bot asks which one is meant.
  public var clarifyMargin: Double
  /// Below `clarifyThreshold`, a message whose known-word coverage is below this is out of scope
  /// (a polite refusal and an offer of a person); above it, the bot escalates for low confidence.
  public var outOfScopeCoverage: Double
  /// After this many non-answers in a row, the bot escalates.
  public var maximumNonAnswers: Int
  /// A frustration score at or above this escalates at once.
  public var frustrationThreshold: Double
  /// How many candidates a reply lists.
  public var candidateCount: Int

  public init(
    answerThreshold: Double = 0.5, clarifyThreshold: Double = 0.3, clarifyMargin: Double = 0.1,
    outOfScopeCoverage: Double = 0.5, maximumNonAnswers: Int = 2, frustrationThreshold: Double = 2.0,
    candidateCount: Int = 3
  ) {
    self.answerThreshold = answerThreshold
    self.clarifyThreshold = clarifyThreshold
    self.clarifyMargin = clarifyMargin
    self.outOfScopeCoverage = outOfScopeCoverage
    self.maximumNonAnswers = maximumNonAnswers
    self.frustrationThreshold = frustrationThreshold
    self.candidateCount = candidateCount
  }

  public static let `default` = Policy()
}
