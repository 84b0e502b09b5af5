/// Why the bot hands a conversation to a person.
public enum EscalationReason: String, Sendable, Hashable, Codable, CaseIterable {
  /// The customer asked for a person.
  case humanRequested = "human-requested"
  /// The bot was not confident enough to answer.
  case lowConfidence = "low-confidence"
  /// The customer did not pick a topic after the bot asked twice.
  case unresolvedClarification = "unresolved-clarification"
  /// Several messages in a row got no answer.
  case repeatedNonAnswers = "repeated-non-answers"
  /// The customer said an answer did not help.
  case negativeFeedback = "negative-feedback"
  /// The customer complained.
  case complaint
  /// The customer is angry or frustrated.
  case frustration
}
