import Attendant
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `attendant bench`: load time, time per message, serve throughput and peak memory, per scenario.
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
      --reserve-memory <MiB>
                            With --hostile: serve's --reserve-memory (default 100; 0 for none).
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

  // MARK: Results

  /// The targets of a scenario (release build, a 2-core machine, medians).
  struct Targets: Codable {
    var loadAndIndexMilliseconds: Double
    var medianMicroseconds: Double
    var p99Microseconds: Double
    var messagesPerSecond: Double?
    var peakResidentBytes: UInt64

    static let demo = Targets(
      loadAndIndexMilliseconds: 50, medianMicroseconds: 10, p99Microseconds: 100, messagesPerSecond: 50_000,
      peakResidentBytes: 30 << 20)
    static let clinc150 = Targets(
      loadAndIndexMilliseconds: 150, medianMicroseconds: 20, p99Microseconds: 150, messagesPerSecond: 40_000,
      peakResidentBytes: 60 << 20)
    /// For synthetic content of a million examples or more.
    static let million = Targets(
      loadAndIndexMilliseconds: 10_000, medianMicroseconds: 500, p99Microseconds: 5_000, messagesPerSecond: nil,
      peakResidentBytes: 1536 << 20)

    enum CodingKeys: String, CodingKey {
      case loadAndIndexMilliseconds = "load_index_ms"
      case medianMicroseconds = "engine_median_us"
      case p99Microseconds = "engine_p99_us"
      case messagesPerSecond = "serve_messages_per_second"
      case peakResidentBytes = "peak_rss_bytes"
    }
  }

  /// One scenario's figures, each the median over the runs.
  struct ScenarioResult: Codable {
    var name: String
    var kind: String
    var runs: Int
    var languages: [Language]
    var intents: Int
    var examples: Int
    /// Importing or generating the content and writing the folder (not part of load+index).
    var prepareSeconds: Double?
    var loadMilliseconds: Double
    var indexMilliseconds: Double
    var loadAndIndexMilliseconds: Double
    var respond: BenchmarkRunner.Latency
    var match: BenchmarkRunner.Latency
    var serve: ServeThroughput.Result
    var engineResidentBytes: UInt64?
    var serveResidentBytes: UInt64?
    var peakResidentBytes: UInt64?
    var messageKinds: [String: Int]
    /// The first run's engine times by decision.
    var respondByDecision: [String: BenchmarkRunner.Latency]
    var decisions: [String: Int]
    var topOneAccuracy: [String: Double]
    var targets: Targets?
    /// The targets missed, by name; empty when all are met or there are no targets.
    var missed: [String]
    /// Each run's load+index, engine median, engine p99 and serve rate, for the record.
    var perRun: [[String: Double]]

    enum CodingKeys: String, CodingKey {
      case name, kind, runs, languages, intents, examples, respond, match, serve, decisions, targets, missed
      case prepareSeconds = "prepare_s"
      case loadMilliseconds = "load_ms"
      case indexMilliseconds = "index_ms"
      case loadAndIndexMilliseconds = "load_index_ms"
      case engineResidentBytes = "engine_peak_rss_bytes"
      case serveResidentBytes = "serve_peak_rss_bytes"
      case peakResidentBytes = "peak_rss_bytes"
      case messageKinds = "message_kinds"
      case topOneAccuracy = "top1_accuracy"
      case respondByDecision = "respond_by_decision"
      case perRun = "per_run"
    }
  }

  /// How a figure grows between two synthetic sizes: the exponent `k` in `figure ∝ examples^k`
  /// (below 1 is sublinear).
  struct Growth: Codable {
    var from: String
    var to: String
    var loadAndIndex: Double?
    var engineMedian: Double?
    var engineP99: Double?
    var peakMemory: Double?

    enum CodingKeys: String, CodingKey {
      case from, to
      case loadAndIndex = "load_index_exponent"
      case engineMedian = "engine_median_exponent"
      case engineP99 = "engine_p99_exponent"
      case peakMemory = "peak_rss_exponent"
    }
  }

  struct Summary: Codable {
    var build: String
    var processors: Int
    var runs: Int
    var messages: Int
    var serveLines: Int
    var scenarios: [ScenarioResult]
    var growth: [Growth]

    enum CodingKeys: String, CodingKey {
      case build, processors, runs, messages, scenarios, growth
      case serveLines = "serve_lines"
    }
  }

  // MARK: Scenarios

  private struct Scenario {
    var name: String
    var kind: String
    var folder: URL
    var prepareSeconds: Double?
    var targets: Targets?
  }

  private struct Settings {
    var runs: Int
    var messages: Int
    var warmUp: Int
    var serveLines: Int
    var serveWarmUp: Int
    var seed: UInt64
    var outbox: URL?
  }

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments,
      options: [
        "content", "clinc150", "synthetic", "language", "only", "runs", "messages", "serve-lines", "seed", "keep",
        "outbox", "reserve-memory", "memory-limit", "requests", "warm-up", "sessions", "line-kb", "conversations",
        "turns",
      ],
      flags: ["quick", "json", "strict", "child", "hostile", "stateless"])
    let quick = arguments.has("quick")
    let seed = try number(arguments, "seed", default: 1, minimum: 0)
    var settings = Settings(
      runs: try number(arguments, "runs", default: quick ? 1 : 3, minimum: 1),
      messages: try number(arguments, "messages", default: quick ? 1_000 : 10_000, minimum: 1),
      warmUp: try number(arguments, "warm-up", default: quick ? 100 : 1_000, minimum: 0),
      serveLines: try number(arguments, "serve-lines", default: quick ? 2_000 : 20_000, minimum: 1),
      serveWarmUp: 0, seed: UInt64(seed), outbox: arguments["outbox"].map { URL(fileURLWithPath: $0) })
    settings.serveWarmUp = min(500, max(1, settings.serveLines / 10))
    if arguments.has("child") { return try runChild(arguments, settings) }
    if arguments.has("stateless") { return try StatelessBench.run(arguments) }

    guard let binary = ContentLocation.executableURL() else {
      throw UsageError("Cannot find the attendant executable to run scenarios in.")
    }
    if arguments.has("hostile") { return try HostileBench.run(arguments, binary: binary) }
    let gigabytes = try number(arguments, "memory-limit", default: 16, minimum: 1)
    limitAddressSpace(gigabytes: gigabytes)

    let keep = arguments["keep"].map { URL(fileURLWithPath: $0) }
    let scratch =
      keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("attendant-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(at: scratch) } }

    let scenarios = try prepareScenarios(
      arguments, quick: quick, seed: settings.seed, in: scratch, keeping: keep != nil)

    var results: [ScenarioResult] = []
    for scenario in scenarios {
      if !arguments.has("json") { Terminal.error("bench: \(scenario.name): \(settings.runs) run(s)…") }
      results.append(try measure(scenario, settings: settings, binary: binary, scratch: scratch))
    }
    let build = BenchCommand.build
    let summary = Summary(
      build: build, processors: ProcessInfo.processInfo.activeProcessorCount, runs: settings.runs,
      messages: settings.messages, serveLines: settings.serveLines, scenarios: results, growth: growth(results))
    if arguments.has("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      Terminal.print(table(summary))
    }
    let missed = results.contains { !$0.missed.isEmpty }
    return arguments.has("strict") && missed ? ExitCode.failure : ExitCode.success
  }

  /// Parses the scenario options, then imports or generates the content of each scenario into `scratch`.
  private static func prepareScenarios(
    _ arguments: Arguments, quick: Bool, seed: UInt64, in scratch: URL, keeping: Bool
  ) throws -> [Scenario] {
    let kinds = Set((arguments["only"] ?? "demo,clinc150,synthetic").split(separator: ",").map(String.init))
    for kind in kinds where !["demo", "clinc150", "synthetic"].contains(kind) {
      throw UsageError("Unknown scenario '\(kind)' in '--only'. Use demo, clinc150 or synthetic.")
    }
    let languageCode = arguments["language"] ?? "en"
    guard let language = Language(rawValue: languageCode), SyntheticContent.languages.contains(language) else {
      throw UsageError(
        "Unknown language '\(languageCode)' for synthetic content. Use one of \(SyntheticContent.languages.map(\.rawValue).joined(separator: ", "))."
      )
    }
    let sizes = arguments["synthetic"] ?? (quick ? "100x10" : "1000x10")
    let specifications: [SyntheticContent.Specification] =
      try sizes == "none"
      ? []
      : sizes.split(separator: ",").map { text in
        guard let specification = SyntheticContent.Specification(String(text), language: language, seed: seed)
        else {
          throw UsageError("'--synthetic' takes sizes such as '1000x10' (intents x examples), not '\(text)'.")
        }
        return specification
      }
    var scenarios: [Scenario] = []
    if kinds.contains("demo") {
      let folder = try ContentLocation.resolve(arguments["content"])
      let isDemo = arguments["content"] == nil
      scenarios.append(
        Scenario(
          name: isDemo ? "demo" : folder.lastPathComponent, kind: "demo", folder: folder, targets: isDemo ? .demo : nil)
      )
    }
    if kinds.contains("clinc150"), let path = arguments["clinc150"] {
      let start = Date()
      let folder = scratch.appendingPathComponent("clinc150")
      try? FileManager.default.removeItem(at: folder)
      try Importer.clinc150(try EvalCommand.readData(path), file: path).write(to: folder)
      scenarios.append(
        Scenario(
          name: "clinc150", kind: "clinc150", folder: folder, prepareSeconds: Date().timeIntervalSince(start),
          targets: .clinc150))
    }
    if kinds.contains("synthetic") {
      for specification in specifications {
        let start = Date()
        let folder = scratch.appendingPathComponent(specification.description)
        // A folder kept by an earlier run with the same seed is used again: writing a million
        // examples takes minutes. The marker beside it is written only once the folder is complete.
        let marker = scratch.appendingPathComponent("\(specification.description).seed-\(specification.seed)")
        let reused = keeping && FileManager.default.fileExists(atPath: marker.path)
        if !reused {
          try? FileManager.default.removeItem(at: folder)
          try SyntheticContent.generate(specification).write(to: folder)
          if keeping { try Data().write(to: marker) }
        }
        let examples = specification.intents * specification.examplesPerIntent
        scenarios.append(
          Scenario(
            name: specification.description, kind: "synthetic", folder: folder,
            prepareSeconds: reused ? nil : Date().timeIntervalSince(start),
            targets: examples >= 1_000_000 ? .million : nil))
      }
    }
    return scenarios
  }

  /// Caps the address space of this process and so of every child it starts (limits are inherited):
  /// content whose index outgrows the machine makes its child fail alone, instead of pushing the
  /// shared machine into swap or its out-of-memory killer.
  private static func limitAddressSpace(gigabytes: Int) {
    var limit = rlimit()
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
      let resource = RLIMIT_AS
    #endif
    guard getrlimit(resource, &limit) == 0 else { return }
    limit.rlim_cur = min(limit.rlim_max, rlim_t(gigabytes) << 30)
    _ = setrlimit(resource, &limit)
  }

  /// The build the figures come from: only a release build's are worth quoting.
  static var build: String {
    #if DEBUG
      "debug"
    #else
      "release"
    #endif
  }

  /// The median of some values (the mean of the middle two for an even count).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  static func number(_ arguments: Arguments, _ name: String, default value: Int, minimum: Int)
    throws(UsageError) -> Int
  {
    guard let text = arguments[name] else { return value }
    guard let number = Int(text), number >= minimum else {
      throw UsageError("'--\(name)' must be a whole number of at least \(minimum), not '\(text)'.")
    }
    return number
  }

  /// The hidden child mode: one in-process run, printed as JSON; with `--requests FILE`, it also
  /// writes the serve request lines derived from the same content.
  private static func runChild(_ arguments: Arguments, _ settings: Settings) throws -> Int32 {
    let folder = try ContentLocation.resolve(arguments["content"])
    let (report, engine) = try BenchmarkRunner.run(
      folder: folder, messages: settings.messages, warmUp: settings.warmUp, seed: settings.seed)
    if let path = arguments["requests"] {
      let messages = BenchmarkMessage.make(
        from: engine.knowledgeBase, count: settings.serveWarmUp + settings.serveLines, seed: settings.seed &+ 2)
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

  /// Runs a scenario `settings.runs` times, each run an engine child and a serve child.
  private static func measure(_ scenario: Scenario, settings: Settings, binary: URL, scratch: URL) throws
    -> ScenarioResult
  {
    let requests = scratch.appendingPathComponent("requests-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: requests) }
    var reports: [BenchmarkRunner.Report] = []
    var serves: [ServeThroughput.Result] = []
    for run in 0..<settings.runs {
      var childArguments = [
        "bench", "--child", "--content", scenario.folder.path, "--messages", "\(settings.messages)",
        "--warm-up", "\(settings.warmUp)", "--seed", "\(settings.seed)", "--serve-lines", "\(settings.serveLines)",
      ]
      if run == 0 { childArguments += ["--requests", requests.path] }
      reports.append(try child(binary, childArguments))
      serves.append(
        try ServeThroughput.measure(
          binary: binary, content: scenario.folder, requests: try Data(contentsOf: requests),
          warmUp: settings.serveWarmUp,
          outboxParent: settings.outbox))
    }
    let median = Self.median
    func medianLatency(_ pick: (BenchmarkRunner.Report) -> BenchmarkRunner.Latency) -> BenchmarkRunner.Latency {
      var latency = pick(reports[0])
      latency.median = median(reports.map { pick($0).median })
      latency.p99 = median(reports.map { pick($0).p99 })
      latency.max = median(reports.map { pick($0).max })
      latency.mean = median(reports.map { pick($0).mean })
      return latency
    }
    func medianBytes(_ values: [UInt64?]) -> UInt64? {
      let known = values.compactMap { $0 }
      return known.isEmpty ? nil : UInt64(median(known.map { Double($0) }))
    }
    let first = reports[0]
    var serve = serves[0]
    serve.seconds = median(serves.map(\.seconds))
    serve.messagesPerSecond = median(serves.map(\.messagesPerSecond))
    serve.peakResidentBytes = medianBytes(serves.map(\.peakResidentBytes))
    let engineBytes = medianBytes(reports.map(\.peakResidentBytes))
    let peak = [engineBytes, serve.peakResidentBytes].compactMap { $0 }.max()
    var result = ScenarioResult(
      name: scenario.name, kind: scenario.kind, runs: settings.runs, languages: first.languages, intents: first.intents,
      examples: first.examples, prepareSeconds: scenario.prepareSeconds,
      loadMilliseconds: median(reports.map(\.loadMilliseconds)),
      indexMilliseconds: median(reports.map(\.indexMilliseconds)),
      loadAndIndexMilliseconds: median(reports.map(\.loadAndIndexMilliseconds)), respond: medianLatency(\.respond),
      match: medianLatency(\.match), serve: serve, engineResidentBytes: engineBytes,
      serveResidentBytes: serve.peakResidentBytes, peakResidentBytes: peak, messageKinds: first.messageKinds,
      respondByDecision: first.respondByDecision,
      decisions: first.decisions, topOneAccuracy: first.topOneAccuracy, targets: scenario.targets, missed: [],
      perRun: zip(reports, serves).map { report, serve in
        [
          "load_index_ms": report.loadAndIndexMilliseconds, "engine_median_us": report.respond.median,
          "engine_p99_us": report.respond.p99, "serve_messages_per_second": serve.messagesPerSecond,
        ]
      })
    if let targets = scenario.targets {
      var missed: [String] = []
      if result.loadAndIndexMilliseconds > targets.loadAndIndexMilliseconds { missed.append("load+index") }
      if result.respond.median > targets.medianMicroseconds { missed.append("engine p50") }
      if result.respond.p99 > targets.p99Microseconds { missed.append("engine p99") }
      if let rate = targets.messagesPerSecond, result.serve.messagesPerSecond < rate { missed.append("serve") }
      if let peak, peak > targets.peakResidentBytes { missed.append("peak RSS") }
      result.missed = missed
    }
    return result
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

  /// The growth exponents between consecutive synthetic sizes.
  private static func growth(_ results: [ScenarioResult]) -> [Growth] {
    let synthetic = results.filter { $0.kind == "synthetic" }.sorted { $0.examples < $1.examples }
    return zip(synthetic, synthetic.dropFirst()).compactMap { small, large in
      guard large.examples > small.examples else { return nil }
      let ratio = log(Double(large.examples) / Double(small.examples))
      func exponent(_ a: Double, _ b: Double) -> Double? { a > 0 && b > 0 ? log(b / a) / ratio : nil }
      var memory: Double?
      if let a = small.peakResidentBytes, let b = large.peakResidentBytes { memory = exponent(Double(a), Double(b)) }
      return Growth(
        from: small.name, to: large.name,
        loadAndIndex: exponent(small.loadAndIndexMilliseconds, large.loadAndIndexMilliseconds),
        engineMedian: exponent(small.respond.median, large.respond.median),
        engineP99: exponent(small.respond.p99, large.respond.p99), peakMemory: memory)
    }
  }

  // MARK: Output

  private static func table(_ summary: Summary) -> String {
    func megabytes(_ bytes: UInt64?) -> String {
      bytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "—"
    }
    func grouped(_ value: Int) -> String {
      let digits = Array(String(value))
      return String(
        digits.enumerated().flatMap { index, digit in
          index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
    }
    func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
      let space = String(repeating: " ", count: max(0, width - text.count))
      return left ? text + space : space + text
    }
    var lines = [
      "Attendant bench: \(summary.build) build, \(summary.processors) processors, \(summary.runs) run(s) per scenario (medians), \(grouped(summary.messages)) messages, \(grouped(summary.serveLines)) serve lines",
      "",
      pad("scenario", 24, left: true) + pad("intents", 9) + pad("examples", 11) + pad("load+index", 12)
        + pad("engine p50 / p99 / max µs", 30) + pad("match p50", 11) + pad("serve msg/s", 13) + pad("peak RSS", 10),
    ]
    for result in summary.scenarios {
      let latency = String(format: "%.1f / %.1f / %.0f", result.respond.median, result.respond.p99, result.respond.max)
      lines.append(
        pad(result.name, 24, left: true) + pad(grouped(result.intents), 9) + pad(grouped(result.examples), 11)
          + pad(String(format: "%.0f ms", result.loadAndIndexMilliseconds), 12) + pad(latency, 30)
          + pad(String(format: "%.1f", result.match.median), 11) + pad(grouped(Int(result.serve.messagesPerSecond)), 13)
          + pad(megabytes(result.peakResidentBytes), 10))
      if let targets = result.targets {
        var parts = [
          String(format: "load+index ≤ %.0f ms", targets.loadAndIndexMilliseconds),
          String(format: "p50 ≤ %.0f µs", targets.medianMicroseconds),
          String(format: "p99 ≤ %.0f µs", targets.p99Microseconds),
        ]
        if let rate = targets.messagesPerSecond { parts.append("serve ≥ \(grouped(Int(rate))) msg/s") }
        parts.append("RSS ≤ \(megabytes(targets.peakResidentBytes))")
        let verdict = result.missed.isEmpty ? "all met" : "missed: \(result.missed.joined(separator: ", "))"
        lines.append("    targets: \(parts.joined(separator: ", ")); \(verdict)")
      }
      let byDecision = result.respondByDecision.sorted { $0.key < $1.key }.map {
        "\($0.key) " + String(format: "%.1f / %.1f", $0.value.median, $0.value.p99)
      }
      lines.append(
        "    engine p50 / p99 µs by decision: \(byDecision.joined(separator: ", ")); match p99 \(String(format: "%.1f", result.match.p99)) µs"
      )
      let replies = result.serve.replyTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
        separator: ", ")
      lines.append(
        String(format: "    load %.0f ms + index %.0f ms; ", result.loadMilliseconds, result.indexMilliseconds)
          + "engine RSS \(megabytes(result.engineResidentBytes)), serve RSS \(megabytes(result.serveResidentBytes)); serve replies: \(replies)"
      )
    }
    if !summary.growth.isEmpty {
      lines.append("")
      lines.append("Growth exponents k in figure ∝ examples^k (k < 1 is sublinear):")
      for growth in summary.growth {
        func text(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }
        lines.append(
          "  \(growth.from) → \(growth.to): load+index \(text(growth.loadAndIndex)), engine p50 \(text(growth.engineMedian)), "
            + "p99 \(text(growth.engineP99)), peak RSS \(text(growth.peakMemory))")
      }
    }
    if summary.build == "debug" { lines.append("\nNote: a debug build; measure with 'swift build -c release'.") }
    return lines.joined(separator: "\n")
  }
}
