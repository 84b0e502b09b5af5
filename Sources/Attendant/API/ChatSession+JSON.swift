import Foundation

/// The session as JSON: what a host stores between turns (`Codable`), and what `serve --stateless`
/// signs into the state it hands out (`SessionState`).
///
/// One mapping serves both, written with `JSONValue` rather than synthesized `Codable`: `JSONEncoder`
/// and `JSONDecoder` take about 60 µs for a two-turn session and 850 µs for a forty-turn one on
/// Linux, more than the engine spends on the message. `Codable` goes through the same `JSONValue`.
///
/// Version 1. Keys are those of the escalation record's schema where they mean the same; a value at
/// its default (an empty list, `false`, `0`, `nil`) is left out. Dates are numbers, seconds since
/// 2001-01-01 UTC (`Date.timeIntervalSinceReferenceDate`, what `JSONEncoder` writes by default), so that
/// they read back exactly. The last explanation (`/why`) is not written: it is the one thing a session
/// can do without, and what `compacted()` drops too.
extension ChatSession {
  /// The version of the JSON this type writes and reads.
  public static let jsonVersion = 1

  /// The session as a JSON value.
  package var json: JSONValue {
    var members: [(String, JSONValue)] = [("version", .number(Self.jsonVersion)), ("id", .string(id))]
    if let language { members.append(("language", .string(language.rawValue))) }
    if languageLocked { members.append(("languageLocked", .bool(true))) }
    if let timeZone { members.append(("timeZone", .string(timeZone.identifier))) }
    if !transcript.isEmpty { members.append(("transcript", .array(transcript.map(\.stateJSON)))) }
    if omittedTurns != 0 { members.append(("omittedTurns", .number(omittedTurns))) }
    if let escalation { members.append(("escalation", escalation.stateJSON)) }
    if !frustrationSignals.isEmpty {
      members.append(("frustrationSignals", .array(frustrationSignals.map { .string($0) })))
    }
    if let pending { members.append(("pending", pending.json)) }
    if !recentCustomerMessages.isEmpty {
      // Hex text, not numbers: a 64-bit fingerprint does not survive a trip through a double.
      members.append(("recentMessages", .array(recentCustomerMessages.map { .string(String($0, radix: 16)) })))
    }
    if nonAnswers != 0 { members.append(("nonAnswers", .number(nonAnswers))) }
    if attemptsWithoutAnswer != 0 { members.append(("attemptsWithoutAnswer", .number(attemptsWithoutAnswer))) }
    if let lastAnswered { members.append(("lastAnswered", .string(lastAnswered.rawValue))) }
    if let lastReading { members.append(("lastReading", .string(lastReading))) }
    if let lastReadingLanguage { members.append(("lastReadingLanguage", .string(lastReadingLanguage.rawValue))) }
    if !unsavedRecordTurns.isEmpty {
      members.append(("unsavedRecordTurns", .array(unsavedRecordTurns.map(\.stateJSON))))
    }
    return .object(members)
  }

  /// Reads a session written by `json`.
  ///
  /// - Throws: `SessionFormatError`: another version of the format, or the field that is missing,
  ///   mistyped or invalid; unknown fields are ignored.
  package init(json: JSONValue) throws(SessionFormatError) {
    let object = try JSONFields(json, path: "session")
    let version = try object.int("version")
    guard version == Self.jsonVersion else { throw .unsupportedVersion(version ?? 0) }
    guard let id = try object.string("id") else { throw SessionFormatError(path: "session.id", "is missing") }
    self.init(id: id, language: try object.language("language"), timeZone: try object.timeZone("timeZone"))
    languageLocked = try object.bool("languageLocked") ?? false
    transcript = try object.turns("transcript")
    omittedTurns = try object.int("omittedTurns") ?? 0
    if let record = object["escalation"] {
      escalation = try EscalationRecord(stateJSON: record, path: "session.escalation")
    }
    frustrationSignals = try object.strings("frustrationSignals")
    if let value = object["pending"] { pending = try Pending(json: value, path: "session.pending") }
    recentCustomerMessages = try object.strings("recentMessages").enumerated().map {
      (index, text) throws(SessionFormatError) in
      guard let value = UInt64(text, radix: 16) else {
        throw SessionFormatError(path: "session.recentMessages[\(index)]", "is not a hexadecimal fingerprint")
      }
      return value
    }
    nonAnswers = try object.int("nonAnswers") ?? 0
    attemptsWithoutAnswer = try object.int("attemptsWithoutAnswer") ?? 0
    lastAnswered = try object.intent("lastAnswered")
    lastReading = try object.string("lastReading")
    lastReadingLanguage = try object.language("lastReadingLanguage")
    unsavedRecordTurns = try object.turns("unsavedRecordTurns")
  }
}

