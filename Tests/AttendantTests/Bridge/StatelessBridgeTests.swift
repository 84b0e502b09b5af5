import Foundation
import Synchronization
import Testing

@testable import Attendant

/// The bridge with `Configuration.state` (`serve --stateless`): each request brings its session as the
/// previous reply's `state`, so that bridges that share nothing but a key and an outbox answer one
/// conversation as one bridge with memory would.
struct StatelessBridgeTests {
  static let key = SessionStateTests.key

  static func bridge(
    stateless: Bool = true, outbox: URL = Paths.temporaryFolder(), engine: Engine = Demo.engine,
    clock: @escaping @Sendable () -> Date = { Date.at("2027-03-27T19:30:00Z") }
  ) -> Bridge {
    var configuration = Bridge.Configuration()
    if stateless { configuration.state = SessionState(key: key) }
    return Bridge(
      store: EngineStore(engine: engine), outbox: FileOutbox(folder: outbox), configuration: configuration, clock: clock
    )
  }

  /// Two conversations, interleaved: a clarification, an option picked, unhelpful feedback, the offer
  /// of a person taken, contact details after the hand-off; and a follow-up, two questions outside the
  /// content, the hand-off after them, a message to the person and a goodbye.
  static let script: [String] = [
    #"{"session": "a", "text": "payment"}"#,
    #"{"session": "b", "text": "do you ship to Japan?", "timeZone": "Asia/Tokyo"}"#,
    #"{"session": "a", "text": "2"}"#,
    #"{"session": "b", "text": "what about Germany?"}"#,
    #"{"type": "feedback", "session": "a", "helpful": false, "rating": 2, "comment": "no crypto?"}"#,
    #"{"session": "b", "text": "what is the weather in Tokyo?"}"#,
    #"{"session": "a", "text": "yes please"}"#,
    #"{"session": "b", "text": "who won the football match yesterday?"}"#,
    #"{"session": "a", "text": "my e-mail is ana@example.com", "transcript": true}"#,
    #"{"session": "b", "text": "is anyone there? it is about my parcel"}"#,
    #"{"session": "a", "text": "gdje je moja narudžba", "transcript": true}"#,
    #"{"session": "b", "text": "ok thanks, bye"}"#,
  ]

  /// A reply without its state, with escalation ids numbered in order of appearance (the outbox draws
  /// them at random). Every number must agree to the last bit: the matcher adds its contributions in a
  /// fixed order, in every process.
  static func normalized(_ line: String, ids: inout [String: String]) throws -> String {
    guard case .object(let members) = try JSONValue.parse(line) else { return line }
    var text = JSONValue.object(members.filter { $0.0 != "state" }).serialized
    while let range = text.firstRange(of: /esc-\d{8}T\d{6}Z-[0-9a-f]{24}/) {
      let id = String(text[range])
      let number = ids[id] ?? "escalation-\(ids.count + 1)"
      ids[id] = number
      text.replaceSubrange(range, with: number)
    }
    return text
  }

  /// Sends a script line with the session's last state, if there is one, and keeps the new state.
  static func send(_ line: String, to bridge: Bridge, states: inout [String: String]) throws -> String {
    guard case .object(var members) = try JSONValue.parse(line),
      case .string(let session)? = JSONValue.object(members)["session"]
    else { return bridge.handle(Array(line.utf8)) }
    if let state = states[session] { members.append(("state", .string(state))) }
    let reply = bridge.handle(Array(JSONValue.object(members).serialized.utf8))
    if case .string(let state)? = try JSONValue.parse(reply)["state"] { states[session] = state }
    return reply
  }

