/// The name of an intent, shared by its examples and its article in every language (`order-status`).
public struct IntentID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

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

  public var description: String { rawValue }

  /// The reserved id of the out-of-scope examples (`Intents/<language>/out-of-scope.txt`): questions the
  /// bot must not answer. They are matched like an intent's examples, so that a message closest to
  /// them is refused, but they have no article and are never offered.
  public static let outOfScope: IntentID = "out-of-scope"

  public static func < (lhs: IntentID, rhs: IntentID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let id = IntentID(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "Invalid intent id '\(raw)'"))
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
