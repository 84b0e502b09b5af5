import Foundation

/// The state of one conversation, passed through each turn as a value.
///
/// A session remembers the customer's language, what the bot last asked (which topic, whether to
/// bring in a person, whether an answer helped), the open escalation, and the transcript.
public struct ChatSession: Sendable {
  public let id: String
  /// The language of the conversation so far; `nil` until the first message.
  public internal(set) var language: Language?
  /// Whether the language was chosen by the customer or the host (`/lang hr`), so that it holds
  /// whatever language later messages are in, until `unlockLanguage()`.
  public internal(set) var languageLocked = false
  /// The customer's time zone, for telling them when a person will answer.
  public var timeZone: TimeZone?
  /// The conversation's recent messages, customer and bot, oldest first: all of them, unless the
  /// engine's `ConversationBudget` made it drop the oldest (`omittedTurns` counts those).
  public internal(set) var transcript: [TranscriptTurn] = []
  /// How many of the oldest turns were dropped from `transcript` to keep the session small.
  public internal(set) var omittedTurns = 0
  /// The open escalation: later messages are added to it rather than escalating again.
  public internal(set) var escalation: EscalationRecord?
  /// Why the bot answered the last message as it did (for `/why`).
  public internal(set) var lastExplanation: Explanation?
  /// Frustration signals seen so far in the conversation.
  public internal(set) var frustrationSignals: [String] = []

  var pending: Pending?
  /// Fingerprints of the customer's last few messages, to notice a repeated one.
  var recentCustomerMessages: [UInt64] = []
  var nonAnswers = 0
  /// Customer messages since the last answer, to raise the priority of repeated attempts.
  var attemptsWithoutAnswer = 0
  /// The intent answered last, for feedback and follow-ups.
  var lastAnswered: IntentID?
  /// The text the last answer was matched on, and its language: a follow-up ("what about Germany?")
  /// is read after it. At most `followUpContextCharacters` characters, from its end.
  var lastReading: String?
  var lastReadingLanguage: Language?

  /// How much of the last reading a follow-up keeps as its context.
  static let followUpContextCharacters = 300
  /// Turns of an escalated conversation whose update the outbox did not take; the desk writes them
  /// with the next revision.
  var unsavedRecordTurns: [TranscriptTurn] = []

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
  ///
  /// - Parameter lock: Whether the language holds for later messages in other languages, until
  ///   `unlockLanguage()`; otherwise each message's language is detected again.
  public mutating func switchLanguage(to language: Language, lock: Bool = true) {
    self.language = language
    languageLocked = lock
  }

  /// Lets each message's language be detected again (the REPL's `/lang auto`).
  public mutating func unlockLanguage() {
    languageLocked = false
  }

  /// The session without what only an interactive front end reads (the last explanation, for
  /// `/why`): what a server keeps between requests.
  public func compacted() -> ChatSession {
    var session = self
    session.lastExplanation = nil
    return session
  }

  /// An estimate of the memory the session holds, in bytes: its texts plus a fixed cost per turn.
  ///
  /// - Complexity: O(turns kept), which the budget bounds.
  public var estimatedBytes: Int {
    var bytes = 512 + id.utf8.count + frustrationSignals.reduce(0) { $0 + 32 + $1.utf8.count }
    for turn in transcript { bytes += Self.turnOverhead + turn.text.utf8.count }
    if let record = escalation {
      bytes += 1024 + record.customer.contact.reduce(0) { $0 + 32 + $1.utf8.count }
      for turn in record.transcript { bytes += Self.turnOverhead + turn.text.utf8.count }
    }
    return bytes
  }

  /// The bytes a turn costs beyond its text (its date, language, intent, and the array slot).
  static let turnOverhead = 96

  /// Drops the oldest turns beyond the budget's turn and byte limits, keeping at least the last two.
  mutating func trimTranscript(to budget: ConversationBudget) {
    let excess = Self.excess(transcript, budget: budget)
    guard excess > 0 else { return }
    transcript.removeFirst(excess)
    omittedTurns += excess
  }

  /// How many of the oldest turns must go for the rest to fit the budget.
  static func excess(_ turns: [TranscriptTurn], budget: ConversationBudget) -> Int {
    var keep = 0
    var bytes = 0
    for turn in turns.reversed() {
      bytes += turnOverhead + turn.text.utf8.count
      if keep >= 2 && (keep >= budget.maximumTurns || bytes > budget.maximumSessionBytes) { break }
      keep += 1
    }
    return turns.count - keep
  }

  /// Forgets everything but the id, language and time zone (the REPL's `/reset`).
  public mutating func reset() {
    let locked = languageLocked
    self = ChatSession(id: id, language: language, timeZone: timeZone)
    languageLocked = locked
  }
}
