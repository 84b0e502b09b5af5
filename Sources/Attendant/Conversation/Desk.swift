import Foundation

/// Where a turn becomes durable: the engine answers, the escalation record (if any) is written to
/// the outbox before the reply is released, and the turn goes into the transcript log.
///
/// Both front ends, the chat REPL and the JSON Lines bridge, serve customers through a desk.
public struct Desk: Sendable {
  public let store: EngineStore
  public let outbox: Outbox
  public let log: TranscriptLog?
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
    store: EngineStore, outbox: Outbox, log: TranscriptLog? = nil, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.store = store
    self.outbox = outbox
    self.log = log
    self.clock = clock
  }

  /// Answers a message and makes the turn durable.
  public func respond(to message: Message, in session: inout Session) -> Outcome {
    let engine = store.engine
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
  public func feedback(helpful: Bool, rating: Int? = nil, comment: String? = nil, in session: inout Session) -> Outcome {
    let engine = store.engine
    let now = clock()
    let before = session
    log?.record(.feedback(session: session.id, helpful: helpful, rating: rating, comment: comment, at: now))
    let reply = engine.takeFeedback(helpful: helpful, rating: rating, comment: comment, in: &session, at: now)
    return settle(reply, text: nil, session: &session, before: before, engine: engine, now: now)
  }

  private func settle(
    _ reply: Reply, text: String?, session: inout Session, before: Session, engine: Engine, now: Date
  ) -> Outcome {
    if let record = reply.escalation {
      do {
        try outbox.write(record)
      } catch {
        // The record is not on disk, so the hand-off did not happen: keep the conversation as it was,
        // with this turn in its transcript, as the customer saw it, so that a retry escalates with everything.
        let shown = engine.phrases(for: reply.language)[.outboxFailure]
        var turns = Array(session.transcript.suffix(2))
        if let bot = turns.last, bot.from == .bot {
          turns[turns.count - 1] = Turn(
            at: bot.at, from: .bot, text: shown, language: bot.language, intent: nil, confidence: nil, decision: nil)
        }
        session = before
        session.transcript.append(contentsOf: turns)
        session.trimTranscript(to: engine.budget)
        // An open record gets the turns too, so that its next revision shows what the customer saw.
        session.escalation?.transcript.append(contentsOf: turns.map(\.redactedForRecord))
        log?.record(
          .outboxFailure(
            session: session.id, reply: reply, customerText: text, shown: shown, error: error.description, at: now))
        return Outcome(reply: reply, failure: error, failureText: shown)
      }
      if record.revision == 1 { log?.record(.escalation(record, at: now)) }
    }
    if let text { log?.record(.turn(session: session.id, reply: reply, customerText: text, at: now)) }
    return Outcome(reply: reply, failure: nil, failureText: nil)
  }
}
