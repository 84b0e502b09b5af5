import Foundation

/// Cuts a message into words in one pass over its Unicode scalars.
///
/// Foundation on Linux has no word enumeration, and Swift `Regex` word boundaries drop `İstanbul'a`,
/// `don't` and `19.99`, so the rules are written out here:
/// - letters, digits and the combining marks that follow them are word characters;
/// - an apostrophe or hyphen between two word characters starts a new word that remembers how it was
///   joined, so that each language profile decides what to do with it (`don't`, `İstanbul'a`, `e-mail`);
/// - a `.` or `,` between digits stays inside a number (`19.99`, `1.400.000`);
/// - everything else, emoji and their modifiers included, separates words.
enum Tokenizer {
  /// Splits `text` into words, lower-cased and folded.
  ///
  /// - Parameters:
  ///   - text: The message, in any Unicode normalization form.
  ///   - turkishCasing: Whether `I` lower-cases to dotless `ı` (Turkish) rather than `i`.
  /// - Returns: The words in order.
  /// - Complexity: O(n) in the number of scalars.
  static func tokenize(_ text: String, turkishCasing: Bool = false) -> [RawToken] {
    var text = text
    if let tokens = text.withUTF8({ asciiTokens($0, turkishCasing: turkishCasing) }) { return tokens }
    return scalarTokens(text, turkishCasing: turkishCasing)
  }

