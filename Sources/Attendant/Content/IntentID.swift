/// The name of an intent, shared by its examples and its article in every language (`order-status`).
///
/// It prints, sorts and is coded as its text (`StringIdentifier`).
public struct IntentID: StringIdentifier, ExpressibleByStringLiteral {
  public let rawValue: String
  static let kindName = "intent id"

  /// Creates an id; returns `nil` unless it is lower-case ASCII letters, digits and `-`, starting with a
  /// letter, at most 80 bytes (`docs/content-format.md`, "Intent ids").
  public init?(rawValue: String) {
    let bytes = Array(rawValue.utf8)
    guard let first = bytes.first, (0x61...0x7A).contains(first), bytes.count <= 80,
      bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D })
    else { return nil }
    self.rawValue = rawValue
  }

  /// The valid id an editor most likely meant by an invalid one (`opening_hours`, `Order Status` →
  /// `opening-hours`, `order-status`): lower case, with underscores and spaces as hyphens; `nil` when
  /// that is not valid either.
  static func repaired(_ raw: String) -> IntentID? {
    let words = raw.lowercased().split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
    return IntentID(rawValue: words.joined(separator: "-"))
  }

  /// The fix for an invalid id `raw`: `instruction` applied to the id meant, when there is one.
  static func fix(for raw: String, _ instruction: (IntentID) -> String) -> String {
    guard let repaired = repaired(raw) else {
      return "use lower-case letters, digits and hyphens, starting with a letter (for example 'order-status')."
    }
    return instruction(repaired) + "; an intent id is lower-case letters, digits and hyphens, starting with a letter."
  }

  public init(stringLiteral value: String) {
    guard let id = IntentID(rawValue: value) else { preconditionFailure("Invalid intent id literal '\(value)'") }
    self = id
  }

  /// The reserved id of the out-of-scope examples (`Intents/<language>/out-of-scope.txt`): questions the
  /// bot must not answer. They are matched like an intent's examples, so that a message closest to
  /// them is refused, but they have no article and are never offered.
  public static let outOfScope: IntentID = "out-of-scope"

}
