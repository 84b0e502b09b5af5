/// An answer article: a title, the intents it answers, and a Markdown body, in one language.
public struct Article: Sendable, Hashable {
  public let language: Language
  /// A short topic name, shown when the bot asks which of two topics the customer means.
  public let title: String
  public let intents: [IntentID]
  /// Intents to suggest after this answer.
  public let followUps: [IntentID]
  /// A menu: the intents to offer as numbered options after the body (`menu:`), for a vague opener
  /// such as "I have a problem with my order". Empty for an ordinary answer.
  public let menu: [IntentID]
  /// Set when answering with this article hands the conversation to a person.
  public let escalation: EscalationReason?
  /// Small talk (`small-talk: yes`: greetings, thanks, goodbyes): the chat does not ask whether it
  /// helped, and the bot never asks which of two small-talk topics the customer meant.
  public let isSmallTalk: Bool
  /// The answer, in Markdown.
  public let body: String
  public let location: SourceLocation
  /// The line where the body starts, for findings about it.
  public let bodyLine: Int
  /// The line of each header key present (`follow-up` → 4), so that a finding about a key's value
  /// points at the line that holds it.
  let keyLines: [String: Int]

  /// Where the header line with `key` is; the start of the header when the key is absent.
  func location(of key: String) -> SourceLocation {
    keyLines[key].map { SourceLocation(file: location.file, line: $0) } ?? location
  }
}
