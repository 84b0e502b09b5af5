import Attendant
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `attendant serve`: the JSON Lines bridge on standard input and output.
enum ServeCommand: Command {
  static let name = "serve"
  static let abstract = "Answer JSON Lines requests on standard input (the bridge websites embed)."
  static let usage = """
    USAGE: attendant serve [--content <dir>] [--outbox <dir>] [--watch [--watch-interval <s>]]
                           [--max-line-bytes <n>] [--transcripts <dir> | --no-transcripts]
                           [--redact <kinds> | --no-redact] [--max-non-answers <n>]
                           [--frustration-threshold <x>]

    OPTIONS:
      --content <dir>         The content folder (default: the bundled demo).
      --outbox <dir>          Where escalation records are written (default: ./outbox).
      --watch                 Reload the content when its files change (checked every --watch-interval).
      --watch-interval <s>    How often --watch checks, in seconds (default: 1; values below 0.05 are
                              raised to 0.05).
      --max-line-bytes <n>    The longest request line accepted (default: 1048576).
      --transcripts <dir>     Where the transcript log goes (default: ./transcripts).
      --no-transcripts        Keep no transcript log.
    \(HandoffOptions.usage)

    See docs/bridge.md for the protocol.
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments,
      options: ["content", "outbox", "max-line-bytes", "transcripts", "watch-interval"] + HandoffOptions.options,
      flags: ["watch", "no-transcripts"] + HandoffOptions.flags)
    var interval = 1.0
    if let text = arguments["watch-interval"] {
      guard arguments.has("watch") else { throw UsageError("'--watch-interval' only works with '--watch'.") }
      guard let value = Double(text), value > 0, value <= 3600 else {
        throw UsageError("'--watch-interval' must be a number of seconds above 0 and at most 3600, not '\(text)'.")
      }
      interval = value
    }
    var limit = 1 << 20
    if let text = arguments["max-line-bytes"] {
      guard let value = Int(text), value >= 64 else { throw UsageError("'--max-line-bytes' must be a number of at least 64, not '\(text)'.") }
      limit = value
    }
    let log = try CLI.transcriptLog(arguments)
    let store = try CLI.loadStore(arguments["content"], policy: try HandoffOptions.policy(arguments))
    let bridge = Bridge(
      store: store, outbox: Outbox(folder: URL(fileURLWithPath: arguments["outbox"] ?? "outbox")), log: log,
      clock: try HandoffOptions.clock())
    signal(SIGPIPE, SIG_IGN)
    if arguments.has("watch"), let folder = store.folder {
      ContentWatcher(folder: folder, interval: interval) { outcome in
        let status = outcome.reloaded ? "reloaded: \(outcome.exampleCount) examples" : "reload failed; the previous content stays in service"
        Terminal.error("attendant serve: content changed, \(status)")
        for finding in outcome.findings where finding.severity == .error { Terminal.error(finding.description) }
      }.start(store: store)
    }
    var reader = LineReader(descriptor: 0, limit: limit)
    while let line = reader.next() {
      let reply: String
      switch line {
      case .line(let bytes):
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        reply = bridge.handle(bytes.last == 0x0D ? Array(bytes.dropLast()) : bytes)
      case .tooLong:
        reply = bridge.lineTooLong(limit: limit)
      }
      guard Terminal.writeLine(reply) else { break }  // the host closed our output
    }
    return ExitCode.success
  }
}

/// Reads lines from a file descriptor in large chunks, skipping the rest of any line over the limit.
struct LineReader {
  enum Line {
    case line([UInt8])
    /// A line over the limit; its bytes were discarded.
    case tooLong
  }

  let descriptor: Int32
  let limit: Int
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where to go on looking for a line break: the bytes from `start` up to here have none.
  private var scanned = 0
  private var discarding = false
  private var finished = false

  init(descriptor: Int32, limit: Int) {
    self.descriptor = descriptor
    self.limit = limit
  }

  mutating func next() -> Line? {
    while true {
      if let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        scanned = start
        if discarding {
          discarding = false
          continue
        }
        return line.count > limit ? .tooLong : .line(line)
      }
      scanned = buffer.count
      if !discarding && buffer.count - start > limit {
        // No newline within the limit: report once, then drop bytes until the next newline.
        discarding = true
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
        return .tooLong
      }
      if discarding {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
      }
      if finished {
        guard start < buffer.count, !discarding else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line.count > limit ? .tooLong : .line(line)
      }
      if start > 0 && start == buffer.count {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
      } else if start > 65_536 {
        buffer.removeFirst(start)
        scanned -= start
        start = 0
      }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        finished = true
      } else {
        buffer.append(contentsOf: chunk[0..<count])
      }
    }
  }
}
