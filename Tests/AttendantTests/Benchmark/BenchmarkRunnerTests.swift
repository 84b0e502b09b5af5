import Foundation
import Testing

@testable import Attendant

/// A tiny benchmark scenario, in-process and through `attendant bench`: the structure of what is
/// measured, never the timings.
@Suite(.serialized) struct BenchmarkRunnerTests {
  private static func syntheticFolder(_ size: String) throws -> URL {
    let folder = Paths.temporaryFolder("bench")
    try SyntheticContent.generate(SyntheticContent.Specification(size, seed: 2)!).write(to: folder)
    return folder
  }

  @Test func measuresEveryMessageOnce() throws {
    let folder = try Self.syntheticFolder("20x5")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (report, engine) = try BenchmarkRunner.run(folder: folder, messages: 80, warmUp: 10, seed: 1)
    #expect(report.intents == 20)
    #expect(report.examples == 100)
    #expect(report.languages == [.en])
    #expect(engine.knowledgeBase.exampleCount == 100)
    #expect(report.warmUpMessages == 10)
    for latency in [report.respond, report.match] {
      #expect(latency.count == 80)
      #expect(latency.median <= latency.p99 && latency.p99 <= latency.max)
    }
    #expect(report.messageKinds.values.reduce(0, +) == 80)
    #expect(report.decisions.values.reduce(0, +) == 80)
    #expect(report.reasons.values.reduce(0, +) == 80)
    #expect(Set(report.topOneAccuracy.keys).isSubset(of: ["example", "typo", "shuffled"]))
    #expect(report.topOneAccuracy.values.allSatisfy { (0...1).contains($0) })
    #if os(Linux)
      #expect((report.peakResidentBytes ?? 0) > 0)
    #endif
  }

  @Test func benchCommandRunsScenariosEndToEnd() throws {
    let keep = Paths.temporaryFolder("bench-keep")
    defer { try? FileManager.default.removeItem(at: keep) }
    let run = try BinaryRun.run(
      [
        "bench", "--quick", "--content", Paths.repository.path, "--only", "demo,synthetic", "--synthetic", "15x4",
        "--messages", "60", "--serve-lines", "50", "--keep", keep.path, "--json",
      ], timeout: 300)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["runs"] as? Int == 1)
    let scenarios = try #require(json["scenarios"] as? [[String: Any]])
    #expect(scenarios.map { $0["kind"] as? String } == ["demo", "synthetic"])
    #expect(scenarios[1]["name"] as? String == "synthetic-15x4-en")
    #expect(scenarios[1]["examples"] as? Int == 60)
    #expect(scenarios[0]["examples"] as? Int == Demo.knowledgeBase.exampleCount)
    for scenario in scenarios {
      let respond = try #require(scenario["respond"] as? [String: Any])
      #expect(respond["count"] as? Int == 60)
      let serve = try #require(scenario["serve"] as? [String: Any])
      #expect(serve["lines"] as? Int == 50)
      let replies = try #require(serve["reply_types"] as? [String: Int])
      #expect(replies.values.reduce(0, +) == 50)
      #expect(replies["error"] == nil, "every request line is valid")
      #expect((scenario["load_index_ms"] as? Double ?? -1) >= 0)
      #if os(Linux)
        #expect((scenario["peak_rss_bytes"] as? Int ?? 0) > 0)
      #endif
    }
    #expect(FileManager.default.fileExists(atPath: keep.appendingPathComponent("synthetic-15x4-en/Intents/en").path))
    #expect(scenarios[1]["prepare_s"] != nil)

    // A second run with the same --keep uses the generated folder again instead of writing it.
    let again = try BinaryRun.run(
      [
        "bench", "--quick", "--only", "synthetic", "--synthetic", "15x4", "--messages", "20", "--serve-lines", "20",
        "--keep", keep.path, "--json",
      ], timeout: 300)
    #expect(again.status == 0, "stderr: \(again.stderr)")
    let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
    let reused = try #require((second["scenarios"] as? [[String: Any]])?.first)
    #expect(reused["prepare_s"] == nil, "no time spent generating")
    #expect(reused["examples"] as? Int == 60)
  }

  @Test func rejectsBadSizes() throws {
    let run = try BinaryRun.run(["bench", "--synthetic", "many"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("'--synthetic' takes sizes such as '1000x10'"))
  }
}
