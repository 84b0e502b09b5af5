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
    /// The memory all sessions may hold together, in bytes (`ChatSession.estimatedBytes`); past it, the
    /// least recently used go.
    public var maximumSessionMemory = 96 << 20
    /// Set for `serve --stateless`: the bridge keeps no sessions; each request brings its session as
    /// the `state` of the previous reply, and each reply returns the new one, sealed with these keys.
    /// The idle timeout applies to a state's age.
    public var state: SessionState?

    public init() {}
  }

  public let desk: Desk
  let clock: @Sendable () -> Date
  let configuration: Configuration
  private let sessions: Mutex<SessionTable>

  /// Creates a bridge.
  ///
  /// - Parameters:
  ///   - store: The engine in service, reloadable.
  ///   - outbox: Where escalation records go: a `FileOutbox`, or the host's own.
  ///   - log: The transcript log, if any: a `FileTranscriptLog`, or the host's own.
  ///   - configuration: The limits of the sessions kept, or `state` to keep none (`serve --stateless`).
  ///   - clock: The current time; tests pass a fixed clock.
  public init(
    store: EngineStore, outbox: any Outbox, log: (any TranscriptLog)? = nil, configuration: Configuration = .init(),
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.desk = Desk(store: store, outbox: outbox, log: log, clock: clock)
    self.clock = clock
    self.configuration = configuration
    // A stateless bridge keeps no sessions: the requests carry them.
    self.sessions = Mutex(SessionTable(capacity: configuration.state == nil ? configuration.maximumSessions : 0))
    // Its states carry the content version: computed now, at startup, rather than in the first request.
    if configuration.state != nil { _ = store.versionedEngine }
  }

  /// Answers one request line (without its line break) with one reply line (without its line break).
  ///
  /// - Complexity: the engine's matching cost, plus an fsynced write when the reply escalates.
  public func handle(_ line: [UInt8]) -> String {
    guard Self.isValidUTF8(line) else {
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
        BridgeError(
          .notAnObject,
          "A request must be a JSON object, not \(value.typeName), such as {\"session\": \"s1\", \"text\": \"hello\"}."),
        id: .null)
    }
    let id = value["id"] ?? .null
    do {
      switch try BridgeRequest(value, languages: desk.store.engine.languages, readsState: configuration.state != nil) {
      case .message(let request): return message(request, id: id)
      case .feedback(let request): return feedback(request, id: id)
      case .reload: return reload(id: id)
      }
    } catch {
      return BridgeReply.error(
        error, id: id, session: value["session"].flatMap { if case .string(let s) = $0 { s } else { nil } })
    }
  }

  /// Whether the bytes are valid UTF-8: eight bytes at a time while they are ASCII (most of a line,
  /// whatever its length), then the standard library's validation for the rest.
  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    let firstNonASCII: Int = bytes.withUnsafeBytes { raw in
      var index = 0
      while index + 8 <= raw.count {
        if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
      }
      while index < raw.count, raw[index] < 0x80 { index += 1 }
      return index
    }
    guard firstNonASCII < bytes.count else { return true }
    // Everything before is ASCII, so the first byte that is not starts a scalar.
    return String(validating: bytes[firstNonASCII...], as: UTF8.self) != nil
  }

  /// The error line for a request longer than the size limit (its bytes were skipped).
  public func lineTooLong(limit: Int) -> String {
    BridgeReply.error(
      BridgeError(
        .lineTooLong,
        "The line is longer than \(limit) bytes and was skipped. Send shorter messages, or start serve with a larger --max-line-bytes."
      ),
      id: .null)
  }

  // MARK: Requests

  private func message(_ request: BridgeRequest.MessageRequest, id: JSONValue) -> String {
    turn(request.session, state: request.state, id: id, transcript: request.transcript) { session, engine in
      desk.respond(
        to: CustomerMessage(request.text, language: request.language, timeZone: request.timeZone), in: &session,
        using: engine)
    }
  }

  private func feedback(_ request: BridgeRequest.FeedbackRequest, id: JSONValue) -> String {
    turn(request.session, state: request.state, id: id, transcript: request.transcript) { session, engine in
      desk.feedback(
        helpful: request.helpful, rating: request.rating, comment: request.comment, in: &session, using: engine)
    }
  }

  /// One turn of a session: its conversation found, answered by `answer`, and the reply line made.
  private func turn(
    _ sessionID: String, state: String?, id: JSONValue, transcript: Bool,
    _ answer: (inout ChatSession, Engine) -> Desk.Outcome
  ) -> String {
    // One engine for the whole turn: a state is checked against its content and sealed with it.
    let (engine, sealing) = engineForTurn()
    var conversation: Conversation
    if let sealing {
      do {
        conversation = try self.conversation(sessionID, state: state, sealing: sealing)
      } catch {
        return BridgeReply.error(error, id: id, session: sessionID)
      }
    } else {
      conversation = Conversation(session: session(sessionID))
    }
    let outcome = answer(&conversation.session, engine)
    return deliver(outcome, id: id, conversation: conversation, sealing: sealing, transcript: transcript)
  }

  /// The reply line. Its escalation record is the summary, or with `transcript` the whole record as the
  /// outbox holds it (the session's copy may keep only the latest turns). Without a state the session
  /// is kept in memory; with one, the reply carries the new state (also on `outbox_unwritable`, whose
  /// session holds the turn for the retry).
  private func deliver(
    _ outcome: Desk.Outcome, id: JSONValue, conversation: Conversation, sealing: Sealing?, transcript: Bool
  ) -> String {
    let session = conversation.session
    var trailing: [(String, JSONValue)] = []
    if let sealing {
      trailing = stateMembers(conversation, sealing: sealing)
    } else {
      store(session)
    }
    if let failure = outcome.failure {
      return BridgeReply.error(
        BridgeError(.outboxUnwritable, "\(failure) The customer was asked to try again; fix the outbox folder."),
        id: id, session: session.id, language: outcome.reply.language, text: outcome.failureText, trailing: trailing)
    }
    let escalation = outcome.reply.escalation.map { record in
      transcript ? ((try? desk.outbox.readRecord(id: record.id)) ?? record).json : record.summaryJSON
    }
    return BridgeReply.encode(
      outcome.reply, id: id, session: session.id, escalation: escalation ?? .null, trailing: trailing)
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
        (
          "error",
          .object([
            ("code", .string(BridgeError.Code.reloadFailed.rawValue)),
            ("message", .string("The content has \(errors) error(s); the previous content stays in service.")),
          ])
        ))
    }
    return JSONValue.object(members).serialized
  }

  // MARK: Sessions

  /// The session a request continues, and why it started over when its state could not be continued.
  struct Conversation {
    var session: ChatSession
    var restart: Restart?
  }

  private func session(_ id: String) -> ChatSession {
    let now = clock()
    let timeout = configuration.sessionIdleTimeout
    return sessions.withLock { $0.take(id, now: now, idleTimeout: timeout) } ?? ChatSession(id: id)
  }

  private func store(_ session: ChatSession) {
    let now = clock()
    let configuration = configuration
    let session = session.compacted()
    sessions.withLock {
      $0.put(
        session, now: now, limit: configuration.maximumSessions, byteLimit: configuration.maximumSessionMemory,
        idleTimeout: configuration.sessionIdleTimeout)
    }
  }

  /// The number of sessions in memory.
  public var sessionCount: Int { sessions.withLock { $0.count } }

  /// The estimated memory the sessions hold, in bytes.
  public var sessionMemory: Int { sessions.withLock { $0.bytes } }
}
