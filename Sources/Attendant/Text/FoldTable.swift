/// Case- and diacritic-folding of single scalars, from a table generated once from Foundation.
///
/// Foundation's `folding(options:locale:)` keeps `đ` and `ı` and costs microseconds per sentence
/// (see `MULTILINGUAL.md`); this table folds every Latin letter to ASCII in one array look-up.
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

  /// Whether a scalar is a combining mark that folding removes (accents typed as separate scalars).
  static func isCombiningMark(_ value: UInt32) -> Bool {
    (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
      || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value)
  }
}
