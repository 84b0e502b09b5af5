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
    /// The memory all sessions may hold together, in bytes (`Session.estimatedBytes`); past it, the
    /// least recently used go.
    public var maximumSessionMemory = 96 << 20
    /// Set for `serve --stateless`: the bridge keeps no sessions; each request brings its session as
    /// the `state` of the previous reply, and each reply returns the new one, sealed with these keys.
    /// The idle timeout applies to a state's age.
    public var state: SessionState?

    public init() {}
  }

  public let desk: Desk
  private let clock: @Sendable () -> Date
  private let configuration: Configuration
  private let sessions: Mutex<SessionTable>

  /// Creates a bridge.
  ///
  /// - Parameters:
  ///   - store: The engine in service, reloadable.
  ///   - outbox: Where escalation records go.
  ///   - log: The transcript event log, if any.
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
        to: Message(request.text, language: request.language, timeZone: request.timeZone), in: &session, using: engine)
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
    _ answer: (inout Session, Engine) -> Desk.Outcome
  ) -> String {
    // One engine for the whole turn: the state is checked against its content and sealed with it.
    let engine = desk.store.engine
    var conversation: Conversation
    do {
      conversation = try self.conversation(sessionID, state: state, engine: engine)
    } catch {
      return BridgeReply.error(error, id: id, session: sessionID)
    }
    let outcome = answer(&conversation.session, engine)
    return deliver(outcome, id: id, conversation: conversation, engine: engine, transcript: transcript)
  }

  /// The reply line. Its escalation record is the summary, or with `transcript` the whole record as the
  /// outbox holds it (the session's copy may keep only the latest turns). Without a state the session
  /// is kept in memory; with one, the reply carries the new state (also on `outbox_unwritable`, whose
  /// session holds the turn for the retry).
  private func deliver(
    _ outcome: Desk.Outcome, id: JSONValue, conversation: Conversation, engine: Engine, transcript: Bool
  ) -> String {
    let session = conversation.session
    var trailing: [(String, JSONValue)] = []
    if let sealer = configuration.state {
      if let restart = conversation.restart {
        trailing.append(
          ("restarted", .object([("code", .string(restart.code.rawValue)), ("message", .string(restart.message))])))
      }
      trailing.append(("state", .string(sealer.seal(session, contentVersion: engine.contentVersion, at: clock()))))
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
  private struct Conversation {
    var session: Session
    var restart: Restart?
  }

  /// Why `serve --stateless` started a conversation over instead of continuing its state.
  struct Restart {
    enum Code: String {
      /// Made with other content, or by another version of Attendant.
      case stale = "state_stale"
      /// Older than the idle timeout, after which a stateful serve forgets a session too.
      case expired = "state_expired"
    }

    let code: Code
    let message: String
  }

  /// The session a request continues: from memory, or with `serve --stateless` from its state.
  ///
  /// - Throws: `BridgeError` for a state to refuse: not made by this service, changed, or another session's.
  private func conversation(_ id: String, state: String?, engine: Engine) throws(BridgeError) -> Conversation {
    guard let sealer = configuration.state else { return Conversation(session: session(id)) }
    guard let state else { return Conversation(session: Session(id: id)) }
    let opened: SessionState.Opened
    do {
      opened = try sealer.open(state, contentVersion: engine.contentVersion)
    } catch {
      let fix =
        "Send the 'state' of this session's last reply exactly as it came, or leave 'state' out to start the conversation over."
      let stale: String
      switch error {
      case .malformed(let why):
        throw BridgeError(.stateInvalid, "The field 'state' is not a state: \(why). \(fix)")
      case .forged:
        throw BridgeError(
          .stateInvalid,
          "The field 'state' was not signed by this service: it was changed, or signed with a key this server does not have. \(fix) After changing ATTENDANT_STATE_KEY, give the old key in ATTENDANT_STATE_KEY_PREVIOUS."
        )
      case .otherFormat(let version):
        stale =
          "The state was made by another version of Attendant (state format \(version); this one reads \(SessionState.formatVersion))"
      case .otherContent(let version):
        stale =
          "The state was made with other content (content version \(version); this server has \(engine.contentVersion))"
      case .unreadable(let why):
        stale = "The state was made by another build of Attendant and cannot be read here (\(why))"
      }
      return Conversation(
        session: Session(id: id), restart: Restart(code: .stale, message: stale + "; the conversation started over."))
    }
    guard opened.session.id == id else {
      throw BridgeError(
        .stateMismatch,
        "The field 'state' belongs to session '\(opened.session.id)', not '\(id)'. Send each session the 'state' of its own last reply."
      )
    }
    let idle = clock().timeIntervalSince(opened.sealedAt)
    guard idle <= configuration.sessionIdleTimeout else {
      func duration(_ seconds: TimeInterval) -> String {
        seconds >= 7200 ? "\(Int(seconds / 3600)) hours" : "\(Int(seconds / 60)) minutes"
      }
      return Conversation(
        session: Session(id: id),
        restart: Restart(
          code: .expired,
          message:
            "The state is \(duration(idle)) old, older than the idle limit of \(duration(configuration.sessionIdleTimeout)); the conversation started over."
        ))
    }
    return Conversation(session: opened.session)
  }

  private func session(_ id: String) -> Session {
    let now = clock()
    let timeout = configuration.sessionIdleTimeout
    return sessions.withLock { $0.take(id, now: now, idleTimeout: timeout) } ?? Session(id: id)
  }

  private func store(_ session: Session) {
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

/// Sessions by id, least recently used first out: a hash map into a doubly linked list kept in
/// arrays, so that a look-up, a store and an eviction each cost O(1).
///
/// The table holds at most `maximumSessions` sessions and about `maximumBytes` of them
/// (`Session.estimatedBytes`); past either limit, the least recently used sessions go. A session idle
/// longer than the timeout is forgotten when it is next asked for, or when it reaches the old end of
/// the list.
struct SessionTable: Sendable {
  private struct Slot: Sendable {
    var id: String
    var session: Session?
    var used: Date
    var bytes: Int
    /// Towards the most recently used end, and towards the least recently used end.
    var newer: Int32
    var older: Int32
  }

  private var slots: [Slot] = []
  private var index: [String: Int32] = [:]
  private var free: [Int32] = []
  private var newest: Int32 = -1
  private var oldest: Int32 = -1
  /// The sum of the stored sessions' estimated sizes.
  private(set) var bytes = 0

  var count: Int { index.count }
  /// The slots allocated, used or not.
  var reservedSlots: Int { slots.capacity }

  /// A table with room for `capacity` sessions reserved up front (at most 1,000,000), so that it never
  /// grows while serving: growing copies every slot and rehashes every id at once, a stall of tens of
  /// milliseconds for whichever customer's message happens to cross the size. Untouched room costs
  /// address space, not resident memory.
  init(capacity: Int = 0) {
    // One more than the limit: `put` stores a new session before it evicts the oldest.
    let room = min(max(0, capacity), 1_000_000) + 1
    slots.reserveCapacity(room)
    index.reserveCapacity(room)
    free.reserveCapacity(min(room, 1024))
  }

  /// The session with this id, moved out of the table (so that the caller's copy is the only one and
  /// grows without copying); `put` stores it back. `nil` when unknown or idle past the timeout.
  mutating func take(_ id: String, now: Date, idleTimeout: TimeInterval) -> Session? {
    guard let slot = index[id] else { return nil }
    if now.timeIntervalSince(slots[Int(slot)].used) > idleTimeout {
      remove(slot)
      return nil
    }
    let session = slots[Int(slot)].session
    slots[Int(slot)].session = nil
    return session
  }

  /// Stores a session as the most recently used, then evicts past the limits (never this session).
  mutating func put(
    _ session: Session, now: Date, limit: Int, byteLimit: Int = .max, idleTimeout: TimeInterval = .infinity
  ) {
    let size = session.estimatedBytes
    if let slot = index[session.id] {
      bytes += size - slots[Int(slot)].bytes
      slots[Int(slot)].session = session
      slots[Int(slot)].used = now
      slots[Int(slot)].bytes = size
      unlink(slot)
      pushNewest(slot)
    } else {
      let slot: Int32
      let entry = Slot(id: session.id, session: session, used: now, bytes: size, newer: -1, older: -1)
      if let reused = free.popLast() {
        slot = reused
        slots[Int(slot)] = entry
      } else {
        slot = Int32(slots.count)
        slots.append(entry)
      }
      index[session.id] = slot
      bytes += size
      pushNewest(slot)
    }
    while oldest >= 0, oldest != newest,
      index.count > limit || bytes > byteLimit || now.timeIntervalSince(slots[Int(oldest)].used) > idleTimeout
    {
      remove(oldest)
    }
  }

  private mutating func remove(_ slot: Int32) {
    unlink(slot)
    index[slots[Int(slot)].id] = nil
    bytes -= slots[Int(slot)].bytes
    slots[Int(slot)] = Slot(id: "", session: nil, used: .distantPast, bytes: 0, newer: -1, older: -1)
    free.append(slot)
  }

  private mutating func unlink(_ slot: Int32) {
    let entry = slots[Int(slot)]
    if entry.newer >= 0 { slots[Int(entry.newer)].older = entry.older } else if newest == slot { newest = entry.older }
    if entry.older >= 0 { slots[Int(entry.older)].newer = entry.newer } else if oldest == slot { oldest = entry.newer }
    slots[Int(slot)].newer = -1
    slots[Int(slot)].older = -1
  }

  private mutating func pushNewest(_ slot: Int32) {
    slots[Int(slot)].older = newest
    slots[Int(slot)].newer = -1
    if newest >= 0 { slots[Int(newest)].newer = slot }
    newest = slot
    if oldest < 0 { oldest = slot }
  }
}
