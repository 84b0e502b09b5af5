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
                           [--frustration-threshold <x>] [--slow-log <ms>] [--stateless]

    OPTIONS:
      --content <dir>         The content folder (default: the bundled demo).
      --outbox <dir>          Where escalation records are written (default: ./outbox).
      --watch                 Reload the content when its files change (checked every --watch-interval).
      --watch-interval <s>    How often --watch checks, in seconds (default: 1; values below 0.05 are
                              raised to 0.05).
      --max-line-bytes <n>    The longest request line accepted (default: 1048576).
      --transcripts <dir>     Where the transcript log goes (default: ./transcripts).
      --no-transcripts        Keep no transcript log.
      --slow-log <ms>         Report on standard error each line that took at least this long to answer
                              and write, with where the time went (off by default).
      --stateless             Keep no sessions: each reply carries the conversation as a signed 'state',
                              which the next request sends back, so that any replica can answer it.
                              Needs ATTENDANT_STATE_KEY (at least 32 bytes, such as the output of
                              'openssl rand -hex 32'); ATTENDANT_STATE_KEY_PREVIOUS is also accepted
                              when verifying, for key rotation.
    \(HandoffOptions.usage)

    See docs/bridge.md for the protocol.
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments,
      options: [
        "content", "outbox", "max-line-bytes", "transcripts", "watch-interval", "slow-log",
      ]
        + HandoffOptions.options,
      flags: ["watch", "no-transcripts", "stateless"] + HandoffOptions.flags)
    let settings = try limits(arguments)
    let (interval, limit) = (settings.interval, settings.limit)
    var slowLog = settings.slowLog
    var configuration = Bridge.Configuration()
    if arguments.has("stateless") {
      configuration.state = try StateKeys.sessionState(environment: ProcessInfo.processInfo.environment)
    }
    let log = try CLI.transcriptLog(arguments, command: "attendant serve", channel: .serve)
    let store = try CLI.loadStore(arguments["content"], policy: try HandoffOptions.policy(arguments))
    let bridge = Bridge(
      store: store, outbox: CLI.outbox(arguments, command: "attendant serve"), log: log, configuration: configuration,
      clock: try HandoffOptions.clock())
    signal(SIGPIPE, SIG_IGN)
    if arguments.has("watch"), let folder = store.folder {
      ContentWatcher(folder: folder, interval: interval) { outcome in
        let status =
          outcome.reloaded
          ? "reloaded: \(outcome.exampleCount) examples" : "reload failed; the previous content stays in service"
        Terminal.error("attendant serve: content changed, \(status)")
        for finding in outcome.findings where finding.severity == .error { Terminal.error(finding.description) }
      }.start(store: store)
    }
    var reader = LineReader(descriptor: 0, limit: limit, wake: StopSignals.install())
    var status = ExitCode.success
    while true {
      let line: LineReader.Line?
      do {
        line = try reader.next()
      } catch {
        Terminal.error("attendant serve: \(error); stopping.")
        status = ExitCode.ioError
        break
      }
      guard let line else { break }
      let reply: String
      slowLog?.begin()
      switch line {
      case .line(let bytes):
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        reply = bridge.handle(bytes)
        slowLog?.answered(bytes: bytes.count)
      case .tooLong:
        reply = bridge.lineTooLong(limit: limit)
        slowLog?.answered(bytes: limit)
      }
      do {
        try Terminal.writeLine(reply)
        slowLog?.written(sessions: bridge.sessionCount)
      } catch {
        Terminal.error("attendant serve: \(error); stopping.")
        status = ExitCode.ioError
        break
      }
    }
    if let name = StopSignals.receivedName, status == ExitCode.success {
      Terminal.error("attendant serve: \(name) received; every line read was answered, stopping.")
    }
    CLI.reportLostTranscriptEvents(log, command: "attendant serve")
    return status
  }

  /// The watch interval, the line limit and the slow-line log the options ask for.
  private static func limits(
    _ arguments: Arguments
  ) throws(UsageError) -> (interval: Double, limit: Int, slowLog: SlowLineLog?) {
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
      guard let value = Int(text), value >= 64 else {
        throw UsageError("'--max-line-bytes' must be a number of at least 64, not '\(text)'.")
      }
      limit = value
    }
    var slowLog: SlowLineLog?
    if let text = arguments["slow-log"] {
      guard let value = Double(text), value >= 0 else {
        throw UsageError("'--slow-log' must be a number of milliseconds, 0 or more, not '\(text)'.")
      }
      slowLog = SlowLineLog(thresholdMilliseconds: value)
    }
    return (interval, limit, slowLog)
  }
}