  @Test func twoStatelessBridgesTakingTurnsAnswerAsOneBridgeWithMemory() throws {
    let memoryOutbox = Paths.temporaryFolder()
    let memory = Self.bridge(stateless: false, outbox: memoryOutbox)
    let sharedOutbox = Paths.temporaryFolder()
    let replicas = [Self.bridge(outbox: sharedOutbox), Self.bridge(outbox: sharedOutbox)]
    var states: [String: String] = [:]
    var memoryIDs: [String: String] = [:]
    var replicaIDs: [String: String] = [:]
    for (index, line) in Self.script.enumerated() {
      let expected = try Self.normalized(memory.handle(Array(line.utf8)), ids: &memoryIDs)
      let reply = try Self.send(line, to: replicas[index % 2], states: &states)
      #expect(try JSONValue.parse(reply)["state"] != nil, "every reply carries the state")
      #expect(try Self.normalized(reply, ids: &replicaIDs) == expected, "line \(index + 1): \(line)")
    }
    #expect(replicas.allSatisfy { $0.sessionCount == 0 }, "the replicas keep no sessions")
    // The records in the shared outbox are the records the bridge with memory wrote.
    let records = try FileManager.default.contentsOfDirectory(atPath: sharedOutbox.path).filter {
      $0.hasSuffix(".json")
    }
    #expect(records.count == 2)
    for file in records {
      let record = try Self.expectSameRecord(
        String(file.dropLast(".json".count)), in: sharedOutbox, replicaIDs: replicaIDs, as: memoryOutbox,
        memoryIDs: memoryIDs)
      #expect(record.revision > 1, "later turns were appended by both replicas")
    }
  }

