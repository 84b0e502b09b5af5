import Foundation
import Testing

@testable import Attendant

/// Every figure of `attendant report --format json`, on the simulator's seeded transcripts, against a
/// recount made here from the JSONL files with `JSONSerialization` and `Calendar`, without the
/// report's code. The definitions are those of docs/analytics.md.
struct SupportReportRecountTests {
  typealias Object = [String: Any]

  /// Seeded transcripts (their lines, in file order) and the binary's JSON report on them, made once.
  static let run: (lines: [String], report: String) = {
    let folder = Paths.temporaryFolder("attendant-recount")
    let simulate = try! BinaryRun.run([
      "simulate", "--days", "4", "--seed", "17", "--conversations-per-day", "90", "--transcripts", folder.path,
      "--content", Paths.repository.path,
    ])
    precondition(simulate.status == 0, simulate.stderr)
    let report = try! BinaryRun.run([
      "report", "--transcripts", folder.path, "--format", "json", "--content", Paths.repository.path,
    ])
    precondition(report.status == 0, report.stderr)
    let names = try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let lines = names.flatMap { name in
      try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(
        String.init)
    }
    return (lines, report.stdout)
  }()

  static var events: [Object] {
    run.lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! Object }
  }

  static var report: Object { try! JSONSerialization.jsonObject(with: Data(run.report.utf8)) as! Object }

  static func string(_ value: Any?) -> String? { value as? String }

  /// The turns of each session, in file order, and each session's first turn.
  static var sessions: [String: [Object]] {
    Dictionary(grouping: events.filter { string($0["event"]) == "turn" }) { string($0["session"])! }
  }

  static func firstTurns() -> [String: Object] { sessions.mapValues { $0[0] } }

  static func ints(_ value: Any?) -> [String: Int] {
    ((value as? [String: Any]) ?? [:]).mapValues { ($0 as! NSNumber).intValue }
  }

  static func volume(_ value: Any?) -> [String: [Int]] {
    ((value as? [String: Any]) ?? [:]).mapValues {
      let object = $0 as! Object
      return [(object["conversations"] as! NSNumber).intValue, (object["messages"] as! NSNumber).intValue]
    }
  }

  @Test func conversationsAndMessagesByLanguageAndChannel() {
    let turns = Self.events.filter { Self.string($0["event"]) == "turn" }
    let first = Self.firstTurns()
    var byLanguage: [String: [Int]] = [:]
    var byChannel: [String: [Int]] = [:]
    for (_, turn) in first {
      byLanguage[Self.string(turn["language"])!, default: [0, 0]][0] += 1
      byChannel[Self.string(turn["channel"]) ?? "unknown", default: [0, 0]][0] += 1
    }
    for turn in turns {
      byLanguage[Self.string(turn["language"])!, default: [0, 0]][1] += 1
      let channel = Self.string(first[Self.string(turn["session"])!]!["channel"]) ?? "unknown"
      byChannel[channel, default: [0, 0]][1] += 1
    }
    let total = Self.report["total"] as! Object
    #expect((total["conversations"] as! NSNumber).intValue == first.count)
    #expect((total["messages"] as! NSNumber).intValue == turns.count)
    #expect(Self.volume(Self.report["byLanguage"]) == byLanguage)
    #expect(Self.volume(Self.report["byChannel"]) == byChannel)
    #expect(Set(byChannel.keys) == ["chat", "serve"])
    #expect((Self.report["events"] as! NSNumber).intValue == Self.events.count)
  }

  @Test func containment() {
    var contained = 0
    let others = Dictionary(grouping: Self.events.filter { Self.string($0["event"]) != "turn" }) {
      Self.string($0["session"])!
    }
    for (session, turns) in Self.sessions {
      let others = others[session] ?? []
      let escalated =
        turns.contains { Self.string($0["decision"]) == "escalate" }
        || others.contains { ["escalation", "outbox-failure"].contains(Self.string($0["event"])) }
      let last = turns.last!
      let unanswered = Self.string(last["decision"]) == "clarify" || Self.string(last["reason"]) == "out-of-scope"
      if !escalated && !unanswered { contained += 1 }
    }
    let share = Self.report["containment"] as! Object
    #expect((share["count"] as! NSNumber).intValue == contained)
    #expect((share["total"] as! NSNumber).intValue == Self.sessions.count)
    #expect(contained > 0 && contained < Self.sessions.count)
  }

  @Test func escalationsByReasonPriorityLanguageTeamAndShift() {
    let escalations = Self.events.filter { Self.string($0["event"]) == "escalation" }
    func count(_ key: String, missing: String) -> [String: Int] {
      Dictionary(grouping: escalations) { Self.string($0[key]) ?? missing }.mapValues(\.count)
    }
    let report = Self.report["escalations"] as! Object
    #expect((report["total"] as! NSNumber).intValue == escalations.count)
    #expect(Self.ints(report["byReason"]) == count("reason", missing: "?"))
    #expect(Self.ints(report["byPriority"]) == count("priority", missing: "?"))
    #expect(Self.ints(report["byLanguage"]) == count("language", missing: "?"))
    #expect(Self.ints(report["byTeam"]) == count("team", missing: "(none)"))
    let onShift = escalations.filter { ($0["onShift"] as? Bool) == true }.count
    #expect((report["onShift"] as! NSNumber).intValue == onShift)
    #expect((report["offShift"] as! NSNumber).intValue == escalations.count - onShift)
    let sessions = Set(escalations.map { Self.string($0["session"])! })
    let conversations = report["conversations"] as! Object
    #expect((conversations["count"] as! NSNumber).intValue == sessions.count)
    #expect(escalations.count > 10 && onShift > 0 && onShift < escalations.count)
    var rates: [String: [Int]] = [:]
    for (session, turn) in Self.firstTurns() {
      rates[Self.string(turn["language"])!, default: [0, 0]][0] += sessions.contains(session) ? 1 : 0
      rates[Self.string(turn["language"])!, default: [0, 0]][1] += 1
    }
    let reported = (report["rateByLanguage"] as! [String: Any]).mapValues {
      let share = $0 as! Object
      return [(share["count"] as! NSNumber).intValue, (share["total"] as! NSNumber).intValue]
    }
    #expect(reported == rates)
  }

  /// The wait: the schedule says who is on shift (its own tests cover it); the arithmetic is redone here.
  @Test func expectedWaitForAPerson() throws {
    let schedule = try #require(Demo.knowledgeBase.schedule)
    var waits: [String: [Double]] = [:]
    for event in Self.events where Self.string(event["event"]) == "escalation" {
      let at = ISO8601DateFormatter().date(from: Self.string(event["at"])!)!
      switch schedule.availability(for: Language(rawValue: Self.string(event["language"])!)!, at: at) {
      case .onShift(let team, _): waits[team.name, default: []].append(Double(team.responseMinutes))
      case .offShift(let team, let next):
        waits[team.name, default: []].append(next.timeIntervalSince(at) / 60 + Double(team.responseMinutes))
      case .uncovered: break
      }
    }
    func check(_ object: Object, _ minutes: [Double]) {
      let sorted = minutes.sorted()
      #expect((object["escalations"] as! NSNumber).intValue == sorted.count)
      #expect(abs((object["meanMinutes"] as! Double) - sorted.reduce(0, +) / Double(sorted.count)) < 1e-9)
      #expect((object["medianMinutes"] as! Double) == sorted[(sorted.count - 1) / 2])
      #expect((object["p90Minutes"] as! Double) == sorted[Int((Double(sorted.count) * 0.9).rounded(.up)) - 1])
    }
    let report = Self.report["escalations"] as! Object
    check(report["wait"] as! Object, waits.values.flatMap { $0 })
    let byTeam = report["waitByTeam"] as! [String: Any]
    #expect(Set(byTeam.keys) == Set(waits.keys))
    for (team, minutes) in waits { check(byTeam[team] as! Object, minutes) }
  }

  /// Feedback counts for the intent answered last before it in its conversation.
  @Test func satisfactionRatingsAndHelpfulByIntentAndLanguage() {
    var lastAnswered: [String: String] = [:]
    var language: [String: String] = [:]
    var byIntent: [String: [Int]] = [:]
    var byLanguage: [String: [Int]] = [:]
    var ratings: [Int] = []
    var helpful = 0
    var feedback = 0
    var comments: [String: Int] = [:]
    for event in Self.events {
      let session = Self.string(event["session"])!
      switch Self.string(event["event"]) {
      case "turn":
        if language[session] == nil { language[session] = Self.string(event["language"]) }
        if Self.string(event["decision"]) == "answer", let answered = Self.string(event["answered"]) {
          lastAnswered[session] = answered
        }
      case "feedback":
        feedback += 1
        let yes = event["helpful"] as! Bool
        if yes { helpful += 1 }
        let intent = lastAnswered[session] ?? "(no answer)"
        byIntent[intent, default: [0, 0]][0] += yes ? 1 : 0
        byIntent[intent, default: [0, 0]][1] += 1
        byLanguage[language[session] ?? "?", default: [0, 0]][0] += yes ? 1 : 0
        byLanguage[language[session] ?? "?", default: [0, 0]][1] += 1
        if let rating = event["rating"] as? NSNumber { ratings.append(rating.intValue) }
        if let comment = Self.string(event["comment"]), !comment.isEmpty { comments[intent, default: 0] += 1 }
      default: break
      }
    }
    let report = Self.report["satisfaction"] as! Object
    func shares(_ value: Any?) -> [String: [Int]] {
      (value as! [String: Any]).mapValues {
        let share = $0 as! Object
        return [(share["count"] as! NSNumber).intValue, (share["total"] as! NSNumber).intValue]
      }
    }
    #expect((report["feedback"] as! NSNumber).intValue == feedback)
    #expect(shares(["all": report["helpful"]!]) == ["all": [helpful, feedback]])
    #expect(shares(report["helpfulByIntent"]) == byIntent)
    #expect(shares(report["helpfulByLanguage"]) == byLanguage)
    #expect((report["ratings"] as! NSNumber).intValue == ratings.count)
    #expect(abs((report["ratingAverage"] as! Double) - Double(ratings.reduce(0, +)) / Double(ratings.count)) < 1e-9)
    #expect(Self.ints(report["distribution"]) == Dictionary(grouping: ratings) { String($0) }.mapValues(\.count))
    #expect((report["comments"] as! [String: [String]]).mapValues(\.count) == comments)
    #expect(feedback > 20 && helpful > 0 && helpful < feedback && !comments.isEmpty)
  }

  /// Per intent: answers, then "not helpful", the same intent matched by the very next message, and an
  /// escalation while it was the last answer.
  @Test func articlesToRewrite() {
    var counts: [String: [Int]] = [:]  // answers, not helpful, repeats, escalations
    var lastAnswered: [String: String] = [:]
    var previousTurn: [String: String] = [:]
    for event in Self.events {
      let session = Self.string(event["session"])!
      switch Self.string(event["event"]) {
      case "turn":
        if let previous = previousTurn[session], Self.string(event["intent"]) == previous {
          counts[previous, default: [0, 0, 0, 0]][2] += 1
        }
        if Self.string(event["decision"]) == "answer", let answered = Self.string(event["answered"]) {
          counts[answered, default: [0, 0, 0, 0]][0] += 1
          lastAnswered[session] = answered
          previousTurn[session] = answered
        } else {
          previousTurn[session] = nil
        }
      case "feedback":
        if (event["helpful"] as! Bool) == false, let intent = lastAnswered[session] {
          counts[intent, default: [0, 0, 0, 0]][1] += 1
        }
      case "escalation":
        if let intent = lastAnswered[session] { counts[intent, default: [0, 0, 0, 0]][3] += 1 }
      default: break
      }
    }
    let expected = counts.filter { $0.value[1] + $0.value[2] + $0.value[3] > 0 }
    let articles = Self.report["articles"] as! [Object]
    let got = Dictionary(
      uniqueKeysWithValues: articles.map { article in
        (
          Self.string(article["intent"])!,
          ["answers", "notHelpful", "repeats", "escalations"].map { (article[$0] as! NSNumber).intValue }
        )
      })
    #expect(got == expected)
    let troubles = articles.map { ($0["troubles"] as! NSNumber).intValue }
    #expect(troubles == troubles.sorted(by: >), "worst first")
    #expect(expected.values.contains { $0[2] > 0 } && expected.values.contains { $0[3] > 0 })
  }

  /// Hours in each team's zone, by `Calendar`, against the shifts and holidays of support.txt.
  @Test func hoursAgainstShifts() throws {
    let schedule = try #require(Demo.knowledgeBase.schedule)
    let hours = Self.report["hours"] as! [Object]
    #expect(hours.count == schedule.teams.count)
    let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    for (team, reported) in zip(schedule.teams, hours) {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = team.timeZone
      var messages = Array(repeating: 0, count: 24)
      var staffed = Array(repeating: 0, count: 24)
      for event in Self.events where Self.string(event["event"]) == "turn" {
        guard team.languages.map(\.rawValue).contains(Self.string(event["language"])!) else { continue }
        let at = ISO8601DateFormatter().date(from: Self.string(event["at"])!)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: at)
        let hour = parts.hour!
        messages[hour] += 1
        let holiday = team.holidays.contains(.init(year: parts.year!, month: parts.month!, day: parts.day!))
        let onShift = team.shifts.contains {
          $0.weekday == parts.weekday! && $0.start <= hour * 60 && hour * 60 < $0.end
        }
        if onShift && !holiday { staffed[hour] += 1 }
      }
      let rows = reported["hours"] as! [Object]
      #expect(Self.string(reported["team"]) == team.name)
      #expect(rows.map { ($0["messages"] as! NSNumber).intValue } == messages, "\(team.name)")
      #expect(rows.map { ($0["staffed"] as! NSNumber).intValue } == staffed, "\(team.name)")
      #expect(weekdays.count == 7)
      #expect(staffed.reduce(0, +) > 0 && staffed.reduce(0, +) < messages.reduce(0, +))
    }
  }

  /// Refused as out of scope, escalated for low confidence, or a clarification not followed by a pick.
  @Test func unansweredQuestions() {
    var byReason: [String: Int] = [:]
    var byLanguage: [String: Int] = [:]
    for (_, turns) in Self.sessions {
      for (index, turn) in turns.enumerated() {
        let reason = Self.string(turn["reason"])!
        let language = Self.string(turn["language"])!
        var counted: String?
        if reason == "out-of-scope" || reason == "low-confidence" { counted = reason }
        if Self.string(turn["decision"]) == "clarify" && reason == "ambiguous" {
          let next = index + 1 < turns.count ? Self.string(turns[index + 1]["reason"]) : nil
          if next != "clarified" { counted = "unresolved-clarification" }
        }
        guard let counted, !(Self.string(turn["customer"]) ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
          continue
        }
        byReason[counted, default: 0] += 1
        byLanguage[language, default: 0] += 1
      }
    }
    let report = Self.report["unanswered"] as! Object
    #expect((report["total"] as! NSNumber).intValue == byReason.values.reduce(0, +))
    #expect(Self.ints(report["byReason"]) == byReason)
    #expect(Self.ints(report["byLanguage"]) == byLanguage)
    let clusters = report["clusters"] as! [Object]
    #expect(clusters.map { ($0["size"] as! NSNumber).intValue }.reduce(0, +) == byReason.values.reduce(0, +))
  }
}
