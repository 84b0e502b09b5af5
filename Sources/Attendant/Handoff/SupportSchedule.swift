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
  var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  func localDate(of date: Date, in calendar: Calendar) -> SupportSchedule.LocalDate {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return .init(year: parts.year!, month: parts.month!, day: parts.day!)
  }

  /// The moment a local wall-clock time happens on a day; in a daylight-saving gap, the first moment after it.
  func moment(_ day: SupportSchedule.LocalDate, minutes: Int, in calendar: Calendar) -> Date? {
    let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
    guard let midnight else { return nil }
    if minutes >= 24 * 60 { return calendar.date(byAdding: .day, value: 1, to: midnight) }
    return calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: midnight)
  }

  /// The end of the shift in progress at `date`, or `nil` when the team is off.
  func currentShiftEnd(at date: Date) -> Date? {
    let calendar = calendar
    let day = localDate(of: date, in: calendar)
    guard !holidays.contains(day) else { return nil }
    let weekday = calendar.component(.weekday, from: date)
    for shift in shifts where shift.weekday == weekday {
      guard let start = moment(day, minutes: shift.start, in: calendar),
        let end = moment(day, minutes: shift.end, in: calendar)
      else { continue }
      if start <= date && date < end { return end }
    }
    return nil
  }

  /// The start of the first shift that begins after `date`, skipping holidays.
  func nextShiftStart(after date: Date) -> Date? {
    let calendar = calendar
    guard !shifts.isEmpty, var dayStart = calendar.dateInterval(of: .day, for: date)?.start else { return nil }
    for _ in 0..<400 {
      let day = localDate(of: dayStart, in: calendar)
      if !holidays.contains(day) {
        let weekday = calendar.component(.weekday, from: dayStart)
        let starts = shifts.filter { $0.weekday == weekday }.compactMap { moment(day, minutes: $0.start, in: calendar) }
        if let first = starts.filter({ $0 > date }).min() { return first }
      }
      guard let next = calendar.date(byAdding: .day, value: 1, to: dayStart) else { return nil }
      dayStart = calendar.startOfDay(for: next)
    }
    return nil
  }
}
