import Foundation

/// Parses `KnowledgeBase/support.txt`: blocks of `key: value` lines, each block starting with `team:`.
///
/// ```
/// team: Zagreb
/// languages: hr, en
/// time-zone: Europe/Zagreb
/// response-minutes: 120
/// hours: Mon-Fri 08:00-20:00
/// hours: Sat 09:00-15:00
/// holidays: 2026-12-25, 2026-12-26
/// ```
enum SupportScheduleParser {
  static let keys = ["team", "languages", "time-zone", "response-minutes", "hours", "holidays"]
  static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

  private struct Draft {
    var name: String
    var line: Int
    var languages: [Language] = []
    var timeZone: TimeZone?
    var responseMinutes = 120
    var shifts: [SupportSchedule.Shift] = []
    var holidays: Set<SupportSchedule.LocalDate> = []
    /// Keys that were written but could not be read: their "missing" finding would repeat the error.
    var unreadable: Set<String> = []

    /// Reads one `key: value` line of the team (any key but `team`); problems go to `fail`.
    mutating func read(_ key: String, _ value: String, line: Int, fail: (Int, String, String) -> Void) {
      switch key {
      case "languages":
        for code in value.split(separator: ",").map({ $0.trimmedWhiteSpace }) {
          guard let language = Language(rawValue: code) else {
            fail(
              line, "'\(code)' is not a language code.", "write two-letter codes separated by commas, such as 'hr, en'."
            )
            unreadable.insert(key)
            continue
          }
          languages.append(language)
        }
      case "time-zone":
        guard let zone = TimeZone(identifier: value) else {
          fail(line, "Unknown time zone '\(value)'.", "use an IANA name such as 'Europe/Zagreb' or 'Asia/Jakarta'.")
          unreadable.insert(key)
          return
        }
        timeZone = zone
      case "response-minutes":
        guard let minutes = Int(value), minutes > 0 else {
          fail(line, "'\(value)' is not a number of minutes.", "write a whole number such as 120.")
          return
        }
        responseMinutes = minutes
      case "hours":
        guard let shifts = SupportScheduleParser.parseHours(value) else {
          fail(
            line, "Cannot read the hours '\(value)'.",
            "write days and a time range, such as 'Mon-Fri 08:00-20:00' or 'Sat 09:00-15:00'.")
          unreadable.insert(key)
          return
        }
        self.shifts += shifts
      default:  // holidays
        for text in value.split(separator: ",").map({ $0.trimmedWhiteSpace }) {
          guard let date = SupportScheduleParser.parseDate(text) else {
            fail(line, "'\(text)' is not a date.", "write dates as YYYY-MM-DD, separated by commas.")
            continue
          }
          holidays.insert(date)
        }
      }
    }

    /// Reports what the team lacks: a name, languages, a time zone, hours (unless written but unreadable).
    func checkComplete(fail: (Int, String, String) -> Void) {
      if name.isEmpty { fail(line, "The team has no name.", "write 'team: <name>'.") }
      if languages.isEmpty && !unreadable.contains("languages") {
        fail(line, "The team '\(name)' covers no language.", "add 'languages: <codes>'.")
      }
      if timeZone == nil && !unreadable.contains("time-zone") {
        fail(line, "The team '\(name)' has no time zone.", "add 'time-zone: <IANA name>'.")
      }
      if shifts.isEmpty && !unreadable.contains("hours") {
        fail(line, "The team '\(name)' has no hours.", "add 'hours: Mon-Fri 08:00-20:00'.")
      }
    }
  }

  /// The schedule in `file`; problems are added to `findings`, and `nil` is returned when there are errors.
  static func parse(_ file: ContentFile, findings: inout [Finding]) -> SupportSchedule? {
    var drafts: [Draft] = []
    let before = findings.filter { $0.severity == .error }.count
    func fail(_ line: Int, _ message: String, _ fix: String) {
      findings.append(Finding(.error, .schedule, at: file.location(line), message, fix: fix))
    }
    for line in file.lines where !line.isBlankOrComment {
      guard let colon = line.text.firstIndex(of: ":") else {
        fail(line.number, "A schedule line must read 'key: value'.", "write one of \(keys.joined(separator: ", ")).")
        continue
      }
      let key = line.text[..<colon].trimmedWhiteSpace.lowercased()
      let value = line.text[line.text.index(after: colon)...].trimmedWhiteSpace
      if key == "team" {
        drafts.append(Draft(name: value, line: line.number))
        continue
      }
      guard keys.contains(key) else {
        fail(
          line.number, "Unknown key '\(key)'.",
          Suggestion.closest(to: key, in: keys).map { "did you mean '\($0)'?" }
            ?? "the keys are \(keys.joined(separator: ", ")).")
        continue
      }
      guard !drafts.isEmpty else {
        fail(line.number, "'\(key)' comes before any 'team:' line.", "start each team with 'team: <name>'.")
        continue
      }
      drafts[drafts.count - 1].read(key, value, line: line.number, fail: fail)
    }
    for draft in drafts { draft.checkComplete(fail: fail) }
    guard findings.filter({ $0.severity == .error }).count == before else { return nil }
    return SupportSchedule(
      teams: drafts.map {
        .init(
          name: $0.name, languages: $0.languages, timeZone: $0.timeZone!, shifts: $0.shifts, holidays: $0.holidays,
          responseMinutes: $0.responseMinutes, location: file.location($0.line))
      })
  }

  /// `Mon-Fri 08:00-20:00`, `Sat,Sun 10:00-14:00`, `Mon 00:00-24:00`.
  static func parseHours(_ text: String) -> [SupportSchedule.Shift]? {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2 else { return nil }
    var days: [Int] = []
    for group in parts[0].lowercased().split(separator: ",") {
      let ends = group.split(separator: "-").map { String($0.prefix(3)) }
      guard let first = ends.first.flatMap({ weekdays.firstIndex(of: $0) }) else { return nil }
      if ends.count == 1 {
        days.append(first + 1)
      } else if ends.count == 2, let last = weekdays.firstIndex(of: ends[1]) {
        var day = first
        while true {
          days.append(day + 1)
          if day == last { break }
          day = (day + 1) % 7
        }
      } else {
        return nil
      }
    }
    let times = parts[1].split(separator: "-")
    guard times.count == 2, let start = minutes(times[0]), let end = minutes(times[1]), start < end else { return nil }
    return days.map { .init(weekday: $0, start: start, end: end) }
  }

  static func minutes(_ text: Substring) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
      (0...24).contains(hour), (0..<60).contains(minute), hour < 24 || minute == 0
    else { return nil }
    return hour * 60 + minute
  }

  static func parseDate(_ text: String) -> SupportSchedule.LocalDate? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return .init(year: year, month: month, day: day)
  }
}
