/// A name that is a validated string (`IntentID`, `Language`): what such a type does the same way is
/// written here once. It prints and sorts as its text, and it is coded as a JSON string, which decoding
/// validates as `init?(rawValue:)` does.
///
/// The conformance is internal: a host sees each type's own `Codable`, `Comparable` and
/// `CustomStringConvertible`, not this protocol.
protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
  /// What the string is, for the message of a value that does not decode (`intent id`).
  static var kindName: String { get }
}

extension StringIdentifier {
  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let value = Self(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "Invalid \(Self.kindName) '\(raw)'"))
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