  /// The general path, over Unicode scalars; `tokenize` uses it for any text with a non-ASCII byte.
  static func scalarTokens(_ text: String, turkishCasing: Bool) -> [RawToken] {
    let scalars = Array(normalizedForMatching(text).unicodeScalars)
    var tokens: [RawToken] = []
    var current = Builder()
    var joiner = RawToken.Joiner.none
    var index = 0

    func flush() {
      if let token = current.finish(joinedBy: joiner) { tokens.append(token) }
      current = Builder()
      joiner = .none
    }

    while index < scalars.count {
      let scalar = scalars[index]
      if isWordScalar(scalar) {
        current.append(scalar, turkishCasing: turkishCasing)
      } else if FoldTable.isCombiningMark(scalar.value), !current.isEmpty {
        current.append(scalar, turkishCasing: turkishCasing)
      } else if !current.isEmpty, index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
        let next = scalars[index + 1]
        if isApostrophe(scalar) {
          flush()
          joiner = .apostrophe
        } else if isHyphen(scalar) {
          flush()
          joiner = .hyphen
        } else if (scalar == "." || scalar == ","), current.isAllDigits, next.properties.numericType != nil {
          current.append(scalar, turkishCasing: turkishCasing)
        } else {
          flush()
        }
      } else {
        flush()
      }
      index += 1
    }
    flush()
    return tokens
  }

  /// The same rules over the bytes of an all-ASCII text, with no scalar decoding and one string per
  /// word; `nil` when the text has a non-ASCII byte (then the scalar path handles it).
  private static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>, turkishCasing: Bool) -> [RawToken]? {
    var tokens: [RawToken] = []
    var word: [UInt8] = []
    word.reserveCapacity(16)
    var joiner = RawToken.Joiner.none
    var allDigits = true
    var capitalI = false
    @inline(__always) func isWord(_ b: UInt8) -> Bool {
      (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }
    func flush() {
      if !word.isEmpty {
        let folded = String(decoding: word, as: UTF8.self)
        tokens.append(
          RawToken(exact: folded, folded: folded, joinedBy: joiner, isNumber: allDigits, hasCapitalI: capitalI))
      }
      word.removeAll(keepingCapacity: true)
      joiner = .none
      allDigits = true
      capitalI = false
    }
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte >= 0x80 { return nil }
      if isWord(byte) {
        if byte == 0x49 { capitalI = true }
        if turkishCasing && byte == 0x49 { return nil }  // Turkish I needs the scalar path (ı)
        let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        if !(0x30...0x39).contains(lower) { allDigits = false }
        word.append(lower)
      } else if !word.isEmpty, index + 1 < count, isWord(bytes[index + 1]) {
        let next = bytes[index + 1]
        if byte == 0x27 || byte == 0x60 {
          flush()
          joiner = .apostrophe
        } else if byte == 0x2D {
          flush()
          joiner = .hyphen
        } else if (byte == 0x2E || byte == 0x2C) && allDigits && (0x30...0x39).contains(next) {
          word.append(byte)
        } else {
          flush()
        }
      } else {
        flush()
      }
      index += 1
    }
    flush()
    return tokens
  }

  /// NFC, applied only when the text has scalars that composition could change.
  ///
  /// Composition costs microseconds per message; most messages are precomposed already.
  static func normalizedForMatching(_ text: String) -> String {
    let needsComposition = text.unicodeScalars.contains { scalar in
      FoldTable.isCombiningMark(scalar.value) || (0x1100...0x11FF).contains(scalar.value)
    }
    return needsComposition ? text.precomposedStringWithCanonicalMapping : text
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
    if let latin = FoldTable.latinLetter(value) { return latin.isLetter }
    return letterCategory(scalar)
  }

  /// Letters and decimal digits by their general category (the slow, general answer).
  static func letterCategory(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
      return value != 0x02BC  // MODIFIER LETTER APOSTROPHE is an apostrophe, not a letter.
    default:
      return false
    }
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC: return true
    default: return false
    }
  }

  static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar.value == 0x2010 || scalar.value == 0x2011
  }

  /// Accumulates one word's exact (lower-cased) and folded forms.
  private struct Builder {
    var exact = String.UnicodeScalarView()
    var folded: [UInt8] = []
    var isAllDigits = true
    var hasCapitalI = false

    var isEmpty: Bool { exact.isEmpty }

    mutating func append(_ scalar: Unicode.Scalar, turkishCasing: Bool) {
      let value = scalar.value
      if value < 0x80 {
        var byte = UInt8(value)
        if byte == 0x49 {  // I
          hasCapitalI = true
          exact.append(turkishCasing ? "ı" : "i")
          folded.append(0x69)
          isAllDigits = false
          return
        }
        if (0x41...0x5A).contains(byte) { byte += 0x20 }
        if !(0x30...0x39).contains(byte) && byte != 0x2E && byte != 0x2C { isAllDigits = false }
        exact.append(Unicode.Scalar(byte))
        folded.append(byte)
        return
      }
      if FoldTable.isCombiningMark(value) {
        exact.append(scalar)  // kept in the exact form, dropped from the folded one
        return
      }
      isAllDigits = false
      let lower: Unicode.Scalar
      if value == 0x130 {  // İ is i in every language
        lower = "i"
      } else if let latin = FoldTable.latinLetter(value) {
        lower = latin.lower
      } else {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        lower = mapping.count == 1 ? mapping.first! : scalar
      }
      exact.append(lower)
      if let ascii = FoldTable.asciiFolding(of: lower.value) {
        folded.append(contentsOf: ascii)
      } else {
        folded.append(contentsOf: Array(String(lower).utf8))
      }
    }

    func finish(joinedBy joiner: RawToken.Joiner) -> RawToken? {
      guard !exact.isEmpty else { return nil }
      var exactString = String(exact)
      if exactString.unicodeScalars.contains(where: { FoldTable.isCombiningMark($0.value) }) {
        exactString = exactString.precomposedStringWithCanonicalMapping
      }
      return RawToken(
        exact: exactString, folded: String(decoding: folded, as: UTF8.self), joinedBy: joiner,
        isNumber: isAllDigits, hasCapitalI: hasCapitalI)
    }
  }
}

/// A word as the tokenizer cut it, before any language-specific treatment.
struct RawToken: Sendable, Hashable {
  /// How a word was attached to the word before it.
  enum Joiner: Sendable, Hashable {
    case none, apostrophe, hyphen
  }

  /// The word lower-cased, in NFC, with its diacritics.
  var exact: String
  /// The word lower-cased and folded to ASCII where the script is Latin.
  var folded: String
  var joinedBy: Joiner
  /// Digits only, possibly with `.` or `,` between them.
  var isNumber: Bool
  /// Contains an ASCII capital `I`, whose lower case depends on the language.
  var hasCapitalI: Bool

  /// The token that stands for a class of names or personal data in matching (`@place`, `@email`);
  /// `exact` keeps what the customer wrote, for the reply's list of entities.
  static func classToken(_ matchingClass: String, exact: String? = nil) -> RawToken {
    let folded = EntityRecognizer.classToken(matchingClass)
    return RawToken(exact: exact ?? folded, folded: folded, joinedBy: .none, isNumber: false, hasCapitalI: false)
  }
}
