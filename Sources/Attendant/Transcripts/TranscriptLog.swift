import Foundation

/// Where the events of conversations go: every turn, escalation and piece of feedback, and every turn
/// whose escalation record could not be written.
///
/// `Desk` and `Bridge` record through this protocol. `FileTranscriptLog` is the one `attendant` uses
/// (daily JSON Lines files that `attendant report` reads, personal data redacted); a host implements it
/// to send the events elsewhere (its analytics, its own log, memory in a test).
///
/// The desk calls `record(_:)` while it answers, on whichever thread serves the conversation, so it
/// should return quickly, and it cannot fail: a log that loses events says so through its own channel
/// (`FileTranscriptLog`'s `onHealthChange`), never by stopping a conversation. The events carry the
/// customer's words as written: a log that keeps them redacts what it must (`PersonalData.redact`).
public protocol TranscriptLog: Sendable {
  typealias Event = ConversationEvent

  /// Records one event.
  func record(_ event: Event)
}

/// What happened in a conversation, as a transcript log records it.
public enum ConversationEvent: Sendable {
  /// The bot answered a customer's message (`customerText`) with `reply`.
  case turn(session: String, reply: Reply, customerText: String, at: Date)
  /// A conversation was handed over: its escalation record was created.
  case escalation(EscalationRecord, at: Date)
  /// The customer said whether the last answer helped.
  case feedback(session: String, helpful: Bool, rating: Int?, comment: String?, at: Date)
  /// A turn whose escalation record could not be written: the customer saw `shown` instead of the reply.
  case outboxFailure(session: String, reply: Reply, customerText: String?, shown: String, error: String, at: Date)
}
