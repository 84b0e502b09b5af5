import Attendant
import Foundation

/// `attendant import`: writes a content folder from FAQ data in another format.
enum ImportCommand: Command {
  static let name = "import"
  static let abstract = "Bring FAQ content in from CSV/TSV, a Q&A TSV (QnA Maker) or CLINC150."
  static let usage = """
    USAGE: attendant import csv <file.csv|file.tsv> --output <dir> [--language <xx>] [--delimiter tab|comma] [options]
           attendant import qna <file.tsv> --output <dir> [--language <xx>] [options]
           attendant import clinc150 <data_full.json> --output <dir> [options]

    csv        Labelled questions, columns text and intent (RFC 4180 quoting), with a header row that
               names them (text/utterance/question, intent/label/category) or without one (text first).
               A .tsv file, or --delimiter tab, is read as tab-separated.
    qna        A question–answer TSV like QnA Maker's export (Question, Answer, …): the questions that
               share an answer become one intent, answered by that answer.
    clinc150   CLINC150's data_full.json: 'train' becomes the intents; 'val' + 'oos_val' and 'test' +
               'oos_test' become the test suites Intents/en/tests/val.txt and test.txt.

    Writes Intents/<xx>/ and KnowledgeBase/<xx>/ under the output folder, then checks it as
    'attendant check' does. Intents without an answer get an article that says so, for you to write.
    A label that is not an intent id is made one: 'todo_list' becomes 'todo-list'.

    A text filed under two labels could only ever reach one of the two intents. By default the import
    lists such texts and stops without writing; '--on-conflict first' keeps each under the label that
    has it first, leaves it out of the others, and lists what it left out.

    KnowledgeBase/<xx>/phrases.txt, when the folder has none, gets the bot's own sentences (welcome,
    refusal, hand-off, greetings) to edit; {topics} in them names your article titles.

    OPTIONS:
      --output <dir>        The content folder to write (created if needed).
      --language <xx>       The language of the data (default en).
      --delimiter <d>       'tab' or 'comma' (default: tab for .tsv files, comma otherwise).
      --on-conflict <how>   'stop' (default) or 'first': what to do with texts under more than one label.
      --force               Overwrite intent, article and suite files that already exist.
    """

