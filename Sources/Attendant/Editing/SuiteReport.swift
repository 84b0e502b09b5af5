/// The results of running test suites: every check, with what the bot did, and the figures that sum
/// them up: accuracy per language, the confusions between intents, the failures.
package struct SuiteReport: Sendable {
  /// One check: a single case, or one turn of a conversation.
  public struct Result: Sendable, Hashable {
    public let suite: String
    public let language: Language
    public let location: SourceLocation
    public let text: String
    /// What was expected, in the suite's words (`order-status`, `out-of-scope`, `answer #2`).
    public let expected: String
    public let outcome: Outcome
    /// Why the check failed, in words; `nil` when it passed.
    public let problem: String?
    /// The conversation the turn belongs to (its title, or where it starts); `nil` for a single case.
    public let conversation: String?
    /// Where that conversation starts; `nil` for a single case.
    public let conversationStart: SourceLocation?

    public var passed: Bool { problem == nil }
    public var isConversationTurn: Bool { conversationStart != nil }
  }

  /// What the bot did with a message.
  public struct Outcome: Sendable, Hashable, CustomStringConvertible {
    public let decision: Decision
    public let reason: ReplyReason
    public let language: Language
    /// The intent whose article was shown, if any.
    public let intent: IntentID?
    /// The best candidates, best first.
    public let candidates: [CandidateScore]
    /// The topics offered.
    public let options: [IntentID]
    /// The rule that decided, in words.
    public let rule: String

    public init(_ reply: Reply) {
      decision = reply.decision
      reason = reply.reason
      language = reply.language
      intent = reply.intent
      candidates = reply.candidates
      options = reply.options.map(\.intent)
      rule = reply.explanation.rule
    }

    /// The candidates with their confidences, best first: `order-status 0.92, delivery-time 0.31`.
    public var candidateSummary: String {
      candidates.map { "\($0.intent) \($0.confidence.twoDecimals)" }.joined(separator: ", ")
    }

    /// What the reply amounts to, for the confusion tables: the intent whose article was shown; else
    /// `clarify` for a question back about which topic, `hand-off` for a hand-off to a person, and
    /// `out-of-scope` for a refusal. Each of the last three shows no article, so each passes a single
    /// case that expects `out-of-scope`.
    public var label: String {
      if let intent { return intent.rawValue }
      if decision == .clarify && !options.isEmpty { return SuiteReport.clarifyLabel }
      if decision == .escalate { return SuiteReport.handOffLabel }
      return TestSuite.outOfScope
    }

    /// Whether the reply shows no article: what a single case that expects `out-of-scope` asks.
    public var showsNoArticle: Bool { intent == nil }

    /// The decision and what it was about: `answer order-status`, `clarify return-item, refund-status`.
    public var description: String {
      if let intent { return "\(decision.rawValue) \(intent)" }
      if !options.isEmpty { return "\(decision.rawValue) \(options.map(\.rawValue).joined(separator: ", "))" }
      return "\(decision.rawValue) (\(reason.rawValue))"
    }
  }

  /// One language's figures.
  public struct LanguageSummary: Sendable, Hashable {
    public let language: Language
    public let cases: Int
    public let passedCases: Int
    public let conversations: Int
    public let passedConversations: Int
    public let turns: Int
    public let passedTurns: Int

    /// The share of single cases that passed, 0…1; `nil` without single cases.
    public var accuracy: Double? { cases == 0 ? nil : Double(passedCases) / Double(cases) }
  }

  /// A pair of labels that single cases confused, and how often.
  public struct Confusion: Sendable, Hashable {
    public let expected: String
    public let got: String
    public let count: Int
    /// The count in each language, for the languages where it happened.
    public let byLanguage: [Language: Int]
  }

  /// A language's confusion table: how often each expected label got each label.
  public struct Matrix: Sendable, Hashable {
    public let language: Language
    /// The expected labels (rows) and the labels got (columns), sorted: the intents, then `clarify`,
    /// `hand-off` and `out-of-scope`.
    public let rows: [String]
    public let columns: [String]
    /// `counts[row][column]`.
    public let counts: [[Int]]

    /// Whether the cases counted in a cell passed.
    public func passes(row: Int, column: Int) -> Bool { SuiteReport.passes(expected: rows[row], got: columns[column]) }
  }

  /// A suite whose single cases (`@minimum-accuracy`) or conversation turns (`@minimum-turn-accuracy`)
  /// pass as a whole at a minimum accuracy.
  public struct Gate: Sendable, Hashable {
    public let suite: String
    public let language: Language
    public let minimum: Double
    /// The checks the gate counts: single cases, or conversation turns when `turns` is set.
    public let cases: Int
    public let passedCases: Int
    public var turns = false

    public var accuracy: Double { cases == 0 ? 1 : Double(passedCases) / Double(cases) }
    public var met: Bool { accuracy + 1e-12 >= minimum }
  }

  /// The label of a reply that asks which topic the customer means, without an article.
  public static let clarifyLabel = "clarify"
  /// The label of a reply that hands the conversation to a person without an article.
  public static let handOffLabel = "hand-off"
  /// The labels of replies without an article, in the order the tables show them, after the intents.
  public static let noArticleLabels = [clarifyLabel, handOffLabel, TestSuite.outOfScope]

  /// Whether a single case that expects `expected` passes with a reply labelled `got`.
  public static func passes(expected: String, got: String) -> Bool {
    expected == got || (expected == TestSuite.outOfScope && noArticleLabels.contains(got))
  }

  /// What the single questions got, beyond pass and fail: how often the bot answered, asked back or
  /// did neither, and a score that counts a clarification offering the right intent first as half.
  public struct Split: Sendable, Hashable, CustomStringConvertible {
    /// Questions in scope: answered with their intent, asked back with their intent offered first,
    /// asked back otherwise, answered with another intent, and neither answered nor asked back
    /// (refused or handed over).
    public var answeredRight = 0
    public var clarifiedRightFirst = 0
    public var clarifiedOther = 0
    public var answeredWrong = 0
    public var notAnswered = 0
    /// Questions out of scope: shown no article, and answered with one.
    public var outOfScopeKept = 0
    public var outOfScopeAnswered = 0

    public var questions: Int {
      answeredRight + clarifiedRightFirst + clarifiedOther + answeredWrong + notAnswered + outOfScopeKept
        + outOfScopeAnswered
    }

    /// Right answers, plus half of the clarifications that offer the right intent first, plus the
    /// questions out of scope shown no article, over all questions (0…1; 0 with no questions).
    public var halfCreditScore: Double {
      questions == 0
        ? 0 : (Double(answeredRight + outOfScopeKept) + Double(clarifiedRightFirst) / 2) / Double(questions)
    }

    /// `in scope: 3775 answered right, 310 asked back with it first (½), 181 asked back otherwise, …`.
    public var description: String {
      String(
        format:
          "single questions, a question back that offers the right topic first counting ½: %.1f%% (in scope: %d answered right, %d asked back with it first, %d asked back otherwise, %d answered wrong, %d refused or handed over; out of scope: %d shown no article, %d answered)",
        halfCreditScore * 100, answeredRight, clarifiedRightFirst, clarifiedOther, answeredWrong, notAnswered,
        outOfScopeKept, outOfScopeAnswered)
    }
  }

  /// The split of the single questions (conversation turns aside).
  public var split: Split {
    var split = Split()
    for result in results where !result.isConversationTurn {
      let outcome = result.outcome
      if result.expected == TestSuite.outOfScope {
        if outcome.showsNoArticle { split.outOfScopeKept += 1 } else { split.outOfScopeAnswered += 1 }
      } else if let intent = outcome.intent {
        if intent.rawValue == result.expected { split.answeredRight += 1 } else { split.answeredWrong += 1 }
      } else if outcome.label == SuiteReport.clarifyLabel {
        if outcome.options.first?.rawValue == result.expected {
          split.clarifiedRightFirst += 1
        } else {
          split.clarifiedOther += 1
        }
      } else {
        split.notAnswered += 1
      }
    }
    return split
  }

  /// The counts that sum up a run, the same in `attendant test` and the HTML report.
  public struct Tally: Sendable, Hashable, CustomStringConvertible {
    public let passed: Int
    /// Checks that failed and fail the run on their own.
    public let failed: Int
    /// Checks that failed in a suite with a minimum accuracy: they count only towards it.
    public let missed: Int
    /// Whether any suite has a minimum accuracy, so that misses are possible.
    public let hasMinimums: Bool

    /// `932 passed, 9 failed, 60 missed in suites with a minimum accuracy`.
    public var description: String {
      "\(passed) passed, \(failed) failed" + (hasMinimums ? ", \(missed) missed in suites with a minimum accuracy" : "")
    }
  }

  public let results: [SuiteReport.Result]
  /// Mistakes in the suites themselves; their cases did not run.
  public let findings: [Finding]
  /// The minimum accuracy of each suite that declares one, by suite file.
  public let minimums: [String: Double]
  /// The minimum turn accuracy of each suite that declares one, by suite file.
  public let turnMinimums: [String: Double]

  public init(
    results: [SuiteReport.Result], findings: [Finding] = [], minimums: [String: Double] = [:],
    turnMinimums: [String: Double] = [:]
  ) {
    self.results = results
    self.findings = findings
    self.minimums = minimums
    self.turnMinimums = turnMinimums
  }

  public var failures: [SuiteReport.Result] { results.filter { !$0.passed } }

  /// The suites with a minimum accuracy, and whether they meet it.
  public var gates: [Gate] {
    let caseGates = minimums.keys.sorted().map { file in
      let cases = results.filter { $0.suite == file && !$0.isConversationTurn }
      return Gate(
        suite: file, language: cases.first?.language ?? .en, minimum: minimums[file]!, cases: cases.count,
        passedCases: cases.filter(\.passed).count)
    }
    let turnGates = turnMinimums.keys.sorted().map { file in
      let turns = results.filter { $0.suite == file && $0.isConversationTurn }
      return Gate(
        suite: file, language: turns.first?.language ?? .en, minimum: turnMinimums[file]!, cases: turns.count,
        passedCases: turns.filter(\.passed).count, turns: true)
    }
    return caseGates + turnGates
  }

  /// Whether a failed check fails the run on its own (it does unless its suite has a minimum accuracy
  /// for its kind of check).
  public func isBlocking(_ result: SuiteReport.Result) -> Bool {
    !result.passed && (result.isConversationTurn ? turnMinimums[result.suite] == nil : minimums[result.suite] == nil)
  }

  /// The passed, failed and missed checks.
  public var tally: Tally {
    let failed = results.filter(isBlocking).count
    return Tally(
      passed: results.count - failures.count, failed: failed, missed: failures.count - failed,
      hasMinimums: !minimums.isEmpty || !turnMinimums.isEmpty)
  }

  /// Why the run fails, one reason a line (empty when it succeeds): failed checks, suites below their
  /// minimum accuracy, mistakes in the suites.
  public var failureReasons: [String] {
    var reasons: [String] = []
    let tally = tally
    if tally.failed > 0 { reasons.append(tally.failed == 1 ? "1 check failed" : "\(tally.failed) checks failed") }
    for gate in gates where !gate.met {
      let what = gate.turns ? "of its conversation turns" : "of its questions"
      let directive = gate.turns ? "@minimum-turn-accuracy" : "@minimum-accuracy"
      reasons.append(
        String(
          format: "%@: %.1f%% %@ passed (%d of %d), below its %@ of %.0f%%", gate.suite, gate.accuracy * 100, what,
          gate.passedCases, gate.cases, directive, gate.minimum * 100))
    }
    let mistakes = findings.filter { $0.severity == .error }.count
    if mistakes > 0 { reasons.append(mistakes == 1 ? "1 mistake in a suite" : "\(mistakes) mistakes in the suites") }
    return reasons
  }

  /// Whether every check passed (or its suite met its minimum accuracy) and every suite could be read.
  public var succeeded: Bool {
    !results.contains(where: isBlocking) && gates.allSatisfy(\.met) && !findings.contains { $0.severity == .error }
  }

  /// The figures per language, in language order.
  public var languages: [LanguageSummary] {
    Dictionary(grouping: results, by: \.language).keys.sorted().map { language in
      let own = results.filter { $0.language == language }
      let cases = own.filter { !$0.isConversationTurn }
      let turns = own.filter(\.isConversationTurn)
      let conversations = Dictionary(grouping: turns) { $0.conversationStart }
      return LanguageSummary(
        language: language, cases: cases.count, passedCases: cases.filter(\.passed).count,
        conversations: conversations.count,
        passedConversations: conversations.values.filter { $0.allSatisfy(\.passed) }.count,
        turns: turns.count, passedTurns: turns.filter(\.passed).count)
    }
  }

  /// The pairs of labels single cases confused most, most frequent first.
  ///
  /// - Complexity: O(n log n) in the number of failures.
  public func confusions(limit: Int = 10) -> [Confusion] {
    var counts: [[String]: [Language: Int]] = [:]
    for result in failures where !result.isConversationTurn {
      counts[[result.expected, result.outcome.label], default: [:]][result.language, default: 0] += 1
    }
    let pairs = counts.map { key, languages in
      Confusion(expected: key[0], got: key[1], count: languages.values.reduce(0, +), byLanguage: languages)
    }
    return Array(pairs.sorted { ($1.count, $0.expected, $0.got) < ($0.count, $1.expected, $1.got) }.prefix(limit))
  }

  /// The confusion table of a language's single cases; `nil` when it has none.
  public func matrix(for language: Language) -> Matrix? {
    let cases = results.filter { $0.language == language && !$0.isConversationTurn }
    guard !cases.isEmpty else { return nil }
    func ordered(_ labels: Set<String>) -> [String] {
      let rank = { (label: String) in Self.noArticleLabels.firstIndex(of: label) ?? -1 }
      return labels.sorted { (rank($0), $0) < (rank($1), $1) }
    }
    let rows = ordered(Set(cases.map(\.expected)))
    let columns = ordered(Set(cases.map(\.outcome.label)).union(rows))
    let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
    let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    var counts = [[Int]](repeating: [Int](repeating: 0, count: columns.count), count: rows.count)
    for result in cases { counts[rowIndex[result.expected]!][columnIndex[result.outcome.label]!] += 1 }
    return Matrix(language: language, rows: rows, columns: columns, counts: counts)
  }
}
