import Attendant
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `attendant bench --hostile`: the worst time per request line and the peak memory of the real
/// `attendant serve` under pathological input.
///
/// Three phases, each against a fresh `serve --no-transcripts` child driven in lockstep (a line is
/// written, and its reply read, before the next line goes), so that each line's time is its own:
/// 1. **corpus**: every pathological line in `HostileCorpus`, three times each;
/// 2. **content**: a content folder with a 4,000-letter word in an example, loaded at start and then
///    reloaded with `{"type":"reload"}`;
/// 3. **memory**: `sessions` sessions that each send one line of `lineBytes` bytes of random words,
///    while one long escalated conversation gets a line of the same size every 100 lines.
enum HostileBench {
  static let usage = """
    USAGE: attendant bench --hostile [--content <dir>] [--sessions <n>] [--line-kb <n>] [--outbox <dir>] [--json]

    Drives 'attendant serve' with pathological input and prints the worst time per line and the peak
    memory: every case of docs/performance.md ("Hostile input") three times, a content reload with a
    4,000-letter word, then --sessions sessions (default 100000) that each send one line of --line-kb
    KiB (default 1024) while a long escalated conversation runs. Targets: worst line <= 50 ms, peak
    RSS <= 200 MB. --outbox puts the escalation records in a folder of your choice (a tmpfs such as
    /dev/shm leaves out the disk's fsync latency); by default they go to the temporary folder.
    """

  struct CaseResult: Codable {
    var name: String
    /// `message` for a request line a customer could send; `content` for loading and reloading
    /// content, which an operator does and which costs what building the index costs.
    var kind: String = "message"
    var bytes: Int
    var medianMilliseconds: Double
    var worstMilliseconds: Double
    var reply: String

    enum CodingKeys: String, CodingKey {
      case name, kind, bytes, reply
      case medianMilliseconds = "median_ms"
      case worstMilliseconds = "worst_ms"
    }
  }

  struct SlowLine: Codable {
    var line: Int
    var milliseconds: Double
    /// How long serve's main thread ran on a CPU during the line, and how long it waited for one.
    var serveRunMilliseconds: Double?
    var serveWaitMilliseconds: Double?

    enum CodingKeys: String, CodingKey {
      case line, milliseconds
      case serveRunMilliseconds = "serve_run_ms"
      case serveWaitMilliseconds = "serve_wait_ms"
    }
  }

  struct MemoryResult: Codable {
    var sessions: Int
    var lineBytes: Int
    var lines: Int
    var escalatedTurns: Int
    var seconds: Double
    var medianMilliseconds: Double
    var p99Milliseconds: Double
    var worstMilliseconds: Double
    /// The worst line of the escalated conversation (each appends to its record and fsyncs it).
    var worstEscalatedMilliseconds: Double
    /// The five slowest lines, slowest first, with their place in the phase (1 = the first).
    var slowestLines: [SlowLine]
    /// `serve --slow-log 20`'s reports: where the time of each line over 20 ms went, inside serve.
    var serveSlowLines: [String]
    var peakResidentBytes: UInt64?

    enum CodingKeys: String, CodingKey {
      case sessions, lines, seconds
      case lineBytes = "line_bytes"
      case escalatedTurns = "escalated_turns"
      case worstEscalatedMilliseconds = "worst_escalated_ms"
      case slowestLines = "slowest_lines"
      case serveSlowLines = "serve_slow_lines"
      case medianMilliseconds = "median_ms"
      case p99Milliseconds = "p99_ms"
      case worstMilliseconds = "worst_ms"
      case peakResidentBytes = "peak_rss_bytes"
    }
  }

  struct Summary: Codable {
    var build: String
    var cases: [CaseResult]
    /// `serve --slow-log 20`'s reports for the corpus lines.
    var corpusSlowLines: [String]
    var memory: MemoryResult
    var worstMilliseconds: Double
    var worstCase: String
    var peakResidentBytes: UInt64?
    var met: Bool

    enum CodingKeys: String, CodingKey {
      case build, cases, memory, met
      case corpusSlowLines = "corpus_serve_slow_lines"
      case worstMilliseconds = "worst_ms"
      case worstCase = "worst_case"
      case peakResidentBytes = "peak_rss_bytes"
    }
  }

  static let worstTargetMilliseconds = 50.0
  static let peakTargetBytes: UInt64 = 200 << 20

