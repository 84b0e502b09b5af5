/// Case- and diacritic-folding of single scalars, from a table generated once from Foundation.
///
/// Foundation's `folding(options:locale:)` keeps `đ` and `ı` and costs microseconds per sentence
/// (see docs/text-on-linux.md); this table folds every Latin letter to ASCII in one array look-up.
enum FoldTable {
  private static let ranges: [(start: UInt32, entries: [[UInt8]?])] = [
    (latin1AndExtendedStart, parse(latin1AndExtended)),
    (latinExtendedAdditionalStart, parse(latinExtendedAdditional)),
  ]

  private static func parse(_ table: String) -> [[UInt8]?] {
    table.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0 == "-" ? nil : Array($0.utf8) }
  }

  /// The ASCII letters that a Latin scalar folds to, or `nil` when the table has no entry for it.
  static func asciiFolding(of value: UInt32) -> [UInt8]? {
    for range in ranges where value >= range.start && value < range.start + UInt32(range.entries.count) {
      return range.entries[Int(value - range.start)]
    }
    return nil
  }

  /// For the Latin ranges of the table (U+00C0–U+024F, U+1E00–U+1EFF): each scalar's lower case, and
  /// whether it is a letter. Property look-ups cost far more than the rest of tokenizing a letter, and
  /// nearly every non-ASCII letter our languages use is in these ranges.
  private static let latin: [(start: UInt32, lower: [Unicode.Scalar], isLetter: [Bool])] = ranges.map { range in
    let scalars = (range.start..<(range.start + UInt32(range.entries.count))).map { Unicode.Scalar($0)! }
    return (
      range.start,
      scalars.map { scalar in
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : scalar
      },
      scalars.map { Tokenizer.letterCategory($0) }
    )
  }

  /// The lower case of a Latin scalar and whether it is a letter, or `nil` outside the Latin ranges.
  @inline(__always)
  static func latinLetter(_ value: UInt32) -> (lower: Unicode.Scalar, isLetter: Bool)? {
    for range in latin where value >= range.start && value < range.start + UInt32(range.lower.count) {
      let index = Int(value - range.start)
      return (range.lower[index], range.isLetter[index])
    }
    return nil
  }

  /// Whether a scalar is a combining mark that folding removes (accents typed as separate scalars).
  static func isCombiningMark(_ value: UInt32) -> Bool {
    (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
      || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value)
  }
}