extension ChatSession: Codable {
  /// Reads the JSON of `json` from any decoder.
  ///
  /// - Throws: `DecodingError.dataCorrupted` for JSON that is not a session of this version, with the
  ///   `SessionFormatError` that says why as its `underlyingError`.
  public init(from decoder: any Decoder) throws {
    let value = try JSONValue(from: decoder)
    do {
      try self.init(json: value)
    } catch {
      // The error goes along as the underlying error, so that a host can tell its cases apart.
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
    }
  }

  /// Writes `json` to any encoder.
  public func encode(to encoder: any Encoder) throws {
    try json.encode(to: encoder)
  }
}

/// Why a session's JSON cannot be read, by cause: a host that stores sessions can tell one written
/// by another version of Attendant (during a rolling deploy: start the conversation over, or leave it
/// to a replica of that version) from one that is damaged.
public enum SessionFormatError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The JSON's `version` is not the one this version of Attendant reads (`ChatSession.jsonVersion`); 0
  /// when it has none.
  case unsupportedVersion(Int)
  /// A field is missing, mistyped or invalid: `path` says which (`session.transcript[3].at`),
  /// `problem` what is wrong with it.
  case invalidField(path: String, problem: String)

  init(path: String, _ problem: String) {
    self = .invalidField(path: path, problem: problem)
  }

  /// Where: `session.transcript[3].at`.
  public var path: String {
    switch self {
    case .unsupportedVersion: "session.version"
    case .invalidField(let path, _): path
    }
  }

  /// What is wrong with the field, as the end of a sentence that starts with it.
  public var problem: String {
    switch self {
    case .unsupportedVersion(let version):
      "is \(version); this version of Attendant reads sessions of version \(ChatSession.jsonVersion)"
    case .invalidField(_, let problem): problem
    }
  }

  public var description: String { "The session's field '\(path)' \(problem)." }
}

extension ChatSession.Pending {
  var json: JSONValue {
    switch self {
    case .clarification(let intents, let attempts):
      .object([
        ("kind", .string("clarification")), ("intents", .array(intents.map { .string($0.rawValue) })),
        ("attempts", .number(attempts)),
      ])
    case .humanOffer(let reason): .object([("kind", .string("humanOffer")), ("reason", .string(reason.rawValue))])
    case .feedback(let intent): .object([("kind", .string("feedback")), ("intent", .string(intent.rawValue))])
    case .contact: .object([("kind", .string("contact"))])
    }
  }

  init(json: JSONValue, path: String) throws(SessionFormatError) {
    let object = try JSONFields(json, path: path)
    switch try object.string("kind") {
    case "clarification":
      let intents = try object.strings("intents").map { (text) throws(SessionFormatError) in
        guard let intent = IntentID(rawValue: text) else {
          throw SessionFormatError(path: "\(path).intents", "holds '\(text)', which is not an intent id")
        }
        return intent
      }
      self = .clarification(intents, attempts: try object.int("attempts") ?? 0)
    case "humanOffer":
      guard let text = try object.string("reason"), let reason = EscalationReason(rawValue: text) else {
        throw SessionFormatError(path: "\(path).reason", "is not an escalation reason")
      }
      self = .humanOffer(reason)
    case "feedback":
      guard let intent = try object.intent("intent") else {
        throw SessionFormatError(path: "\(path).intent", "is missing")
      }
      self = .feedback(intent)
    case "contact":
      self = .contact
    case let kind:
      throw SessionFormatError(
        path: "\(path).kind", "is '\(kind ?? "")', not clarification, humanOffer, feedback or contact")
    }
  }
}

extension TranscriptTurn {
  /// The turn in a session's JSON: the record schema's keys, with the date as a number.
  var stateJSON: JSONValue {
    var members: [(String, JSONValue)] = [
      ("at", .number(String(at.timeIntervalSinceReferenceDate))), ("from", .string(from.rawValue)),
      ("text", .string(text)), ("language", .string(language.rawValue)),
    ]
    if let intent { members.append(("intent", .string(intent.rawValue))) }
    if let confidence { members.append(("confidence", EscalationRecord.number(confidence))) }
    if let decision { members.append(("decision", .string(decision.rawValue))) }
    return .object(members)
  }

