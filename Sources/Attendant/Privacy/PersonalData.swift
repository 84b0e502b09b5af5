/// Finds personal data in free text: e-mail addresses, phone numbers, payment card numbers, IBANs and
/// passwords the customer typed.
///
/// One set of rules serves redaction (`redact(_:kinds:)`) and the contacts kept in an escalation record
/// (`contacts(in:)`), so a record never holds half an address, or an address redaction did not hide.
/// The rules, with examples, are in `docs/escalation.md` ("Redaction"); in short:
/// - an e-mail address is a local part of RFC 5322 characters and letters of any script (`o'reilly`,
///   `a&b.shop`, `đuro`), `@`, and a domain of two or more labels in any script or punycode;
/// - an IBAN is a country code, two check digits and the country's length of letters and digits, with or
///   without spaces, that pass the mod-97 check;
/// - a card number is 13–19 digits grouped as cards are (4-4-4-4, 4-6-5, …) or in one run, that pass the
///   Luhn check; an expiry date or a CVV right after it is hidden with it;
/// - a phone number starts with `+`, a trunk `0` or a bracketed area code, or has the North American
///   shape 212-555-0147; dates, times and numbers right after an order word are never phones;
/// - a password is the word after a password keyword and `is`, `:`, `je`, `là`, `adalah`… .
///
/// Digits of any script (full-width `０９１`) count as digits, and spaces include the no-break spaces;
/// spans always point at the text as it was written.
public enum PersonalData {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case email, phone, card, iban, password

    /// What replaces it in redacted text.
    public var placeholder: String { "[\(rawValue)]" }
  }

  /// A piece of personal data and where it is.
  public struct Span: Sendable, Hashable {
    public let kind: Kind
    /// The offsets in the text's Unicode scalars, end exclusive.
    public let scalars: Range<Int>
    public let text: String
  }

  /// Every piece of personal data in `text`, in order, not overlapping.
  ///
  /// - Complexity: O(n) in the length of the text, whatever the text holds.
  public static func find(in text: String) -> [Span] {
    scan(text).spans
  }

  /// The text with each piece of personal data of the given kinds replaced by a placeholder (`[email]`).
  ///
  /// - Complexity: O(n) in the length of the text.
  public static func redact(_ text: String, kinds: Set<Kind> = Set(Kind.allCases)) -> String {
    guard !kinds.isEmpty else { return text }
    return replacing(
      find(in: text).filter { kinds.contains($0.kind) }.map { ($0.scalars, $0.kind.placeholder) }, in: text)
  }

  /// The e-mail addresses and phone numbers in a message, as written: exactly what `redact` hides as
  /// `[email]` and `[phone]`.
  ///
  /// - Complexity: O(n) in the length of the text.
  public static func contacts(in text: String) -> [String] {
    find(in: text).filter { $0.kind == .email || $0.kind == .phone }.map(\.text)
  }

  /// The finders' pass over a text, with the count of steps it took.
  static func scan(_ text: String) -> Scan {
    var scan = Scan(text)
    guard scan.mayHoldPersonalData else { return scan }
    scan.findEmails()
    scan.findIBANs()
    scan.findNumbers()
    scan.findPasswords()
    scan.spans.sort { $0.scalars.lowerBound < $1.scalars.lowerBound }
    return scan
  }

  /// `text` with each range of its scalars replaced; the ranges are in order and do not overlap.
  static func replacing(_ replacements: [(Range<Int>, String)], in text: String) -> String {
    guard !replacements.isEmpty else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var position = 0
    for (range, replacement) in replacements {
      result.append(contentsOf: scalars[position..<range.lowerBound])
      result.append(contentsOf: replacement.unicodeScalars)
      position = range.upperBound
    }
    result.append(contentsOf: scalars[position...])
    return String(result)
  }

  /// The Luhn checksum used by payment card numbers.
  static func luhnValid(_ digits: [UInt8]) -> Bool {
    var sum = 0
    for (offset, digit) in digits.reversed().enumerated() {
      var value = Int(digit)
      if offset % 2 == 1 {
        value *= 2
        if value > 9 { value -= 9 }
      }
      sum += value
    }
    return sum % 10 == 0
  }
}
