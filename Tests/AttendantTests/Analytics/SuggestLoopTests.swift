import Foundation
import Testing

@testable import Attendant

/// The loop from unanswered questions to a new intent: `report --suggest` drafts pass `check`, and the
/// simulator's traffic, run again with one draft added, gets those questions answered.
struct SuggestLoopTests {
  static func simulate(into folder: URL, content: URL) throws {
    let run = try BinaryRun.run([
      // A seed whose three days hold groups of gift-card questions (seed 5 holds only single ones). Each
      // conversation has its own generator, so the next run asks the same first questions.
      "simulate", "--days", "3", "--seed", "7", "--conversations-per-day", "120", "--transcripts", folder.path,
      "--content", content.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
  }

  /// The turns of a log, parsed here.
  static func turns(in folder: URL) throws -> [[String: Any]] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { name in
      try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
      }
    }.filter { $0["event"] as? String == "turn" }
  }

  static func copyOfDemo() throws -> URL {
    let folder = Paths.temporaryFolder("attendant-content")
    for name in ["Intents", "KnowledgeBase"] {
      try FileManager.default.copyItem(
        at: Paths.repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    return folder
  }

  static func isUnanswered(_ turn: [String: Any]) -> Bool {
    let reason = turn["reason"] as? String
    return reason == "out-of-scope" || reason == "low-confidence" || turn["decision"] as? String == "clarify"
  }

  @Test func suggestedIntentsPassCheckAndAnswerTheirQuestionsOnTheNextRun() throws {
    let before = Paths.temporaryFolder("attendant-before")
    try Self.simulate(into: before, content: Paths.repository)
    let drafts = Paths.temporaryFolder("attendant-drafts")
    let report = try BinaryRun.run([
      "report", "--transcripts", before.path, "--content", Paths.repository.path, "--format", "json", "--suggest",
      drafts.path,
    ])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stderr.contains("draft intent(s)"))

    // The drafts on their own, and merged into a copy of the content, have no errors.
    let alone = try BinaryRun.run(["check", "--content", drafts.path, "--json"])
    let aloneCounts = try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as! [String: Any]
    #expect(alone.status == 0 && aloneCounts["errors"] as? Int == 0, "\(alone.stdout.prefix(2000))")
    let merged = try Self.copyOfDemo()
    let intentFiles = try FileManager.default.subpathsOfDirectory(atPath: drafts.appendingPathComponent("Intents").path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    #expect(!intentFiles.isEmpty)
    for path in intentFiles {
      let id = (path as NSString).lastPathComponent.replacingOccurrences(of: ".txt", with: "")
      let language = (path as NSString).deletingLastPathComponent
      for file in ["Intents/\(language)/\(id).txt", "KnowledgeBase/\(language)/\(id).md"] {
        try FileManager.default.copyItem(
          at: drafts.appendingPathComponent(file), to: merged.appendingPathComponent(file))
      }
    }
    let mergedCheck = try BinaryRun.run(["check", "--content", merged.path, "--json"])
    let mergedCounts = try JSONSerialization.jsonObject(with: Data(mergedCheck.stdout.utf8)) as! [String: Any]
    #expect(mergedCounts["errors"] as? Int == 0, "\(mergedCheck.stdout.prefix(2000))")

    // The group with the most wordings of a need the demo lacks and does not refuse either: gift cards
    // (its out-of-scope examples name a shop to visit and loyalty points, so a draft for those would
    // also mean taking them out of out-of-scope.txt, an editor's decision). Only groups of gift-card
    // questions alone count: the test knows what the simulator asked.
    let clusters =
      (try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as! [String: Any])["unanswered"]
      .flatMap { ($0 as! [String: Any])["clusters"] as? [[String: Any]] } ?? []
    let chosen = try #require(
      clusters.filter { cluster in
        let giftCards = Set(SimulatedCustomers.uncoveredNeeds[cluster["language"] as! String]?["gift-card"] ?? [])
        let members = cluster["members"] as! [String]
        return members.count >= 2 && members.allSatisfy(giftCards.contains)
      }.max { ($0["members"] as! [String]).count < ($1["members"] as! [String]).count })
    let members = Set(chosen["members"] as! [String])
    let language = chosen["language"] as! String
    let draft = try #require(
      intentFiles.first { path in
        path.hasPrefix(language + "/")
          && Set(
            try! String(contentsOf: drafts.appendingPathComponent("Intents/\(path)"), encoding: .utf8)
              .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)) == members
      })
    let id = (draft as NSString).lastPathComponent.replacingOccurrences(of: ".txt", with: "")

    let content = try Self.copyOfDemo()
    for file in ["Intents/\(language)/\(id).txt", "KnowledgeBase/\(language)/\(id).md"] {
      try FileManager.default.copyItem(
        at: drafts.appendingPathComponent(file), to: content.appendingPathComponent(file))
    }
    let after = Paths.temporaryFolder("attendant-after")
    try Self.simulate(into: after, content: content)

    let asked = { (turns: [[String: Any]]) in turns.filter { members.contains($0["customer"] as? String ?? "") } }
    let beforeTurns = asked(try Self.turns(in: before))
    let afterTurns = asked(try Self.turns(in: after))
    let unansweredBefore = beforeTurns.filter(Self.isUnanswered).count
    let unansweredAfter = afterTurns.filter(Self.isUnanswered).count
    let answeredAfter = afterTurns.filter { $0["answered"] as? String == id }.count
    print(
      "suggest loop: draft \(id) (\(members.count) wordings); before: \(unansweredBefore) of \(beforeTurns.count) unanswered; after: \(unansweredAfter) of \(afterTurns.count) unanswered, \(answeredAfter) answered with the draft"
    )
    #expect(unansweredBefore > 0)
    #expect(!afterTurns.isEmpty)
    #expect(unansweredAfter == 0)
    #expect(answeredAfter == afterTurns.count)
  }
}
