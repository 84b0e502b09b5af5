import Foundation

/// The sentences the bot says in one language, apart from the articles.
///
/// Each language profile has a complete set; a content folder may override any of them in
/// `KnowledgeBase/<language>/phrases.txt` (`key = sentence`). Placeholders in braces are filled in
/// by the engine: `{minutes}`, `{when}`, `{contact}`, and `{last}` (the number of the last option offered).
public struct Phrases: Sendable, Hashable {
  public var values: [Key: String]

  /// The names of the phrases, as written in `phrases.txt`.
  public enum Key: String, CaseIterable, Sendable, Hashable {
    case welcome, help, clarify
    case clarifyHint = "clarify-hint", clarifyAgain = "clarify-again", followUp = "follow-up"
    case outOfScope = "out-of-scope", lowConfidence = "low-confidence"
    case handoffNow = "handoff-now", handoffLater = "handoff-later", handoffNone = "handoff-none"
    case askContact = "ask-contact", contactSaved = "contact-saved", stillEscalated = "still-escalated"
    case feedbackQuestion = "feedback-question", feedbackThanks = "feedback-thanks", feedbackSorry = "feedback-sorry"
    case frustration, repeatedNonAnswer = "repeated-non-answer", outboxFailure = "outbox-failure"
    case languageSwitched = "language-switched", reset, goodbye, prompt
  }

  /// Creates a phrase set; every key must have a sentence.
  public init(_ values: [Key: String]) {
    precondition(Set(values.keys) == Set(Key.allCases), "A phrase set must name every key: \(Set(Key.allCases).subtracting(values.keys))")
    self.values = values
  }

  public subscript(key: Key) -> String { values[key] ?? "" }

  /// The sentence for `key`, with `{name}` placeholders replaced.
  public func text(_ key: Key, _ arguments: [String: String] = [:]) -> String {
    var text = self[key]
    for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
    return text
  }
}