  init(stateJSON json: JSONValue, path: String) throws(SessionFormatError) {
    let object = try JSONFields(json, path: path)
    guard let from = try object.string("from").flatMap(Speaker.init(rawValue:)) else {
      throw SessionFormatError(path: "\(path).from", "is not 'customer' or 'bot'")
    }
    guard let language = try object.language("language") else {
      throw SessionFormatError(path: "\(path).language", "is missing")
    }
    var decision: Decision?
    if let text = try object.string("decision") {
      guard let value = Decision(rawValue: text) else {
        throw SessionFormatError(path: "\(path).decision", "is '\(text)', not answer, clarify or escalate")
      }
      decision = value
    }
    self.init(
      at: try object.requiredDate("at"), from: from, text: try object.string("text") ?? "", language: language,
      intent: try object.intent("intent"), confidence: try object.double("confidence"), decision: decision)
  }
}

extension EscalationRecord {
  /// The record in a session's JSON: the schema's keys, with dates as numbers so that they read back
  /// exactly (the outbox's files give them to the second).
  var stateJSON: JSONValue {
    func date(_ date: Date) -> JSONValue { .number(String(date.timeIntervalSinceReferenceDate)) }
    var assignment: [(String, JSONValue)] = [("onShift", .bool(self.assignment.onShift))]
    if let team = self.assignment.team { assignment.append(("team", .string(team))) }
    if let value = self.assignment.expectedFirstResponse { assignment.append(("expectedFirstResponse", date(value))) }
    if let value = self.assignment.nextShiftStart { assignment.append(("nextShiftStart", date(value))) }
    var customer: [(String, JSONValue)] = [("localTime", .string(self.customer.localTime))]
    if let zone = self.customer.timeZone { customer.append(("timeZone", .string(zone))) }
    if !self.customer.contact.isEmpty {
      customer.append(("contact", .array(self.customer.contact.map { .string($0) })))
    }
    var members: [(String, JSONValue)] = [
      ("schemaVersion", .number(schemaVersion)), ("id", .string(id)), ("createdAt", date(createdAt)),
      ("updatedAt", date(updatedAt)), ("revision", .number(revision)), ("session", .string(session)),
      ("language", .string(language.rawValue)), ("reason", .string(reason.rawValue)),
      ("priority", .string(priority.description)), ("assignment", .object(assignment)), ("customer", .object(customer)),
      (
        "candidates",
        .array(
          candidates.map {
            .object([("intent", .string($0.intent.rawValue)), ("confidence", Self.number($0.confidence))])
          })
      ),
    ]
    if !frustrationSignals.isEmpty {
      members.append(("frustrationSignals", .array(frustrationSignals.map { .string($0) })))
    }
    members.append(("transcript", .array(transcript.map(\.stateJSON))))
    return .object(members)
  }

  init(stateJSON json: JSONValue, path: String) throws(SessionFormatError) {
    let object = try JSONFields(json, path: path)
    guard let id = try object.string("id") else { throw SessionFormatError(path: "\(path).id", "is missing") }
    guard let session = try object.string("session") else {
      throw SessionFormatError(path: "\(path).session", "is missing")
    }
    guard let language = try object.language("language") else {
      throw SessionFormatError(path: "\(path).language", "is missing")
    }
    guard let reason = try object.string("reason").flatMap(EscalationReason.init(rawValue:)) else {
      throw SessionFormatError(path: "\(path).reason", "is not an escalation reason")
    }
    let priorityText = try object.string("priority")
    guard let priority = EscalationPriority.allCases.first(where: { $0.description == priorityText }) else {
      throw SessionFormatError(path: "\(path).priority", "is not low, normal, high or urgent")
    }
    guard let assignmentValue = object["assignment"] else {
      throw SessionFormatError(path: "\(path).assignment", "is missing")
    }
    let assignment = try JSONFields(assignmentValue, path: "\(path).assignment")
    guard let customerValue = object["customer"] else {
      throw SessionFormatError(path: "\(path).customer", "is missing")
    }
    let customer = try JSONFields(customerValue, path: "\(path).customer")
    let candidates = try object.array("candidates").enumerated().map { (index, value) throws(SessionFormatError) in
      let candidate = try JSONFields(value, path: "\(path).candidates[\(index)]")
      guard let intent = try candidate.intent("intent") else {
        throw SessionFormatError(path: "\(path).candidates[\(index)].intent", "is missing")
      }
      return CandidateScore(intent: intent, confidence: try candidate.double("confidence") ?? 0)
    }
    self.init(
      schemaVersion: try object.int("schemaVersion") ?? EscalationRecord.currentSchemaVersion, id: id,
      createdAt: try object.requiredDate("createdAt"), updatedAt: try object.requiredDate("updatedAt"),
      revision: try object.int("revision") ?? 1, session: session, language: language, reason: reason,
      priority: priority,
      assignment: Assignment(
        team: try assignment.string("team"), onShift: try assignment.bool("onShift") ?? false,
        expectedFirstResponse: try assignment.date("expectedFirstResponse"),
        nextShiftStart: try assignment.date("nextShiftStart")),
      customer: Customer(
        timeZone: try customer.string("timeZone"), localTime: try customer.string("localTime") ?? "",
        contact: try customer.strings("contact")),
      candidates: candidates, frustrationSignals: try object.strings("frustrationSignals"),
      transcript: try object.turns("transcript"))
  }
}

