import Attendant
import Foundation

/// `attendant bench --stateless`: what `serve --stateless` costs per request line, against the bridge
/// with memory, on the same conversations.
///
/// Both modes run in this process, through `Bridge.handle` (the request line's JSON in, the reply
/// line out; no pipes), on conversations of several turns made from the content's messages
/// (`BenchmarkMessage`: examples, typos, shuffled words, out-of-scope questions), interleaved as many
/// visitors' turns are. The stateless lines carry each session's last state, so they are as long as a
/// host would send them. The modes alternate run by run, each run with a fresh bridge and outbox.
enum StatelessBench {
  static let usage = """
    USAGE: attendant bench --stateless [--content <dir>] [--conversations <n>] [--turns <n>] [--runs <n>]
                                       [--seed <n>] [--outbox <dir>] [--json]

    Times Bridge.handle per request line with memory (serve) and stateless (serve --stateless) on the
    same --conversations conversations (default 2000) of --turns turns (default 5), interleaved,
    after 500 untimed lines; --runs runs of each mode (default 3), alternating. Prints the median and
    p99 per line of each mode (each the median over the runs), the state's own cost per line
    (opening and sealing it), the size of the states, and how many replies differ between the modes
    beyond their state, their escalation ids and the 11th decimal of a number (0 expected).
    """

  struct Summary: Codable {
    var build: String
    var content: String
    var contentVersion: String
    var conversations: Int
    var turns: Int
    var runs: Int
    var withMemory: Figures
    var stateless: Figures
    /// Opening the request's state and sealing the reply's, per line (part of `stateless`).
    var stateOnly: Figures
    var stateBytes: Sizes
    var differingReplies: Int

    enum CodingKeys: String, CodingKey {
      case build, content, conversations, turns, runs, stateless
      case contentVersion = "content_version"
      case withMemory = "with_memory"
      case stateOnly = "state_only"
      case stateBytes = "state_bytes"
      case differingReplies = "differing_replies"
    }
  }

  struct Figures: Codable {
    var median: Double
    var p99: Double
    /// Each run's median.
    var medians: [Double]

    enum CodingKeys: String, CodingKey {
      case median = "median_us"
      case p99 = "p99_us"
      case medians = "run_medians_us"
    }
  }

  struct Sizes: Codable {
    var median: Int
    var p99: Int
    var max: Int
  }

  private static let key = Array("attendant bench --stateless, not a secret".utf8)

