import Foundation

/// The record as JSON, written without `JSONEncoder`, which costs about a millisecond per record on
/// Linux: every escalation writes its record, and every reply of an escalated conversation its
/// summary. The output is what the synthesized `Codable` conformance would write with sorted keys: the
/// same keys, ISO 8601 dates in UTC, absent optionals left out. `Codable` still reads records.
extension EscalationRecord {
  var json: JSONValue {
    .object([
      ("assignment", assignmentJSON), ("candidates", candidatesJSON), ("createdAt", Self.date(createdAt)),
      ("customer", customerJSON), ("frustrationSignals", .array(frustrationSignals.map { .string($0) })),
      ("id", .string(id)), ("language", .string(language.rawValue)), ("priority", .string(priority.description)),
      ("reason", .string(reason.rawValue)), ("revision", .number(revision)), ("schemaVersion", .number(schemaVersion)),
      ("session", .string(session)), ("transcript", .array(transcript.map(\.json))),
      ("updatedAt", Self.date(updatedAt)),
    ])
  }

  /// What a bridge reply carries of the record: everything a host acts on, without the conversation,
  /// so that a reply stays small however long the conversation grows.
  var summaryJSON: JSONValue {
    .object([
      ("assignment", assignmentJSON), ("candidates", candidatesJSON), ("createdAt", Self.date(createdAt)),
      ("customer", customerJSON), ("id", .string(id)), ("priority", .string(priority.description)),
      ("reason", .string(reason.rawValue)), ("revision", .number(revision)), ("updatedAt", Self.date(updatedAt)),
    ])
  }

  private var assignmentJSON: JSONValue {
    var members: [(String, JSONValue)] = []
    if let date = assignment.expectedFirstResponse { members.append(("expectedFirstResponse", Self.date(date))) }
    if let date = assignment.nextShiftStart { members.append(("nextShiftStart", Self.date(date))) }
    members.append(("onShift", .bool(assignment.onShift)))
    if let team = assignment.team { members.append(("team", .string(team))) }
    return .object(members)
  }

  private var customerJSON: JSONValue {
    var members: [(String, JSONValue)] = [
      ("contact", .array(customer.contact.map { .string($0) })), ("localTime", .string(customer.localTime)),
    ]
    if let zone = customer.timeZone { members.append(("timeZone", .string(zone))) }
    return .object(members)
  }

  private var candidatesJSON: JSONValue {
    .array(
      candidates.map { .object([("confidence", Self.number($0.confidence)), ("intent", .string($0.intent.rawValue))]) })
  }

  static func date(_ date: Date) -> JSONValue { .string(ISO8601.string(from: date)) }

  /// A double as Swift (and `JSONEncoder`) prints it: the shortest text that reads back the same.
  static func number(_ value: Double) -> JSONValue {
    value.isFinite ? .number("\(value)") : .null
  }
}

extension TranscriptTurn {
  var json: JSONValue {
    var members: [(String, JSONValue)] = [("at", EscalationRecord.date(at))]
    if let confidence { members.append(("confidence", EscalationRecord.number(confidence))) }
    if let decision { members.append(("decision", .string(decision.rawValue))) }
    members.append(("from", .string(from.rawValue)))
    if let intent { members.append(("intent", .string(intent.rawValue))) }
    members.append(("language", .string(language.rawValue)))
    members.append(("text", .string(text)))
    return .object(members)
  }
}
