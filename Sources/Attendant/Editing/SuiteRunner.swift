import Foundation

/// Runs test suites against an engine, as customers would meet it.
///
/// Every single case and every conversation gets a fresh session that starts in the suite's language
/// (as a website in that language would start it); the bot still detects the language of each
/// message. The clock is fixed, so that a run never depends on the day or the time of the support
/// shifts.
package struct SuiteRunner: Sendable {
  public let engine: Engine
  /// The time every turn happens at.
  public let now: Date

  /// Wednesday 25 November 2026, 10:00 UTC: a working day on which the Zagreb, Istanbul, Ho Chi Minh City
  /// and Jakarta teams are on shift.
  public static let fixedTime = Date(timeIntervalSince1970: 1_795_600_800)

  public init(engine: Engine, now: Date = SuiteRunner.fixedTime) {
    self.engine = engine
    self.now = now
  }

  /// Runs suites.
  ///
  /// - Parameters:
  ///   - suites: The suites, as `TestSuiteParser` read them.
  ///   - findings: The parser's findings, carried into the report.
  /// - Complexity: one turn of the engine per case and per conversation turn.
  public func run(_ suites: [TestSuite], findings: [Finding] = []) -> SuiteReport {
    var results: [SuiteReport.Result] = []
    for suite in suites {
      for testCase in suite.cases {
        var session = ChatSession(id: "test \(testCase.location)", language: suite.language)
        let outcome = SuiteReport.Outcome(engine.respond(to: CustomerMessage(testCase.text), in: &session, at: now))
        let expected = testCase.expected?.rawValue ?? TestSuite.outOfScope
        let shown = outcome.intent.map { "answered '\($0)'" } ?? "no article was shown"
        let passed = testCase.expected.map { outcome.intent == $0 } ?? outcome.showsNoArticle
        var problem = passed ? nil : "\(shown): \(outcome)" + languageNote(outcome, suite)
        if problem == nil, let required = testCase.language, outcome.language != required {
          problem = "expected a reply in '\(required)', got one in '\(outcome.language)': \(outcome)"
        }
        results.append(
          SuiteReport.Result(
            suite: suite.file, language: suite.language, location: testCase.location, text: testCase.text,
            expected: expected, outcome: outcome, problem: problem, conversation: nil,
            conversationStart: nil))
      }
      for conversation in suite.conversations {
        var session = ChatSession(id: "test \(conversation.location)", language: suite.language)
        let name = conversation.title ?? "conversation at \(conversation.location)"
        var previous: SuiteReport.Outcome?
        for turn in conversation.turns {
          let outcome = SuiteReport.Outcome(engine.respond(to: CustomerMessage(turn.text), in: &session, at: now))
          var problem = check(turn.expectation, outcome, previous: previous).map { $0 + languageNote(outcome, suite) }
          if problem == nil, let required = turn.language, outcome.language != required {
            problem = "expected a reply in '\(required)', got one in '\(outcome.language)': \(outcome)"
          }
          results.append(
            SuiteReport.Result(
              suite: suite.file, language: suite.language, location: turn.location, text: turn.text,
              expected: turn.expectation.description, outcome: outcome, problem: problem, conversation: name,
              conversationStart: conversation.location))
          previous = outcome
        }
      }
    }
    var minimums: [String: Double] = [:]
    var turnMinimums: [String: Double] = [:]
    for suite in suites {
      if let minimum = suite.minimumAccuracy { minimums[suite.file] = minimum }
      if let minimum = suite.minimumTurnAccuracy { turnMinimums[suite.file] = minimum }
    }
    return SuiteReport(results: results, findings: findings, minimums: minimums, turnMinimums: turnMinimums)
  }

  /// Why a reply does not meet a turn's expectation; `nil` when it does.
  func check(_ expectation: TestSuite.Expectation, _ outcome: SuiteReport.Outcome, previous: SuiteReport.Outcome?)
    -> String?
  {
    switch expectation {
    case .answer(let target):
      // A menu is its article's answer: `answer order-problem` passes when the bot shows that
      // article's menu, which asks which of its topics the customer means.
      if case .intent(let id)? = target, outcome.decision == .clarify, outcome.intent == id, !outcome.options.isEmpty {
        return nil
      }
      guard outcome.decision == .answer else { return "expected an answer, got \(outcome)" }
      let expected: IntentID?
      switch target {
      case nil: expected = nil
      case .intent(let id)?: expected = id
      case .option(let number)?:
        let options = previous?.options ?? []
        guard number <= options.count else {
          return "expected the answer to option #\(number), but the turn before offered \(options.count) option(s)"
        }
        expected = options[number - 1]
      }
      if let expected, outcome.intent != expected {
        return "expected the answer to '\(expected)', got \(outcome)"
      }
    case .clarify(let intents):
      guard outcome.decision == .clarify else { return "expected a clarification, got \(outcome)" }
      let missing = intents.filter { !outcome.options.contains($0) }
      if !missing.isEmpty {
        return "the clarification did not offer \(missing.map { "'\($0)'" }.joined(separator: " and ")): \(outcome)"
      }
    case .escalate(let intent):
      guard outcome.decision == .escalate else { return "expected a hand-off to a person, got \(outcome)" }
      if let intent, outcome.intent != intent { return "expected a hand-off after '\(intent)', got \(outcome)" }
    case .outOfScope:
      if outcome.intent != nil || outcome.decision == .answer { return "expected no article, got \(outcome)" }
    }
    return nil
  }

  private func languageNote(_ outcome: SuiteReport.Outcome, _ suite: TestSuite) -> String {
    outcome.language == suite.language ? "" : " (answered in '\(outcome.language)')"
  }
}
