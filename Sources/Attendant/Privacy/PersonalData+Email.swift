extension PersonalData.Scan {
  /// Finds e-mail addresses around each `@`.
  ///
  /// The local part is read leftwards from the `@` and never past the previous `@` or address, the
  /// domain rightwards up to the next character that cannot be in one (an `@` included), so each scalar
  /// is read at most twice: O(n) even for `a@a@a@…`.
  mutating func findEmails() {
    var index = 0
    var leftLimit = 0
    while index < count {
      work += 1
      guard Self.isAt(scalars[index]) else {
        index += 1
        continue
      }
      if let range = email(around: index, leftLimit: leftLimit) {
        add(.email, range)
        index = range.upperBound
        leftLimit = range.upperBound
      } else {
        index += 1
        leftLimit = index
      }
    }
  }

  /// The address whose `@` is at `at`, or `nil`.
  private mutating func email(around at: Int, leftLimit: Int) -> Range<Int>? {
    var start = at
    while start > leftLimit, Self.isLocalPart(scalars[start - 1]) {
      start -= 1
      work += 1
    }
    // An address starts with a letter, a digit or `_`: not with the quote or bracket around it.
    while start < at, !(isWordCharacter(start) && !Self.isCombiningMark(scalars[start])) && scalars[start] != "_" {
      start += 1
    }
    guard start < at else { return nil }
    var end = at + 1
    while end < count, Self.isDomainPart(scalars[end]) {
      end += 1
      work += 1
    }
    while end > at + 1, Self.isDomainDot(scalars[end - 1]) || Self.isDash(scalars[end - 1]) { end -= 1 }
    guard isDomain(at + 1..<end) else { return nil }
    return start..<end
  }

  /// Two or more labels, none empty, the last of letters (two or more) or punycode (`xn--p1ai`).
  private mutating func isDomain(_ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    var labelStart = range.lowerBound
    var labels = 0
    for index in range where Self.isDomainDot(scalars[index]) {
      guard index > labelStart else { return false }
      labels += 1
      labelStart = index + 1
    }
    guard labels >= 1, labelStart < range.upperBound else { return false }
    work += range.count
    let tld = scalars[labelStart..<range.upperBound]
    let lower = tld.map { $0.properties.lowercaseMapping }
    if tld.count > 4, lower.prefix(4).joined() == "xn--" {
      return tld.allSatisfy { Self.isLetter($0) || Self.digitValue($0) >= 0 || Self.isDash($0) }
    }
    let letters = tld.filter { Self.isLetter($0) }.count
    return letters >= 2 && tld.allSatisfy { Self.isLetter($0) || Self.isCombiningMark($0) }
  }

  static func isAt(_ scalar: Unicode.Scalar) -> Bool { scalar == "@" || scalar.value == 0xFF20 }

  /// Full stops that separate the labels of a domain, internationalised ones included (IDNA).
  static func isDomainDot(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "." || scalar.value == 0x3002 || scalar.value == 0xFF0E || scalar.value == 0xFF61
  }

  /// Letters and digits of any script, combining marks (a decomposed `é`), RFC 5322 `atext`
  /// (`o'reilly`, `a&b`, `x+tag`), dots, and the apostrophes phones type (`o’reilly`).
  static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return isLetter(scalar) || digitValue(scalar) >= 0 || "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(scalar)
    }
    return scalar.value == 0x2019 || scalar.value == 0x02BC || isLetter(scalar) || isCombiningMark(scalar)
      || digitValue(scalar) >= 0
  }

  /// Letters and digits of any script, combining marks, hyphens and label dots.
  static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
    isLetter(scalar) || digitValue(scalar) >= 0 || isCombiningMark(scalar) || scalar == "-" || isDomainDot(scalar)
  }
}
