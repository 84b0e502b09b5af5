import Foundation
import Testing

@testable import Attendant

/// `docs/escalation.schema.json` against the records the engine writes, and the validator against
/// records that break it (so that a passing check means something).
struct EscalationSchemaTests {
  /// A record with every optional field set.
  static func fullRecord() throws -> EscalationRecord {
    var conversation = ConversationDriver(
      timeZone: TimeZone(identifier: "Europe/Zagreb"), at: .at("2026-11-28T19:00:00Z"))
    conversation.say("where is my order")
    let reply = conversation.say("I want to talk to a human, my e-mail is ana@example.com")
    return try #require(reply.escalation)
  }

  static func encoded(_ record: EscalationRecord) throws -> JSONValue {
    try JSONValue.parse(Array(try EscalationRecord.makeEncoder().encode(record)))
  }

  /// The record as JSON with one change applied at a path of object keys.
  static func changed(_ value: JSONValue, at path: [String], to replacement: JSONValue?) -> JSONValue {
    guard case .object(var members) = value, let key = path.first else { return replacement ?? .null }
    if path.count == 1 {
      members.removeAll { $0.0 == key }
      if let replacement { members.append((key, replacement)) }
    } else if let index = members.firstIndex(where: { $0.0 == key }) {
      members[index].1 = changed(members[index].1, at: Array(path.dropFirst()), to: replacement)
    }
    return .object(members)
  }

  @Test func aRecordWithEveryFieldIsValid() throws {
    let record = try Self.fullRecord()
    #expect(record.customer.contact == ["ana@example.com"])
    #expect(record.assignment.team != nil && record.assignment.nextShiftStart != nil)
    #expect(EscalationSchema.problems(record) == [])
  }

  @Test func theSchemaDeclaresEveryFieldTheRecordHas() throws {
    let json = try Self.encoded(try Self.fullRecord())
    guard case .object(let properties)? = EscalationSchema.validator.schema["properties"],
      case .object(let members) = json
    else {
      Issue.record("the schema or the record is not an object")
      return
    }
    #expect(Set(members.map(\.0)) == Set(properties.map(\.0)))
    #expect(EscalationSchema.validator.schema["additionalProperties"] == .bool(false))
  }

  @Test func recordsDecodeAsTheyWereWritten() throws {
    let record = try Self.fullRecord()
    let data = try EscalationRecord.makeEncoder().encode(record)
    let decoded = try EscalationRecord.makeDecoder().decode(EscalationRecord.self, from: data)
    #expect(decoded.id == record.id)
    #expect(decoded.createdAt == record.createdAt)
    #expect(decoded.transcript.count == record.transcript.count)
    #expect(decoded.priority == record.priority)
    #expect(decoded.assignment == record.assignment)
  }

  @Test(
    arguments: [
      (["reason"], JSONValue.string("bored"), "is not one of"),
      (["priority"], .string("critical"), "is not one of"),
      (["schemaVersion"], .number(1), "is not one of"),
      (["id"], .string("esc-20261128T190000Z-3f9a1c2b"), "does not match"),
      (["id"], .string("escalation-1"), "does not match"),
      (["createdAt"], .string("2026-11-28 19:00:00"), "is not an RFC 3339 date-time"),
      (["createdAt"], .string("2026-11-28T20:00:00+01:00"), "does not match"),
      (["updatedAt"], .string("2026-02-30T19:00:00Z"), "is not an RFC 3339 date-time"),
      (["revision"], .number(0), "below the minimum"),
      (["revision"], .number("1.5"), "expected integer"),
      (["language"], .string("English"), "does not match"),
      (["session"], .number(7), "expected string"),
      (["assignment", "onShift"], nil, "'onShift' is missing"),
      (["assignment", "expectedFirstResponse"], .string("soon"), "is not an RFC 3339 date-time"),
      (["customer", "contact"], .string("ana@example.com"), "expected array"),
      (["customer", "mood"], .string("grumpy"), "'mood' is not allowed"),
      (["transcript"], .array([]), "fewer than 2"),
      (
        ["candidates"], .array([.object([("intent", .string("Order Status")), ("confidence", .number(1.2))])]),
        "does not match"
      ),
      (["frustrationSignals"], .array([.number(1)]), "expected string"),
      (["extra"], .bool(true), "'extra' is not allowed"),
    ] as [([String], JSONValue?, String)])
  func theValidatorRejectsABrokenRecord(path: [String], replacement: JSONValue?, problem: String) throws {
    let broken = Self.changed(try Self.encoded(try Self.fullRecord()), at: path, to: replacement)
    let problems = EscalationSchema.validator.validate(broken)
    #expect(problems.contains { $0.contains(problem) }, "\(problems)")
  }

  @Test func theValidatorChecksTranscriptTurns() throws {
    let json = try Self.encoded(try Self.fullRecord())
    guard case .array(var turns)? = json["transcript"] else {
      Issue.record("no transcript")
      return
    }
    turns[0] = Self.changed(turns[0], at: ["from"], to: .string("agent"))
    turns[1] = Self.changed(turns[1], at: ["confidence"], to: .number(-0.1))
    let problems = EscalationSchema.validator.validate(Self.changed(json, at: ["transcript"], to: .array(turns)))
    #expect(problems.contains { $0.hasPrefix("/transcript/0/from:") })
    #expect(problems.contains { $0.hasPrefix("/transcript/1/confidence:") && $0.contains("below the minimum") })
  }

  @Test func theValidatorRefusesKeywordsItDoesNotImplement() throws {
    let schema = try JSONValue.parse(#"{"type": "object", "oneOf": [{"type": "string"}]}"#)
    #expect(JSONSchemaValidator(schema: schema).validate(.object([])).contains { $0.contains("'oneOf'") })
  }

  @Test(arguments: [
    ("2026-11-28T19:00:00Z", true), ("2026-11-28T19:00:00.123Z", true), ("2024-02-29T00:00:00+07:00", true),
    ("2026-11-28T20:00:00-03:30", true), ("2025-02-29T00:00:00Z", false), ("2026-11-28T24:00:00Z", false),
    ("2026-11-28T19:00Z", false), ("2026-11-28", false), ("2026-11-28T19:00:00+0100", false),
  ])
  func dateTimesFollowRFC3339(text: String, valid: Bool) {
    #expect(JSONSchemaValidator.isDateTime(text) == valid)
  }
}

/// The hand-written JSON of a record says exactly what `JSONEncoder` would say.
struct EscalationRecordJSONTests {
  @Test func theRecordsJSONEqualsWhatJSONEncoderWrites() throws {
    var conversation = ConversationDriver()
    _ = conversation.say("hello, my parcel ORB-48213579 has not arrived", language: .en)
    let reply = conversation.say("I would like to talk to a human, please", language: .en)
    var record = try #require(reply.escalation)
    record.customer.contact = ["someone@example.com"]
    let mine = try JSONValue.parse(record.json.serialized)
    let theirs = try JSONValue.parse(String(decoding: EscalationRecord.makeEncoder().encode(record), as: UTF8.self))
    #expect(mine == theirs)
    let decoded = try EscalationRecord.makeDecoder().decode(EscalationRecord.self, from: Data(record.json.pretty))
    #expect(decoded == record)
  }
}
