extension PersonalData.Scan {
  /// Finds card and phone numbers, leaving dates, times and order numbers readable.
  ///
  /// The text's digits are cut once into groups (maximal runs of digits). Then, from each group in turn,
  /// a date or time is skipped, or a card or phone number is read; each looks at a bounded number of
  /// groups (a phone has at most 15 digits, a card 19 plus an expiry and a CVV), so the pass is O(n)
  /// even on `1 1 1 1 …`.
  mutating func findNumbers() {
    let groups = runs(where: isDigit)
    work += count
    guard !groups.isEmpty else { return }
    var reader = PersonalData.NumberReader(scan: self, groups: groups)
    var found: [(PersonalData.Kind, Range<Int>)] = []
    var group = 0
    while group < groups.count {
      reader.work += 1
      if let next = reader.dateOrTime(at: group) {
        group = next
      } else if let (range, next) = reader.card(at: group) {
        found.append((.card, range))
        group = next
      } else if let (range, next) = reader.phone(at: group) {
        found.append((.phone, range))
        group = next
      } else {
        group += 1
      }
    }
    work += reader.work
    for (kind, range) in found { add(kind, range) }
  }
}

extension PersonalData {
  /// Reads dates, times, card and phone numbers from the digit groups of a text.
  struct NumberReader {
    typealias Scan = PersonalData.Scan

    let scalars: [Unicode.Scalar]
    let digits: [Int8]
    let taken: [Bool]
    let groups: [Range<Int>]
    var work = 0

    init(scan: Scan, groups: [Range<Int>]) {
      scalars = scan.scalars
      digits = scan.digits
      taken = scan.taken
      self.groups = groups
    }

    // MARK: Groups and what joins them

    func size(_ group: Int) -> Int { groups[group].count }
    func firstDigit(_ group: Int) -> Int8 { digits[groups[group].lowerBound] }

    /// The group's value; only asked of groups of a few digits.
    private func value(_ group: Int) -> Int {
      groups[group].prefix(6).reduce(0) { $0 * 10 + Int(digits[$1]) }
    }

    /// The scalars between a group and the one before it.
    private func gap(before group: Int) -> Range<Int> { groups[group - 1].upperBound..<groups[group].lowerBound }

    enum Separator { case space, dash, dot, slash, colon, dotSpace }

    /// The separator between a group and the one before it, when it is a single one (or `. `).
    func separator(before group: Int) -> Separator? {
      guard group > 0, group < groups.count else { return nil }
      let gap = gap(before: group)
      guard !taken[gap.lowerBound] else { return nil }
      let scalar = scalars[gap.lowerBound]
      if gap.count == 2, Scan.isDot(scalar), Scan.isSpace(scalars[gap.lowerBound + 1]) { return .dotSpace }
      guard gap.count == 1 else { return nil }
      if Scan.isSpace(scalar) { return .space }
      if Scan.isDash(scalar) { return .dash }
      if Scan.isDot(scalar) { return .dot }
      if Scan.isSlash(scalar) { return .slash }
      if Scan.isColon(scalar) { return .colon }
      return nil
    }

    /// Whether a group continues the phone number before it: up to three scalars of spaces, brackets and
    /// one dash between (`) `, ` - `, `–`), or a lone dot or slash (`+381.11`, `01/2345`).
    func joinsPhone(_ group: Int) -> Bool {
      let gap = gap(before: group)
      guard (1...3).contains(gap.count) else { return false }
      var dashes = 0
      var spaces = 0
      var opening = 0
      var closing = 0
      for index in gap {
        let scalar = scalars[index]
        if taken[index] { return false }
        if Scan.isSpace(scalar) {
          spaces += 1
        } else if Scan.isDash(scalar) {
          dashes += 1
        } else if Scan.isDot(scalar) || Scan.isSlash(scalar) {
          if gap.count != 1 { return false }
        } else if Scan.isOpeningBracket(scalar) {
          opening += 1
        } else if Scan.isClosingBracket(scalar) {
          closing += 1
        } else {
          return false
        }
      }
      return dashes <= 1 && spaces <= 2 && opening <= 1 && closing <= 1
    }

