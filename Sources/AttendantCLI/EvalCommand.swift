import Attendant
import Foundation

/// `attendant eval`: accuracy and out-of-scope recall on public data, with the time per query.
enum EvalCommand: Command {
  static let name = "eval"
  static let abstract = "Measure matching quality on CLINC150 or any labelled CSV."
  static let usage = """
    USAGE: attendant eval clinc150 <data_full.json> [--json] [--keep <dir>] [--typo-seed <n>]
           attendant eval csv --train <file> --test <file> [--val <file>] [--language <xx>] [--json]
           attendant eval content [--content <dir>] [--json]
           attendant eval stability [--content <dir>] [--intent <id>] [--show <n>]
           attendant eval ablation [--clinc150 <data_full.json>] [--hwu64 <dir>] [--content <dir>] [--json]

    Imports the training data into a content folder (a temporary one unless --keep names one), builds
    the engine from it as loading content does (the calibration chooses the character weight on the
    training examples: the 'character weight' line), chooses the out-of-scope threshold on the
    validation data (never on the test data), and reports test in-scope accuracy, out-of-scope recall,
    the threshold and the time per query.
    Without --val, it reports top-1 accuracy as in_scope_accuracy, with no threshold.

    'eval content' measures a content folder against itself, per language: self-consistency, the same
    examples with every diacritic stripped and in capitals, and language identification (leave-one-out)
    on the examples as typed and folded to ASCII.

    'eval stability' adds each intent last, in turn: it builds the content without the intent, runs the
    held-out suites' single cases of the other intents through it and through the full content, and
    counts the replies that change ("flips"), both with the thresholds recalibrated and with them fixed.
    A flip toward the added intent (the new reply answers or offers it) is one where it really competes;
    the others are unrelated.

    'eval ablation' switches each part of the matching pipeline off in turn (stemming, bigrams, exact
    forms, character n-grams, typo correction, role lists, abbreviations, entities) and prints a table
    of CLINC150 (threshold on its validation split), HWU64's val.csv (trained on train.csv in --hwu64)
    and the content's 5-fold cross-validation, each with its change from the full pipeline in points.

    OPTIONS:
      --json            Print one JSON object.
      --keep <dir>      Write the imported content folder here and keep it.
      --typo-seed <n>   The seed of the one-typo-per-question test set (default 12345; 0 turns it off).
      --language <xx>   The language of a CSV (default en).
      --delimiter tab   Read the CSV files as tab-separated.
      --intent <id>     'eval stability': add only this intent last.
      --show <n>        'eval stability': list up to n unrelated flips (default 20).
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments,
      options: [
        "keep", "typo-seed", "train", "test", "val", "language", "delimiter", "content", "intent", "show", "clinc150",
        "hwu64",
      ],
      flags: ["json"])
    guard let kind = arguments.positionals.first else {
      throw UsageError("Missing the dataset kind: 'clinc150', 'csv' or 'content'.")
    }
    if kind == "content" { return try evaluateContent(arguments) }
    if kind == "stability" { return try evaluateStability(arguments) }
    if kind == "ablation" { return try AblationCommand.run(arguments) }
    let seedText = arguments["typo-seed"] ?? "12345"
    guard let seed = UInt64(seedText) else {
      throw UsageError("'--typo-seed' must be a whole number, not '\(seedText)'.")
    }
    let dataset = try Dataset(kind, arguments)
    let content = dataset.content
    let folder: URL
    if let keep = arguments["keep"] {
      folder = URL(fileURLWithPath: keep)
    } else {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("attendant-eval-\(UUID().uuidString)")
    }
    defer { if arguments["keep"] == nil { try? FileManager.default.removeItem(at: folder) } }
    try content.write(to: folder)
    let start = DispatchTime.now().uptimeNanoseconds
    // CLINC150 is scored with the constants chosen on its own validation split; other data with the
    // product's defaults.
    // The fitted model's constants may be set from the environment for a measurement (`eval` only).
    let parameters: ScoringParameters = kind == "clinc150" ? .clinc150 : .default
    let loaded = try Engine(contentsOf: folder, parameters: parameters.withEnvironmentOverrides())
    let loadMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    // Calibrated as loading content for service does: the character weight is the content's own.
    let engine = loaded.calibrated(PolicyCalibration.calibrate(loaded))
    let calibrationMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 - loadMilliseconds
    var report = Evaluator.evaluate(
      engine: engine, language: content.language, dataset: dataset.name, validation: dataset.validation,
      test: dataset.test, typoSeed: seed == 0 ? nil : seed, loadMilliseconds: loadMilliseconds)
    report.calibrationMilliseconds = calibrationMilliseconds

    if arguments.has("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      Terminal.print(text(report, seed: seed))
    }
    return ExitCode.success
  }

  /// A labelled dataset imported as content, with its validation and test cases.
  struct Dataset {
    var content: ImportedContent
    var validation: [ImportedContent.Case]
    var test: [ImportedContent.Case]
    /// What the report calls it.
    var name: String

    /// Imports the dataset of `eval clinc150 <file>` or `eval csv --train … --test … [--val …]`.
    ///
    /// - Throws: `UsageError` for an unknown kind or a missing file; the importer's errors.
    init(_ kind: String, _ arguments: Arguments) throws {
      switch kind {
      case "clinc150":
        guard arguments.positionals.count == 2 else {
          throw UsageError("Missing the path of CLINC150's data_full.json.")
        }
        self = try Self.clinc150(arguments.positionals[1])
      case "csv":
        guard let trainPath = arguments["train"], let testPath = arguments["test"] else {
          throw UsageError("'eval csv' needs --train <file> and --test <file>.")
        }
        self = try Self.csv(
          train: trainPath, test: testPath, val: arguments["val"],
          language: Language(rawValue: arguments["language"] ?? "en") ?? .en,
          tabs: arguments["delimiter"] == "tab" || trainPath.hasSuffix(".tsv"))
      default:
        throw UsageError("Unknown dataset kind '\(kind)'. Use 'clinc150', 'csv', 'content' or 'stability'.")
      }
    }

    private init(
      content: ImportedContent, validation: [ImportedContent.Case], test: [ImportedContent.Case], name: String
    ) {
      self.content = content
      self.validation = validation
      self.test = test
      self.name = name
    }

    /// CLINC150's `data_full.json`: its training, validation and test splits.
    static func clinc150(_ path: String) throws -> Dataset {
      let content = try Importer.clinc150(try readData(path), file: path)
      return Dataset(
        content: content, validation: content.suites.first { $0.name == "val" }?.cases ?? [],
        test: content.suites.first { $0.name == "test" }?.cases ?? [],
        name: "CLINC150 (\(URL(fileURLWithPath: path).lastPathComponent))")
    }

    /// Labelled tables (`text,intent`): training from `train`, cases from `test` and `val`.
    static func csv(train trainPath: String, test testPath: String, val: String?, language: Language, tabs: Bool)
      throws -> Dataset
    {
      let delimiter: Unicode.Scalar = tabs ? "\t" : ","
      let content = try Importer.labelledTable(
        try readText(trainPath), file: trainPath, delimiter: delimiter, language: language)
      let ids = Dictionary(content.intents.map { ($0.sourceLabel, $0.id) }, uniquingKeysWith: { a, _ in a })
      func cases(_ path: String) throws -> [ImportedContent.Case] {
        let table = try Importer.labelledTable(try readText(path), file: path, delimiter: delimiter, language: language)
        return table.intents.flatMap { intent in
          intent.examples.map { text in
            let label = intent.sourceLabel
            let outOfScope = ["oos", "out-of-scope", "out_of_scope", "none", "other"].contains(label.lowercased())
            return ImportedContent.Case(
              text: text, expected: outOfScope ? nil : (ids[label] ?? IntentID(rawValue: "unknown-label")))
          }
        }
      }
      return Dataset(
        content: content, validation: try val.map(cases) ?? [], test: try cases(testPath),
        name: URL(fileURLWithPath: testPath).lastPathComponent)
    }
  }

  /// The report as text.
  private static func text(_ report: Evaluator.Report, seed: UInt64) -> String {
    func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    var lines = [
      "\(report.dataset): \(report.intents) intents, \(report.trainingExamples) training examples",
      "  validation cases   \(report.validationCases)   threshold \(report.threshold.map { String(format: "%.4f", $0) } ?? "none (no validation data)")",
      "  test cases         \(report.testCases)",
      "  in-scope accuracy  \(percent(report.inScopeAccuracy))   (top-1 before the threshold \(percent(report.topOneAccuracy)))",
      "  OOS recall         \(percent(report.oosRecall))",
    ]
    if let typo = report.typoInScopeAccuracy {
      lines.append(
        "  with one typo      in-scope \(percent(typo)) (drop \(String(format: "%.1f", (report.inScopeAccuracy - typo) * 100)) points), OOS recall \(percent(report.typoOOSRecall)), seed \(seed)"
      )
    }
    lines.append(
      String(
        format: "  time per query     median %.1f µs, p99 %.1f µs; load and index %.0f ms, calibration %.0f ms",
        report.medianMicrosecondsPerQuery, report.p99MicrosecondsPerQuery, report.loadMilliseconds,
        report.calibrationMilliseconds))
    if let weight = report.characterWeight {
      lines.append("  character weight   \(weight.summary)")
    }
    if let weight = report.fittedWeight {
      lines.append("  fitted weight      \(weight.summary)")
    }
    return lines.joined(separator: "\n")
  }

  static func evaluateStability(_ arguments: Arguments) throws -> Int32 {
    let folder = try ContentLocation.resolve(arguments["content"])
    let store = try CLI.loadStore(folder.path)
    let showText = arguments["show"] ?? "20"
    guard let show = Int(showText), show >= 0 else {
      throw UsageError("'--show' must be a whole number, not '\(showText)'.")
    }
    var intents: [IntentID]?
    if let name = arguments["intent"] {
      guard let id = IntentID(rawValue: name), store.engine.knowledgeBase.intentIDs.contains(id) else {
        throw UsageError("The content has no intent '\(name)'. Fix: give one of the ids 'attendant check' lists.")
      }
      intents = [id]
    }
    let report = StabilityEvaluation.measure(folder, engine: store.engine, intents: intents)
    Terminal.print(
      "intent added last                compared  flips  toward it  unrelated   (thresholds fixed: flips / unrelated)")
    for addition in report.additions {
      let toward = addition.flips.filter { $0.towardAddedIntent }.count
      let fixedUnrelated = addition.flipsWithFixedPolicy.filter { !$0.towardAddedIntent }.count
      Terminal.print(
        "\(addition.intent.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0)) \(String(format: "%8d  %5d  %9d  %9d", addition.compared, addition.flips.count, toward, addition.flips.count - toward))   (\(addition.flipsWithFixedPolicy.count) / \(fixedUnrelated))"
      )
    }
    func share(_ count: Int) -> String {
      String(format: "%.2f%%", report.compared == 0 ? 0 : Double(count) * 100 / Double(report.compared))
    }
    Terminal.print(
      "all: \(report.compared) replies compared over \(report.additions.count) additions (\(report.cases) held-out cases); \(report.flips) flips (\(share(report.flips))), \(report.unrelatedFlips) unrelated (\(share(report.unrelatedFlips))); thresholds fixed: \(report.flipsWithFixedPolicy) flips, \(report.unrelatedFlipsWithFixedPolicy) unrelated"
    )
    let unrelated = report.additions.flatMap { addition in
      addition.flips.filter { !$0.towardAddedIntent }.map { (addition.intent, $0) }
    }
    for (intent, flip) in unrelated.prefix(show) {
      Terminal.print("  +\(intent): \(flip.location) '\(flip.text)': \(flip.before) → \(flip.after)")
    }
    return ExitCode.success
  }

  static func evaluateContent(_ arguments: Arguments) throws -> Int32 {
    let engine = try CLI.loadStore(arguments["content"]).engine
    let reports = ContentEvaluation.evaluate(engine)
    if arguments.has("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      Terminal.print(String(decoding: try encoder.encode(reports), as: UTF8.self))
      return ExitCode.success
    }
    func percent(_ value: Double?) -> String { value.map { String(format: "%5.1f%%", $0 * 100) } ?? "    —" }
    Terminal.print(
      "lang  examples  self-consistent  stripped: same / own  upper: same / own   language id: typed / ASCII (undetermined)   not shared: typed / ASCII"
    )
    for r in reports {
      Terminal.print(
        "\(r.language.rawValue)    \(String(format: "%8d", r.examples))  \(percent(r.selfConsistency))          \(percent(r.strippedAgreement)) / \(percent(r.strippedSelfConsistency))     \(percent(r.uppercaseAgreement)) / \(percent(r.uppercaseSelfConsistency))    \(percent(r.languageIdentified)) / \(percent(r.languageIdentifiedFolded)) (\(percent(r.languageUndetermined)) / \(percent(r.languageUndeterminedFolded)))   \(percent(r.languageIdentifiedDistinct)) / \(percent(r.languageIdentifiedFoldedDistinct))"
      )
    }
    let examples = reports.reduce(0) { $0 + $1.examples }
    let shared = reports.reduce(0) { $0 + $1.sharedExamples }
    func overall(_ figure: (ContentEvaluation.LanguageReport) -> Double, distinct: Bool) -> Double {
      let weighted = reports.reduce(0.0) {
        $0 + figure($1) * Double(distinct ? $1.examples - $1.sharedExamples : $1.examples)
      }
      return weighted / Double(max(distinct ? examples - shared : examples, 1))
    }
    Terminal.print(
      "all   \(String(format: "%8d", examples))  \(percent(overall(\.selfConsistency, distinct: false)))                                                \(percent(overall(\.languageIdentified, distinct: false))) / \(percent(overall(\.languageIdentifiedFolded, distinct: false)))                    \(percent(overall(\.languageIdentifiedDistinct, distinct: true))) / \(percent(overall(\.languageIdentifiedFoldedDistinct, distinct: true)))"
    )
    for language in engine.languages {
      let summary = engine.calibration[language]?.summary ?? "the policy given (not calibrated)"
      Terminal.print("policy \(language.rawValue): \(summary)")
    }
    Terminal.print(
      "Language id is leave-one-out; undetermined counts as wrong. \(shared) examples are shared: the same words are an example in another language too (\"thx\", \"bye bye\"), so they have more than one right language; \"not shared\" leaves them out."
    )
    return ExitCode.success
  }

  static func readData(_ path: String) throws -> Data {
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw UsageError("Cannot read '\(path)': \((error as NSError).localizedDescription)")
    }
  }

  static func readText(_ path: String) throws -> String {
    guard let text = String(data: try readData(path), encoding: .utf8) else {
      throw UsageError("'\(path)' is not UTF-8 text.")
    }
    return text
  }
}
