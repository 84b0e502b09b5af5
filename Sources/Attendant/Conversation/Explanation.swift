/// Why the bot replied as it did to one message: language, terms, candidates, and the rule that decided.
public struct Explanation: Sendable, Hashable {
  /// Where the reply's language came from.
  public enum LanguageSource: String, Sendable, Hashable, Codable {
    case request, detected, session, `default`
    /// The customer or the host chose the language (`/lang hr`), and it holds.
    case chosen
  }

  /// The message as read: cut to the budget when it was longer (see `truncation`).
  public let text: String
  /// What the message budget left out of a long message; `nil` when all of it was read.
  public let truncation: ConversationBudget.Truncation?
  /// The text the topic was matched on (see `reading`).
  public let matchedText: String
  /// Which reading of the message decided: the message, without its frustration phrases or its
  /// greeting, or after the previous question as a follow-up.
  public let reading: Reading
  public let language: Language
  public let languageSource: LanguageSource
  /// The identifier's guess, when it ran.
  public let languageGuess: LanguageGuess?
  /// The matcher's result, when the message was matched.
  public let match: IntentMatch?
  /// The frustration signals in this message, and their total weight.
  public let frustration: FrustrationAssessment
  public let decision: Decision
  public let reason: ReplyReason
  /// The rule that decided.
  public let turnRule: TurnRule
  /// What made it fire, in words: `confidence 0.82 ≥ answer threshold 0.70`.
  public let detail: String

  /// The rule and its figures: `confident-answer: confidence 0.82 ≥ answer threshold 0.70`.
  public var rule: String { "\(turnRule.rawValue): \(detail)" }
}
