import Foundation
import Testing

@testable import Attendant

/// Who is on shift, and when the next shift starts, across weekends, holidays, year ends and
/// daylight-saving changes. Every expected moment is worked out by hand from the schedule and the
/// zone's offsets, written in UTC.
struct SupportScheduleTests {
  let demo = Demo.knowledgeBase.schedule!

  func next(_ language: Language, at moment: String, in schedule: SupportSchedule? = nil) -> (
    team: String, start: Date
  )? {
    guard case .offShift(let team, let start) = (schedule ?? demo).availability(for: language, at: .at(moment)) else {
      return nil
    }
    return (team.name, start)
  }

  @Test func everyLanguageIsOnShiftOnAWednesdayMorning() {
    // 10:00 UTC: Zagreb 11:00, Istanbul 13:00, Ho Chi Minh City and Jakarta 17:00.
    let expected: [(Language, String, String)] = [
      (.hr, "Zagreb", "2026-11-25T19:00:00Z"), (.en, "Zagreb", "2026-11-25T19:00:00Z"),
      (.tr, "Istanbul", "2026-11-25T18:00:00Z"), (.vi, "Ho Chi Minh City", "2026-11-25T13:00:00Z"),
      (.id, "Jakarta", "2026-11-25T13:00:00Z"),
    ]
    for (language, team, end) in expected {
      guard case .onShift(let onShift, let until) = demo.availability(for: language, at: Demo.wednesdayMorning) else {
        Issue.record("\(language) is not on shift")
        continue
      }
      #expect(onShift.name == team)
      #expect(until == .at(end), "\(language)")
    }
  }

  @Test func aShiftStartsAtItsFirstMinuteAndEndsBeforeItsLast() {
    // Zagreb opens at 08:00 CET = 07:00 UTC and closes at 20:00 CET = 19:00 UTC.
    #expect(next(.hr, at: "2026-11-25T06:59:59Z")?.start == .at("2026-11-25T07:00:00Z"))
    #expect(next(.hr, at: "2026-11-25T07:00:00Z") == nil)
    #expect(next(.hr, at: "2026-11-25T18:59:59Z") == nil)
    #expect(next(.hr, at: "2026-11-25T19:00:00Z")?.start == .at("2026-11-26T07:00:00Z"))
  }

  @Test func afterSaturdaysShiftTheNextIsOnMonday() {
    // Saturday 28 November 2026, 16:00 in Zagreb: the Saturday shift ended at 15:00, Sunday has none.
    let found = next(.hr, at: "2026-11-28T15:00:00Z")
    #expect(found?.team == "Zagreb")
    #expect(found?.start == .at("2026-11-30T07:00:00Z"))
  }

  @Test func holidaysAreSkippedAcrossChristmas() {
    // Thursday 24 December 2026, 20:30 in Zagreb: the 25th and 26th are holidays, the 27th a Sunday.
    #expect(next(.hr, at: "2026-12-24T19:30:00Z")?.start == .at("2026-12-28T07:00:00Z"))
  }

  @Test func theYearEndsWithAHolidayAndTheNextShiftIsInTheNewYear() {
    // Thursday 31 December 2026 after closing time everywhere; 1 January 2027 is a holiday for every
    // team, so the next shift is on Saturday 2 January, in each team's own zone.
    #expect(next(.hr, at: "2026-12-31T19:30:00Z")?.start == .at("2027-01-02T08:00:00Z"))  // 09:00 CET
    #expect(next(.tr, at: "2026-12-31T19:30:00Z")?.start == .at("2027-01-02T06:00:00Z"))  // 09:00 +03
    #expect(next(.vi, at: "2026-12-31T19:30:00Z")?.start == .at("2027-01-02T01:00:00Z"))  // 08:00 +07
    #expect(next(.id, at: "2026-12-31T19:30:00Z")?.start == .at("2027-01-02T01:00:00Z"))  // 08:00 +07
    // New York is still working at 14:30 on New Year's Eve, so English is covered.
    guard case .onShift(let team, _) = demo.availability(for: .en, at: .at("2026-12-31T19:30:00Z")) else {
      Issue.record("English is not on shift")
      return
    }
    #expect(team.name == "New York")
  }

