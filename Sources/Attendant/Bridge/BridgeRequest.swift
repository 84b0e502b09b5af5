import Foundation

/// A request line, validated: a message, feedback on the last answer, or a reload of the content.
enum BridgeRequest {
  struct MessageRequest {
    let session: String
    let text: String
    let language: Language?
    let timeZone: TimeZone?
    /// Whether the reply's escalation record carries its transcript (`"transcript": true`).
    let transcript: Bool
    /// The state of the previous reply, with `serve --stateless`.
    let state: String?
  }

  struct FeedbackRequest {
    let session: String
    let helpful: Bool
    let rating: Int?
    let comment: String?
    let transcript: Bool
    let state: String?
  }

  case message(MessageRequest)
  case feedback(FeedbackRequest)
  case reload

  /// Validates a parsed request object.
  ///
  /// - Parameter readsState: Whether `state` is read (`serve --stateless`); otherwise it is ignored,
  ///   like any field serve does not know.
  /// - Throws: `BridgeError` naming the field and the fix.
  init(_ object: JSONValue, languages: [Language], readsState: Bool = false) throws(BridgeError) {
    let type = try Self.optionalString(object, "type") ?? "message"
    switch type {
    case "message":
      let session = try Self.session(object)
      let text = try Self.requiredString(
        object, "text", example: "{\"session\": \"s1\", \"text\": \"where is my order?\"}")
      guard !text.trimmedWhiteSpace.isEmpty else {
        throw BridgeError(.emptyText, "The field 'text' is empty. Send the customer's message.")
      }
      var language: Language?
      if let code = try Self.optionalString(object, "language") {
        guard let parsed = Language(rawValue: code.lowercased()), languages.contains(parsed) else {
          throw BridgeError(
            .unknownLanguage,
            "Unknown language '\(code)'. The languages are \(languages.map(\.rawValue).joined(separator: ", ")); or leave 'language' out to detect it."
          )
        }
        language = parsed
      }
      var timeZone: TimeZone?
      if let name = try Self.optionalString(object, "timeZone") {
        do {
          timeZone = try TimeZone(ianaName: name)
        } catch {
          throw BridgeError(.unknownTimeZone, error.description)
        }
      }
      self = .message(
        .init(
          session: session, text: text, language: language, timeZone: timeZone,
          transcript: try Self.optionalBool(object, "transcript") ?? false,
          state: readsState ? try Self.optionalString(object, "state") : nil))
    case "feedback":
      let session = try Self.session(object)
      guard let helpfulValue = object["helpful"] else {
        throw BridgeError(
          .missingField,
          "The field 'helpful' is missing. Send {\"type\": \"feedback\", \"session\": \"s1\", \"helpful\": true}.")
      }
      guard case .bool(let helpful) = helpfulValue else {
        throw BridgeError(.wrongType, "The field 'helpful' must be true or false, not \(helpfulValue.typeName).")
      }
      var rating: Int?
      if let value = object["rating"], value != .null {
        guard case .number(let text) = value, let number = Int(text), (1...5).contains(number) else {
          throw BridgeError(.invalidValue, "The field 'rating' must be a whole number from 1 to 5.")
        }
        rating = number
      }
      self = .feedback(
        .init(
          session: session, helpful: helpful, rating: rating, comment: try Self.optionalString(object, "comment"),
          transcript: try Self.optionalBool(object, "transcript") ?? false,
          state: readsState ? try Self.optionalString(object, "state") : nil))
    case "reload":
      self = .reload
    default:
      throw BridgeError(.unknownType, "Unknown request type '\(type)'. The types are message, feedback and reload.")
    }
  }

  /// The longest session id accepted, in UTF-8 bytes.
  static let maximumSessionBytes = 256

  private static func session(_ object: JSONValue) throws(BridgeError) -> String {
    let session = try requiredString(object, "session", example: "{\"session\": \"s1\", \"text\": \"hello\"}")
    guard !session.isEmpty else { throw BridgeError(.invalidValue, "The field 'session' is empty. Send a session id.") }
    // The id is kept with the session for as long as the session lives.
    guard session.utf8.count <= maximumSessionBytes else {
      throw BridgeError(
        .invalidValue,
        "The field 'session' is \(session.utf8.count) bytes long; the longest session id is \(maximumSessionBytes) bytes. Send a shorter id, such as a UUID."
      )
    }
    return session
  }

  private static func requiredString(_ object: JSONValue, _ name: String, example: String) throws(BridgeError) -> String
  {
    guard let value = object[name] else {
      throw BridgeError(.missingField, "The field '\(name)' is missing. Send, for example, \(example).")
    }
    guard case .string(let text) = value else {
      throw BridgeError(.wrongType, "The field '\(name)' must be a string, not \(value.typeName).")
    }
    return text
  }

  private static func optionalBool(_ object: JSONValue, _ name: String) throws(BridgeError) -> Bool? {
    guard let value = object[name], value != .null else { return nil }
    guard case .bool(let flag) = value else {
      throw BridgeError(.wrongType, "The field '\(name)' must be true or false, not \(value.typeName).")
    }
    return flag
  }

  private static func optionalString(_ object: JSONValue, _ name: String) throws(BridgeError) -> String? {
    guard let value = object[name], value != .null else { return nil }
    guard case .string(let text) = value else {
      throw BridgeError(.wrongType, "The field '\(name)' must be a string, not \(value.typeName).")
    }
    return text
  }
}
