import Foundation
import Testing

@testable import Attendant

/// Groups of unanswered questions against a labelled set (`Fixtures/unanswered/<xx>.txt`: four needs,
/// four wordings each, as customers type them).
struct QuestionClustererTests {
  /// Purity: the share of messages whose group's most common need is theirs. Coverage: the share of
  /// messages in the group that holds most of their need.
  struct Score {
    let purity: Double
    let coverage: Double
  }

  static func labelled(_ language: Language) throws -> [(need: String, text: String)] {
    let text = try String(
      contentsOf: Paths.fixture("unanswered/\(language.rawValue).txt"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      return (parts[0], parts[1])
    }
  }

  static func score(_ language: Language, threshold: Double = QuestionClusterer.defaultThreshold) throws -> Score {
    let messages = try labelled(language)
    let need = Dictionary(messages.map { ($0.text, $0.need) }, uniquingKeysWith: { first, _ in first })
    let clusters = QuestionClusterer(engine: Demo.engine, threshold: threshold).clusters(
      of: messages.map { .init(text: $0.text, count: 1, reasons: ["out-of-scope": 1]) }, in: language)
    let groups = clusters.map { $0.members.map { need[$0]! } }
    let total = Double(messages.count)
    let pure = groups.reduce(0) { sum, group in
      sum + (Dictionary(grouping: group) { $0 }.values.map(\.count).max() ?? 0)
    }
    let covered = Set(messages.map(\.need)).reduce(0) { sum, label in
      sum + (groups.map { $0.filter { $0 == label }.count }.max() ?? 0)
    }
    #expect(groups.reduce(0) { $0 + $1.count } == messages.count, "every message is in exactly one group")
    return Score(purity: Double(pure) / total, coverage: Double(covered) / total)
  }

  @Test func paraphrasesOfANeedShareAGroupInAtLeastFourOfFiveLanguages() throws {
    var good = 0
    for language in [Language.en, .hr, .vi, .tr, .id] {
      let score = try Self.score(language)
      print(String(format: "clusters %@: purity %.2f, coverage %.2f", language.rawValue, score.purity, score.coverage))
      if score.purity >= 0.8 && score.coverage >= 0.6 { good += 1 }
    }
    #expect(good >= 4)
  }

  @Test func theSameMessagesGiveTheSameGroups() throws {
    let messages = try Self.labelled(.hr).map { QuestionClusterer.Message(text: $0.text, count: 1, reasons: [:]) }
    let clusterer = QuestionClusterer(engine: Demo.engine)
    #expect(clusterer.clusters(of: messages, in: .hr) == clusterer.clusters(of: messages, in: .hr))
  }

  @Test func eachGroupNamesItsNearestIntentWithTheEnginesConfidence() throws {
    let messages = ["where is my parcel", "where is my parcel now"].map {
      QuestionClusterer.Message(text: $0, count: 1, reasons: [:])
    }
    let cluster = try #require(QuestionClusterer(engine: Demo.engine).clusters(of: messages, in: .en).first)
    #expect(cluster.size == 2)
    let match = try #require(Demo.engine.match(cluster.representative, in: .en))
    #expect(cluster.nearestIntent == match.intent?.rawValue)
    #expect(cluster.nearestConfidence == BridgeReply.rounded(match.confidence.value))
  }

  /// Prints purity and coverage at several thresholds (run with --filter thresholdSweep).
  @Test(.disabled(if: ProcessInfo.processInfo.environment["ATTENDANT_SWEEP"] == nil)) func thresholdSweep() throws {
    for threshold in stride(from: 0.15, through: 0.6, by: 0.05) {
      let scores = try [Language.en, .hr, .vi, .tr, .id].map { try Self.score($0, threshold: threshold) }
      print(
        String(format: "threshold %.2f: ", threshold)
          + scores.map { String(format: "%.2f/%.2f", $0.purity, $0.coverage) }.joined(separator: "  "))
    }
  }
}