  /// Checks that a record in the replicas' outbox is the record of the same conversation in the outbox
  /// of the bridge with memory (ids matched by `normalized`), and returns it.
  @discardableResult
  static func expectSameRecord(
    _ id: String, in sharedOutbox: URL, replicaIDs: [String: String], as memoryOutbox: URL, memoryIDs: [String: String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> EscalationRecord {
    let memoryID = try #require(memoryIDs.first { $0.value == replicaIDs[id] }?.key, sourceLocation: sourceLocation)
    var record = try FileOutbox(folder: sharedOutbox).readRecord(id: id)
    record.id = memoryID
    var none: [String: String] = [:]
    let memoryRecord = try FileOutbox(folder: memoryOutbox).readRecord(id: memoryID)
    #expect(
      try normalized(record.json.serialized, ids: &none) == normalized(memoryRecord.json.serialized, ids: &none),
      sourceLocation: sourceLocation)
    return record
  }

  @Test func withoutAStateAConversationStartsAndTheStateCarriesIt() throws {
    let bridge = Self.bridge()
    var states: [String: String] = [:]
    let first = try JSONValue.parse(Self.send(#"{"session": "s", "text": "payment"}"#, to: bridge, states: &states))
    #expect(first["type"] == .string("clarify"))
    let second = try JSONValue.parse(Self.send(#"{"session": "s", "text": "2"}"#, to: bridge, states: &states))
    #expect(second["reason"] == .string("clarified"))
    #expect(second["intent"] == .string("payment-methods"))
    #expect(second["restarted"] == nil)
    let fresh = try JSONValue.parse(bridge.handle(Array(#"{"session": "s", "text": "2", "state": null}"#.utf8)))
    #expect(fresh["reason"] != .string("clarified"), "without the state, '2' picks nothing")
  }

  static func code(_ reply: String) throws -> String? {
    guard case .string(let code)? = try JSONValue.parse(reply)["error"]?["code"] else { return nil }
    return code
  }

  static func message(_ reply: String) throws -> String {
    guard case .string(let message)? = try JSONValue.parse(reply)["error"]?["message"] else { return "" }
    return message
  }

  @Test func aChangedStateIsRefusedWithTheFixAndTheNextLineIsAnswered() throws {
    let bridge = Self.bridge()
    var states: [String: String] = [:]
    _ = try Self.send(#"{"session": "s", "text": "payment"}"#, to: bridge, states: &states)
    var bytes = try #require(Base64URL.decode(states["s"]!))
    bytes[20] ^= 0x20
    let changed = Base64URL.encode(bytes)
    for state in [
      changed, "not a state",
      SessionState(key: SessionStateTests.otherKey).seal(
        ChatSession(id: "s"), contentVersion: Demo.engine.contentVersion, at: .now),
    ] {
      let reply = bridge.handle(Array(#"{"id": 7, "session": "s", "text": "2", "state": "\#(state)"}"#.utf8))
      #expect(try Self.code(reply) == "state_invalid", "\(reply)")
      #expect(try JSONValue.parse(reply)["id"] == .number("7"))
      #expect(try JSONValue.parse(reply)["state"] == nil)
      #expect(try Self.message(reply).contains("or leave 'state' out to start the conversation over"))
    }
    #expect(
      try Self.message(bridge.handle(Array(#"{"session": "s", "text": "2", "state": "\#(changed)"}"#.utf8))).contains(
        "ATTENDANT_STATE_KEY_PREVIOUS"))
    let next = try JSONValue.parse(Self.send(#"{"session": "s", "text": "2"}"#, to: bridge, states: &states))
    #expect(next["reason"] == .string("clarified"), "the good state still works")
  }

  @Test func anotherSessionsStateIsRefused() throws {
    let bridge = Self.bridge()
    var states: [String: String] = [:]
    _ = try Self.send(#"{"session": "a", "text": "payment"}"#, to: bridge, states: &states)
    let reply = bridge.handle(Array(#"{"session": "b", "text": "2", "state": "\#(states["a"]!)"}"#.utf8))
    #expect(try Self.code(reply) == "state_mismatch")
    #expect(try Self.message(reply).contains("belongs to session 'a', not 'b'"))
  }

  @Test(arguments: [#"42"#, #"{"s": 1}"#, #"true"#])
  func aStateThatIsNotAStringIsTheWrongType(state: String) throws {
    let reply = Self.bridge().handle(Array(#"{"session": "s", "text": "hi", "state": \#(state)}"#.utf8))
    #expect(try Self.code(reply) == "wrong_type")
    #expect(try Self.message(reply).contains("'state' must be a string"))
  }

  @Test func theBridgeWithMemoryIgnoresAState() throws {
    let reply = try JSONValue.parse(
      Self.bridge(stateless: false).handle(Array(#"{"session": "s", "text": "where is my order", "state": 42}"#.utf8)))
    #expect(reply["type"] == .string("answer"))
    #expect(reply["state"] == nil)
  }

  /// The content version goes with the content in service: a reload of changed content makes the
  /// states sealed before it stale, and the states sealed after it carry the new version.
  @Test func aReloadOfChangedContentMakesEarlierStatesStale() throws {
    let folder = try Paths.copyOfFixture("basics")
    let store = EngineStore(engine: try #require(ContentValidation.load(folder).engine), folder: folder)
    var configuration = Bridge.Configuration()
    configuration.state = SessionState(key: Self.key)
    let bridge = Bridge(
      store: store, outbox: FileOutbox(folder: Paths.temporaryFolder()), configuration: configuration,
      clock: { Date.at("2027-03-27T19:30:00Z") })
    let before = store.versionedEngine.contentVersion
    #expect(before == store.engine.knowledgeBase.contentVersion())
    var states: [String: String] = [:]
    _ = try Self.send(#"{"session": "s", "text": "when are you open?"}"#, to: bridge, states: &states)

    let article = folder.appendingPathComponent("KnowledgeBase/en/parking.md")
    try (String(contentsOf: article, encoding: .utf8) + "\nOne more sentence.\n").write(
      to: article, atomically: true, encoding: .utf8)
    #expect(try JSONValue.parse(bridge.handle(Array(#"{"type": "reload"}"#.utf8)))["reloaded"] == .bool(true))
    let after = store.versionedEngine.contentVersion
    #expect(after != before)
    #expect(after == store.engine.knowledgeBase.contentVersion())

    let stale = try JSONValue.parse(
      Self.send(#"{"session": "s", "text": "where can I park?"}"#, to: bridge, states: &states))
    #expect(stale["restarted"]?["code"] == .string("state_stale"))
    guard case .string(let message)? = stale["restarted"]?["message"] else { throw Failure("no message") }
    #expect(message.contains("content version \(before); this server has \(after)"))
    let next = try JSONValue.parse(
      Self.send(#"{"session": "s", "text": "and the opening hours?"}"#, to: bridge, states: &states))
    #expect(next["restarted"] == nil, "the new state is the new content's")
  }

  @Test func aStateMadeWithOtherContentStartsTheConversationOver() throws {
    let other = Engine(knowledgeBase: try ContentLoader().load(from: Paths.fixture("basics")))
    #expect(other.contentVersion != Demo.engine.contentVersion)
    var states: [String: String] = [:]
    _ = try Self.send(#"{"session": "s", "text": "payment"}"#, to: Self.bridge(engine: other), states: &states)
    let reply = try JSONValue.parse(
      Self.send(#"{"session": "s", "text": "where is my order"}"#, to: Self.bridge(), states: &states))
    #expect(reply["type"] == .string("answer"), "the message is answered, in a new conversation")
    #expect(reply["restarted"]?["code"] == .string("state_stale"))
    guard case .string(let message)? = reply["restarted"]?["message"] else { throw Failure("no message") }
    #expect(message.contains("content version \(other.contentVersion); this server has \(Demo.engine.contentVersion)"))
    let next = try JSONValue.parse(
      Self.send(#"{"session": "s", "text": "and how long does delivery take?"}"#, to: Self.bridge(), states: &states))
    #expect(next["restarted"] == nil, "the new state is this content's")
  }

  @Test func aStateOlderThanTheIdleTimeoutStartsTheConversationOver() throws {
    let now = Mutex(Date.at("2027-03-27T19:30:00Z"))
    let bridge = Self.bridge(clock: { now.withLock { $0 } })
    var states: [String: String] = [:]
    _ = try Self.send(#"{"session": "s", "text": "payment"}"#, to: bridge, states: &states)
    now.withLock { $0 += 23 * 3600 }
    let kept = try JSONValue.parse(Self.send(#"{"session": "s", "text": "2"}"#, to: bridge, states: &states))
    #expect(kept["reason"] == .string("clarified"))
    _ = try Self.send(#"{"session": "s", "text": "payment"}"#, to: bridge, states: &states)
    now.withLock { $0 += 25 * 3600 }
    let expired = try JSONValue.parse(Self.send(#"{"session": "s", "text": "2"}"#, to: bridge, states: &states))
    #expect(expired["restarted"]?["code"] == .string("state_expired"))
    #expect(expired["reason"] != .string("clarified"))
  }

  @Test func anUnwritableOutboxReturnsTheStateSoThatTheRetryEscalatesWithEverything() throws {
    let outbox = Paths.temporaryFolder().appendingPathComponent("outbox")
    #expect(FileManager.default.createFile(atPath: outbox.path, contents: Data()))
    let bridge = Self.bridge(outbox: outbox)
    var states: [String: String] = [:]
    _ = try Self.send(#"{"session": "s", "text": "where is my order"}"#, to: bridge, states: &states)
    let before = states["s"]
    let failed = try Self.send(#"{"session": "s", "text": "I want to talk to a human"}"#, to: bridge, states: &states)
    #expect(try Self.code(failed) == "outbox_unwritable")
    #expect(states["s"] != before, "the error line carries the state with the turn in it")
    try FileManager.default.removeItem(at: outbox)
    let retried = try JSONValue.parse(
      Self.send(#"{"session": "s", "text": "I want to talk to a human"}"#, to: bridge, states: &states))
    #expect(retried["type"] == .string("escalate"))
    guard case .string(let id)? = retried["escalation"]?["id"] else { throw Failure("no escalation") }
    let record = try FileOutbox(folder: outbox).readRecord(id: id)
    #expect(
      record.transcript.filter { $0.from == .customer }.map(\.text) == [
        "where is my order", "I want to talk to a human", "I want to talk to a human",
      ])
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
