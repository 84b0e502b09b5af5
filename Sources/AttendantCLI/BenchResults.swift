import Attendant
import Foundation

// The figures `attendant bench` prints: per scenario, the medians over its runs, and the growth
// between synthetic sizes.
extension BenchCommand {
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
    var kind: BenchScenario.Kind
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
}

extension BenchCommand.ScenarioResult {
  /// The figures of a scenario's runs: each the median over the runs, checked against its targets.
  ///
  /// - Parameters:
  ///   - reports: Each run's engine child report (at least one).
  ///   - serves: Each run's serve measurement, in the same order.
  init(_ scenario: BenchScenario, reports: [BenchmarkRunner.Report], serves: [ServeThroughput.Result]) {
    let median = BenchCommand.median
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
    self.init(
      name: scenario.name, kind: scenario.kind, runs: reports.count, languages: first.languages,
      intents: first.intents, examples: first.examples, prepareSeconds: scenario.prepareSeconds,
      loadMilliseconds: median(reports.map(\.loadMilliseconds)),
      indexMilliseconds: median(reports.map(\.indexMilliseconds)),
      loadAndIndexMilliseconds: median(reports.map(\.loadAndIndexMilliseconds)), respond: medianLatency(\.respond),
      match: medianLatency(\.match), serve: serve, engineResidentBytes: engineBytes,
      serveResidentBytes: serve.peakResidentBytes,
      peakResidentBytes: [engineBytes, serve.peakResidentBytes].compactMap { $0 }.max(),
      messageKinds: first.messageKinds, respondByDecision: first.respondByDecision, decisions: first.decisions,
      topOneAccuracy: first.topOneAccuracy, targets: scenario.targets, missed: [],
      perRun: zip(reports, serves).map { report, serve in
        [
          "load_index_ms": report.loadAndIndexMilliseconds, "engine_median_us": report.respond.median,
          "engine_p99_us": report.respond.p99, "serve_messages_per_second": serve.messagesPerSecond,
        ]
      })
    missed = targets.map(missedTargets) ?? []
  }

  /// The names of the targets these figures miss.
  private func missedTargets(_ targets: BenchCommand.Targets) -> [String] {
    var missed: [String] = []
    if loadAndIndexMilliseconds > targets.loadAndIndexMilliseconds { missed.append("load+index") }
    if respond.median > targets.medianMicroseconds { missed.append("engine p50") }
    if respond.p99 > targets.p99Microseconds { missed.append("engine p99") }
    if let rate = targets.messagesPerSecond, serve.messagesPerSecond < rate { missed.append("serve") }
    if let peakResidentBytes, peakResidentBytes > targets.peakResidentBytes { missed.append("peak RSS") }
    return missed
  }
}

extension BenchCommand.Growth {
  /// The growth exponents between consecutive synthetic sizes.
  static func between(_ results: [BenchCommand.ScenarioResult]) -> [Self] {
    let synthetic = results.filter { $0.kind == .synthetic }.sorted { $0.examples < $1.examples }
    return zip(synthetic, synthetic.dropFirst()).compactMap { small, large in
      guard large.examples > small.examples else { return nil }
      let ratio = log(Double(large.examples) / Double(small.examples))
      func exponent(_ a: Double, _ b: Double) -> Double? { a > 0 && b > 0 ? log(b / a) / ratio : nil }
      var memory: Double?
      if let a = small.peakResidentBytes, let b = large.peakResidentBytes { memory = exponent(Double(a), Double(b)) }
      return Self(
        from: small.name, to: large.name,
        loadAndIndex: exponent(small.loadAndIndexMilliseconds, large.loadAndIndexMilliseconds),
        engineMedian: exponent(small.respond.median, large.respond.median),
        engineP99: exponent(small.respond.p99, large.respond.p99), peakMemory: memory)
    }
  }
}

extension BenchCommand {
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
}
