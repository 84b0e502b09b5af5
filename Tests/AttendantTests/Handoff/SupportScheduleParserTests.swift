import Foundation
import Testing

@testable import Attendant

struct SupportScheduleParserTests {
  @Test func theDemoScheduleHasFiveTeamsCoveringEveryLanguage() throws {
    let schedule = try #require(Demo.knowledgeBase.schedule)
    #expect(schedule.teams.map(\.name) == ["Zagreb", "Istanbul", "Ho Chi Minh City", "Jakarta", "New York"])
    for language in [Language.en, .hr, .vi, .tr, .id] {
      #expect(schedule.teams.contains { $0.languages.contains(language) }, "no team covers \(language)")
    }
    let zagreb = schedule.teams[0]
    #expect(zagreb.timeZone.identifier == "Europe/Zagreb")
    #expect(zagreb.responseMinutes == 120)
    #expect(zagreb.shifts.count == 6, "Mon-Fri and Sat")
    #expect(zagreb.holidays.contains(.init(year: 2026, month: 12, day: 25)))
    #expect(zagreb.location.line == 5)
  }

  @Test(arguments: [
    ("Mon-Fri 08:00-20:00", [2, 3, 4, 5, 6], 480, 1200),
    ("Sat 09:00-15:00", [7], 540, 900),
    ("Sat,Sun 10:00-14:00", [7, 1], 600, 840),
    ("Fri-Mon 00:00-24:00", [6, 7, 1, 2], 0, 1440),
    ("monday 07:30-08:15", [2], 450, 495),
  ])
  func readsHours(text: String, weekdays: [Int], start: Int, end: Int) throws {
    let shifts = try #require(SupportScheduleParser.parseHours(text))
    #expect(shifts.map(\.weekday) == weekdays)
    #expect(shifts.allSatisfy { $0.start == start && $0.end == end })
  }

  @Test(arguments: ["Mon-Fri", "Mon 20:00-08:00", "Mon 08:00-24:30", "Xyz 08:00-10:00", "Mon 8-10", "Mon 25:00-26:00"])
  func rejectsHoursItCannotRead(text: String) {
    #expect(SupportScheduleParser.parseHours(text) == nil)
  }

  @Test func reportsEveryProblemWithItsLineAndAFix() {
    let (schedule, findings) = ScheduleText.parse(
      """
      # a comment
      languages: hr
      team: Split
      languages: hr, xx1
      time-zone: Europe/Split
      hours: Mon-Fri 9-17
      holidays: 2026-13-01
      response-minuts: 60
      team: Empty
      """)
    #expect(schedule == nil)
    let byLine = Dictionary(grouping: findings, by: \.location.line)
    #expect(byLine[2]?.first?.message == "'languages' comes before any 'team:' line.")
    #expect(byLine[4]?.first?.message == "'xx1' is not a language code.")
    #expect(byLine[5]?.first?.message == "Unknown time zone 'Europe/Split'.")
    #expect(byLine[6]?.first?.message == "Cannot read the hours 'Mon-Fri 9-17'.")
    #expect(byLine[7]?.first?.message == "'2026-13-01' is not a date.")
    #expect(byLine[8]?.first?.fix == "did you mean 'response-minutes'?")
    let empty = findings.filter { $0.location.line == 9 }.map(\.message)
    #expect(empty.contains("The team 'Empty' covers no language."))
    #expect(empty.contains("The team 'Empty' has no time zone."))
    #expect(empty.contains("The team 'Empty' has no hours."))
    #expect(
      findings.allSatisfy {
        $0.severity == .error && $0.kind == .schedule && $0.location.file == "KnowledgeBase/support.txt"
      })
    #expect(findings.allSatisfy { $0.fix != nil })
  }

  @Test func aContentFolderWithABrokenScheduleDoesNotLoad() throws {
    let folder = Paths.temporaryFolder()
    for language in ["en"] {
      let intents = folder.appendingPathComponent("Intents/\(language)")
      let articles = folder.appendingPathComponent("KnowledgeBase/\(language)")
      try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
      try "where is my order\ntrack my parcel\n".write(
        to: intents.appendingPathComponent("order-status.txt"), atomically: true, encoding: .utf8)
      try "---\ntitle: Tracking\nintents: order-status\n---\nSee My orders.\n"
        .write(to: articles.appendingPathComponent("order-status.md"), atomically: true, encoding: .utf8)
    }
    try "team: Night\nlanguages: en\ntime-zone: Mars/Olympus\nhours: Mon 08:00-10:00\n"
      .write(to: folder.appendingPathComponent("KnowledgeBase/support.txt"), atomically: true, encoding: .utf8)
    let result = ContentLoader().read(from: folder)
    #expect(result.knowledgeBase == nil)
    #expect(
      result.findings.contains {
        $0.description.hasPrefix("KnowledgeBase/support.txt:3: error: Unknown time zone 'Mars/Olympus'.")
      })
  }
}