  static func run(_ arguments: Arguments, binary: URL) throws -> Int32 {
    let sessions = try count(arguments, "sessions", default: 100_000)
    let lineBytes = try count(arguments, "line-kb", default: 1024) * 1024
    let content = try ContentLocation.resolve(arguments["content"])
    let json = arguments.has("json")
    let scratch = (arguments["outbox"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory)
      .appendingPathComponent("attendant-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    if !json { Terminal.error("bench --hostile: corpus…") }
    var cases: [CaseResult] = []
    let child = try ServeChild(
      binary: binary, content: content, scratch: scratch, slowLogMilliseconds: 20)
    // Start-up (loading, and calibrating when the content's cache is stale) is not a message's cost:
    // it is measured on its own below ("start serve on content …").
    _ = try child.ask(Array(#"{"session":"warm","text":"hello"}"#.utf8))
    for item in HostileCorpus.cases() {
      var times: [Double] = []
      var reply = ""
      for round in 0..<3 {
        let line = item.line(round)
        let (milliseconds, answer) = try child.ask(line)
        times.append(milliseconds)
        reply = Self.summary(of: answer)
      }
      times.sort()
      cases.append(
        CaseResult(
          name: item.name, bytes: item.line(0).count, medianMilliseconds: times[1], worstMilliseconds: times[2],
          reply: reply))
    }
    try child.finish()
    let corpusSlow = child.slowLogLines()

    if !json { Terminal.error("bench --hostile: content with a 4,000-letter word…") }
    cases.append(contentsOf: try contentCases(binary: binary, base: content, scratch: scratch))

    if !json { Terminal.error("bench --hostile: \(sessions) sessions × \(lineBytes / 1024) KiB…") }
    let memory = try memoryPhase(
      binary: binary, content: content, scratch: scratch, sessions: sessions, lineBytes: lineBytes,
      quiet: json)

    let worst = cases.filter { $0.kind == "message" }.max { $0.worstMilliseconds < $1.worstMilliseconds }!
    let worstOverall = max(worst.worstMilliseconds, memory.worstMilliseconds)
    let worstName = worst.worstMilliseconds >= memory.worstMilliseconds ? worst.name : "memory phase"
    let build = BenchCommand.build
    let met =
      worstOverall <= worstTargetMilliseconds && (memory.peakResidentBytes ?? .max) <= peakTargetBytes
    let summary = Summary(
      build: build, cases: cases, corpusSlowLines: corpusSlow, memory: memory,
      worstMilliseconds: worstOverall,
      worstCase: worstName,
      peakResidentBytes: memory.peakResidentBytes, met: met)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      Terminal.print(table(summary))
    }
    return arguments.has("strict") && !met ? ExitCode.failure : ExitCode.success
  }

  // MARK: Phases

  /// Loads content with a 4,000-letter word, then reloads it through the bridge.
  private static func contentCases(binary: URL, base: URL, scratch: URL) throws -> [CaseResult] {
    // The same content without the long word, for comparison: a reload always rebuilds the index.
    let plain = try ServeChild(binary: binary, content: base, scratch: scratch)
    var plainTimes: [Double] = []
    for _ in 0..<3 { plainTimes.append(try plain.ask(Array(#"{"type":"reload"}"#.utf8)).0) }
    try plain.finish()
    plainTimes.sort()
    let folder = scratch.appendingPathComponent("long-word-content")
    try FileManager.default.copyItem(at: base, to: folder)
    var generator = SeededGenerator(seed: 4000)
    let word = String((0..<4000).map { _ in Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator))) })
    let intents = folder.appendingPathComponent("Intents/en")
    let file = try FileManager.default.contentsOfDirectory(atPath: intents.path).filter { $0.hasSuffix(".txt") }
      .sorted()[0]
    let handle = try FileHandle(forWritingTo: intents.appendingPathComponent(file))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\nwhere is my \(word)\n".utf8))
    try handle.close()
    let start = DispatchTime.now().uptimeNanoseconds
    let child = try ServeChild(binary: binary, content: folder, scratch: scratch)
    let (_, _) = try child.ask(Array(#"{"session":"warm","text":"hello"}"#.utf8))
    let load = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    var times: [Double] = []
    var reply = ""
    for _ in 0..<3 {
      let (milliseconds, answer) = try child.ask(Array(#"{"type":"reload"}"#.utf8))
      times.append(milliseconds)
      reply = summary(of: answer)
    }
    let (askTime, answer) = try child.ask(Array(#"{"session":"w","text":"where is my \#(word)"}"#.utf8))
    try child.finish()
    times.sort()
    return [
      CaseResult(
        name: "reload the same content without the long word", kind: "content", bytes: 0,
        medianMilliseconds: plainTimes[1], worstMilliseconds: plainTimes[2], reply: "reload"),
      CaseResult(
        name: "start serve on content with a 4,000-letter word (load + first reply)", kind: "content",
        bytes: word.utf8.count, medianMilliseconds: load, worstMilliseconds: load, reply: "ready"),
      CaseResult(
        name: "reload content with a 4,000-letter word", kind: "content", bytes: word.utf8.count,
        medianMilliseconds: times[1], worstMilliseconds: times[2], reply: reply),
      CaseResult(
        name: "ask for the 4,000-letter word", bytes: word.utf8.count + 20, medianMilliseconds: askTime,
        worstMilliseconds: askTime, reply: summary(of: answer)),
    ]
  }

  private static func memoryPhase(
    binary: URL, content: URL, scratch: URL, sessions: Int, lineBytes: Int, quiet: Bool
  ) throws -> MemoryResult {
    var generator = SeededGenerator(seed: 1)
    // One body of random words, shared by every line: only the session changes.
    var body: [UInt8] = []
    body.reserveCapacity(lineBytes)
    let room = lineBytes - 64
    while body.count < room {
      let length = Int.random(in: 3...12, using: &generator)
      for _ in 0..<length { body.append(UInt8.random(in: 97...122, using: &generator)) }
      body.append(0x20)
    }
    let suffix = Array("\"}".utf8)
    let child = try ServeChild(
      binary: binary, content: content, scratch: scratch, slowLogMilliseconds: 20)
    let (_, _) = try child.ask(Array(#"{"session":"long-escalated","text":"I want to talk to a person please"}"#.utf8))
    var times: [Double] = []
    times.reserveCapacity(sessions + sessions / 100)
    var escalatedTurns = 1
    var worstEscalated = 0.0
    var slowest: [SlowLine] = []
    let start = DispatchTime.now().uptimeNanoseconds
    for number in 0..<sessions {
      let session = number % 100 == 99 ? "long-escalated" : "h\(number)"
      if session == "long-escalated" { escalatedTurns += 1 }
      let prefix = Array("{\"session\":\"\(session)\",\"text\":\"".utf8)
      let before = ResidentMemory.schedulerTimes(of: child.processID)
      let (milliseconds, _) = try child.ask(parts: [prefix, body, suffix])
      times.append(milliseconds)
      if slowest.count < 5 || milliseconds > slowest[slowest.count - 1].milliseconds {
        let after = ResidentMemory.schedulerTimes(of: child.processID)
        var line = SlowLine(line: number + 1, milliseconds: milliseconds)
        if let before, let after {
          line.serveRunMilliseconds = Double(after.running &- before.running) / 1e6
          line.serveWaitMilliseconds = Double(after.waiting &- before.waiting) / 1e6
        }
        slowest.append(line)
        slowest.sort { $0.milliseconds > $1.milliseconds }
        if slowest.count > 5 { slowest.removeLast() }
      }
      if session == "long-escalated" { worstEscalated = max(worstEscalated, milliseconds) }
      if !quiet && (number + 1) % 10_000 == 0 {
        let rss = ResidentMemory.peakBytes(of: child.processID).map { "\($0 >> 20) MB" } ?? "?"
        Terminal.error("  \(number + 1) lines, peak RSS \(rss), worst \(String(format: "%.1f", times.max() ?? 0)) ms")
      }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let peak = ResidentMemory.peakBytes(of: child.processID)
    try child.finish()
    // serve's own account of its slow lines (its line 1 is the opening message, so its line n + 1 is
    // the phase's line n).
    let serveSlow = child.slowLogLines()
    times.sort()
    return MemoryResult(
      sessions: sessions, lineBytes: body.count + 64, lines: times.count, escalatedTurns: escalatedTurns,
      seconds: seconds, medianMilliseconds: times[times.count / 2],
      p99Milliseconds: times[min(times.count - 1, times.count * 99 / 100)], worstMilliseconds: times.last ?? 0,
      worstEscalatedMilliseconds: worstEscalated, slowestLines: slowest, serveSlowLines: serveSlow,
      peakResidentBytes: peak)
  }

  // MARK: Output

  /// `answer order-status`, `error line_too_long`: what a reply was, in a few words.
  private static func summary(of reply: [UInt8]) -> String {
    guard let value = try? JSONValue.parse(reply) else { return "unreadable reply" }
    var type = "?"
    if case .string(let text)? = value["type"] { type = text }
    if type == "error", case .object? = value["error"], case .string(let code)? = value["error"]?["code"] {
      return "error \(code)"
    }
    if case .string(let intent)? = value["intent"] { return "\(type) \(intent)" }
    return type
  }

  private static func table(_ summary: Summary) -> String {
    var lines = [
      "Hostile input (\(summary.build) build): time per line through 'attendant serve', lockstep",
      "",
    ]
    let width = summary.cases.map(\.name.count).max() ?? 10
    lines.append(
      "  " + "message line".padding(toLength: width, withPad: " ", startingAt: 0)
        + "      bytes   median    worst  reply")
    for item in summary.cases.filter({ $0.kind == "message" }) {
      lines.append(
        "  " + item.name.padding(toLength: width, withPad: " ", startingAt: 0)
          + String(format: " %10d %7.1f ms %6.1f ms  ", item.bytes, item.medianMilliseconds, item.worstMilliseconds)
          + item.reply)
    }
    lines.append("  serve's slow log for these lines (over 20 ms inside serve): \(summary.corpusSlowLines.count)")
    for entry in summary.corpusSlowLines.prefix(10) { lines.append("    " + entry) }
    lines.append("")
    lines.append(
      "  " + "content (an operator's reload; not a message line)".padding(toLength: width, withPad: " ", startingAt: 0))
    for item in summary.cases.filter({ $0.kind == "content" }) {
      lines.append(
        "  " + item.name.padding(toLength: width, withPad: " ", startingAt: 0)
          + String(format: " %10d %7.1f ms %6.1f ms  ", item.bytes, item.medianMilliseconds, item.worstMilliseconds)
          + item.reply)
    }
    let memory = summary.memory
    lines.append("")
    lines.append(
      "  memory: \(memory.sessions) sessions × \(memory.lineBytes) bytes, \(memory.escalatedTurns) turns of one escalated conversation, \(String(format: "%.0f", memory.seconds)) s"
    )
    lines.append(
      String(
        format:
          "          per line median %.2f ms, p99 %.2f ms, worst %.1f ms (the escalated conversation's worst %.1f ms); serve peak RSS %@",
        memory.medianMilliseconds, memory.p99Milliseconds, memory.worstMilliseconds, memory.worstEscalatedMilliseconds,
        memory.peakResidentBytes.map { "\($0 >> 20) MB" } ?? "unknown"))
    lines.append(
      "          slowest lines: "
        + memory.slowestLines.map { line in
          let split =
            line.serveRunMilliseconds.map {
              String(format: ": serve ran %.1f, waited %.1f", $0, line.serveWaitMilliseconds ?? 0)
            } ?? ""
          return String(format: "%.1f ms (line %d%@)", line.milliseconds, line.line, split)
        }.joined(separator: ", "))
    lines.append("          serve's slow log (lines over 20 ms inside serve): \(memory.serveSlowLines.count)")
    for entry in memory.serveSlowLines.prefix(10) { lines.append("            " + entry) }
    lines.append("")
    lines.append(
      String(
        format: "Worst time per message line: %.1f ms (%@); target ≤ %.0f ms: %@", summary.worstMilliseconds,
        summary.worstCase,
        worstTargetMilliseconds, summary.worstMilliseconds <= worstTargetMilliseconds ? "met" : "MISSED"))
    let peak = summary.peakResidentBytes ?? .max
    lines.append(
      "Peak RSS: \(summary.peakResidentBytes.map { "\($0 >> 20) MB" } ?? "unknown"); target ≤ \(peakTargetBytes >> 20) MB: \(peak <= peakTargetBytes ? "met" : "MISSED")"
    )
    return lines.joined(separator: "\n")
  }

  private static func count(_ arguments: Arguments, _ name: String, default value: Int) throws(UsageError) -> Int {
    guard let text = arguments[name] else { return value }
    guard let number = Int(text), number >= 1 else {
      throw UsageError("'--\(name)' must be a whole number of at least 1, not '\(text)'.")
    }
    return number
  }
}
