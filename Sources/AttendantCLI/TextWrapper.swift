import Foundation

/// Breaks the chat's text into lines that fit the terminal, at spaces only.
///
/// Existing line breaks stay. A line that already fits is left exactly as it is; a longer one is
/// broken between words, and its continuation lines hang under its text: under the words after a
/// list marker (`- `, `* `, `• `, `≈ `, `1. `, `2) `), under the value of a label (`Terms: …`, for
/// `/why`, when asked), or under its own indentation. A word wider than the line is never broken: it gets a line of its own.
///
/// Widths are counted in terminal columns, per character (grapheme cluster): 2 for emoji and for
/// the wide characters of Chinese, Japanese and Korean, 0 for control characters and ANSI styling
/// codes, 1 for the rest.
struct TextWrapper: Sendable {
  /// The columns a line may fill, prefix included.
  let width: Int
  /// Whether a line that opens with a short label (`Terms:`, `Matched on:`) hangs under its value.
  /// `/why` is laid out so; in a reply, "Please note: …" is prose.
  var hangsUnderLabels = false

  /// Wraps text that follows a prefix of `indent` columns (the chat's `bot> `).
  ///
  /// - Parameters:
  ///   - text: Lines of text, possibly with ANSI styling codes.
  ///   - indent: The columns before the text on its first line. Every later line, wrapped or not,
  ///     starts with as many spaces, so that the text stays in one column.
  /// - Returns: The text with line breaks added, without the prefix itself.
  /// - Complexity: O(n) in the length of the text.
  func wrap(_ text: String, indent: Int = 0) -> String {
    let available = max(width - indent, 1)
    let pad = String(repeating: " ", count: max(indent, 0))
    var output = ""
    var first = true
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      for piece in wrapLine(line, width: available) {
        if !first { output += "\n" }
        if !first && !piece.isEmpty { output += pad }
        output += piece
        first = false
      }
    }
    return output
  }

  /// One line of text as one or more lines of at most `width` columns (bar words wider than that).
  private func wrapLine(_ line: Substring, width: Int) -> [String] {
    if Self.columns(of: line) <= width { return [String(line)] }
    let (lead, rest) = Self.splitLead(line, labels: hangsUnderLabels)
    let hanging = String(repeating: " ", count: Self.columns(of: lead))
    var lines: [String] = []
    var current = String(lead)
    var used = Self.columns(of: lead)
    var atLineStart = true
    for (separator, word) in Self.words(rest) {
      let wordColumns = Self.columns(of: word)
      if atLineStart {
        current += word
        used += wordColumns
        atLineStart = false
      } else if used + Self.columns(of: separator) + wordColumns <= width {
        current += separator + word
        used += Self.columns(of: separator) + wordColumns
      } else {
        lines.append(current)
        current = hanging + word
        used = hanging.count + wordColumns
      }
    }
    lines.append(current)
    return lines
  }

  /// The start of a line that its continuation lines hang under: its indentation and, when there is
  /// one, a list marker (`- `, `1. `) or, if `labels`, a label with its padding (`Terms:      `).
  static func splitLead(_ line: Substring, labels: Bool) -> (lead: Substring, rest: Substring) {
    let text = line.drop { $0 == " " }
    let markerEnd = listMarkerEnd(text) ?? (labels ? labelEnd(text) : nil) ?? text.startIndex
    let end = text[markerEnd...].firstIndex { $0 != " " } ?? text.endIndex
    return (line[..<end], line[end...])
  }

  /// Where a list marker (`- `, `* `, `• `, `≈ `, `1. `, `12) `) that opens the text ends.
  private static func listMarkerEnd(_ text: Substring) -> Substring.Index? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    let end: Substring.Index
    if let first = text.first, "-*•≈".contains(first) {
      end = text.index(after: text.startIndex)
    } else if (1...3).contains(digits.count), let mark = text[digits.endIndex...].first, mark == "." || mark == ")" {
      end = text.index(after: digits.endIndex)
    } else {
      return nil
    }
    return text[end...].first == " " ? end : nil
  }

  /// Where a label of at most 16 letters and spaces (`Terms:`, `Matched on:`) ends, before its value.
  private static func labelEnd(_ text: Substring) -> Substring.Index? {
    guard let colon = text.firstIndex(of: ":"), (1...16).contains(text.distance(from: text.startIndex, to: colon)),
      text[..<colon].allSatisfy({ $0.isLetter || $0 == " " }), text[text.index(after: colon)...].hasPrefix(" ")
    else { return nil }
    return text.index(after: colon)
  }

  /// The words of a text, each with the spaces before it (empty for the first).
  static func words(_ text: Substring) -> [(separator: Substring, word: Substring)] {
    var result: [(Substring, Substring)] = []
    var index = text.startIndex
    while index < text.endIndex {
      let wordStart = text[index...].firstIndex { $0 != " " } ?? text.endIndex
      guard wordStart < text.endIndex else { break }
      let wordEnd = text[wordStart...].firstIndex(of: " ") ?? text.endIndex
      result.append((text[index..<wordStart], text[wordStart..<wordEnd]))
      index = wordEnd
    }
    return result
  }

  /// The terminal columns a text takes: its characters' widths, skipping ANSI escape sequences.
  ///
  /// - Complexity: O(n) in the length of the text.
  static func columns(of text: some StringProtocol) -> Int {
    var total = 0
    var escape = EscapeState.none
    for character in text {
      switch escape {
      case .none:
        if character == "\u{1B}" { escape = .started } else { total += columns(of: character) }
      case .started:
        escape = character == "[" ? .parameters : .none
      case .parameters:
        if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) { escape = .none }
      }
    }
    return total
  }

  private enum EscapeState { case none, started, parameters }

  /// The columns one character takes: 2 when wide, 0 for a control character, else 1.
  static func columns(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if first.properties.generalCategory == .control { return 0 }
    if first.properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}")
      || wideRanges.contains(where: { $0.contains(first.value) })
    {
      return 2
    }
    return 1
  }

  /// The wide blocks of Unicode's East Asian Width table (Hangul, kana, CJK ideographs and symbols,
  /// Yi, fullwidth forms). Emoji are found by their presentation property instead.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
