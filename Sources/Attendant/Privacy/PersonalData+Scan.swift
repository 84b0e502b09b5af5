extension PersonalData {
  /// A text as the finders read it, and the spans found so far.
  struct Scan {
    let scalars: [Unicode.Scalar]
    /// Each scalar's value as a decimal digit of any script (`5`, `５`, `٥`), or -1.
    let digits: [Int8]
    /// Whether a scalar is inside a span already; later finders skip it.
    var taken: [Bool]
    var spans: [Span] = []
    /// The steps the finders took, counted in their loops: it grows linearly with the text.
    var work = 0
    /// Whether the text has an `@`, eight digits or a password keyword; without, it holds no personal data.
    let mayHoldPersonalData: Bool
    let mentionsPassword: Bool

    /// Reads the text; one pass without allocating decides whether it may hold personal data at all.
    init(_ text: String) {
      var length = 0
      var digitCount = 0
      var hasAt = false
      for scalar in text.unicodeScalars {
        length += 1
        if Self.digitValue(scalar) >= 0 { digitCount += 1 }
        if scalar == "@" || scalar.value == 0xFF20 { hasAt = true }
      }
      work = length
      mentionsPassword = PersonalData.mentionsPassword(text)
      mayHoldPersonalData = hasAt || digitCount >= 8 || mentionsPassword
      guard mayHoldPersonalData else {
        scalars = []
        digits = []
        taken = []
        return
      }
      scalars = Array(text.unicodeScalars)
      digits = scalars.map(Self.digitValue)
      taken = Array(repeating: false, count: scalars.count)
      work += length
    }

    var count: Int { scalars.count }

    /// Records a span and marks its scalars as taken.
    mutating func add(_ kind: Kind, _ range: Range<Int>) {
      spans.append(Span(kind: kind, scalars: range, text: String(String.UnicodeScalarView(scalars[range]))))
      for index in range { taken[index] = true }
      work += range.count
    }

    /// The maximal runs of scalars for which `isPart` holds, in order: the digit groups, the words.
    func runs(where isPart: (Int) -> Bool) -> [Range<Int>] {
      var runs: [Range<Int>] = []
      var index = 0
      while index < count {
        guard isPart(index) else {
          index += 1
          continue
        }
        let start = index
        while index < count, isPart(index) { index += 1 }
        runs.append(start..<index)
      }
      return runs
    }

    func isDigit(_ index: Int) -> Bool { digits[index] >= 0 && !taken[index] }

    /// A letter or digit of any script, or a combining mark: part of a word.
    func isWordCharacter(_ index: Int) -> Bool {
      digits[index] >= 0 || Self.isLetter(scalars[index]) || Self.isCombiningMark(scalars[index])
    }

    // MARK: Character classes

    /// A word lower-cased and folded to ASCII as the matcher folds it (`narudžbe` → `narudzbe`, `đơn` → `don`).
    static func folded<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return Tokenizer.tokenize(String(view)).map(\.folded).joined()
    }

    /// The value of a decimal digit in any script, or -1. Latin and Vietnamese letters, which fill most
    /// messages, are answered without a property look-up.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int8 {
      let value = scalar.value
      if value < 0x80 { return (0x30...0x39).contains(value) ? Int8(value - 0x30) : -1 }
      if value < 0x660 || (0x1E00...0x1FFF).contains(value) { return -1 }
      if (0xFF10...0xFF19).contains(value) { return Int8(value - 0xFF10) }
      guard scalar.properties.generalCategory == .decimalNumber, let number = scalar.properties.numericValue,
        (0...9).contains(number)
      else { return -1 }
      return Int8(number)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
      if let latin = FoldTable.latinLetter(value) { return latin.isLetter }
      return scalar.properties.isAlphabetic
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value >= 0x300 && FoldTable.isCombiningMark(scalar.value)
    }

    /// Space, no-break space, figure space, thin space, narrow no-break space, ideographic space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x20, 0xA0, 0x2007, 0x2009, 0x202F, 0x3000: return true
      default: return false
      }
    }

    /// Hyphen-minus, hyphen, no-break hyphen, figure dash, en-dash, minus, small and full-width hyphen.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D: return true
      default: return false
      }
    }

    static func isDot(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar.value == 0xFF0E }
    static func isSlash(_ scalar: Unicode.Scalar) -> Bool { scalar == "/" || scalar.value == 0xFF0F }
    static func isColon(_ scalar: Unicode.Scalar) -> Bool { scalar == ":" || scalar.value == 0xFF1A }
    static func isPlus(_ scalar: Unicode.Scalar) -> Bool { scalar == "+" || scalar.value == 0xFF0B }
    static func isOpeningBracket(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar.value == 0xFF08 }
    static func isClosingBracket(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar.value == 0xFF09 }
  }
}
