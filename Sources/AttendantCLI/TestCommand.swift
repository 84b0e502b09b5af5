import Attendant
import Foundation

/// `attendant test`: runs the content's test suites and reports failures, accuracy and confusions.
enum TestCommand: Command {
  static let name = "test"
  static let abstract = "Run the content's test suites (Intents/<xx>/tests/*.txt)."
  static let usage = """
    USAGE: attendant test [--content <dir>] [--language <xx>] [--suite <name>] [--report <file.html>] [--all]

    Runs every suite in Intents/<xx>/tests/: single questions with the intent expected (or out-of-scope),
    and conversations with the decision expected at each turn (see docs/content-format.md, "Test
    suites"). Each case and each conversation gets a fresh session in the suite's language, at a fixed
    time. Prints each failure with the top candidates and the rule that decided, the accuracy per
    language, and the intents confused most. Exits 1 when any check fails (in a suite with
    '@minimum-accuracy', when the suite falls below it) or a suite has a mistake.

    OPTIONS:
      --content <dir>        The content folder (default: the bundled demo).
      --language <xx>        Only this language's suites.
      --suite <name>         Only the suites with this file name (without .txt), such as 'heldout' or 'val'.
      --report <file.html>   Also write a self-contained HTML report: accuracy, confusion heat maps, failures.
      --all                  Print the checks that pass too, with what the bot did.
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(rawArguments, options: ["content", "language", "suite", "report"], flags: ["all"])
    guard arguments.positionals.isEmpty else { throw UsageError("Unexpected argument '\(arguments.positionals[0])'.") }
    let store = try CLI.loadStore(arguments["content"])
    let engine = store.engine
    let folder = store.folder!
    let language = try CLI.language(arguments["language"], in: engine)
    var (suites, findings) = TestSuiteParser.load(
      from: folder, intents: engine.knowledgeBase.intents, languages: language.map { [$0] })
    if let name = arguments["suite"] {
      let available = Set(suites.map(\.name)).sorted()
      suites = suites.filter { $0.name == name }
      findings = findings.filter { $0.location.file.hasSuffix("/\(name).txt") }
      guard !suites.isEmpty || !findings.isEmpty else {
        let hint = Arguments.closest(to: name, in: available).map { " Did you mean '\($0)'?" } ?? ""
        throw UsageError("No suite named '\(name)'.\(hint) The suites are: \(available.joined(separator: ", ")).")
      }
    }
    guard !suites.isEmpty || !findings.isEmpty else {
      Terminal.error(
        "No test suites in \(folder.path)/Intents/<xx>/tests/. Add one; see docs/content-format.md, \"Test suites\".")
      return ExitCode.failure
    }
    let report = SuiteRunner(engine: engine).run(suites, findings: findings)
    Terminal.print(render(report, all: arguments.has("all")))
    if let path = arguments["report"] {
      let subtitle = "\(folder.path) · \(suites.count) suite(s) · \(ISO8601DateFormatter().string(from: Date()))"
      do {
        try HTMLReport.render(report, subtitle: subtitle).write(
          to: URL(fileURLWithPath: path), atomically: true, encoding: .utf8)
      } catch {
        Terminal.error("Error: Cannot write the report to '\(path)': \((error as NSError).localizedDescription)")
        return ExitCode.ioError
      }
      Terminal.error("Report written to \(path).")
    }
    return report.succeeded ? ExitCode.success : ExitCode.failure
  }

  /// The report as text: suite mistakes, failures, accuracy per language, confusions, and a last line
  /// 'N passed, N failed'.
  static func render(_ report: SuiteReport, all: Bool = false) -> String {
    var lines = report.findings.map(\.description)
    for result in report.results where all || !result.passed {
      let context = result.conversation.map { " (conversation '\($0)')" } ?? ""
      let word = report.isBlocking(result) ? "fail" : "miss"
      let verdict =
        result.problem.map { "\(word): '\(result.text)'\(context): expected \(result.expected); \($0)" }
        ?? "pass: '\(result.text)'\(context): \(result.outcome)"
      lines.append("\(result.location): \(verdict)")
      let candidates = result.outcome.candidates.isEmpty ? "none" : result.outcome.candidateSummary
      lines.append("    candidates: \(candidates); rule: \(result.outcome.rule)")
    }
    if !lines.isEmpty { lines.append("") }
    lines.append(columns(["language", "questions", "accuracy", "conversations", "turns"]))
    for summary in report.languages {
      lines.append(
        columns([
          summary.language.rawValue, "\(summary.passedCases) / \(summary.cases)",
          summary.accuracy.map { String(format: "%.1f%%", $0 * 100) } ?? "—",
          "\(summary.passedConversations) / \(summary.conversations)", "\(summary.passedTurns) / \(summary.turns)",
        ]))
    }
    let split = report.split
    if split.questions > 0 {
      lines.append("")
      lines.append(split.description)
    }
    let confusions = report.confusions(limit: 10)
    if !confusions.isEmpty {
      lines.append("")
      lines.append(
        "most confused (expected → got; without an article: clarify = asked which topic, hand-off = passed to a person, out-of-scope = refused):"
      )
      for confusion in confusions {
        let languages = confusion.byLanguage.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
          separator: ", ")
        lines.append(
          String(format: "%5d  ", confusion.count) + "\(confusion.expected) → \(confusion.got)  (\(languages))")
      }
    }
    let gates = report.gates
    if !gates.isEmpty {
      lines.append("")
      lines.append("suites with a minimum accuracy ('miss' above: a failed case that only counts towards it):")
      for gate in gates {
        let verdict = gate.met ? "met" : "NOT met"
        lines.append(
          String(
            format: "    %@%@: %.1f%% (%d / %d), minimum %.0f%%: %@", gate.suite,
            gate.turns ? " (conversation turns)" : "",
            gate.accuracy * 100, gate.passedCases, gate.cases, gate.minimum * 100, verdict))
      }
    }
    lines.append("")
    lines.append(report.tally.description)
    return lines.joined(separator: "\n")
  }

  /// A row of the accuracy table, in columns 10, 13, 10 and 15 characters wide.
  private static func columns(_ cells: [String]) -> String {
    zip(cells, [10, 13, 10, 15, 0]).map { cell, width in
      cell.count >= width ? cell : cell.padding(toLength: width, withPad: " ", startingAt: 0)
    }.joined()
  }
}
