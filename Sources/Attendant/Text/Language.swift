/// A language the content is written in, named by its ISO 639-1 code (`en`, `hr`, `vi`, `tr`, `id`).
///
/// A language is a value, not a bare string, so that a misspelt code is caught where it enters the
/// system (a folder name, a request field, a `/lang` command) and nowhere else. It prints, sorts and is
/// coded as its code (`StringIdentifier`).
public struct Language: StringIdentifier {
  public let rawValue: String
  static let kindName = "language code"
  /// The code's letters packed into one number: languages are dictionary keys on every turn, and
  /// hashing a number costs less than hashing a string.
  private let key: UInt32

  /// Creates a language from a code; returns `nil` unless the code is two or three lower-case ASCII letters.
  public init?(rawValue: String) {
    guard (2...3).contains(rawValue.utf8.count), rawValue.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
      return nil
    }
    self.rawValue = rawValue
    key = rawValue.utf8.reduce(0) { $0 << 8 | UInt32($1) }
  }

  public static func == (lhs: Language, rhs: Language) -> Bool { lhs.key == rhs.key }
  public func hash(into hasher: inout Hasher) { hasher.combine(key) }

  public static let en = Language(rawValue: "en")!
  public static let hr = Language(rawValue: "hr")!
  public static let vi = Language(rawValue: "vi")!
  public static let tr = Language(rawValue: "tr")!
  public static let id = Language(rawValue: "id")!

}
