extension PersonalData.NumberReader {
  /// A phone number that starts at `group`, and the group after it.
  ///
  /// A phone starts with `+` (international, 8–15 digits), with a trunk `0` (national, 9–15 digits:
  /// `091 234 5678`, `0532 123 45 67`, `0812-3456-7890`, `07700 900123`, `01/2345-678`), or has the North
  /// American shape (`(212) 555-0147`, `212-555-0147`). It is not a phone when it is an identifier, when it
  /// follows an order word (`order 048213579`, `narudžba br. 048213579`), or when `numaralı sipariş`
  /// follows it.
  mutating func phone(at group: Int) -> (Range<Int>, Int)? {
    let first = groups[group]
    var start = first.lowerBound
    guard
      firstDigit(group) == 0 || size(group) == 3
        || (start > 0 && (Scan.isPlus(scalars[start - 1]) || Scan.isOpeningBracket(scalars[start - 1]))),
      !isGluedRight(group)
    else { return nil }
    var international = false
    var opened = false
    if start > 0, Scan.isPlus(scalars[start - 1]), !taken[start - 1] {
      international = true
      start -= 1
    }
    if start > 0, Scan.isOpeningBracket(scalars[start - 1]), !taken[start - 1] {
      opened = true
      start -= 1
    }
    guard !isIdentifier(startingAt: start) else { return nil }
    let trunk = firstDigit(group) == 0
    let areaCode =
      opened && !international && first.upperBound < scalars.count
      && Scan.isClosingBracket(scalars[first.upperBound]) && size(group) == 3
    let northAmerican = !international && !trunk && size(group) == 3 && firstDigit(group) >= 2
    guard international || trunk || areaCode || northAmerican else { return nil }

    var total = size(group)
    var last = group
    let complete = international ? 10 : 9
    while last + 1 < groups.count {
      work += 1
      let next = last + 1
      guard joinsPhone(next), total + size(next) <= 15 else { break }
      // A second number in a row starts with its own trunk 0: `0912345678 0987654321`.
      if total >= complete, firstDigit(next) == 0 || size(next) == 1 { break }
      if isGluedRight(next) || dateOrTime(at: next) != nil { break }
      total += size(next)
      last = next
    }

    if international {
      guard (8...15).contains(total) else { return nil }
    } else if trunk {
      guard total >= 9 else { return nil }
    } else if areaCode {
      guard total == 10 else { return nil }
    } else {
      guard last >= group + 2, size(group + 1) == 3, size(group + 2) == 4, firstDigit(group + 1) >= 2,
        let separator = separator(before: group + 1), separator == self.separator(before: group + 2),
        separator == .space || separator == .dash || separator == .dot
      else { return nil }
      last = group + 2
    }
    let end = groups[last].upperBound
    if !international, followsOrderWord(start) || precedesNumberedOrder(end) { return nil }
    // The opening bracket belongs to the number only when its closing one does too.
    if opened, !scalars[start..<end].contains(where: Scan.isClosingBracket) { start += 1 }
    return (start..<end, last + 1)
  }

  // MARK: Order words

  /// Words for an order, a parcel or an invoice, folded, in the five languages; a number right after
  /// one is its number, not a phone.
  private static let orderWords: Set<String> = [
    "order", "orders", "ord", "invoice", "tracking", "parcel", "shipment", "narudzba", "narudzbe", "narudzbu",
    "narudzbi", "narudzbom", "posiljka", "posiljke", "posiljku", "racun", "racuna", "siparis", "siparisim",
    "siparisin", "siparisimin", "siparisiniz", "siparisinizin", "kargo", "kargom", "takip", "fatura",
    "pesanan", "pesananku", "pesanannya", "resi", "invois", "paket",
  ]

  /// Vietnamese order words are two syllables: `đơn hàng`, `mã đơn`, `hóa đơn`, `vận đơn`.
  private static let orderWordPairs: Set<String> = ["don hang", "ma don", "hoa don", "van don", "ma van"]

  /// Words that may stand between an order word and its number: `order no.`, `narudžba broj`, `sipariş
  /// numaram`, `số`, `nomor`, `my order is`.
  private static let orderNumberWords: Set<String> = [
    "no", "nr", "num", "number", "id", "ref", "is", "br", "broj", "brojem", "je", "numara", "numaram",
    "numarasi", "numaraniz", "so", "la", "nomor", "adalah", "saya", "my", "moja", "moje", "benim", "cua", "toi",
  ]

  /// Whether the number starting at `start` comes right after an order word.
  private mutating func followsOrderWord(_ start: Int) -> Bool {
    let words = self.words(before: start, count: 4)
    var index = 0
    while index < 2, index < words.count, Self.orderNumberWords.contains(words[index]) { index += 1 }
    guard index < words.count else { return false }
    if Self.orderWords.contains(words[index]) { return true }
    return index + 1 < words.count && Self.orderWordPairs.contains(words[index + 1] + " " + words[index])
  }

  /// Whether `numaralı sipariş`, `nolu kargo` follows the number ending at `end` (Turkish puts the
  /// number first).
  private mutating func precedesNumberedOrder(_ end: Int) -> Bool {
    let words = self.words(after: end, count: 3)
    guard let first = words.first, ["numarali", "nolu", "no", "sayili"].contains(first) else { return false }
    return words.dropFirst().contains { Self.orderWords.contains($0) || $0.hasPrefix("siparis") }
  }

  /// Up to `count` words before `position`, nearest first, folded; it stops at other digits and at `,;!?`.
  private mutating func words(before position: Int, count: Int) -> [String] {
    var words: [String] = []
    var index = position
    let limit = max(0, position - 48)
    while words.count < count, index > limit {
      while index > limit, !isLetterOrMark(index - 1) {
        if digits[index - 1] >= 0 || ",;!?\n".unicodeScalars.contains(scalars[index - 1]) { return words }
        index -= 1
      }
      let end = index
      while index > limit, isLetterOrMark(index - 1) { index -= 1 }
      guard index < end else { break }
      words.append(Scan.folded(scalars[index..<end]))
    }
    work += position - index
    return words
  }

  /// Up to `count` words after `position`, in order, folded.
  private mutating func words(after position: Int, count: Int) -> [String] {
    var words: [String] = []
    var index = position
    let limit = min(scalars.count, position + 48)
    while words.count < count, index < limit {
      while index < limit, !isLetterOrMark(index) {
        if digits[index] >= 0 || ",;!?\n".unicodeScalars.contains(scalars[index]) { return words }
        index += 1
      }
      let start = index
      while index < limit, isLetterOrMark(index) { index += 1 }
      guard start < index else { break }
      words.append(Scan.folded(scalars[start..<index]))
    }
    work += index - position
    return words
  }

  private func isLetterOrMark(_ index: Int) -> Bool {
    Scan.isLetter(scalars[index]) || Scan.isCombiningMark(scalars[index])
  }
}
