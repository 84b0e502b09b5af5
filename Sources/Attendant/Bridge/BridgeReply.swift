import Foundation

/// Encodes the bridge's replies as single-line JSON objects.
enum BridgeReply {
  /// The reply to a message or a feedback line, with its escalation record (a summary, or the whole
  /// record) or `null`.
  ///
  /// - Parameter trailing: Members after the contract's fields (`serve --stateless`'s `restarted` and `state`).
  static func encode(
    _ reply: Reply, id: JSONValue, session: String, escalation: JSONValue, trailing: [(String, JSONValue)] = []
  ) -> String {
    var members: [(String, JSONValue)] = [
      ("id", id),
      ("session", .string(session)),
      ("type", .string(reply.decision.rawValue)),
      ("language", .string(reply.language.rawValue)),
      ("intent", reply.intent.map { .string($0.rawValue) } ?? .null),
      ("confidence", .number(rounded(reply.confidence))),
      ("text", .string(reply.text)),
      ("candidates", .array(reply.candidates.map(candidate))),
      ("escalation", escalation),
      ("reason", .string(reply.reason.rawValue)),
    ]
    members.append(
      (
        "options",
        .array(reply.options.map { .object([("intent", .string($0.intent.rawValue)), ("title", .string($0.title))]) })
      ))
    members.append(("entities", .array(reply.entities.map(entity))))
    members.append(("asksForFeedback", .bool(reply.asksForFeedback)))
    members += trailing
    return JSONValue.object(members).serialized
  }

  /// An error line; `text`, when given, is a polite sentence the host can show the customer.
  static func error(
    _ error: BridgeError, id: JSONValue, session: String? = nil, language: Language? = nil, text: String? = nil,
    trailing: [(String, JSONValue)] = []
  ) -> String {
    var members: [(String, JSONValue)] = [("id", id)]
    if let session { members.append(("session", .string(session))) }
    members.append(("type", .string("error")))
    if let language { members.append(("language", .string(language.rawValue))) }
    if let text { members.append(("text", .string(text))) }
    members.append(("error", .object([("code", .string(error.code.rawValue)), ("message", .string(error.message))])))
    members += trailing
    return JSONValue.object(members).serialized
  }

  static func candidate(_ score: CandidateScore) -> JSONValue {
    .object([("intent", .string(score.intent.rawValue)), ("confidence", .number(rounded(score.confidence)))])
  }

  static func entity(_ entity: Entity) -> JSONValue {
    .object([("type", .string(entity.type)), ("text", .string(entity.text)), ("value", .string(entity.value))])
  }

  static func finding(_ finding: Finding) -> JSONValue {
    .object([
      ("file", .string(finding.location.file)), ("line", .number(finding.location.line)),
      ("severity", .string(finding.severity.rawValue)), ("kind", .string(finding.kind.rawValue)),
      ("message", .string(finding.message)), ("fix", finding.fix.map { .string($0) } ?? .null),
    ])
  }

  /// Four decimals are plenty for a confidence, and keep the lines short.
  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
