import Foundation

/// The support teams, the languages each covers, and their weekly shifts and holidays, read from
/// `KnowledgeBase/support.txt`.
public struct SupportSchedule: Sendable, Hashable {
  /// A team of people who answer in some languages, in one time zone.
  public struct Team: Sendable, Hashable {
    public let name: String
    public let languages: [Language]
    public let timeZone: TimeZone
    public let shifts: [Shift]
    /// Days without a shift, in the team's time zone.
    public let holidays: Set<LocalDate>
    /// How long the team takes to answer during a shift.
    public let responseMinutes: Int
    public let location: SourceLocation
    /// A Gregorian calendar in the team's zone, made once: making one costs more than using it.
    let calendar: Calendar

    public init(
      name: String, languages: [Language], timeZone: TimeZone, shifts: [Shift], holidays: Set<LocalDate>,
      responseMinutes: Int, location: SourceLocation
    ) {
      self.name = name
      self.languages = languages
      self.timeZone = timeZone
      self.shifts = shifts
      self.holidays = holidays
      self.responseMinutes = responseMinutes
      self.location = location
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      self.calendar = calendar
    }
  }

  /// Working hours on one weekday, in the team's local time; `end` may be 24:00.
  public struct Shift: Sendable, Hashable {
    /// 1 = Sunday … 7 = Saturday, as `Calendar` counts.
    public let weekday: Int
    /// Minutes after local midnight.
    public let start: Int
    public let end: Int
  }

  /// A calendar day without a time or a zone (`2026-12-25`).
  public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
      (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
      String(format: "%04d-%02d-%02d", year, month, day)
    }
  }

  /// Who can take over a conversation in a language at a moment.
  public enum Availability: Sendable, Hashable {
    /// A team is on shift now; its shift ends at `until`.
    case onShift(team: Team, until: Date)
    /// Nobody is on shift; `team`'s next shift, the earliest of all, starts at `next`.
    case offShift(team: Team, next: Date)
    /// No team covers the language, or none has a shift within a year.
    case uncovered
  }

  public let teams: [Team]

  public init(teams: [Team]) { self.teams = teams }

  /// Who can answer a customer writing in `language` at `date`.
  ///
  /// - Complexity: O(teams × shifts × days searched); the search stops at the first day with a shift,
  ///   and looks at most 400 days ahead.
  public func availability(for language: Language, at date: Date) -> Availability {
    let covering = teams.filter { $0.languages.contains(language) }
    if let team = covering.first(where: { $0.currentShiftEnd(at: date) != nil }) {
      return .onShift(team: team, until: team.currentShiftEnd(at: date)!)
    }
    let next = covering.compactMap { team in team.nextShiftStart(after: date).map { (team, $0) } }
    guard let earliest = next.min(by: { $0.1 < $1.1 }) else { return .uncovered }
    return .offShift(team: earliest.0, next: earliest.1)
  }
}

extension SupportSchedule.Team {
  // Shifts are wall-clock times in the team's zone. They are turned into moments with civil-date
  // arithmetic and the zone's UTC offset, not with `Calendar`: Calendar's date arithmetic costs about
  // half a millisecond per escalation on Linux, this a few microseconds.

  /// The team's local calendar day and weekday (1 = Sunday … 7 = Saturday) at a moment.
  func localDay(of date: Date) -> (day: SupportSchedule.LocalDate, weekday: Int, days: Int) {
    let local = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
    let days = Int((Double(local) / 86_400).rounded(.down))
    return (CivilDate.date(days), CivilDate.weekday(days), days)
  }

  /// The moment a local wall-clock time happens on a day (days since 1970-01-01, local). In a
  /// daylight-saving gap it is the first moment after the gap; in a repeated hour, its first occurrence.
  func moment(days: Int, minutes: Int) -> Date {
    let wall = Double(days * 86_400 + minutes * 60)
    let before = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 43_200)))
    let after = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 43_200)))
    let candidates = Set([wall - before, wall - after]).filter { moment in
      Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: moment))) == wall - moment
    }
    if let first = candidates.min() { return Date(timeIntervalSince1970: first) }
    // The wall time does not exist (clocks jump over it): the transition is the first moment after it.
    let earlier = Date(timeIntervalSince1970: min(wall - before, wall - after))
    return timeZone.nextDaylightSavingTimeTransition(after: earlier) ?? Date(timeIntervalSince1970: wall - before)
  }

  /// The end of the shift in progress at `date`, or `nil` when the team is off.
  func currentShiftEnd(at date: Date) -> Date? {
    let local = localDay(of: date)
    guard !holidays.contains(local.day) else { return nil }
    for shift in shifts where shift.weekday == local.weekday {
      let start = moment(days: local.days, minutes: shift.start)
      let end = moment(days: local.days, minutes: shift.end)
      if start <= date && date < end { return end }
    }
    return nil
  }

  /// The start of the first shift that begins after `date`, skipping holidays.
  func nextShiftStart(after date: Date) -> Date? {
    guard !shifts.isEmpty else { return nil }
    let today = localDay(of: date).days
    for days in today..<(today + 400) {
      guard !holidays.contains(CivilDate.date(days)) else { continue }
      let weekday = CivilDate.weekday(days)
      let starts = shifts.filter { $0.weekday == weekday }.map { moment(days: days, minutes: $0.start) }
      if let first = starts.filter({ $0 > date }).min() { return first }
    }
    return nil
  }
}

/// Proleptic Gregorian dates as days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
enum CivilDate {
  static func date(_ days: Int) -> SupportSchedule.LocalDate {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return .init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// 1 = Sunday … 7 = Saturday, as `Calendar` counts (1970-01-01 was a Thursday).
  static func weekday(_ days: Int) -> Int {
    ((days % 7 + 7 + 4) % 7) + 1
  }
}