  static func run(_ arguments: Arguments) throws -> Int32 {
    let conversations = try BenchOptions.number(arguments, "conversations", default: 2_000, minimum: 1)
    let turns = try BenchOptions.number(arguments, "turns", default: 5, minimum: 1)
    let runs = try BenchOptions.number(arguments, "runs", default: 3, minimum: 1)
    let seed = UInt64(try BenchOptions.number(arguments, "seed", default: 1, minimum: 0))
    let json = arguments.has("json")
    let folder = try ContentLocation.resolve(arguments["content"])
    let store = try CLI.loadStore(folder.path)
    let (engine, contentVersion) = store.versionedEngine
    let scratch = (arguments["outbox"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory)
      .appendingPathComponent("attendant-stateless-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    let warmUp = 500
    let messages = BenchmarkMessage.make(from: engine.knowledgeBase, count: warmUp + conversations * turns, seed: seed)
    // Turn t of every conversation, then turn t + 1 of every conversation: many visitors at once.
    var requests: [(session: String, text: String)] = messages.prefix(warmUp).enumerated().map {
      ("warm-\($0.offset)", $0.element.text)
    }
    for turn in 0..<turns {
      for conversation in 0..<conversations {
        requests.append(("c\(conversation)", messages[warmUp + conversation * turns + turn].text))
      }
    }
    let now = Date()
    var withMemory: [[UInt64]] = []
    var stateless: [[UInt64]] = []
    var stateOnly: [UInt64] = []
    var sizes: [Int] = []
    var differing = 0
    for run in 0..<runs {
      if !json { Terminal.error("bench --stateless: run \(run + 1) of \(runs)…") }
      let memoryReplies = measure(
        requests, warmUp: warmUp, state: nil, store: store, outbox: scratch.appendingPathComponent("m\(run)"), now: now)
      withMemory.append(memoryReplies.times)
      let sealer = SessionState(key: key)
      let statelessReplies = measure(
        requests, warmUp: warmUp, state: sealer, store: store, outbox: scratch.appendingPathComponent("s\(run)"),
        now: now)
      stateless.append(statelessReplies.times)
      if run == 0 {
        sizes = statelessReplies.states.map(\.utf8.count)
        for state in statelessReplies.states {
          let start = DispatchTime.now().uptimeNanoseconds
          if let opened = try? sealer.open(state, contentVersion: contentVersion) {
            _ = sealer.seal(opened.session, contentVersion: contentVersion, at: now)
          }
          stateOnly.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        let pairs = zip(memoryReplies.replies, statelessReplies.replies).filter { normalized($0) != normalized($1) }
        differing = pairs.count
        if let (memory, stateless) = pairs.first {
          Terminal.error(
            "bench --stateless: \(pairs.count) replies differ; the first:\n  with memory: \(memory)\n  stateless:   \(normalized(stateless))"
          )
        }
      }
    }
    let build = BenchCommand.build
    let sortedSizes = sizes.sorted()
    let summary = Summary(
      build: build, content: folder.path, contentVersion: contentVersion, conversations: conversations,
      turns: turns, runs: runs, withMemory: figures(withMemory), stateless: figures(stateless),
      stateOnly: figures([stateOnly]),
      stateBytes: Sizes(
        median: sortedSizes.isEmpty ? 0 : sortedSizes[sortedSizes.count / 2],
        p99: sortedSizes.isEmpty ? 0 : sortedSizes[min(sortedSizes.count - 1, Int(Double(sortedSizes.count) * 0.99))],
        max: sortedSizes.last ?? 0),
      differingReplies: differing)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      Terminal.print(table(summary))
    }
    return differing == 0 ? ExitCode.success : ExitCode.failure
  }

  /// Runs the request lines through a fresh bridge, timing each line after the warm-up.
  private static func measure(
    _ requests: [(session: String, text: String)], warmUp: Int, state sealer: SessionState?, store: EngineStore,
    outbox: URL, now: Date
  ) -> (times: [UInt64], replies: [String], states: [String]) {
    var configuration = Bridge.Configuration()
    configuration.state = sealer
    let bridge = Bridge(store: store, outbox: FileOutbox(folder: outbox), configuration: configuration, clock: { now })
    var states: [String: String] = [:]
    var times: [UInt64] = []
    var replies: [String] = []
    var sent: [String] = []
    times.reserveCapacity(requests.count)
    for (index, request) in requests.enumerated() {
      var members: [(String, JSONValue)] = [
        ("id", .number(index)), ("session", .string(request.session)), ("text", .string(request.text)),
      ]
      if sealer != nil, let state = states[request.session] {
        members.append(("state", .string(state)))
        sent.append(state)
      }
      let line = Array(JSONValue.object(members).serialized.utf8)
      let start = DispatchTime.now().uptimeNanoseconds
      let reply = bridge.handle(line)
      let elapsed = DispatchTime.now().uptimeNanoseconds - start
      if sealer != nil, case .string(let state)? = (try? JSONValue.parse(reply))?["state"] {
        states[request.session] = state
      }
      guard index >= warmUp else { continue }
      times.append(elapsed)
      replies.append(reply)
    }
    return (times, replies, sent)
  }

  /// A reply without its state, with its escalation id blanked and numbers to 10 decimals: what must
  /// not differ between modes. (The 10 decimals are a margin from before b9f1b5d, when the matcher
  /// added its contributions in a `Set`'s order and an escalation record's last bits could differ.)
  private static func normalized(_ line: String) -> String {
    guard case .object(let members)? = try? JSONValue.parse(line) else { return line }
    let text = JSONValue.object(members.filter { $0.0 != "state" }).serialized
    return text.replacing(/esc-\d{8}T\d{6}Z-[0-9a-f]{24}/, with: "esc").replacing(/(\.\d{10})\d+/) { String($0.1) }
  }

  /// Each figure is the median over the runs of that run's figure.
  private static func figures(_ runs: [[UInt64]]) -> Figures {
    let latencies = runs.map { BenchmarkRunner.Latency(nanoseconds: $0) }
    let median = BenchCommand.median
    return Figures(
      median: median(latencies.map(\.median)), p99: median(latencies.map(\.p99)), medians: latencies.map(\.median))
  }

  private static func table(_ summary: Summary) -> String {
    func row(_ name: String, _ figures: Figures) -> String {
      name.padding(toLength: 22, withPad: " ", startingAt: 0)
        + String(format: " %9.1f %9.1f   ", figures.median, figures.p99)
        + figures.medians.map { String(format: "%.1f", $0) }.joined(separator: " / ")
    }
    return """
      \(summary.build) build, \(summary.content) (content version \(summary.contentVersion))
      \(summary.conversations) conversations × \(summary.turns) turns, \(summary.runs) run(s) of each mode, µs per request line

      mode                      median       p99   run medians
      \(row("with memory", summary.withMemory))
      \(row("stateless", summary.stateless))
      \(row("  of which the state", summary.stateOnly))
      extra per line (medians): \(String(format: "%.1f", summary.stateless.median - summary.withMemory.median)) µs

      state sent with a request: median \(summary.stateBytes.median) bytes, p99 \(summary.stateBytes.p99), max \(summary.stateBytes.max)
      replies that differ beyond their state, escalation ids and 11th decimals: \(summary.differingReplies)
      """
  }

}
