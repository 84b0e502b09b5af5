import Foundation
import Synchronization

/// The JSON Lines protocol that websites embed: one request line in, one reply line out.
///
/// The bridge owns the sessions and writes escalation records to the outbox before it returns the
/// reply that acknowledges them. It never reads or writes a stream itself: `attendant serve` moves
/// the bytes. Every bad line is answered with an error line; nothing a host sends stops it.
public final class Bridge: Sendable {
  public struct Configuration: Sendable {
    /// Sessions kept in memory at most; the least recently used go first.
    public var maximumSessions = 100_000
    /// Sessions idle this long are forgotten.
    public var sessionIdleTimeout: TimeInterval = 24 * 3600

    public init() {}
  }

  public let desk: Desk
  private let clock: @Sendable () -> Date
  private let configuration: Configuration
  private let sessions = Mutex(SessionTable())

  /// Creates a bridge.
  ///
  /// - Parameters:
  ///   - store: The engine in service, reloadable.
  ///   - outbox: Where escalation records go.
  ///   - log: The transcript event log, if any.
  ///   - clock: The current time; tests pass a fixed clock.
  public init(
    store: EngineStore, outbox: Outbox, log: TranscriptLog? = nil, configuration: Configuration = .init(),
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.desk = Desk(store: store, outbox: outbox, log: log, clock: clock)
    self.clock = clock
    self.configuration = configuration
  }

  /// Answers one request line (without its line break) with one reply line (without its line break).
  ///
  /// - Complexity: the engine's matching cost, plus an fsynced write when the reply escalates.
  public func handle(_ line: [UInt8]) -> String {
    guard String(validating: line, as: UTF8.self) != nil else {
      return BridgeReply.error(
        BridgeError(.invalidUTF8, "The line is not valid UTF-8. Encode requests as UTF-8 JSON."), id: .null)
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(line)
    } catch {
      return BridgeReply.error(
        BridgeError(.invalidJSON, "Invalid JSON: \(error). Send one JSON object per line."), id: .null)
    }
    guard case .object = value else {
      return BridgeReply.error(
        BridgeError(.notAnObject, "A request must be a JSON object, not \(value.typeName), such as {\"session\": \"s1\", \"text\": \"hello\"}."),
        id: .null)
    }
    let id = value["id"] ?? .null
    do {
      switch try BridgeRequest(value, languages: desk.store.engine.languages) {
      case .message(let request): return message(request, id: id)
      case .feedback(let request): return feedback(request, id: id)
      case .reload: return reload(id: id)
      }
    } catch {
      return BridgeReply.error(error, id: id, session: value["session"].flatMap { if case .string(let s) = $0 { s } else { nil } })
    }
  }

  /// The error line for a request longer than the size limit (its bytes were skipped).
  public func lineTooLong(limit: Int) -> String {
    BridgeReply.error(
      BridgeError(.lineTooLong, "The line is longer than \(limit) bytes and was skipped. Send shorter messages, or start serve with a larger --max-line-bytes."),
      id: .null)
  }

  // MARK: Requests

  private func message(_ request: BridgeRequest.MessageRequest, id: JSONValue) -> String {
    var session = session(request.session)
    let outcome = desk.respond(
      to: Message(request.text, language: request.language, timeZone: request.timeZone), in: &session)
    return deliver(outcome, id: id, session: session, transcript: request.transcript)
  }

  private func feedback(_ request: BridgeRequest.FeedbackRequest, id: JSONValue) -> String {
    var session = session(request.session)
    let outcome = desk.feedback(helpful: request.helpful, rating: request.rating, comment: request.comment, in: &session)
    return deliver(outcome, id: id, session: session, transcript: request.transcript)
  }

  /// The reply line. Its escalation record is the summary, or with `transcript` the whole record as the
  /// outbox holds it (the session's copy may keep only the latest turns).
  private func deliver(_ outcome: Desk.Outcome, id: JSONValue, session: Session, transcript: Bool) -> String {
    store(session)
    if let failure = outcome.failure {
      return BridgeReply.error(
        BridgeError(.outboxUnwritable, "\(failure) The customer was asked to try again; fix the outbox folder."),
        id: id, session: session.id, language: outcome.reply.language, text: outcome.failureText)
    }
    let escalation = outcome.reply.escalation.map { record in
      transcript ? ((try? desk.outbox.readRecord(id: record.id)) ?? record).json : record.summaryJSON
    }
    return BridgeReply.encode(outcome.reply, id: id, session: session.id, escalation: escalation ?? .null)
  }

  private func reload(id: JSONValue) -> String {
    let outcome = desk.store.reload()
    var members: [(String, JSONValue)] = [
      ("id", id), ("type", .string("reload")), ("reloaded", .bool(outcome.reloaded)),
      ("examples", .number(outcome.exampleCount)),
      ("findings", .array(outcome.findings.map(BridgeReply.finding))),
    ]
    if !outcome.reloaded {
      let errors = outcome.findings.filter { $0.severity == .error }.count
      members.append(
        ("error", .object([
          ("code", .string(BridgeError.Code.reloadFailed.rawValue)),
          ("message", .string("The content has \(errors) error(s); the previous content stays in service.")),
        ])))
    }
    return JSONValue.object(members).serialized
  }

  // MARK: Sessions

  private func session(_ id: String) -> Session {
    let now = clock()
    let timeout = configuration.sessionIdleTimeout
    return sessions.withLock { $0.take(id, now: now, idleTimeout: timeout) } ?? Session(id: id)
  }

  private func store(_ session: Session) {
    let now = clock()
    let limit = configuration.maximumSessions
    sessions.withLock { $0.put(session, now: now, limit: limit) }
  }

  /// The number of sessions in memory.
  public var sessionCount: Int { sessions.withLock { $0.entries.count } }
}

/// Sessions by id, with their last use, evicting the least recently used past a limit.
struct SessionTable: Sendable {
  var entries: [String: (session: Session, used: Date)] = [:]

  mutating func take(_ id: String, now: Date, idleTimeout: TimeInterval) -> Session? {
    guard let entry = entries[id] else { return nil }
    if now.timeIntervalSince(entry.used) > idleTimeout {
      entries[id] = nil
      return nil
    }
    return entry.session
  }

  mutating func put(_ session: Session, now: Date, limit: Int) {
    entries[session.id] = (session, now)
    if entries.count > limit {
      // Evict the oldest tenth at once: one sort of the sessions per limit/10 requests, so eviction
      // costs O(log n) per request on average.
      let victims = entries.sorted { $0.value.used < $1.value.used }.prefix(max(1, limit / 10))
      for victim in victims { entries[victim.key] = nil }
    }
  }
}
