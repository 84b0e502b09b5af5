import Foundation

/// Measures an engine in-process: the time to load and index content, and the time per message of
/// the engine alone (no JSON, no streams, no outbox).
///
/// `attendant bench` runs this in a child process per scenario, so that the peak memory it reports
/// belongs to that scenario alone.
package enum BenchmarkRunner {
  /// Timings of many calls, in microseconds.
  public struct Latency: Sendable, Hashable, Codable {
    public var count: Int
    public var median: Double
    public var p99: Double
    public var max: Double
    public var mean: Double

    /// Summarises nanosecond timings (nearest-rank percentiles, as `Evaluator.percentile`).
    public init(nanoseconds: [UInt64]) {
      count = nanoseconds.count
      median = Evaluator.percentile(nanoseconds, 0.5)
      p99 = Evaluator.percentile(nanoseconds, 0.99)
      max = Double(nanoseconds.max() ?? 0) / 1000
      mean = nanoseconds.isEmpty ? 0 : Double(nanoseconds.reduce(0, +)) / Double(nanoseconds.count) / 1000
    }

    enum CodingKeys: String, CodingKey {
      case count
      case median = "median_us"
      case p99 = "p99_us"
      case max = "max_us"
      case mean = "mean_us"
    }
  }

  /// What one in-process run measured.
  public struct Report: Sendable, Codable {
    public var languages: [Language]
    public var intents: Int
    public var examples: Int
    /// Reading and validating the content files (`ContentLoader`).
    public var loadMilliseconds: Double
    /// Building the indexes (`Engine.init`).
    public var indexMilliseconds: Double
    /// Messages run before timing, not counted.
    public var warmUpMessages: Int
    /// The timed messages of each kind.
    public var messageKinds: [String: Int]
    /// `Engine.respond` with a new session per message: language, matching and the decision.
    public var respond: Latency
    /// `Engine.match` in the message's language: matching alone.
    public var match: Latency
    /// `Engine.respond` again, split by the decision it took.
    public var respondByDecision: [String: Latency]
    /// The decisions `respond` took, by decision and by reason.
    public var decisions: [String: Int]
    public var reasons: [String: Int]
    /// Of the messages made from an example, by kind, the share whose best match is that example's intent.
    public var topOneAccuracy: [String: Double]
    /// The peak resident memory of the process at the end of the run, in bytes, where the system tells.
    public var peakResidentBytes: UInt64?

    public var loadAndIndexMilliseconds: Double { loadMilliseconds + indexMilliseconds }

    enum CodingKeys: String, CodingKey {
      case languages, intents, examples, respond, match, decisions, reasons
      case loadMilliseconds = "load_ms"
      case indexMilliseconds = "index_ms"
      case warmUpMessages = "warm_up_messages"
      case messageKinds = "message_kinds"
      case topOneAccuracy = "top1_accuracy"
      case respondByDecision = "respond_by_decision"
      case peakResidentBytes = "peak_rss_bytes"
    }
  }

  /// A fixed moment for the turns, so that support shifts do not change the decisions between runs.
  static let moment = SuiteRunner.fixedTime

  /// Loads and indexes content, timing both steps.
  ///
  /// - Throws: `ContentError` with every error in the content.
  public static func load(from folder: URL) throws(ContentError) -> (
    engine: Engine, loadMilliseconds: Double, indexMilliseconds: Double
  ) {
    let start = DispatchTime.now().uptimeNanoseconds
    let knowledgeBase = try ContentLoader().load(from: folder)
    let loaded = DispatchTime.now().uptimeNanoseconds
    let engine = Engine(knowledgeBase: knowledgeBase)
    let indexed = DispatchTime.now().uptimeNanoseconds
    return (engine, Double(loaded - start) / 1e6, Double(indexed - loaded) / 1e6)
  }

  /// Loads content and times the engine on messages derived from it.
  ///
  /// - Parameters:
  ///   - folder: The content folder.
  ///   - messages: How many messages to time (each once through `respond`, once through `match`).
  ///   - warmUp: How many messages to run first, untimed.
  ///   - seed: The seed of the messages (`BenchmarkMessage.make`).
  /// - Returns: The report, and the engine for further use.
  /// - Throws: `ContentError` with every error in the content.
  public static func run(folder: URL, messages: Int, warmUp: Int, seed: UInt64) throws(ContentError) -> (
    report: Report, engine: Engine
  ) {
    let (engine, loadMilliseconds, indexMilliseconds) = try load(from: folder)
    let knowledgeBase = engine.knowledgeBase
    let messageList = BenchmarkMessage.make(from: knowledgeBase, count: messages, seed: seed)
    let warmUpList = BenchmarkMessage.make(from: knowledgeBase, count: warmUp, seed: seed &+ 1000)
    for message in warmUpList {
      var session = ChatSession(id: "warm-up")
      _ = engine.respond(to: CustomerMessage(message.text), in: &session, at: moment)
      _ = engine.match(message.text, in: message.language)
    }

    var respondTimes: [UInt64] = []
    respondTimes.reserveCapacity(messageList.count)
    var decisions: [String: Int] = [:]
    var reasons: [String: Int] = [:]
    var timesByDecision: [String: [UInt64]] = [:]
    for (index, message) in messageList.enumerated() {
      var session = ChatSession(id: "bench-\(index)")
      let start = DispatchTime.now().uptimeNanoseconds
      let reply = engine.respond(to: CustomerMessage(message.text), in: &session, at: moment)
      let elapsed = DispatchTime.now().uptimeNanoseconds - start
      respondTimes.append(elapsed)
      timesByDecision[reply.decision.rawValue, default: []].append(elapsed)
      decisions[reply.decision.rawValue, default: 0] += 1
      reasons[reply.reason.rawValue, default: 0] += 1
    }

    var matchTimes: [UInt64] = []
    matchTimes.reserveCapacity(messageList.count)
    var right: [String: Int] = [:]
    var kinds: [String: Int] = [:]
    for message in messageList {
      let start = DispatchTime.now().uptimeNanoseconds
      let match = engine.match(message.text, in: message.language)
      matchTimes.append(DispatchTime.now().uptimeNanoseconds - start)
      kinds[message.kind.rawValue, default: 0] += 1
      if message.intent != nil && match?.intent == message.intent { right[message.kind.rawValue, default: 0] += 1 }
    }
    var accuracy: [String: Double] = [:]
    for (kind, count) in kinds where kind != BenchmarkMessage.Kind.outOfScope.rawValue {
      accuracy[kind] = Double(right[kind] ?? 0) / Double(count)
    }

    let report = Report(
      languages: knowledgeBase.languages, intents: knowledgeBase.intents.values.reduce(0) { $0 + $1.count },
      examples: knowledgeBase.exampleCount, loadMilliseconds: loadMilliseconds, indexMilliseconds: indexMilliseconds,
      warmUpMessages: warmUpList.count, messageKinds: kinds, respond: Latency(nanoseconds: respondTimes),
      match: Latency(nanoseconds: matchTimes), respondByDecision: timesByDecision.mapValues(Latency.init),
      decisions: decisions, reasons: reasons, topOneAccuracy: accuracy,
      peakResidentBytes: ResidentMemory.peakBytes())
    return (report, engine)
  }
}
