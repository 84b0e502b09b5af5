import Foundation

/// The state of one conversation, passed through each turn as a value.
///
/// A session remembers the customer's language, what the bot last asked (which topic, whether to
/// bring in a person, whether an answer helped), the open escalation, and the transcript.
public struct Session: Sendable {
  public let id: String
  /// The language of the conversation so far; `nil` until the first message.
  public internal(set) var language: Language?
  /// The customer's time zone, for telling them when a person will answer.
  public var timeZone: TimeZone?
  /// Every message so far, customer and bot.
  public internal(set) var transcript: [Turn] = []
  /// The open escalation: later messages are added to it rather than escalating again.
  public internal(set) var escalation: EscalationRecord?
  /// Why the bot answered the last message as it did (for `/why`).
  public internal(set) var lastExplanation: Explanation?
  /// Frustration signals seen so far in the conversation.
  public internal(set) var frustrationSignals: [String] = []

  var pending: Pending?
  /// The customer's last few messages, folded, to notice a repeated one.
  var recentCustomerMessages: [String] = []
  var nonAnswers = 0
  /// Customer messages since the last answer, to raise the priority of repeated attempts.
  var attemptsWithoutAnswer = 0
  /// The intent answered last, for feedback.
  var lastAnswered: IntentID?
  /// Turns of an escalated conversation whose update the outbox did not take; the desk writes them
  /// with the next revision.
  var unsavedRecordTurns: [Turn] = []

  /// What the bot asked and is waiting for.
  enum Pending: Sendable, Hashable {
    /// Which of these topics the customer means; `attempts` counts replies that did not pick one.
    case clarification([IntentID], attempts: Int)
    /// Whether to bring in a person, offered for this reason.
    case humanOffer(EscalationReason)
    /// Whether the answer to this intent helped.
    case feedback(IntentID)
    /// Contact details, after a hand-off outside the shifts.
    case contact
  }

  /// Starts a conversation.
  ///
  /// - Parameters:
  ///   - id: The session id the host uses.
  ///   - language: A language to start in, before any message shows one.
  public init(id: String, language: Language? = nil, timeZone: TimeZone? = nil) {
    self.id = id
    self.language = language
    self.timeZone = timeZone
  }

  /// Whether the bot asked "Did this answer your question?" and waits for yes or no.
  public var isAwaitingFeedback: Bool {
    if case .feedback = pending { return true }
    return false
  }

  /// Marks the last answer as waiting for feedback; the REPL calls this when it asks.
  public mutating func awaitFeedback() {
    if let intent = lastAnswered { pending = .feedback(intent) }
  }

  /// Switches the conversation to a language (the REPL's `/lang`).
  public mutating func switchLanguage(to language: Language) {
    self.language = language
  }

  /// Forgets everything but the id, language and time zone (the REPL's `/reset`).
  public mutating func reset() {
    self = Session(id: id, language: language, timeZone: timeZone)
  }
}