/// The members of a JSON object, read by name with the type each must have; errors name the path.
struct JSONFields {
  private let members: [(String, JSONValue)]
  let path: String

  init(_ value: JSONValue, path: String) throws(SessionFormatError) {
    guard case .object(let members) = value else {
      throw SessionFormatError(path: path, "is \(value.typeName), not an object")
    }
    self.members = members
    self.path = path
  }

  /// The value of a key, `nil` when absent or `null` (the last one, when a key appears twice).
  subscript(key: String) -> JSONValue? {
    guard let value = members.last(where: { $0.0 == key })?.1, value != .null else { return nil }
    return value
  }

  private func mistyped(_ key: String, _ value: JSONValue, _ expected: String) -> SessionFormatError {
    SessionFormatError(path: "\(path).\(key)", "is \(value.typeName), not \(expected)")
  }

  func string(_ key: String) throws(SessionFormatError) -> String? {
    guard let value = self[key] else { return nil }
    guard case .string(let text) = value else { throw mistyped(key, value, "a string") }
    return text
  }

  func bool(_ key: String) throws(SessionFormatError) -> Bool? {
    guard let value = self[key] else { return nil }
    guard case .bool(let flag) = value else { throw mistyped(key, value, "true or false") }
    return flag
  }

  func int(_ key: String) throws(SessionFormatError) -> Int? {
    guard let value = self[key] else { return nil }
    guard case .number(let text) = value, let number = Int(text) else { throw mistyped(key, value, "a whole number") }
    return number
  }

  func double(_ key: String) throws(SessionFormatError) -> Double? {
    guard let value = self[key] else { return nil }
    guard case .number(let text) = value, let number = Double(text) else { throw mistyped(key, value, "a number") }
    return number
  }

  func date(_ key: String) throws(SessionFormatError) -> Date? {
    try double(key).map { Date(timeIntervalSinceReferenceDate: $0) }
  }

  func requiredDate(_ key: String) throws(SessionFormatError) -> Date {
    guard let date = try date(key) else { throw SessionFormatError(path: "\(path).\(key)", "is missing") }
    return date
  }

  func array(_ key: String) throws(SessionFormatError) -> [JSONValue] {
    guard let value = self[key] else { return [] }
    guard case .array(let items) = value else { throw mistyped(key, value, "an array") }
    return items
  }

  func strings(_ key: String) throws(SessionFormatError) -> [String] {
    try array(key).enumerated().map { (index, item) throws(SessionFormatError) in
      guard case .string(let text) = item else { throw mistyped("\(key)[\(index)]", item, "a string") }
      return text
    }
  }

  func turns(_ key: String) throws(SessionFormatError) -> [TranscriptTurn] {
    try array(key).enumerated().map { (index, item) throws(SessionFormatError) in
      try TranscriptTurn(stateJSON: item, path: "\(path).\(key)[\(index)]")
    }
  }

  func language(_ key: String) throws(SessionFormatError) -> Language? {
    guard let text = try string(key) else { return nil }
    guard let language = Language(rawValue: text) else {
      throw SessionFormatError(path: "\(path).\(key)", "is '\(text)', not a language code such as 'en'")
    }
    return language
  }

  func intent(_ key: String) throws(SessionFormatError) -> IntentID? {
    guard let text = try string(key) else { return nil }
    guard let intent = IntentID(rawValue: text) else {
      throw SessionFormatError(path: "\(path).\(key)", "is '\(text)', not an intent id")
    }
    return intent
  }

  func timeZone(_ key: String) throws(SessionFormatError) -> TimeZone? {
    guard let name = try string(key) else { return nil }
    guard let zone = TimeZone(identifier: name) else {
      throw SessionFormatError(path: "\(path).\(key)", "is '\(name)', which is not a time zone this system knows")
    }
    return zone
  }
}
