import Foundation

/// Where a turn becomes durable: the engine answers, the escalation record is created in the outbox
/// at the hand-off, or what the turn changed is appended to it, before the reply is released, and the
/// turn goes into the transcript log.
///
/// Both front ends, the chat REPL and the JSON Lines bridge, serve customers through a desk.
public struct Desk: Sendable {
  public let store: EngineStore
  public let outbox: any Outbox
  public let log: (any TranscriptLog)?
  let clock: @Sendable () -> Date

  /// The result of one turn.
  public struct Outcome: Sendable {
    /// The bot's reply. When `failure` is set, it was not delivered: show `failureText` instead.
    public let reply: Reply
    /// Set when the escalation record could not be written; the session was left as before the turn.
    public let failure: Outbox.WriteError?
    /// A polite sentence for the customer when `failure` is set.
    public let failureText: String?
  }

  public init(
    store: EngineStore, outbox: any Outbox, log: (any TranscriptLog)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.store = store
    self.outbox = outbox
    self.log = log
    self.clock = clock
  }

  /// Answers a message and makes the turn durable.
  ///
  /// - Parameter engine: The engine to answer with; by default the store's engine now. A caller that
  ///   checked the session against an engine (its content version) passes that one, so that a reload
  ///   in between cannot change it.
  public func respond(to message: CustomerMessage, in session: inout ChatSession, using engine: Engine? = nil)
    -> Outcome
  {
    let engine = engine ?? store.engine
    let now = clock()
    let before = session
    let reply = engine.respond(to: message, in: &session, at: now)
    if reply.reason == .feedback {
      // The chat's yes or no to "Did this answer your question?": a piece of feedback like the bridge's.
      log?.record(
        .feedback(session: session.id, helpful: reply.decision == .answer, rating: nil, comment: nil, at: now))
    }
    return settle(reply, text: message.text, session: &session, before: before, engine: engine, now: now)
  }

  /// Takes feedback on the last answer and makes it durable.
  ///
  /// - Parameter engine: As for `respond(to:in:using:)`.
  public func feedback(
    helpful: Bool, rating: Int? = nil, comment: String? = nil, in session: inout ChatSession,
    using engine: Engine? = nil
  ) -> Outcome {
    let engine = engine ?? store.engine
    let now = clock()
    let before = session
    log?.record(.feedback(session: session.id, helpful: helpful, rating: rating, comment: comment, at: now))
    let reply = engine.takeFeedback(helpful: helpful, rating: rating, comment: comment, in: &session, at: now)
    return settle(reply, text: nil, session: &session, before: before, engine: engine, now: now)
  }

  private func settle(
    _ reply: Reply, text: String?, session: inout ChatSession, before: ChatSession, engine: Engine, now: Date
  ) -> Outcome {
    var reply = reply
    if let record = reply.escalation {
      let stored: EscalationRecord
      do {
        stored = try store(record, previous: before.escalation, session: &session)
      } catch {
        // The record is not on disk, so the hand-off did not happen: keep the conversation as it was,
        // with this turn in its transcript, as the customer saw it, so that a retry escalates with everything.
        let shown = engine.phrases(for: reply.language)[.outboxFailure]
        var turns = Array(session.transcript.suffix(2))
        if let bot = turns.last, bot.from == .bot {
          turns[turns.count - 1] = TranscriptTurn(
            at: bot.at, from: .bot, text: shown, language: bot.language, intent: nil, confidence: nil, decision: nil)
        }
        session = before
        session.transcript.append(contentsOf: turns)
        session.trimTranscript(to: engine.budget)
        if before.escalation != nil {
          // The record's next update carries these turns too.
          session.unsavedRecordTurns = Array(
            (before.unsavedRecordTurns + turns.map(\.redactedForRecord)).suffix(Self.unsavedTurnLimit))
        }
        log?.record(
          .outboxFailure(
            session: session.id, reply: reply, customerText: text, shown: shown, error: error.description, at: now))
        return Outcome(reply: reply, failure: error, failureText: shown)
      }
      if stored.id != record.id {
        // A new record, named by the outbox.
        session.escalation = stored
        reply = reply.with(escalation: stored)
      }
      if stored.revision == 1 { log?.record(.escalation(stored, at: now)) }
    }
    if let text { log?.record(.turn(session: session.id, reply: reply, customerText: text, at: now)) }
    return Outcome(reply: reply, failure: nil, failureText: nil)
  }

  /// How many turns whose update failed a session keeps for the next one: a long outage of the outbox
  /// must not grow a session without bound.
  static let unsavedTurnLimit = 20

  /// Creates the record at the hand-off, or appends what this turn changed to it.
  ///
  /// - Returns: The record as stored (with a new id when its name was taken).
  private func store(
    _ record: EscalationRecord, previous: EscalationRecord?, session: inout ChatSession
  ) throws(Outbox.WriteError) -> EscalationRecord {
    guard let previous, previous.id == record.id else {
      // The outbox names new records (its generator is the one tests fix); the engine's id was provisional.
      var record = record
      record.id = outbox.ids.make(at: record.createdAt)
      return try outbox.create(record)
    }
    guard record.revision > previous.revision else { return record }
    // A turn ends with the customer's message and the bot's reply: the record's last two turns. The
    // record in the session may keep only the latest turns, so nothing else is taken from it.
    let turns = session.unsavedRecordTurns + record.transcript.suffix(2)
    try outbox.append(EscalationRecord.Update(from: previous, to: record, newTurns: turns))
    session.unsavedRecordTurns = []
    return record
  }
}

extension Reply {
  /// The reply with another escalation record.
  fileprivate func with(escalation: EscalationRecord) -> Reply {
    Reply(
      decision: decision, reason: reason, language: language, intent: intent, confidence: confidence, text: text,
      candidates: candidates, options: options, entities: entities, escalation: escalation, explanation: explanation,
      asksForFeedback: asksForFeedback)
  }
}
