import Attendant
import Foundation

/// `attendant bench`: load time, time per message, serve throughput and peak memory, per scenario.
///
/// The command runs the scenarios (`BenchScenario`) in child processes and aggregates their figures
/// (`BenchResults.swift`) into a table (`BenchTable`) or JSON; `--hostile` and `--stateless` hand over
/// to `HostileBench` and `StatelessBench`.
enum BenchCommand: Command {
  static let name = "bench"
  static let abstract = "Measure load time, time per message, serve throughput and memory."
  static let usage = """
    USAGE: attendant bench [--content <dir>] [--clinc150 <data_full.json>] [--synthetic <NxM,...>]
                           [--language <xx>] [--only <kinds>] [--runs <n>] [--messages <n>] [--warm-up <n>]
                           [--serve-lines <n>] [--seed <n>] [--outbox <dir>] [--memory-limit <GB>] [--keep <dir>]
                           [--quick] [--json] [--strict]

    Runs each scenario in child processes of its own and measures:
      load+index   reading and validating the content, then building the engine
      engine       Engine.respond per message, with a new session each (language, matching, decision;
                   no JSON): median, p99 and max after a warm-up; Engine.match alone is shown too
      serve        messages per second through the real 'attendant serve', stdin to stdout, JSON included
      peak RSS     the larger of the engine run's and the serve process's peak resident memory
    Messages are derived from the content: examples as written, with one typo, with their words
    shuffled, and out-of-scope questions. Each figure is the median over --runs runs.

    SCENARIOS:
      demo         the bundled demo, or the folder of --content
      clinc150     with --clinc150 <file>: CLINC150's training set, imported
      synthetic    --synthetic NxM: N intents of M examples each, generated (default 1000x10)

    OPTIONS:
      --content <dir>       The content to measure instead of the demo.
      --clinc150 <file>     CLINC150's data_full.json; adds the clinc150 scenario.
      --synthetic <list>    Synthetic sizes, comma-separated, such as 1000x10,10000x10,100000x10;
                            'none' for none.
      --language <xx>       The language of synthetic content: en, hr, vi, tr or id (default en).
      --only <list>         Run only these scenarios, comma-separated: demo, clinc150, synthetic.
      --runs <n>            Runs per scenario (default 3).
      --messages <n>        Timed messages per run (default 10000).
      --warm-up <n>         Untimed messages before the timed ones (default 1000).
      --serve-lines <n>     Timed request lines through serve per run (default 20000), after a tenth
                            as many (at most 500) untimed ones.
      --seed <n>            The seed of synthetic content and of the messages (default 1).
      --outbox <dir>        Where serve writes its escalation records (fsynced; default: a temporary
                            folder). A folder on tmpfs, such as /dev/shm, leaves out the disk's cost.
      --memory-limit <GB>   The address space each scenario's processes may use (default 16): content
                            that needs more fails with a message instead of exhausting the machine.
      --keep <dir>          Write the imported and generated content folders here, and keep them;
                            a later run with the same --keep uses the generated folders again.
      --quick               A smoke run: 1 run, 1,000 messages, 2,000 serve lines, synthetic 100x10.
      --json                Print one JSON object.
      --strict              Exit with 1 when a scenario misses one of its targets.

    HOSTILE INPUT:
      --hostile             Instead of the scenarios: the worst time per line and the peak memory of
                            'attendant serve' under pathological input (see below).
      --sessions <n>        With --hostile: sessions that each send one big line (default 100000).
      --line-kb <n>         With --hostile: the size of those lines in KiB (default 1024).
                            (--outbox <dir> applies to --hostile too.)

    \(HostileBench.usage)

    STATELESS SERVE:
      --stateless           Instead of the scenarios: the cost per request line of 'serve --stateless'
                            against serve with memory (see below).
      --conversations <n>, --turns <n>
                            With --stateless: the conversations and their turns (default 2000 x 5).

    \(StatelessBench.usage)

    For profilers: 'attendant bench --child --content <dir> [--messages <n>] [--warm-up <n>]' runs one
    in-process measurement and prints its JSON report (see docs/performance.md).
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(rawArguments, options: BenchOptions.options, flags: BenchOptions.flags)
    let options = try BenchOptions(arguments)
    if arguments.has("child") { return try runChild(arguments, options) }
    if arguments.has("stateless") { return try StatelessBench.run(arguments) }

    guard let binary = ContentLocation.executableURL() else {
      throw UsageError("Cannot find the attendant executable to run scenarios in.")
    }
    if arguments.has("hostile") { return try HostileBench.run(arguments, binary: binary) }
    let gigabytes = try BenchOptions.number(arguments, "memory-limit", default: 16, minimum: 1)
    BenchOptions.limitAddressSpace(gigabytes: gigabytes)

    let keep = arguments["keep"].map { URL(fileURLWithPath: $0) }
    let scratch =
      keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("attendant-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(at: scratch) } }

    let scenarios = try BenchScenario.prepare(
      arguments, quick: arguments.has("quick"), seed: options.seed, in: scratch, keeping: keep != nil)

    var results: [ScenarioResult] = []
    for scenario in scenarios {
      if !arguments.has("json") { Terminal.error("bench: \(scenario.name): \(options.runs) run(s)…") }
      results.append(try measure(scenario, options: options, binary: binary, scratch: scratch))
    }
    let summary = Summary(
      build: build, processors: ProcessInfo.processInfo.activeProcessorCount, runs: options.runs,
      messages: options.messages, serveLines: options.serveLines, scenarios: results,
      growth: Growth.between(results))
    if arguments.has("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      Terminal.print(BenchTable.render(summary))
    }
    let missed = results.contains { !$0.missed.isEmpty }
    return arguments.has("strict") && missed ? ExitCode.failure : ExitCode.success
  }

  /// The hidden child mode: one in-process run, printed as JSON; with `--requests FILE`, it also
  /// writes the serve request lines derived from the same content.
  private static func runChild(_ arguments: Arguments, _ options: BenchOptions) throws -> Int32 {
    let folder = try ContentLocation.resolve(arguments["content"])
    let (report, engine) = try BenchmarkRunner.run(
      folder: folder, messages: options.messages, warmUp: options.warmUp, seed: options.seed)
    if let path = arguments["requests"] {
      let messages = BenchmarkMessage.make(
        from: engine.knowledgeBase, count: options.serveWarmUp + options.serveLines, seed: options.seed &+ 2)
      var text = ""
      for (index, message) in messages.enumerated() {
        let request = JSONValue.object([
          ("id", .number(index)), ("session", .string("bench-\(index)")), ("text", .string(message.text)),
        ])
        text += request.serialized + "\n"
      }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    Terminal.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    return ExitCode.success
  }

  /// Runs a scenario `options.runs` times, each run an engine child and a serve child.
  private static func measure(_ scenario: BenchScenario, options: BenchOptions, binary: URL, scratch: URL) throws
    -> ScenarioResult
  {
    let requests = scratch.appendingPathComponent("requests-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: requests) }
    var reports: [BenchmarkRunner.Report] = []
    var serves: [ServeThroughput.Result] = []
    for run in 0..<options.runs {
      var childArguments = [
        "bench", "--child", "--content", scenario.folder.path, "--messages", "\(options.messages)",
        "--warm-up", "\(options.warmUp)", "--seed", "\(options.seed)", "--serve-lines", "\(options.serveLines)",
      ]
      if run == 0 { childArguments += ["--requests", requests.path] }
      reports.append(try child(binary, childArguments))
      serves.append(
        try ServeThroughput.measure(
          binary: binary, content: scenario.folder, requests: try Data(contentsOf: requests),
          warmUp: options.serveWarmUp, outboxParent: options.outbox))
    }
    return ScenarioResult(scenario, reports: reports, serves: serves)
  }

  /// Runs `attendant bench --child …` and decodes its report.
  private static func child(_ binary: URL, _ arguments: [String]) throws -> BenchmarkRunner.Report {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ServeThroughput.Failure(
        description:
          "The benchmark child 'attendant \(arguments.joined(separator: " "))' \(ServeThroughput.ending(process)). "
          + "If it ran out of memory, raise --memory-limit or measure smaller content."
      )
    }
    return try JSONDecoder().decode(BenchmarkRunner.Report.self, from: data)
  }
}
