import Foundation

/// Makes escalation record ids: `esc-`, the UTC time to the second, and 96 random bits in hex
/// (`esc-20270327T193000Z-3f9a1c2b8d4e5f6071829a3b`).
///
/// 96 bits make a clash between two records of the same second about as likely as 2⁻⁹⁶ per pair;
/// the outbox still creates each file exclusively and draws a new id if the name is taken, so a clash
/// can never replace another customer's record. Tests pass a fixed or seeded random source.
public struct EscalationIDGenerator: Sendable {
  /// 96 random bits: the high 64 and the low 32.
  let random: @Sendable () -> (UInt64, UInt32)

  /// A generator with its own random source.
  ///
  /// - Parameter random: Returns 96 random bits as the high 64 and the low 32; tests pass a seeded or
  ///   fixed source.
  public init(random: @escaping @Sendable () -> (UInt64, UInt32)) {
    self.random = random
  }

  /// The system's random number generator.
  public static let system = EscalationIDGenerator {
    var generator = SystemRandomNumberGenerator()
    return (generator.next(), generator.next())
  }

  /// A new id for a record created at `date`.
  public func make(at date: Date) -> String {
    let f = ISO8601.utcFields(date)
    let stamp =
      "\(ISO8601.pad(Int(f.tm_year) + 1900, 4))\(ISO8601.pad(Int(f.tm_mon) + 1))\(ISO8601.pad(Int(f.tm_mday)))"
      + "T\(ISO8601.pad(Int(f.tm_hour)))\(ISO8601.pad(Int(f.tm_min)))\(ISO8601.pad(Int(f.tm_sec)))Z"
    let (high, low) = random()
    return "esc-\(stamp)-" + Self.hex(high, digits: 16) + Self.hex(UInt64(low), digits: 8)
  }

  /// Whether a text has the shape of an id, now or in schema version 1 (32 random bits), so that it
  /// names a file in the outbox and nothing outside it.
  public static func isWellFormed(_ id: String) -> Bool {
    let parts = id.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == "esc", parts[1].utf8.count == 16,
      parts[2].utf8.count == 8 || parts[2].utf8.count == 24
    else { return false }
    let stamp = Array(parts[1].utf8)
    let digit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
    let hex: (UInt8) -> Bool = { digit($0) || (0x61...0x66).contains($0) }
    return stamp[8] == 0x54 && stamp[15] == 0x5A && stamp[0..<8].allSatisfy(digit) && stamp[9..<15].allSatisfy(digit)
      && parts[2].utf8.allSatisfy(hex)
  }

  private static func hex(_ value: UInt64, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: digits - text.count) + text
  }
}

extension EscalationRecord {
  /// A new record id from the system's random source (`esc-20261122T193005Z-` + 24 hex digits).
  static func makeID(at date: Date) -> String { EscalationIDGenerator.system.make(at: date) }
}
