import Foundation
import Testing

@testable import Attendant

/// The schedule's own date arithmetic agrees with Foundation's `Calendar`, which it replaces for speed.
struct CivilDateTests {
  static let zones = [
    "Europe/Zagreb", "Europe/Istanbul", "Asia/Ho_Chi_Minh", "Asia/Jakarta", "America/New_York", "Australia/Lord_Howe",
    "UTC",
  ]

  static func team(_ zone: String) -> SupportSchedule.Team {
    .init(
      name: zone, languages: [.en], timeZone: TimeZone(identifier: zone)!, shifts: [], holidays: [],
      responseMinutes: 60,
      location: SourceLocation(file: "test"))
  }

  @Test(arguments: zones)
  func localDaysAndWeekdaysMatchTheCalendar(zone: String) {
    let team = Self.team(zone)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = team.timeZone
    var generator = SeededGenerator(seed: 42)
    for _ in 0..<2000 {
      let date = Date(timeIntervalSince1970: Double.random(in: 1_735_000_000...1_830_000_000, using: &generator))
      let local = team.localDay(of: date)
      let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
      #expect(
        local.day == SupportSchedule.LocalDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(date)")
      #expect(local.weekday == parts.weekday!, "\(date)")
    }
  }

  @Test(arguments: zones)
  func wallClockMomentsMatchTheCalendarAcrossDaylightSavingChanges(zone: String) throws {
    let team = Self.team(zone)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = team.timeZone
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<2000 {
      let days = Int.random(in: 20_000...21_000, using: &generator)  // 2024–2027
      let minutes = Int.random(in: 0..<(24 * 60), using: &generator) / 15 * 15
      let date = CivilDate.date(days)
      let midnight = try #require(
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)))
      let expected = try #require(
        calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: midnight))
      #expect(team.moment(days: days, minutes: minutes) == expected, "\(date) \(minutes / 60):\(minutes % 60)")
    }
  }

  @Test func civilDatesRoundTripAroundTheYearBoundaryAndLeapDays() {
    #expect(CivilDate.date(0) == .init(year: 1970, month: 1, day: 1))
    #expect(CivilDate.weekday(0) == 5, "1970-01-01 was a Thursday")
    #expect(CivilDate.date(20_818) == .init(year: 2026, month: 12, day: 31))
    #expect(CivilDate.date(20_819) == .init(year: 2027, month: 1, day: 1))
    #expect(CivilDate.date(20_512) == .init(year: 2026, month: 2, day: 28))
    #expect(CivilDate.date(19_782) == .init(year: 2024, month: 2, day: 29))
    #expect(CivilDate.date(-1) == .init(year: 1969, month: 12, day: 31))
  }
}
