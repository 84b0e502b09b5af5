import Foundation

/// The sentences the bot says in one language, apart from the articles.
///
/// Each language profile has a complete set, neutral about the business: where a sentence names what
/// the bot can help with, it says `{topics}`, which the knowledge base fills with the content's own
/// article titles (`Phrases.topicList`). A content folder may override any of them in
/// `KnowledgeBase/<language>/phrases.txt` (`key = sentence`). The other placeholders are filled when the
/// sentence is said: `{minutes}`, `{when}`, `{contact}`, and `{last}` (the number of the last option offered).
public struct Phrases: Sendable, Hashable {
  public var values: [Key: String]

  /// The names of the phrases, as written in `phrases.txt`.
  public enum Key: String, CaseIterable, Sendable, Hashable {
    case welcome, help, clarify
    case clarifyHint = "clarify-hint", clarifyAgain = "clarify-again", followUp = "follow-up"
    case outOfScope = "out-of-scope", lowConfidence = "low-confidence"
    case handoffRequested = "handoff-requested"
    case handoffNow = "handoff-now", handoffLater = "handoff-later", handoffNone = "handoff-none"
    case askContact = "ask-contact", contactSaved = "contact-saved", stillEscalated = "still-escalated"
    case feedbackQuestion = "feedback-question", feedbackThanks = "feedback-thanks", feedbackSorry = "feedback-sorry"
    case frustration, repeatedNonAnswer = "repeated-non-answer", outboxFailure = "outbox-failure"
    case languageSwitched = "language-switched", reset, greeting, thanks, goodbye, prompt

    /// When the bot says the sentence, and which placeholders it fills: the comment above the key in
    /// the phrases file that `attendant import` writes.
    public var purpose: String {
      switch self {
      case .welcome: "The chat's first words. {topics}: the content's article titles."
      case .help: "The chat's /help. {topics}: the content's article titles."
      case .clarify: "Above the options when the bot is unsure which topic is meant."
      case .clarifyHint: "Below the options. {last}: the number of the last option."
      case .clarifyAgain: "When the reply picked no option. {last}: the number of the last option."
      case .followUp: "Before the topics suggested after an answer (the chat)."
      case .outOfScope:
        "A question the content does not cover, with the offer of a person. {topics}: the content's article titles."
      case .lowConfidence: "Before the hand-off when the bot is not sure it understood."
      case .handoffRequested:
        "The customer asked for a person and no article of the content escalates for 'human-requested'; the hand-off time follows."
      case .handoffNow: "A person is on shift. {minutes}: the team's response time."
      case .handoffLater: "Nobody is on shift. {when}: the next shift's start, in the customer's time zone."
      case .handoffNone: "The content has no support schedule (KnowledgeBase/support.txt)."
      case .askContact: "After a hand-off outside the shifts, when the customer left no contact."
      case .contactSaved: "The customer left a contact. {contact}: the e-mail addresses and phone numbers."
      case .stillEscalated: "A message after the hand-off, added to the escalation record."
      case .feedbackQuestion: "After an answer in the chat."
      case .feedbackThanks: "The answer helped."
      case .feedbackSorry: "The answer did not help, with the offer of a person."
      case .frustration: "Before the hand-off of a frustrated customer."
      case .repeatedNonAnswer: "Before the hand-off after several messages without an answer."
      case .outboxFailure: "The escalation record could not be written; the customer should try again."
      case .languageSwitched: "After /lang xx."
      case .reset: "After /reset, or when the customer declines the options or the offer of a person."
      case .greeting: "A greeting, when no small-talk article of the content answers it."
      case .thanks: "Thanks, when no small-talk article of the content answers it."
      case .goodbye: "A goodbye, when no small-talk article of the content answers it, and the chat's /quit."
      case .prompt: "A bare yes, no or ok with nothing asked."
      }
    }
  }

  /// Creates a phrase set; every key must have a sentence.
  public init(_ values: [Key: String]) {
    precondition(
      Set(values.keys) == Set(Key.allCases),
      "A phrase set must name every key: \(Set(Key.allCases).subtracting(values.keys))")
    self.values = values
  }

  public subscript(key: Key) -> String { values[key] ?? "" }

  /// The sentence for `key`, with `{name}` placeholders replaced.
  public func text(_ key: Key, _ arguments: [String: String] = [:]) -> String {
    arguments.isEmpty ? self[key] : Self.filling(self[key], with: arguments)
  }

  /// The text with each `{name}` that `arguments` names replaced by its value, in one pass: a value is
  /// not read again for placeholders, and a brace that opens no known name stays as written. (Foundation's
  /// `replacingOccurrences` goes through `NSString` on Linux, at tens of thousands of instructions a reply.)
  static func filling(_ text: String, with arguments: [String: String]) -> String {
    var result = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}"),
        let value = arguments[String(rest[rest.index(after: open)..<close])]
      else {
        result += rest[...open]
        rest = rest[rest.index(after: open)...]
        continue
      }
      result += rest[..<open]
      result += value
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }
}