    /// Whether a group continues the card number before it: one space, dash or dot.
    private func joinsCard(_ group: Int) -> Bool {
      switch separator(before: group) {
      case .space, .dash, .dot: return true
      default: return false
      }
    }

    /// Whether a letter, `%`, `°` or a currency sign follows the group: `2pm`, `14h30`, `50%`, `20€`.
    func isGluedRight(_ group: Int) -> Bool {
      let end = groups[group].upperBound
      guard end < scalars.count else { return false }
      let scalar = scalars[end]
      if Scan.isLetter(scalar) || Scan.isCombiningMark(scalar) || scalar == "%" || scalar == "°" || scalar == "$" {
        return true
      }
      return scalar.value >= 0x80 && scalar.properties.generalCategory == .currencySymbol
    }

    /// Whether the number starting at `start` is part of an identifier: glued to a word (`A1234`,
    /// `ORB-048213579`, `ORB/…`), after `#` or `№`, or the decimals of a number (`19.99`).
    func isIdentifier(startingAt start: Int) -> Bool {
      guard start > 0 else { return false }
      let before = scalars[start - 1]
      if digits[start - 1] >= 0 || Scan.isLetter(before) || before == "#" || before == "№" || before == "_" {
        return true
      }
      guard start > 1 else { return false }
      let twoBefore = scalars[start - 2]
      if Scan.isDash(before) || Scan.isSlash(before) { return Scan.isLetter(twoBefore) }
      if before == "." || before == "," { return digits[start - 2] >= 0 }
      return false
    }

    // MARK: Dates and times

    /// The group after a date or time that starts at `group`, or `nil`.
    mutating func dateOrTime(at group: Int) -> Int? {
      time(at: group) ?? date(at: group)
    }

    /// `14:30`, `9:05:30`.
    private mutating func time(at group: Int) -> Int? {
      work += 1
      guard group + 1 < groups.count, separator(before: group + 1) == .colon, (1...2).contains(size(group)),
        size(group + 1) == 2, value(group) <= 24, value(group + 1) <= 59
      else { return nil }
      if group + 2 < groups.count, separator(before: group + 2) == .colon, size(group + 2) == 2 { return group + 3 }
      return group + 2
    }

    /// `05.11.2026`, `5. 11. 2026.`, `5/11/2026`, `11/30/2026`, `05-11-26`, `2026-11-05`: a day, a month and a
    /// year in either order, with one separator used twice and not a third time (`01.02.03.04` is no date).
    private mutating func date(at group: Int) -> Int? {
      work += 1
      guard group + 2 < groups.count, let separator = separator(before: group + 1), separator != .space,
        separator != .colon, self.separator(before: group + 2) == separator
      else { return nil }
      let (first, second, third) = (size(group), size(group + 1), size(group + 2))
      let days = 1...31
      let months = 1...12
      let dayMonthYear =
        (1...2).contains(first) && (1...2).contains(second) && (third == 2 || third == 4)
        && ((days.contains(value(group)) && months.contains(value(group + 1)))
          || (months.contains(value(group)) && days.contains(value(group + 1))))
      let yearMonthDay =
        first == 4 && (1...2).contains(second) && (1...2).contains(third) && months.contains(value(group + 1))
        && days.contains(value(group + 2))
      guard dayMonthYear || yearMonthDay else { return nil }
      if group > 0, self.separator(before: group) == separator { return nil }
      if group + 3 < groups.count, self.separator(before: group + 3) == separator, time(at: group + 3) == nil {
        return nil
      }
      return group + 3
    }

    // MARK: Cards

    /// How card numbers are printed; a 13–19 digit run without spaces is read as well.
    private static let cardGroupings: [[Int]] = [
      [4, 4, 4, 4, 3], [4, 4, 4, 4, 2], [4, 4, 4, 4, 1], [4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 4, 3],
      [4, 4, 4, 2], [4, 4, 4, 1],
    ]

