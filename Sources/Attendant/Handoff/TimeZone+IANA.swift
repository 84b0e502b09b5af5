import Foundation

extension TimeZone {
  /// A customer's time zone from its IANA name (`Europe/Zagreb`, `UTC`, `Etc/GMT+5`).
  ///
  /// Stricter than `TimeZone(identifier:)`, which takes names with control characters in them
  /// (`UTC\u{0}../../etc/passwd`) and its own offsets (`GMT+0530`): the name must be `/`-separated
  /// parts of ASCII letters, digits, `_`, `+` and `-`, each starting with a letter, and name a zone the
  /// system knows.
  ///
  /// - Throws: `UnknownTimeZone`, whose description names the value and the fix.
  public init(ianaName name: String) throws(UnknownTimeZone) {
    guard Self.hasIANAShape(name), let zone = TimeZone(identifier: name) else { throw UnknownTimeZone(name: name) }
    self = zone
  }

  private static func hasIANAShape(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard (1...64).contains(bytes.count) else { return false }
    let isLetter: (UInt8) -> Bool = { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    let isNameByte: (UInt8) -> Bool = {
      isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2B || $0 == 0x2D
    }
    for part in bytes.split(separator: 0x2F, omittingEmptySubsequences: false) {
      guard let first = part.first, isLetter(first), part.allSatisfy(isNameByte) else { return false }
    }
    // Foundation's own offsets (`GMT+0530`, `UTC-3`) are not IANA names; `GMT+0` and `GMT-0` are.
    let isOffset = ["GMT", "UTC", "UT"].contains { name.hasPrefix($0 + "+") || name.hasPrefix($0 + "-") }
    return !isOffset || name == "GMT+0" || name == "GMT-0"
  }
}

/// A time zone name that is not an IANA name.
public struct UnknownTimeZone: Error, Sendable, CustomStringConvertible {
  /// The name as given.
  public let name: String

  public var description: String {
    "Unknown time zone '\(Self.printable(name))'. Use an IANA name such as 'Europe/Zagreb'."
  }

  /// The name with control characters written as `\u{…}`, so that a message never carries them.
  ///
  /// - Parameter name: Any text a customer or a host gave as a time zone.
  public static func printable(_ name: String) -> String {
    var text = ""
    for scalar in name.unicodeScalars {
      if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
        text += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }
}
