import Attendant
import Foundation

/// The options `chat` and `serve` share: the policy knobs operators tune, and what the transcript log redacts.
enum HandoffOptions {
  static let options = ["max-non-answers", "frustration-threshold", "redact"]
  static let flags = ["no-redact"]

  static let usage = """
      --max-non-answers <n>   Hand over after this many messages in a row without an answer (default: \(ReplyPolicy.default.maximumNonAnswers)).
      --frustration-threshold <x>
                              Hand over at once when a message's frustration score reaches this (default: \(ReplyPolicy.default.frustrationThreshold.formatted)).
      --redact <kinds>        What the transcript log hides: any of email, phone, card, iban, password,
                              separated by commas, or 'none' (default: all five). Escalation records
                              always hide all five, and keep the customer's e-mail and phone as contacts.
      --no-redact             The same as --redact none.
    """

  /// The decision policy with the knobs given on the command line.
  static func policy(_ arguments: Arguments) throws(UsageError) -> ReplyPolicy {
    var policy = ReplyPolicy.default
    if let text = arguments["max-non-answers"] {
      guard let value = Int(text), value >= 1 else {
        throw UsageError("'--max-non-answers' must be a whole number of at least 1, not '\(text)'.")
      }
      policy.maximumNonAnswers = value
    }
    if let text = arguments["frustration-threshold"] {
      guard let value = Double(text), value > 0, value.isFinite else {
        throw UsageError("'--frustration-threshold' must be a number above 0, such as 2, not '\(text)'.")
      }
      policy.frustrationThreshold = value
    }
    return policy
  }

  /// The clock: the real time, or the fixed moment in `ATTENDANT_NOW` (ISO 8601, for tests and demos
  /// of the hand-off at night or on a holiday).
  static func clock() throws(UsageError) -> @Sendable () -> Date {
    guard let text = ProcessInfo.processInfo.environment["ATTENDANT_NOW"], !text.isEmpty else { return { Date() } }
    let formatter = ISO8601DateFormatter()
    guard let fixed = formatter.date(from: text) else {
      throw UsageError("ATTENDANT_NOW must be an ISO 8601 time such as '2026-11-25T10:00:00Z', not '\(text)'.")
    }
    return { fixed }
  }

  /// The kinds of personal data the transcript log replaces, from `--redact` and `--no-redact`.
  static func redaction(_ arguments: Arguments) throws(UsageError) -> Set<PersonalData.Kind> {
    if arguments.has("no-redact") {
      guard arguments["redact"] == nil else { throw UsageError("Give '--redact' or '--no-redact', not both.") }
      return []
    }
    guard let text = arguments["redact"] else { return Set(PersonalData.Kind.allCases) }
    if text.trimmingCharacters(in: .whitespaces).lowercased() == "none" { return [] }
    var kinds: Set<PersonalData.Kind> = []
    for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
      guard let kind = PersonalData.Kind(rawValue: name) else {
        let names = PersonalData.Kind.allCases.map(\.rawValue)
        let hint = Arguments.closest(to: name, in: names).map { " Did you mean '\($0)'?" } ?? ""
        throw UsageError(
          "Unknown kind of personal data '\(name)'.\(hint) The kinds are \(names.joined(separator: ", ")), or 'none'.")
      }
      kinds.insert(kind)
    }
    return kinds
  }
}

extension Double {
  /// `2`, `2.5`: a number without needless decimals, for usage text.
  fileprivate var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}
