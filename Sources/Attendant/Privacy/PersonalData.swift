/// Finds personal data in free text: e-mail addresses, phone numbers and payment card numbers.
///
/// The rules err towards order numbers staying readable: a phone number needs a `+` or a leading
/// `0` (national format) and at least 8 digits, not glued to letters (`ORB-48213579`, `#48213579`
/// are order numbers); a card number needs 13–19 digits that pass the Luhn check.
public enum PersonalData {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case email, phone, card

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
  /// - Complexity: O(n) in the length of the text.
  public static func find(in text: String) -> [Span] {
    // Most messages hold no '@' and no eight digits at all: they cannot contain personal data.
    var digits = 0
    var hasAt = false
    for byte in text.utf8 {
      if byte == 0x40 { hasAt = true; break }
      if (0x30...0x39).contains(byte) { digits += 1 }
    }
    guard hasAt || digits >= 8 else { return [] }
    let scalars = Array(text.unicodeScalars)
    var spans: [Span] = []
    var index = 0
    while index < scalars.count {
      if let span = email(in: scalars, at: index) ?? number(in: scalars, at: index) {
        spans.append(span)
        index = span.scalars.upperBound
      } else {
        index += 1
      }
    }
    return spans
  }

  /// The text with each piece of personal data of the given kinds replaced by a placeholder (`[email]`).
  public static func redact(_ text: String, kinds: Set<Kind> = Set(Kind.allCases)) -> String {
    let spans = find(in: text).filter { kinds.contains($0.kind) }
    guard !spans.isEmpty else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var position = 0
    for span in spans {
      result.append(contentsOf: scalars[position..<span.scalars.lowerBound])
      result.append(contentsOf: span.kind.placeholder.unicodeScalars)
      position = span.scalars.upperBound
    }
    result.append(contentsOf: scalars[position...])
    return String(result)
  }

  /// The e-mail addresses and phone numbers in a message, as written.
  public static func contacts(in text: String) -> [String] {
    find(in: text).filter { $0.kind != .card }.map(\.text)
  }

  // MARK: E-mail

  // Letters beyond ASCII are allowed (`đuro@primjer.hr`, internationalised addresses), so that no
  // part of an address is left readable next to its placeholder.
  private static func isLocalPart(_ s: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(s) || "._%+-".unicodeScalars.contains(s) || (s.value > 0x7F && s.properties.isAlphabetic)
  }

  private static func isDomainPart(_ s: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(s) || s == "." || s == "-" || (s.value > 0x7F && s.properties.isAlphabetic)
  }

  private static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    (0x30...0x39).contains(s.value) || (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
  }

  /// An address whose `@` is at or after `start`, beginning at `start`.
  private static func email(in s: [Unicode.Scalar], at start: Int) -> Span? {
    guard isLocalPart(s[start]), start == 0 || !isLocalPart(s[start - 1]) else { return nil }
    var at = start
    while at < s.count, isLocalPart(s[at]) { at += 1 }
    guard at < s.count, s[at] == "@", at > start else { return nil }
    var end = at + 1
    while end < s.count, isDomainPart(s[end]) { end += 1 }
    while end > at + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
    let domain = String(String.UnicodeScalarView(s[(at + 1)..<end]))
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last, tld.count >= 2,
      tld.unicodeScalars.allSatisfy({ (0x41...0x5A).contains($0.value) || (0x61...0x7A).contains($0.value) })
    else { return nil }
    return Span(kind: .email, scalars: start..<end, text: String(String.UnicodeScalarView(s[start..<end])))
  }

  // MARK: Numbers

  private static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

  /// A phone or card number starting at `start`.
  private static func number(in s: [Unicode.Scalar], at start: Int) -> Span? {
    let first = s[start]
    guard isDigit(first) || first == "+" || first == "(" else { return nil }
    if start > 0 {
      let before = s[start - 1]
      // Glued to a word or a number sign, it is an identifier: `ORB-48213579`, `#48213579`, `A1234`.
      if before.properties.isAlphabetic || isDigit(before) || before == "#" || before == "/" { return nil }
      if before == "-", start > 1, s[start - 2].properties.isAlphabetic || isDigit(s[start - 2]) { return nil }
    }
    var end = start
    var digits: [UInt8] = []
    var lastDigitEnd = start
    var separatorRun = 0
    while end < s.count {
      let c = s[end]
      if isDigit(c) {
        digits.append(UInt8(c.value - 0x30))
        lastDigitEnd = end + 1
        separatorRun = 0
      } else if c == " " || c == "-" || c == "." || c == "(" || c == ")"
        || (c == "+" && digits.isEmpty && end <= start + 1)
      {
        separatorRun += 1
        if separatorRun > 2 { break }
      } else {
        break
      }
      end += 1
    }
    guard digits.count >= 8, lastDigitEnd < s.count ? !s[lastDigitEnd].properties.isAlphabetic : true else { return nil }
    let text = String(String.UnicodeScalarView(s[start..<lastDigitEnd]))
    if (13...19).contains(digits.count) && luhnValid(digits) && first != "+" {
      return Span(kind: .card, scalars: start..<lastDigitEnd, text: text)
    }
    let plus = first == "+" || (first == "(" && start + 1 < s.count && s[start + 1] == "+")
    let national = digits.first == 0 && digits.count >= 9
    guard (plus || national), digits.count <= 15 else { return nil }
    return Span(kind: .phone, scalars: start..<lastDigitEnd, text: text)
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
