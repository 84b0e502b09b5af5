/// Why the bot replied as it did to one message: language, terms, candidates, and the rule that decided.
public struct Explanation: Sendable, Hashable {
  /// Where the reply's language came from.
  public enum LanguageSource: String, Sendable, Hashable, Codable {
    case request, detected, session, `default`
  }

  /// The message as read: cut to the budget when it was longer (see `truncation`).
  public let text: String
  /// What the message budget left out of a long message; `nil` when all of it was read.
  public let truncation: ConversationBudget.Truncation?
  /// The text the topic was matched on: the message, or the message without its frustration phrases
  /// when that reading was surer.
  public let matchedText: String
  public let language: Language
  public let languageSource: LanguageSource
  /// The identifier's guess, when it ran.
  public let languageGuess: LanguageGuess?
  /// The matcher's result, when the message was matched.
  public let match: Match?
  /// The frustration signals in this message, and their total weight.
  public let frustration: FrustrationAssessment
  public let decision: Decision
  public let reason: ReplyReason
  /// The rule that decided, in words: `confidence 0.82 ≥ answer threshold 0.50`.
  public let rule: String
}
