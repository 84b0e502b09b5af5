import Foundation

/// Reads the UTC timestamps the transcript log writes (`2027-03-01T09:30:05Z`, `…05.250Z`) without a
/// formatter: `ISO8601DateFormatter` costs about a millisecond to build on Linux, and a report reads a
/// million of them.
enum UTCTimestamp {
  /// The moment, or `nil` when the text is not `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
  static func parse(_ text: String) -> Date? {
    var utf8 = Array(text.utf8)
    guard utf8.count >= 20, utf8.last == UInt8(ascii: "Z") else { return nil }
    utf8.removeLast()
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(utf8[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"), utf8[10] == UInt8(ascii: "T"),
      utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
      let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var fraction = 0.0
    if utf8.count > 19 {
      guard utf8[19] == UInt8(ascii: "."), utf8.count > 20, let digits = number(20..<utf8.count) else { return nil }
      fraction = Double(digits) / pow(10, Double(utf8.count - 20))
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction)
  }

  /// A calendar date (`2027-03-01`) as its first moment in UTC, or `nil` when it is not one.
  static func day(_ text: String) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day),
      CivilDate.date(daysFromCivil(year: year, month: month, day: day)) == .init(year: year, month: month, day: day)
    else { return nil }
    return Date(timeIntervalSince1970: Double(daysFromCivil(year: year, month: month, day: day) * 86_400))
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