  /// What to do with a text that the source files under more than one label.
  enum ConflictPolicy: String, CaseIterable {
    /// List the texts and write nothing.
    case stop
    /// Keep each text under the label that has it first.
    case first
  }

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments, options: ["output", "language", "delimiter", "on-conflict"], flags: ["force"])
    guard let kind = arguments.positionals.first else {
      throw UsageError("Missing the format: 'csv', 'qna' or 'clinc150'.")
    }
    guard arguments.positionals.count == 2 else {
      throw UsageError(
        arguments.positionals.count < 2
          ? "Missing the file to import." : "Unexpected argument '\(arguments.positionals[2])'.")
    }
    let path = arguments.positionals[1]
    guard let output = arguments["output"] else {
      throw UsageError("Missing '--output <dir>': the content folder to write.")
    }
    let code = arguments["language"] ?? "en"
    guard let language = Language(rawValue: code.lowercased()), LanguageProfile.builtIn(for: language) != nil else {
      let known = LanguageProfile.builtIn.map(\.language.rawValue).joined(separator: ", ")
      throw UsageError("Unknown language '\(code)'. The languages are \(known).")
    }
    let policyName = arguments["on-conflict"] ?? ConflictPolicy.stop.rawValue
    guard let policy = ConflictPolicy(rawValue: policyName) else {
      let names = ConflictPolicy.allCases.map(\.rawValue)
      let hint = Arguments.closest(to: policyName, in: names).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError("Unknown value '\(policyName)' for '--on-conflict'.\(hint) Use 'stop' or 'first'.")
    }
    var content = try read(kind, path, language: language, delimiter: arguments["delimiter"])

    guard settle(&content, policy: policy, path: path) else { return ExitCode.failure }

    let folder = URL(fileURLWithPath: output).standardizedFileURL
    if !arguments.has("force"), let existing = existingFiles(of: content, in: folder).first {
      throw UsageError("'\(existing)' already exists. Import into a new folder, or pass --force to overwrite it.")
    }
    let writesPhrases = !FileManager.default.fileExists(atPath: folder.appendingPathComponent(content.phrasesFile).path)
    do {
      try content.write(to: folder)
    } catch {
      Terminal.error("Error: Cannot write to '\(folder.path)': \((error as NSError).localizedDescription)")
      return ExitCode.ioError
    }
    Terminal.print(written(content, language: language, to: folder, phrases: writesPhrases))

    let report = ContentChecker().check(folder)
    let errors = report.findings.filter { $0.severity == .error }
    for finding in errors { Terminal.error(finding.description) }
    Terminal.print(checkSummary(report.findings, folder: output))
    if !content.suites.isEmpty, errors.isEmpty {
      Terminal.print("Run the suites with 'attendant test --content \(output) --suite \(content.suites[0].name)'.")
    }
    return errors.isEmpty ? ExitCode.success : ExitCode.failure
  }

  /// The content of a file in a format: `csv` (a label column and a text column; `--delimiter` tab
  /// or comma, tab for a `.tsv` file by default), `qna` or `clinc150`.
  ///
  /// - Throws: `UsageError` for an unknown format or delimiter; the reader's and importer's errors.
  private static func read(_ kind: String, _ path: String, language: Language, delimiter option: String?) throws
    -> ImportedContent
  {
    switch kind {
    case "csv":
      let delimiter: Unicode.Scalar
      switch option {
      case nil: delimiter = path.lowercased().hasSuffix(".tsv") ? "\t" : ","
      case "tab"?: delimiter = "\t"
      case "comma"?: delimiter = ","
      case let other?: throw UsageError("Unknown delimiter '\(other)'. Use 'tab' or 'comma'.")
      }
      return try Importer.labelledTable(
        try EvalCommand.readText(path), file: path, delimiter: delimiter, language: language)
    case "qna":
      return try Importer.questionAnswerTable(try EvalCommand.readText(path), file: path, language: language)
    case "clinc150":
      guard language == .en else { throw UsageError("CLINC150 is in English; leave out '--language'.") }
      return try Importer.clinc150(try EvalCommand.readData(path), file: path)
    default:
      let hint = Arguments.closest(to: kind, in: ["csv", "qna", "clinc150"]).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError("Unknown format '\(kind)'.\(hint) Use 'csv', 'qna' or 'clinc150'.")
    }
  }

  /// Deals with texts filed under more than one label, as `--on-conflict` says.
  ///
  /// - Returns: Whether to go on and write the content: `false` after listing them under `stop`.
  private static func settle(_ content: inout ImportedContent, policy: ConflictPolicy, path: String) -> Bool {
    let conflicts = content.conflicts
    guard !conflicts.isEmpty else { return true }
    switch policy {
    case .stop:
      Terminal.error(
        "Error: " + describe(conflicts, in: path, limit: 10) + "\n"
          + "Nothing was written. To keep going, pass '--on-conflict first': each of these texts stays with the label that has it first and is left out of the others, and the import lists what it left out. Or correct the labels in '\(path)' and import again."
      )
      return false
    case .first:
      let removed = content.keepFirstLabels()
      var lines = [describe(conflicts, in: path, limit: nil)]
      let emptied =
        removed.isEmpty
        ? ""
        : "; \(removed.count) intent(s) had no examples left and were not written: \(quoted(removed.map(\.rawValue)))"
      lines.append("Kept each under its first label ('--on-conflict first') and left it out of the others\(emptied).")
      Terminal.print(lines.joined(separator: "\n"))
      return true
    }
  }

  /// What the import wrote: the counts, the labels renamed to intent ids, and the phrases file when
  /// it was new (`phrases`).
  private static func written(_ content: ImportedContent, language: Language, to folder: URL, phrases: Bool)
    -> String
  {
    let examples = content.intents.reduce(0) { $0 + $1.examples.count }
    let answered = content.intents.filter { $0.answer != nil }.count
    var summary =
      "Wrote \(content.intents.count) intents (\(examples) examples, \(answered) with an answer) in '\(language)' to \(folder.path)"
    if !content.suites.isEmpty {
      summary +=
        "; test suites " + content.suites.map { "\($0.name) (\($0.cases.count) cases)" }.joined(separator: ", ")
    }
    var lines = [summary + "."]
    let renamed = content.renamed
    if !renamed.isEmpty {
      let shown = renamed.prefix(5).map { "'\($0.sourceLabel)' → '\($0.id)'" }.joined(separator: ", ")
      let more = renamed.count > 5 ? ", and \(renamed.count - 5) more" : ""
      lines.append(
        "Renamed \(CheckCommand.count(renamed.count, "label")) to intent ids, which are lower-case letters, digits and hyphens: \(shown)\(more). Each intent file names its label in a comment."
      )
    }
    if phrases {
      lines.append(
        "Wrote \(content.phrasesFile): the bot's own sentences (welcome, refusal, hand-off, greetings), to put in your words."
      )
    }
    return lines.joined(separator: "\n")
  }

  /// The line that sums up the check of the imported folder: the counts, and when there are findings,
  /// their kinds and how to see them.
  static func checkSummary(_ findings: [Finding], folder: String) -> String {
    let errors = findings.filter { $0.severity == .error }.count
    let counts =
      "attendant check: \(CheckCommand.count(errors, "error")), \(CheckCommand.count(findings.count - errors, "warning"))"
    guard !findings.isEmpty else { return counts + "." }
    let kinds = Dictionary(grouping: findings, by: \.kind).map { ($0.key.rawValue, $0.value.count) }
      .sorted { ($1.1, $0.0) < ($0.1, $1.0) }.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    return counts + " (\(kinds)); run 'attendant check --content \(folder)' to see them."
  }

  /// The texts under more than one label, one per line after a heading (at most `limit` of them).
  static func describe(_ conflicts: [ImportedContent.Conflict], in file: String, limit: Int?) -> String {
    let count = conflicts.count == 1 ? "1 text" : "\(conflicts.count) texts"
    var lines = [
      "\(count) in '\(file)' \(conflicts.count == 1 ? "is" : "are") filed under more than one label; as an example of two intents, a text can only ever reach one of them:"
    ]
    for conflict in conflicts.prefix(limit ?? conflicts.count) {
      let labels = conflict.labels.map { use -> String in
        switch (use.lines.count, use.count) {
        case (0, 1): "'\(use.label)'"
        case (0, let count): "'\(use.label)' (\(count) times)"
        case (1, _): "'\(use.label)' (line \(use.lines[0]))"
        default: "'\(use.label)' (lines \(use.lines.map(String.init).joined(separator: ", ")))"
        }
      }
      lines.append("  '\(conflict.text)' under " + labels.dropLast().joined(separator: ", ") + " and " + labels.last!)
    }
    if let limit, conflicts.count > limit { lines.append("  … and \(conflicts.count - limit) more.") }
    return lines.joined(separator: "\n")
  }

  static func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }

  /// The files the import would overwrite, relative to the folder.
  static func existingFiles(of content: ImportedContent, in folder: URL) -> [String] {
    let language = content.language
    let paths =
      content.intents.flatMap { ["Intents/\(language)/\($0.id).txt", "KnowledgeBase/\(language)/\($0.id).md"] }
      + content.suites.map { "Intents/\(language)/tests/\($0.name).txt" }
    return paths.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
  }
}
