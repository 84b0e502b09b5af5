/// A request the bridge cannot serve, with a stable code for hosts and a message for people.
public struct BridgeError: Error, Sendable, Hashable {
  /// Stable error codes; hosts may switch on them.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    case invalidUTF8 = "invalid_utf8"
    case invalidJSON = "invalid_json"
    case notAnObject = "not_an_object"
    case missingField = "missing_field"
    case wrongType = "wrong_type"
    case invalidValue = "invalid_value"
    case unknownLanguage = "unknown_language"
    case unknownTimeZone = "unknown_time_zone"
    case unknownType = "unknown_type"
    case emptyText = "empty_text"
    case lineTooLong = "line_too_long"
    case outboxUnwritable = "outbox_unwritable"
    /// With `serve --stateless`: the state was not made by this service, or was changed.
    case stateInvalid = "state_invalid"
    /// With `serve --stateless`: the state belongs to another session.
    case stateMismatch = "state_mismatch"
    case reloadFailed = "reload_failed"
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }
}