/// Reads lines from a file descriptor in large chunks, skipping the rest of any line over the limit.
///
/// A line's final `\r` is dropped and does not count towards the limit. Once a stop is asked for
/// (`StopSignals`), it returns the complete lines it has already read, and then `nil`.
struct LineReader {
  enum Line {
    /// A line, without its `\n` and a `\r` before it.
    case line([UInt8])
    /// A line over the limit; its bytes were discarded.
    case tooLong
  }

  /// Reading the input failed.
  struct ReadError: Error, CustomStringConvertible {
    let code: Int32

    var description: String { "cannot read standard input (\(String(cString: strerror(code))))" }
  }

  let descriptor: Int32
  let limit: Int
  /// Readable when a stop is asked for; -1 for none.
  let wake: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where to go on looking for a line break: the bytes from `start` up to here have none.
  private var scanned = 0
  private var discarding = false
  private var finished = false
  /// One read's bytes, allocated once: a MiB line is sixteen reads.
  private var chunk = [UInt8](repeating: 0, count: 65_536)

  init(descriptor: Int32, limit: Int, wake: Int32 = -1) {
    self.descriptor = descriptor
    self.limit = limit
    self.wake = wake
  }

  /// The next line, or `nil` at the end of the input or after a stop.
  ///
  /// - Throws: `ReadError` when reading fails (not at the end of input, nor when interrupted).
  /// The index of the first line feed at or after `from`, found with `memchr` (a line may be a MiB).
  static func firstNewline(in buffer: [UInt8], from: Int) -> Int? {
    guard from < buffer.count else { return nil }
    return buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress, let found = memchr(base + from, 0x0A, bytes.count - from) else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  mutating func next() throws(ReadError) -> Line? {
    while true {
      if let newline = Self.firstNewline(in: buffer, from: max(start, scanned)) {
        let line = buffer[start..<newline]
        start = newline + 1
        scanned = start
        if discarding {
          discarding = false
          continue
        }
        return Self.line(line, limit: limit)
      }
      scanned = buffer.count
      // Without its line break, the line may still end in the `\r` of a CRLF: one byte more is allowed.
      let pending = buffer.count - start
      if !discarding && (pending > limit + 1 || (pending == limit + 1 && buffer.last != 0x0D)) {
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
        let line = buffer[start...]
        start = buffer.count
        return Self.line(line, limit: limit)
      }
      if StopSignals.requested { return nil }
      if start > 0 && start == buffer.count {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
      } else if start > 65_536 {
        buffer.removeFirst(start)
        scanned -= start
        start = 0
      }
      guard try waitForInput() else { return nil }
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        // Interrupted (a signal, checked above) or a non-blocking input with nothing yet: wait again.
        if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
        throw ReadError(code: errno)
      }
      if count == 0 {
        finished = true
      } else {
        buffer.append(contentsOf: chunk[0..<count])
      }
    }
  }

  private static func line(_ bytes: ArraySlice<UInt8>, limit: Int) -> Line {
    let line = bytes.last == 0x0D ? bytes.dropLast() : bytes
    return line.count > limit ? .tooLong : .line(Array(line))
  }

  /// Waits until the input can be read; `false` when a stop was asked for first.
  private func waitForInput() throws(ReadError) -> Bool {
    guard wake >= 0 else { return !StopSignals.requested }
    var watched = [
      pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
    ]
    while true {
      if StopSignals.requested { return false }
      if poll(&watched, 2, -1) < 0 {
        if errno == EINTR { continue }
        throw ReadError(code: errno)
      }
      if watched[1].revents != 0 { return false }
      // Readable, at its end, or failed: `read` tells which.
      if watched[0].revents != 0 { return true }
    }
  }
}
