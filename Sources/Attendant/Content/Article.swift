/// An answer article: a title, the intents it answers, and a Markdown body, in one language.
public struct Article: Sendable, Hashable {
  public let language: Language
  /// A short topic name, shown when the bot asks which of two topics the customer means.
  public let title: String
  public let intents: [IntentID]
  /// Intents to suggest after this answer.
  public let followUps: [IntentID]
  /// Set when answering with this article hands the conversation to a person.
  public let escalation: EscalationReason?
  /// Whether the chat asks "Did this answer your question?" after it (`ask-feedback: no` turns it off,
  /// for small talk such as greetings).
  public let asksForFeedback: Bool
  /// The answer, in Markdown.
  public let body: String
  public let location: SourceLocation
  /// The line where the body starts, for findings about it.
  public let bodyLine: Int
}
