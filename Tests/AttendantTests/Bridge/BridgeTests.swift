import Foundation
import Testing

@testable import Attendant

/// The JSON Lines protocol, one line in and one line out, without a process.
struct BridgeTests {
  static let fixedNow = Demo.wednesdayMorning

  static func bridge(outbox: URL = Paths.temporaryFolder()) -> Bridge {
    Bridge(store: EngineStore(engine: Demo.engine), outbox: FileOutbox(folder: outbox), clock: { BridgeTests.fixedNow })
  }

  static func send(_ bridge: Bridge, _ line: String) throws -> JSONValue {
    try JSONValue.parse(bridge.handle(Array(line.utf8)))
  }

  static func errorCode(_ reply: JSONValue) -> String? {
    guard case .string(let type)? = reply["type"], type == "error", case .string(let code)? = reply["error"]?["code"]
    else {
      return nil
    }
    return code
  }

  @Test(arguments: [
    (#"{"session": "b1", "text": "#, "invalid_json"),
    (#"{"session": "b2"}"#, "missing_field"),
    (#"{"text": "hello"}"#, "missing_field"),
    (#"{"session": "b3", "text": 42}"#, "wrong_type"),
    (#"{"session": 7, "text": "hello"}"#, "wrong_type"),
    (#"{"session": "b4", "text": "hello", "language": "xx"}"#, "unknown_language"),
    (#"{"session": "b4", "text": "hello", "timeZone": "Mars/Olympus"}"#, "unknown_time_zone"),
    (#"{"session": "b4", "text": "hello", "transcript": "yes"}"#, "wrong_type"),
    (#"["session", "text"]"#, "not_an_object"),
    (#""just a string""#, "not_an_object"),
    (#"{"session": "b5", "text": "   "}"#, "empty_text"),
    (#"{"type": "dance", "session": "b6"}"#, "unknown_type"),
    (#"{"type": "feedback", "session": "b7"}"#, "missing_field"),
    (#"{"type": "feedback", "session": "b7", "helpful": "yes"}"#, "wrong_type"),
    (#"{"type": "feedback", "session": "b7", "helpful": true, "rating": 9}"#, "invalid_value"),
  ])
  func eachBadLineGetsAnErrorWithACode(line: String, code: String) throws {
    let bridge = Self.bridge()
    let reply = try Self.send(bridge, line)
    #expect(Self.errorCode(reply) == code, "\(reply.serialized)")
    guard case .string(let message)? = reply["error"]?["message"] else {
      Issue.record("no error message")
      return
    }
    #expect(message.count > 20, "the message says what is wrong and how to fix it")
    let next = try Self.send(bridge, #"{"id": "next", "session": "ok", "text": "where is my order", "language": "en"}"#)
    #expect(next["type"] == .string("answer"), "the next valid line is still answered")
  }

  @Test func invalidUTF8IsAnErrorLine() throws {
    let bridge = Self.bridge()
    var bytes = Array(#"{"session": "b", "text": ""#.utf8)
    bytes += [0xC3, 0x28]
    bytes += Array(#" bad"}"#.utf8)
    let reply = try JSONValue.parse(bridge.handle(bytes))
    #expect(Self.errorCode(reply) == "invalid_utf8")
  }

  @Test func aLineOverTheLimitGetsAnErrorLine() throws {
    let reply = try JSONValue.parse(Self.bridge().lineTooLong(limit: 1024))
    #expect(Self.errorCode(reply) == "line_too_long")
  }

  @Test(arguments: [
    #"7"#, #""abc""#, #"{"n": [1, 2.5e3, null]}"#, #"12345678901234567890"#, #"-0.000001"#, #"null"#, #"true"#,
  ])
  func theIDIsEchoedExactlyAsSent(id: String) throws {
    let reply = try Self.send(Self.bridge(), #"{"id": \#(id), "session": "s", "text": "hello", "language": "en"}"#)
    #expect(try reply["id"] == JSONValue.parse(id))
    #expect(
      try Self.bridge().handle(Array(#"{"id": \#(id), "session": "s", "text": "hello"}"#.utf8)).hasPrefix(
        #"{"id":\#(JSONValue.parse(id).serialized)"#))
  }

  @Test func aReplyCarriesEveryContractField() throws {
    let reply = try Self.send(Self.bridge(), #"{"id": 1, "session": "s1", "text": "where is my parcel?"}"#)
    for field in ["id", "session", "type", "language", "intent", "confidence", "text", "candidates", "escalation"] {
      #expect(reply[field] != nil, "missing \(field)")
    }
    #expect(reply["type"] == .string("answer"))
    #expect(reply["intent"] == .string("order-status"))
    #expect(reply["language"] == .string("en"))
    #expect(reply["escalation"] == .null)
    guard case .array(let candidates)? = reply["candidates"],
      case .number(let first)? = candidates.first?["confidence"],
      case .number(let second)? = candidates.dropFirst().first?["confidence"]
    else {
      Issue.record("candidates are missing: \(reply.serialized)")
      return
    }
    #expect(Double(first)! >= Double(second)!, "candidates come best first")
  }

  @Test func sessionsInterleaveAndKeepTheirOwnState() throws {
    let bridge = Self.bridge()
    _ = try Self.send(bridge, #"{"session": "a", "text": "dobar dan, gdje je moja narudžba?"}"#)
    _ = try Self.send(bridge, #"{"session": "b", "text": "siparişim nerede?"}"#)
    // Short messages keep each session's own language.
    let a = try Self.send(bridge, #"{"session": "a", "text": "ok"}"#)
    let b = try Self.send(bridge, #"{"session": "b", "text": "ok"}"#)
    #expect(a["language"] == .string("hr"))
    #expect(b["language"] == .string("tr"))
  }

  @Test func aRequestForAPersonEscalatesAndTheRecordIsOnDiskBeforeTheReply() throws {
    let outbox = Paths.temporaryFolder()
    let bridge = Self.bridge(outbox: outbox)
    let reply = try Self.send(
      bridge, #"{"id": "h", "session": "h", "text": "I want to speak to a human", "language": "en"}"#)
    #expect(reply["type"] == .string("escalate"))
    guard case .string(let id)? = reply["escalation"]?["id"] else {
      Issue.record("no escalation record in \(reply.serialized)")
      return
    }
    let file = outbox.appendingPathComponent("\(id).json")
    let record = try EscalationRecord.makeDecoder().decode(EscalationRecord.self, from: Data(contentsOf: file))
    #expect(record.reason == .humanRequested)
    #expect(record.session == "h")
  }

  /// The summary's fields, in order: the record without the conversation.
  static let summaryFields = [
    "assignment", "candidates", "createdAt", "customer", "id", "priority", "reason", "revision", "updatedAt",
  ]

  static func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let members)? = value else { return [] }
    return members.map(\.0)
  }

  @Test func aReplyCarriesTheRecordsSummaryAndRevisionNotItsTranscript() throws {
    let outbox = Paths.temporaryFolder()
    let bridge = Self.bridge(outbox: outbox)
    let texts = ["I want to speak to a human", "my e-mail is ana@example.com", "hello?", "are you there?"]
    var sizes: [Int] = []
    for (number, text) in texts.enumerated() {
      let line = bridge.handle(Array(#"{"session": "s", "language": "en", "text": "\#(text)"}"#.utf8))
      sizes.append(line.utf8.count)
      let reply = try JSONValue.parse(line)
      #expect(Self.keys(reply["escalation"]) == Self.summaryFields)
      #expect(reply["escalation"]?["revision"] == .number(number + 1))
    }
    let reply = try Self.send(bridge, #"{"session": "s", "language": "en", "text": "still nothing"}"#)
    #expect(reply["escalation"]?["customer"]?["contact"] == .array([.string("ana@example.com")]))
    // The reply does not grow with the conversation.
    #expect(sizes[3] <= sizes[2] + 16)
  }

  @Test func aReplyCarriesTheWholeRecordWhenTheHostAsks() throws {
    let outbox = Paths.temporaryFolder()
    let bridge = Self.bridge(outbox: outbox)
    _ = try Self.send(bridge, #"{"session": "s", "language": "en", "text": "I want to speak to a human"}"#)
    _ = try Self.send(bridge, #"{"session": "s", "language": "en", "text": "hello?"}"#)
    let reply = try Self.send(
      bridge, #"{"session": "s", "language": "en", "text": "are you there?", "transcript": true}"#)
    let record = try #require(reply["escalation"])
    #expect(EscalationSchema.validator.validate(record) == [])
    guard case .string(let id)? = record["id"], case .array(let turns)? = record["transcript"] else {
      Issue.record("no record in \(reply.serialized)")
      return
    }
    #expect(turns.count == 6)
    #expect(record == (try FileOutbox(folder: outbox).readRecord(id: id)).json)
    let feedback = try Self.send(bridge, #"{"type": "feedback", "session": "s", "helpful": false, "transcript": true}"#)
    guard case .array(let more)? = feedback["escalation"]?["transcript"] else {
      Issue.record("no transcript in the feedback reply \(feedback.serialized)")
      return
    }
    #expect(more.count == 8)
  }

  @Test(arguments: [
    "Europe/Zagreb\u{0}x", "UTC\u{0}../../etc/passwd", "../../etc/passwd", "Europe/Zagreb\n", "GMT+0530", "UTC+1",
    "europe/zagreb", "Europe//Zagreb", "/Europe/Zagreb", "Europe/Zagreb ",
  ])
  func aTimeZoneThatIsNotAnIANANameIsAnError(name: String) throws {
    let outbox = Paths.temporaryFolder()
    let bridge = Self.bridge(outbox: outbox)
    let request = JSONValue.object([
      ("session", .string("tz")), ("text", .string("I want to speak to a human")), ("timeZone", .string(name)),
    ])
    let line = bridge.handle(Array(request.serialized.utf8))
    let reply = try JSONValue.parse(line)
    #expect(Self.errorCode(reply) == "unknown_time_zone", "\(line)")
    guard case .string(let message)? = reply["error"]?["message"] else {
      Issue.record("no message")
      return
    }
    #expect(
      !message.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(message.debugDescription)")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []).isEmpty)
  }

  @Test(arguments: ["Europe/Zagreb", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires", "Asia/Saigon", "GMT-0"])
  func anIANATimeZoneIsAccepted(name: String) throws {
    let reply = try Self.send(Self.bridge(), #"{"session": "tz", "text": "where is my order", "timeZone": "\#(name)"}"#)
    #expect(reply["type"] == .string("answer"), "\(reply.serialized)")
  }

  @Test func feedbackOnAnAnswerIsThankedOrOffersAPerson() throws {
    let bridge = Self.bridge()
    _ = try Self.send(bridge, #"{"session": "f", "text": "how do i reset my password", "language": "en"}"#)
    let good = try Self.send(bridge, #"{"type": "feedback", "session": "f", "helpful": true, "rating": 5}"#)
    #expect(good["type"] == .string("answer"))
    let bad = try Self.send(
      bridge, #"{"type": "feedback", "session": "f", "helpful": false, "comment": "not what I asked"}"#)
    #expect(bad["type"] == .string("clarify"))
    let yes = try Self.send(bridge, #"{"session": "f", "text": "yes please"}"#)
    #expect(yes["type"] == .string("escalate"))
    #expect(yes["escalation"]?["reason"] == .string("negative-feedback"))
  }

  @Test func aSessionIDLongerThanTheLimitIsAnError() throws {
    let id = String(repeating: "s", count: BridgeRequest.maximumSessionBytes + 1)
    let reply = try Self.send(Self.bridge(), #"{"session": "\#(id)", "text": "hello"}"#)
    #expect(Self.errorCode(reply) == "invalid_value")
    let fits = String(repeating: "s", count: BridgeRequest.maximumSessionBytes)
    #expect(try Self.send(Self.bridge(), #"{"session": "\#(fits)", "text": "hello"}"#)["type"] == .string("answer"))
  }

  @Test func theLanguageOfTheRequestWinsOverDetection() throws {
    let reply = try Self.send(Self.bridge(), #"{"session": "l", "text": "where is my order", "language": "hr"}"#)
    #expect(reply["language"] == .string("hr"))
  }
}

struct JSONValueTests {
  @Test(arguments: [
    (#"{"a": "x\"y\\z\n\u00e9\ud83d\ude00"}"#, "x\"y\\z\né😀"),
    (#"{"a": "\/"}"#, "/"),
  ])
  func stringsUnescape(json: String, value: String) throws {
    #expect(try JSONValue.parse(json)["a"] == .string(value))
  }

  @Test func longStringsWithAndWithoutEscapesParseWhole() throws {
    let plain = String(repeating: "đơn hàng ", count: 10_000)
    #expect(try JSONValue.parse(JSONValue.object([("a", .string(plain))]).serialized)["a"] == .string(plain))
    let escaped = String(repeating: #"a\"b\\c\n\u00e9 "#, count: 10_000)
    let expected = String(repeating: "a\"b\\c\né ", count: 10_000)
    #expect(try JSONValue.parse("{\"a\": \"\(escaped)\"}")["a"] == .string(expected))
  }

  @Test(
    arguments: [
      [0x22, 0xC3, 0x28, 0x22], [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], [0x22, 0x61, 0x0A, 0x22],
      [0x22, 0x5C, 0x6E, 0x01, 0x22],
      [0x22, 0x5C, 0x71, 0x22], [0x22, 0x5C, 0x6E, 0x61],
    ] as [[UInt8]])
  func badStringsAreRejected(bytes: [UInt8]) {
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(bytes) }
  }

  @Test(arguments: [
    #"{"a": 01}"#, #"{"a": "\ud83d"}"#, #"{"a": "unterminated}"#, #"{"a" 1}"#, #"[1, 2,]"#, "", "nul", #"{"a": 1} x"#,
  ])
  func malformedJSONIsRejected(json: String) {
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(json) }
  }

  @Test func deepNestingIsRejectedNotACrash() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(deep) }
  }

  @Test func serializingRoundTrips() throws {
    let text = #"{"id":[1,-2.5e-3,true,null],"s":"tab\t\"q\" \u0001 \u2028 é"}"#
    let value = try JSONValue.parse(text)
    #expect(try JSONValue.parse(value.serialized) == value)
    #expect(!value.serialized.contains("\n"), "one line")
  }
}