    /// A card number that starts at `group`, with the expiry date and CVV right after it, and the group
    /// after them.
    mutating func card(at group: Int) -> (Range<Int>, Int)? {
      guard size(group) == 4 || (13...19).contains(size(group)) else { return nil }
      let start = groups[group].lowerBound
      if start > 0, Scan.isPlus(scalars[start - 1]) || Scan.isLetter(scalars[start - 1]) { return nil }
      var joined = 1
      while joined < 5, group + joined < groups.count, joinsCard(group + joined) {
        joined += 1
        work += 1
      }
      var last: Int?
      for grouping in Self.cardGroupings where fits(grouping, at: group, joined: joined) {
        if passesLuhn(group..<group + grouping.count) {
          last = group + grouping.count - 1
          break
        }
      }
      if last == nil, (13...19).contains(size(group)), !isIdentifier(startingAt: start), !isGluedRight(group),
        passesLuhn(group..<group + 1)
      {
        last = group
      }
      guard var last else { return nil }
      for _ in 0..<2 {
        guard let trailing = expiryOrCVV(after: last) else { break }
        last = trailing
      }
      return (start..<groups[last].upperBound, last + 1)
    }

    /// Whether the groups from `group` on, `joined` of them in a row, are printed as `grouping`.
    private func fits(_ grouping: [Int], at group: Int, joined: Int) -> Bool {
      guard grouping.count <= joined else { return false }
      for (offset, size) in grouping.enumerated() where self.size(group + offset) != size { return false }
      return true
    }

    private mutating func passesLuhn(_ range: Range<Int>) -> Bool {
      var digits: [UInt8] = []
      digits.reserveCapacity(19)
      for group in range {
        for position in groups[group] { digits.append(UInt8(self.digits[position])) }
      }
      work += digits.count
      return (13...19).contains(digits.count) && PersonalData.luhnValid(digits)
    }

    /// Words that may stand between a card number and its expiry date or CVV, folded and run together
    /// (`exp 12/26`, `CVV: 123`, `vrijedi do`, `son kullanma`, `ngày hết hạn`, `masa berlaku`).
    private static let cardLabels: Set<String> = [
      "", "exp", "expiry", "expires", "expdate", "expirydate", "valid", "validthru", "validuntil", "cvv", "cvc",
      "csc", "vrijedido", "istek", "sonkullanma", "sonkullanmatarihi", "skt", "hsd", "hethan", "ngayhethan",
      "berlaku", "masaberlaku", "berlakuhingga",
    ]

    /// The last group of an expiry date (`12/26`, `12/2026`) or a CVV (3–4 digits) right after `group`.
    private mutating func expiryOrCVV(after group: Int) -> Int? {
      let next = group + 1
      guard next < groups.count else { return nil }
      let gap = gap(before: next)
      guard gap.count <= 16 else { return nil }
      work += gap.count
      var letters = String.UnicodeScalarView()
      for index in gap {
        let scalar = scalars[index]
        if taken[index] { return nil }
        if Scan.isLetter(scalar) || Scan.isCombiningMark(scalar) {
          letters.append(scalar)
        } else if !(Scan.isSpace(scalar) || Scan.isDash(scalar) || Scan.isDot(scalar) || Scan.isColon(scalar)
          || scalar == "," || scalar == "|")
        {
          return nil
        }
      }
      guard Self.cardLabels.contains(Scan.folded(letters)) else { return nil }
      if (1...2).contains(size(next)), (1...12).contains(value(next)), next + 1 < groups.count,
        let separator = separator(before: next + 1), separator == .slash || separator == .dash || separator == .dot,
        size(next + 1) == 2 || size(next + 1) == 4, !isGluedRight(next + 1),
        next + 2 == groups.count || self.separator(before: next + 2) != separator
      {
        return next + 1
      }
      if (3...4).contains(size(next)), !isGluedRight(next),
        next + 1 == groups.count || (!joinsCard(next + 1) && separator(before: next + 1) != .slash)
      {
        return next
      }
      return nil
    }
  }
}
