import Foundation

/// One line of a transcript log, read back for a report: the fields the report counts, nothing else
/// (the bot's text and the rule are not kept, so that a million events fit in little memory).
package struct TranscriptEvent: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case turn, escalation, feedback
    case outboxFailure = "outbox-failure"
  }

  public internal(set) var kind: Kind
  public internal(set) var at: Date
  public internal(set) var session: String
  /// `turn`: `chat` or `serve`; `nil` on lines written before the field existed.
  public var channel: String?
  public var language: String?
  /// `turn` and `outbox-failure`: the customer's message, as the log redacted it.
  public var customer: String?
  /// `turn`: the best match, whatever was decided.
  public var intent: String?
  public var confidence: Double?
  public var decision: String?
  /// `turn`: the reply's reason; `escalation`: the escalation's reason.
  public var reason: String?
  /// `turn`: the intent answered.
  public var answered: String?
  public var priority: String?
  public var team: String?
  public var onShift: Bool?
  public var helpful: Bool?
  public var rating: Int?
  public var comment: String?

  /// Why a line could not be read, and what to do about it.
  public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public let fix: String

    public var description: String { "\(file):\(line): \(message) Fix: \(fix)" }
  }

  init(kind: Kind, at: Date, session: String) {
    self.kind = kind
    self.at = at
    self.session = session
  }

  /// Reads one line of a log.
  ///
  /// - Returns: The event, or `nil` for an event of a kind this version does not know (a newer log).
  /// - Throws: The line's problem, worded for `file:line:` (the caller adds the place).
  static func parse(_ bytes: [UInt8]) throws(Reason) -> TranscriptEvent? {
    let value: JSONValue
    do {
      value = try JSONValue.parse(bytes)
    } catch {
      throw Reason(
        "The line is not JSON (\(error)).",
        fix: "a line cut short by a crash can be deleted; otherwise restore the line from a backup.")
    }
    guard case .object(let members) = value else {
      throw Reason("The line is \(value.typeName), not an event object.", fix: "delete the line.")
    }
    // One pass over the members, by name: a dictionary of them costs a hash per field and event.
    var eventName: String?, stamp: JSONValue?, session: String?
    var event = TranscriptEvent(kind: .turn, at: Date(timeIntervalSince1970: 0), session: "")
    for (key, member) in members {
      switch key {
      case "event": eventName = member.stringValue
      case "at": stamp = member
      case "session": session = member.stringValue
      case "channel": event.channel = member.stringValue
      case "language": event.language = member.stringValue
      case "customer": event.customer = member.stringValue
      case "intent": event.intent = member.stringValue
      case "confidence": if case .number(let text) = member { event.confidence = Double(text) }
      case "decision": event.decision = member.stringValue
      case "reason": event.reason = member.stringValue
      case "answered": event.answered = member.stringValue
      case "priority": event.priority = member.stringValue
      case "team": event.team = member.stringValue
      case "onShift": if case .bool(let onShift) = member { event.onShift = onShift }
      case "helpful": if case .bool(let helpful) = member { event.helpful = helpful }
      case "rating": if case .number(let text) = member { event.rating = Int(text) }
      case "comment": event.comment = member.stringValue
      default: break
      }
    }
    guard let eventName else {
      throw Reason(
        "The line has no 'event' name.",
        fix: "each line needs \"event\": \"turn\", \"escalation\", \"feedback\" or \"outbox-failure\".")
    }
    guard let kind = Kind(rawValue: eventName) else { return nil }
    guard case .string(let text)? = stamp, let at = UTCTimestamp.parse(text) else {
      throw Reason(
        "The event has no readable 'at' time (\(stamp.map(\.serialized) ?? "missing")).",
        fix: "write the time in UTC as \"2027-03-01T09:30:05Z\".")
    }
    guard let session else {
      throw Reason("The event has no 'session'.", fix: "add the conversation's id as \"session\": \"…\".")
    }
    event.kind = kind
    event.at = at
    event.session = session
    switch kind {
    case .turn:
      guard event.language != nil, event.decision != nil else {
        throw Reason("The turn has no 'language' or 'decision'.", fix: "add both, as 'attendant chat' writes them.")
      }
    case .escalation:
      guard event.language != nil, event.reason != nil else {
        throw Reason("The escalation has no 'language' or 'reason'.", fix: "add both, as 'attendant chat' writes them.")
      }
    case .feedback:
      guard event.helpful != nil else {
        throw Reason("The feedback has no 'helpful' true or false.", fix: "add \"helpful\": true or false.")
      }
      if let rating = event.rating, !(1...5).contains(rating) {
        throw Reason("The rating \(rating) is not 1 to 5.", fix: "write a rating from 1 to 5, or null.")
      }
    case .outboxFailure:
      break
    }
    return event
  }

  /// A problem of a line, before the place is known.
  struct Reason: Error {
    let message: String
    let fix: String

    init(_ message: String, fix: String) {
      self.message = message
      self.fix = fix
    }
  }
}
