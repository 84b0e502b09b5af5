import Foundation

/// The record as JSON, written without `JSONEncoder`: an escalated conversation carries its record in
/// every reply and rewrites it to the outbox, and `JSONEncoder` costs about a millisecond per record on
/// Linux. The output is what the synthesized `Codable` conformance would write with sorted keys: the
/// same keys, ISO 8601 dates in UTC, absent optionals left out. `Codable` still reads records.
extension EscalationRecord {
  var json: JSONValue {
    var assignmentMembers: [(String, JSONValue)] = []
    if let date = assignment.expectedFirstResponse { assignmentMembers.append(("expectedFirstResponse", Self.date(date))) }
    if let date = assignment.nextShiftStart { assignmentMembers.append(("nextShiftStart", Self.date(date))) }
    assignmentMembers.append(("onShift", .bool(assignment.onShift)))
    if let team = assignment.team { assignmentMembers.append(("team", .string(team))) }

    var customerMembers: [(String, JSONValue)] = [
      ("contact", .array(customer.contact.map { .string($0) })), ("localTime", .string(customer.localTime)),
    ]
    if let zone = customer.timeZone { customerMembers.append(("timeZone", .string(zone))) }

    return .object([
      ("assignment", .object(assignmentMembers)),
      ("candidates", .array(candidates.map { .object([("confidence", Self.number($0.confidence)), ("intent", .string($0.intent.rawValue))]) })),
      ("createdAt", Self.date(createdAt)),
      ("customer", .object(customerMembers)),
      ("frustrationSignals", .array(frustrationSignals.map { .string($0) })),
      ("id", .string(id)),
      ("language", .string(language.rawValue)),
      ("priority", .string(priority.description)),
      ("reason", .string(reason.rawValue)),
      ("revision", .number(revision)),
      ("schemaVersion", .number(schemaVersion)),
      ("session", .string(session)),
      ("transcript", .array(transcript.map(\.json))),
      ("updatedAt", Self.date(updatedAt)),
    ])
  }

  static func date(_ date: Date) -> JSONValue { .string(ISO8601.string(from: date)) }

  /// A double as Swift (and `JSONEncoder`) prints it: the shortest text that reads back the same.
  static func number(_ value: Double) -> JSONValue {
    value.isFinite ? .number("\(value)") : .null
  }
}

extension Turn {
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
