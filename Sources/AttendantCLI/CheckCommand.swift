import Attendant
import Foundation

/// `attendant check`: lints content for editors, one finding per line as `file:line: severity: message`.
enum CheckCommand: Command {
  static let name = "check"
  static let abstract = "Lint the content: parse errors, gaps between languages, duplicates, conflicts, weak examples."
  static let usage = """
    USAGE: attendant check [--content <dir>] [--json]

    Prints each finding as 'file:line: severity: message Fix: …', then a summary on standard error.
    Exits 1 when there is at least one error, and 0 when there are only warnings.

    It finds: parse errors and invalid intent ids; an intent with no article in a language, and an
    article with no intent; an intent that one language lacks; intents with fewer than \(ContentChecker.minimumExamples)
    different examples; answers that are not written yet (the importer's placeholder, a TODO, an empty
    body); duplicate examples within an intent and across intents (after folding case, punctuation and
    abbreviations); conflicts, where an example does not get its own intent's answer (or gets it only
    word for word); examples that are too short or nothing but stop words; follow-ups and menus that
    name no article. Test suites (Intents/<xx>/tests/) are parsed too.

    OPTIONS:
      --content <dir>   The content folder (default: the bundled demo).
      --json            Print one JSON object: {"errors": n, "warnings": n, "findings": [...]}.
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(rawArguments, options: ["content"], flags: ["json"])
    guard arguments.positionals.isEmpty else { throw UsageError("Unexpected argument '\(arguments.positionals[0])'.") }
    let folder = try ContentLocation.resolve(arguments["content"])
    let report = ContentChecker().check(folder)
    let findings = (report.findings + TestSuiteParser.load(from: folder, intents: report.intents).findings).sorted {
      ($0.location, $0.kind.rawValue, $0.message) < ($1.location, $1.kind.rawValue, $1.message)
    }
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.count - errors
    if arguments.has("json") {
      let output = JSONOutput(
        errors: errors, warnings: warnings,
        findings: findings.map {
          .init(
            file: $0.location.file, line: $0.location.line, severity: $0.severity.rawValue, kind: $0.kind.rawValue,
            message: $0.message, fix: $0.fix)
        })
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      Terminal.print(String(decoding: try encoder.encode(output), as: UTF8.self))
    } else {
      for finding in findings { Terminal.print(finding.description) }
      Terminal.error("\(folder.path): \(count(errors, "error")), \(count(warnings, "warning")).")
    }
    return errors > 0 ? ExitCode.failure : ExitCode.success
  }

  /// The `--json` output: the counts, and the findings with the same fields as the bridge's reload reply.
  struct JSONOutput: Encodable {
    struct Row: Encodable {
      let file: String
      let line: Int
      let severity: String
      let kind: String
      let message: String
      let fix: String?

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(severity, forKey: .severity)
        try container.encode(kind, forKey: .kind)
        try container.encode(message, forKey: .message)
        try container.encode(fix, forKey: .fix)  // null rather than absent, so that every row has the same keys
      }

      enum CodingKeys: String, CodingKey { case file, line, severity, kind, message, fix }
    }

    let errors: Int
    let warnings: Int
    let findings: [Row]
  }

  static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
