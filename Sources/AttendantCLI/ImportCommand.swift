import Attendant
import Foundation

/// `attendant import`: writes a content folder from FAQ data in another format.
enum ImportCommand: Command {
  static let name = "import"
  static let abstract = "Bring FAQ content in from CSV/TSV, a Q&A TSV (QnA Maker) or CLINC150."
  static let usage = """
    USAGE: attendant import csv <file.csv|file.tsv> --output <dir> [--language <xx>] [--delimiter tab|comma] [--force]
           attendant import qna <file.tsv> --output <dir> [--language <xx>] [--force]
           attendant import clinc150 <data_full.json> --output <dir> [--force]

    csv        Labelled questions, columns text and intent (RFC 4180 quoting), with a header row that
               names them (text/utterance/question, intent/label/category) or without one (text first).
               A .tsv file, or --delimiter tab, is read as tab-separated.
    qna        A question–answer TSV like QnA Maker's export (Question, Answer, …): the questions that
               share an answer become one intent, answered by that answer.
    clinc150   CLINC150's data_full.json: 'train' becomes the intents; 'val' + 'oos_val' and 'test' +
               'oos_test' become the test suites Intents/en/tests/val.txt and test.txt.

    Writes Intents/<xx>/ and KnowledgeBase/<xx>/ under the output folder, then checks it as
    'attendant check' does. Intents without an answer get an article that says so, for you to write.
    KnowledgeBase/<xx>/phrases.txt, when the folder has none, gets the bot's own sentences (welcome,
    refusal, hand-off, greetings) to edit; {topics} in them names your article titles.

    OPTIONS:
      --output <dir>      The content folder to write (created if needed).
      --language <xx>     The language of the data (default en).
      --delimiter <d>     'tab' or 'comma' (default: tab for .tsv files, comma otherwise).
      --force             Overwrite intent, article and suite files that already exist.
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(rawArguments, options: ["output", "language", "delimiter"], flags: ["force"])
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
    let content: ImportedContent
    switch kind {
    case "csv":
      let delimiter: Unicode.Scalar
      switch arguments["delimiter"] {
      case nil: delimiter = path.lowercased().hasSuffix(".tsv") ? "\t" : ","
      case "tab"?: delimiter = "\t"
      case "comma"?: delimiter = ","
      case let other?: throw UsageError("Unknown delimiter '\(other)'. Use 'tab' or 'comma'.")
      }
      content = try Importer.labelledTable(
        try EvalCommand.readText(path), file: path, delimiter: delimiter, language: language)
    case "qna":
      content = try Importer.questionAnswerTable(try EvalCommand.readText(path), file: path, language: language)
    case "clinc150":
      guard language == .en else { throw UsageError("CLINC150 is in English; leave out '--language'.") }
      content = try Importer.clinc150(try EvalCommand.readData(path), file: path)
    default:
      let hint = Arguments.closest(to: kind, in: ["csv", "qna", "clinc150"]).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError("Unknown format '\(kind)'.\(hint) Use 'csv', 'qna' or 'clinc150'.")
    }

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
    let examples = content.intents.reduce(0) { $0 + $1.examples.count }
    let answered = content.intents.filter { $0.answer != nil }.count
    var summary =
      "Wrote \(content.intents.count) intents (\(examples) examples, \(answered) with an answer) in '\(language)' to \(folder.path)"
    if !content.suites.isEmpty {
      summary +=
        "; test suites " + content.suites.map { "\($0.name) (\($0.cases.count) cases)" }.joined(separator: ", ")
    }
    Terminal.print(summary + ".")
    if writesPhrases {
      Terminal.print(
        "Wrote \(content.phrasesFile): the bot's own sentences (welcome, refusal, hand-off, greetings), to put in your words.")
    }

    let report = ContentChecker().check(folder)
    let errors = report.findings.filter { $0.severity == .error }
    for finding in errors { Terminal.error(finding.description) }
    Terminal.print(
      "attendant check: \(CheckCommand.count(errors.count, "error")), \(CheckCommand.count(report.findings.count - errors.count, "warning"))"
        + " (run 'attendant check --content \(output)' to see them).")
    if !content.suites.isEmpty, errors.isEmpty {
      Terminal.print("Run the suites with 'attendant test --content \(output) --suite \(content.suites[0].name)'.")
    }
    return errors.isEmpty ? ExitCode.success : ExitCode.failure
  }

  /// The files the import would overwrite, relative to the folder.
  static func existingFiles(of content: ImportedContent, in folder: URL) -> [String] {
    let language = content.language
    let paths =
      content.intents.flatMap { ["Intents/\(language)/\($0.id).txt", "KnowledgeBase/\(language)/\($0.id).md"] }
      + content.suites.map { "Intents/\(language)/tests/\($0.name).txt" }
    return paths.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
  }
}