  @Test func theSpringDaylightSavingChangeMovesTheShiftAnHourEarlierInUTC() {
    // Saturday 27 March 2027, 20:30 CET. Summer time starts on Sunday the 28th, Monday the 29th is
    // Easter Monday (a holiday), so Zagreb opens on Tuesday at 08:00 CEST = 06:00 UTC, not 07:00.
    #expect(next(.hr, at: "2027-03-27T19:30:00Z")?.start == .at("2027-03-30T06:00:00Z"))
    // Istanbul keeps +03 all year: Monday 09:00 = 06:00 UTC.
    #expect(next(.tr, at: "2027-03-27T19:30:00Z")?.start == .at("2027-03-29T06:00:00Z"))
  }

  @Test func theAutumnDaylightSavingChangeMovesTheShiftAnHourLaterInUTC() {
    // Saturday 24 October 2026, 16:00 CEST; winter time starts on Sunday the 25th, so Monday 08:00 is CET.
    #expect(next(.hr, at: "2026-10-24T14:00:00Z")?.start == .at("2026-10-26T07:00:00Z"))
    let newYork = ScheduleText.schedule(
      "team: New York\nlanguages: en\ntime-zone: America/New_York\nhours: Mon-Fri 08:00-20:00")
    // Friday 30 October 2026, 21:00 EDT; New York falls back on Sunday 1 November: Monday 08:00 EST = 13:00 UTC.
    #expect(next(.en, at: "2026-10-31T01:00:00Z", in: newYork)?.start == .at("2026-11-02T13:00:00Z"))
  }

  @Test func theEarliestTeamTakesALanguageThatSeveralCover() {
    // Saturday 27 March 2027, 19:30 UTC: for English, Ho Chi Minh City and Jakarta both open on Monday
    // at 08:00 +07 (01:00 UTC), before Istanbul (06:00), New York (12:00) and Zagreb (Tuesday).
    let found = next(.en, at: "2027-03-27T19:30:00Z")
    #expect(found?.team == "Ho Chi Minh City", "the first of the teams that tie, in file order")
    #expect(found?.start == .at("2027-03-29T01:00:00Z"))
  }

  @Test func aShiftInTheSpringGapStartsWhenTheClockJumps() {
    // New York skips 02:00-03:00 on Sunday 14 March 2027; a 02:30 shift starts at 03:00 EDT = 07:00 UTC.
    let night = ScheduleText.schedule("team: Night\nlanguages: en\ntime-zone: America/New_York\nhours: Sun 02:30-03:30")
    #expect(next(.en, at: "2027-03-13T12:00:00Z", in: night)?.start == .at("2027-03-14T07:00:00Z"))
    // 01:30 happens twice on Sunday 1 November 2026; the shift starts at the first, 01:30 EDT = 05:30 UTC.
    let early = ScheduleText.schedule("team: Early\nlanguages: en\ntime-zone: America/New_York\nhours: Sun 01:30-02:30")
    #expect(next(.en, at: "2026-10-31T12:00:00Z", in: early)?.start == .at("2026-11-01T05:30:00Z"))
  }

  @Test func aShiftUntilMidnightEndsAtTheStartOfTheNextDay() {
    let late = ScheduleText.schedule("team: Late\nlanguages: en\ntime-zone: Europe/Zagreb\nhours: Sat 20:00-24:00")
    // Saturday 27 March 2027, 23:30 CET: on shift until midnight, which is still CET (the jump is at 02:00).
    guard case .onShift(_, let until) = late.availability(for: .en, at: .at("2027-03-27T22:30:00Z")) else {
      Issue.record("not on shift")
      return
    }
    #expect(until == .at("2027-03-27T23:00:00Z"))
  }

  @Test func aLanguageNoTeamCoversIsUncovered() {
    #expect(demo.availability(for: Language(rawValue: "de")!, at: Demo.wednesdayMorning) == .uncovered)
  }
}
