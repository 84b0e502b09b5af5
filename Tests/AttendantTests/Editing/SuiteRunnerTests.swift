import Foundation
import Testing

@testable import Attendant

/// Running suites: what passes, what fails and why, fresh sessions, and the figures of a run.
struct SuiteRunnerTests {
  static let runner = SuiteRunner(engine: SuiteFixture.engine)

  @Test func checksThatShouldPassPass() throws {
    let report = Self.runner.run([try SuiteFixture.suite("passing")])
    #expect(report.failures.isEmpty, "\(report.failures.map { "\($0.location): \($0.problem!)" })")
    #expect(report.results.count == 14)
    #expect(report.succeeded)
  }

  @Test func everyCaseAndConversationStartsAFreshSession() throws {
    let report = Self.runner.run([try SuiteFixture.suite("passing")])
    // `payment` (line 5) leaves a clarification open; `2` (line 6) must not pick from it.
    let pick = try #require(report.results.first { $0.location.line == 6 })
    #expect(pick.outcome.intent == nil)
    let conversationPick = try #require(report.results.first { $0.location.line == 19 })
    #expect(conversationPick.conversation != nil)
    #expect(conversationPick.outcome.intent == nil, "the conversation before ended on a clarification")
  }

  @Test func failuresSayWhatWasExpectedAndWhatTheBotDid() throws {
    let report = Self.runner.run([try SuiteFixture.suite("failing")])
    #expect(report.failures.map(\.location.line) == [2, 3, 4, 8])
    let byLine = Dictionary(uniqueKeysWithValues: report.results.map { ($0.location.line, $0) })
    #expect(byLine[2]?.expected == "cancel-order")
    #expect(byLine[2]?.problem == "answered 'order-status': answer order-status")
    #expect(byLine[2]?.outcome.candidates.first?.intent == "order-status")
    #expect(byLine[3]?.problem == "answered 'greeting': answer greeting")
    #expect(byLine[4]?.problem?.hasPrefix("no article was shown: clarify (out-of-scope)") == true)
    #expect(byLine[8]?.expected == "answer payment-methods")
    #expect(byLine[8]?.problem?.hasPrefix("expected an answer, got clarify payment-") == true)
    #expect(byLine[8]?.outcome.rule.isEmpty == false)
    #expect(byLine[9]?.passed == true, "a conversation goes on after a failed turn")
    #expect(!report.succeeded)
  }

  @Test func theSplitCountsWhatEachSingleQuestionGot() throws {
    let location = SourceLocation(file: "Intents/en/tests/asked-back.txt", line: 1)
    let askedBack = TestSuite(
      name: "asked-back", language: .en, file: location.file,
      cases: [
        // "payment" gets a question back offering payment-methods, then payment-failed.
        TestSuite.Case(text: "payment", expected: "payment-methods", location: location),
        TestSuite.Case(text: "payment", expected: "payment-failed", location: location),
      ])
    let report = Self.runner.run([try SuiteFixture.suite("passing"), try SuiteFixture.suite("failing"), askedBack])
    let split = report.split
    // passing: two answered right, three out of scope shown no article (conversations aside);
    // failing: one answered wrong, one out of scope answered, one in scope refused.
    #expect(split.answeredRight == 2)
    #expect(split.outOfScopeKept == 3)
    #expect(split.answeredWrong == 1)
    #expect(split.outOfScopeAnswered == 1)
    #expect(split.notAnswered == 1)
    #expect(split.clarifiedRightFirst == 1)
    #expect(split.clarifiedOther == 1)
    #expect(split.questions == 10)
    #expect(split.halfCreditScore == 5.5 / 10)
  }

  @Test func figuresPerLanguageAndConfusions() throws {
    let report = Self.runner.run([try SuiteFixture.suite("passing"), try SuiteFixture.suite("failing")])
    let english = try #require(report.languages.first)
    #expect(report.languages.count == 1)
    #expect((english.cases, english.passedCases) == (8, 5))
    #expect((english.conversations, english.passedConversations) == (4, 3))
    #expect((english.turns, english.passedTurns) == (12, 11))
    #expect(english.accuracy == 5.0 / 8.0)
    let confusions = report.confusions()
    #expect(
      Set(confusions.map { "\($0.expected) → \($0.got)" })
        == ["cancel-order → order-status", "out-of-scope → greeting", "order-status → out-of-scope"])
    #expect(confusions.allSatisfy { $0.count == 1 && $0.byLanguage == [.en: 1] })

