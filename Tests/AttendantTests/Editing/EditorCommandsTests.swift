import Foundation
import Testing

@testable import Attendant

/// `attendant check` and `attendant test`, run as an editor or a CI job would run them.
@Suite(.serialized) struct EditorCommandsTests {
  @Test func checkPrintsFileLineSeverityMessageAndExitsOneOnErrors() throws {
    let run = try BinaryRun.run(["check", "--content", try Paths.copyOfFixture("check/empty-body").path])
    #expect(run.status == 1)
    #expect(
      run.stdout
        == "KnowledgeBase/en/shipping-cost.md:4: error: The article has an empty body. Fix: write the answer below the closing '---'.\n"
    )
    #expect(run.stderr.contains("1 error, 0 warnings."))
  }

  @Test func checkExitsZeroWhenThereAreOnlyWarnings() throws {
    let run = try BinaryRun.run(["check", "--content", try Paths.copyOfFixture("check/duplicate-example").path])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("Intents/en/order-status.txt:7: warning: "))
  }

  @Test func checkJSONHasTheSameFindings() throws {
    let folder = try Paths.copyOfFixture("check/parse-error")
    let run = try BinaryRun.run(["check", "--content", folder.path, "--json"])
    #expect(run.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let rows = try #require(object["findings"] as? [[String: Any]])
    let expected = ContentChecker().check(folder).findings
    #expect(object["errors"] as? Int == expected.filter { $0.severity == .error }.count)
    #expect(object["warnings"] as? Int == expected.filter { $0.severity == .warning }.count)
    #expect(rows.map { "\($0["file"]!):\($0["line"]!)" } == expected.map(\.location.description))
    #expect(rows.map { $0["kind"] as? String } == expected.map(\.kind.rawValue))
    #expect(rows.allSatisfy { $0.keys.sorted() == ["file", "fix", "kind", "line", "message", "severity"] })
  }

  @Test func checkReportsMistakesInTestSuites() throws {
    let run = try BinaryRun.run(["check", "--content", try Paths.copyOfFixture("check/test-suite").path])
    #expect(run.status == 1)
    #expect(run.stdout.contains("Intents/en/tests/mistakes.txt:4: error: Unknown decision 'anwser'"))
  }

  @Test func testPassesWhenEveryCheckPasses() throws {
    let run = try BinaryRun.run(["test", "--content", SuiteFixture.folder.path, "--suite", "passing"])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.hasSuffix("\n14 passed, 0 failed\n"))
    #expect(run.stdout.contains("\nen        5 / 5        100.0%    3 / 3          9 / 9\n"))
  }

  @Test func testPrintsFailuresAccuracyAndConfusionsAndExitsOne() throws {
    let report = Paths.temporaryFolder().appendingPathComponent("report.html")
    let run = try BinaryRun.run(["test", "--content", SuiteFixture.folder.path, "--report", report.path])
    #expect(run.status == 1)
    #expect(
      run.stdout.contains(
        "Intents/en/tests/failing.txt:2: fail: 'where is my order': expected cancel-order; answered 'order-status'"))
    #expect(run.stdout.contains("\n    candidates: order-status "))
    #expect(run.stdout.contains("most confused (expected → got"))
    #expect(run.stdout.contains("cancel-order → order-status  (en 1)"))
    #expect(
      run.stdout.contains(
        "single questions, a question back that offers the right topic first counting ½: 62.5% (in scope: 2 answered right, 0 asked back with it first, 0 asked back otherwise, 1 answered wrong, 1 refused or handed over; out of scope: 3 shown no article, 1 answered)"
      ))
    #expect(run.stdout.hasSuffix("\n16 passed, 4 failed\n"))
    let html = try String(contentsOf: report, encoding: .utf8)
    #expect(try Page(html).elements(named: "table").count >= 3)
  }

  @Test func theReportShowsTheCountsOfTheCommandLineAndTheMissedMinimum() throws {
    let folder = try Paths.copyOfFixture("suites")
    try "@minimum-accuracy 90%\nwhere is my order => order-status\nwhere is my order => cancel-order\n".write(
      to: folder.appendingPathComponent("Intents/en/tests/heldout.txt"), atomically: true, encoding: .utf8)
    let report = Paths.temporaryFolder().appendingPathComponent("report.html")
    let run = try BinaryRun.run(["test", "--content", folder.path, "--report", report.path])
    #expect(run.status == 1)
    let last = try #require(run.stdout.split(separator: "\n").last)
    #expect(last == "17 passed, 4 failed, 1 missed in suites with a minimum accuracy")
    let page = try Page(try String(contentsOf: report, encoding: .utf8))
    let headline = try #require(page.all.first { $0.attributes["class"]?.hasPrefix("summary") == true })
    #expect(headline.text == "22 checks: \(last).")
    let reasons = page.all.first { $0.attributes["id"] == "reasons" }?.descendants(named: "li").map(\.text) ?? []
    #expect(
      reasons.contains(
        "Intents/en/tests/heldout.txt: 50.0% of its questions passed (1 of 2), below its @minimum-accuracy of 90%"))
  }

  @Test func testFiltersByLanguageAndSuite() throws {
    let run = try BinaryRun.run([
      "test", "--content", Paths.repository.path, "--language", "tr", "--suite", "conversations", "--all",
    ])
    let lines = run.stdout.split(separator: "\n")
    let checks = lines.filter { $0.hasPrefix("Intents/") }
    #expect(!checks.isEmpty)
    #expect(checks.allSatisfy { $0.hasPrefix("Intents/tr/tests/conversations.txt:") })
    #expect(lines.contains { $0.hasPrefix("tr ") } && !lines.contains { $0.hasPrefix("en ") })

    let unknown = try BinaryRun.run(["test", "--content", Paths.repository.path, "--suite", "heldot"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("No suite named 'heldot'. Did you mean 'heldout'?"))
  }

  @Test func testRunsTheDemoInAllFiveLanguages() throws {
    let run = try BinaryRun.run(["test", "--content", Paths.repository.path])
    let lines = run.stdout.split(separator: "\n").map(String.init)
    for language in ["en", "hr", "id", "tr", "vi"] {
      #expect(
        lines.contains { $0.hasPrefix(language.padding(toLength: 10, withPad: " ", startingAt: 0)) },
        "a row for '\(language)'")
    }
    // "N passed, N failed, N missed in suites with a minimum accuracy": the run passes when nothing failed
    // and every suite with a minimum accuracy met it.
    let counts = try #require(lines.last).split(separator: " ").compactMap { Int($0) }
    #expect(counts.count == 3)
    let gatesMet = !lines.contains { $0.hasSuffix("NOT met") }
    #expect(run.status == (counts[1] == 0 && gatesMet ? 0 : 1))
  }
}