    let matrix = try #require(report.matrix(for: .en))
    #expect(matrix.rows.last == "out-of-scope")
    #expect(matrix.columns.last == "out-of-scope")
    #expect(matrix.counts.joined().reduce(0, +) == english.cases)
    let cell = { (expected: String, got: String) in
      matrix.counts[matrix.rows.firstIndex(of: expected)!][matrix.columns.firstIndex(of: got)!]
    }
    #expect(cell("order-status", "order-status") == 1)
    #expect(cell("order-status", "out-of-scope") == 1)
    #expect(cell("out-of-scope", "out-of-scope") == 2, "'xqzv plorf' and '2' are refused")
    #expect(cell("out-of-scope", "clarify") == 1, "'payment' gets a question back, which passes")
    let (row, column) = (matrix.rows.firstIndex(of: "out-of-scope")!, matrix.columns.firstIndex(of: "clarify")!)
    #expect(matrix.passes(row: row, column: column))
  }

  /// "→ out-of-scope" counts refusals only: a question back about which topic is `clarify`.
  @Test func aClarificationIsNotCountedAsOutOfScope() throws {
    let intents = Set(SuiteFixture.engine.knowledgeBase.intents[.en]!.map(\.id))
    let parsed = TestSuiteParser.parse("payment => payment-methods\nxqzv plorf => order-status\n", intents: intents)
    let report = Self.runner.run([parsed.suite])
    #expect(report.results.map(\.outcome.label) == ["clarify", "out-of-scope"])
    #expect(
      Set(report.confusions().map { "\($0.expected) → \($0.got)" })
        == ["payment-methods → clarify", "order-status → out-of-scope"])
    let matrix = try #require(report.matrix(for: .en))
    #expect(matrix.columns.suffix(2) == ["clarify", "out-of-scope"], "the columns without an article come last")
  }

  @Test func theTallyCountsFailuresAndMissesApart() throws {
    let intents = Set(SuiteFixture.engine.knowledgeBase.intents[.en]!.map(\.id))
    let measured = TestSuiteParser.parse(
      "@minimum-accuracy 90%\nwhere is my order => order-status\nwhere is my order => cancel-order\n", name: "measured",
      intents: intents)
    let pinned = TestSuiteParser.parse("where is my order => cancel-order\n", name: "pinned", intents: intents)
    let report = Self.runner.run([measured.suite, pinned.suite])
    #expect(report.tally == .init(passed: 1, failed: 1, missed: 1, hasMinimums: true))
    #expect(report.tally.description == "1 passed, 1 failed, 1 missed in suites with a minimum accuracy")
    #expect(
      report.failureReasons == [
        "1 check failed",
        "Intents/en/tests/measured.txt: 50.0% of its questions passed (1 of 2), below its @minimum-accuracy of 90%",
      ])
  }

  /// A menu is its article's answer in a conversation, as it is for a single question: `answer
  /// order-problem` passes when the bot shows the order-problem menu, and `answer order-status` does not.
  @Test func aMenuPassesAsTheAnswerOfItsArticle() throws {
    let conversations = """
      > hi, i have a problem with my order => answer order-problem

      > hi, i have a problem with my order => answer order-status

      > hi, i have a problem with my order => clarify order-status, damaged-item
      """
    let parsed = TestSuiteParser.parse(conversations, intents: Set(Demo.knowledgeBase.intents[.en]!.map(\.id)))
    let report = SuiteRunner(engine: Demo.engine).run([parsed.suite])
    #expect(report.results.map(\.outcome.description) == Array(repeating: "clarify order-problem", count: 3))
    #expect(report.results.map(\.passed) == [true, false, true])
    #expect(report.results[1].problem == "expected an answer, got clarify order-problem")
  }

  @Test func aRunIsTheSameEveryTime() throws {
    let suites = [try SuiteFixture.suite("passing"), try SuiteFixture.suite("failing")]
    #expect(Self.runner.run(suites).results == SuiteRunner(engine: SuiteFixture.engine).run(suites).results)
    #expect(Self.runner.now == SuiteRunner.fixedTime)
  }

  @Test func theDemoSuitesRunInAllFiveLanguages() throws {
    let loaded = TestSuiteParser.load(from: Paths.repository, intents: Demo.knowledgeBase.intents)
    let report = SuiteRunner(engine: Demo.engine).run(loaded.suites, findings: loaded.findings)
    #expect(report.findings.isEmpty)
    #expect(report.languages.map(\.language) == [.en, .hr, .id, .tr, .vi])
    for summary in report.languages {
      // Every single question of every suite runs: the lines with '=>' that are not conversation turns.
      var lines = 0
      for name in ["heldout", "validation", "heldout-messages"] {
        let text = try String(
          contentsOf: Paths.repository.appendingPathComponent("Intents/\(summary.language)/tests/\(name).txt"),
          encoding: .utf8)
        lines +=
          text.split(separator: "\n").filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return line.contains(" => ") && !line.hasPrefix("#") && !line.hasPrefix(">")
          }.count
      }
      #expect(summary.cases == lines, "every single question runs in '\(summary.language)'")
      #expect(summary.conversations >= 20)
      #expect(summary.turns >= 2 * summary.conversations)
    }
  }
}
