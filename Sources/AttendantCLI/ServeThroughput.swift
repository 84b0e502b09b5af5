import Attendant
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drives the real `attendant serve` through pipes and measures its throughput: request lines
/// streamed in by a writer thread while this thread counts the reply lines, from stdin to stdout,
/// JSON parsing and encoding included.
enum ServeThroughput {
  struct Result: Codable {
    /// The timed request lines (after the warm-up).
    var lines: Int
    var seconds: Double
    var messagesPerSecond: Double
    /// The replies of the timed lines, by `type`.
    var replyTypes: [String: Int]
    /// The serve process's peak resident memory, read before its input is closed.
    var peakResidentBytes: UInt64?

    enum CodingKeys: String, CodingKey {
      case lines, seconds
      case messagesPerSecond = "messages_per_second"
      case replyTypes = "reply_types"
      case peakResidentBytes = "peak_rss_bytes"
    }
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Starts `serve` on a content folder, sends the first `warmUp` lines and waits for their replies
  /// (so that loading is not timed), then times the rest.
  ///
  /// - Parameters:
  ///   - requests: Request lines, each ending in a line break.
  ///   - warmUp: How many of the first lines are untimed.
  ///   - outboxParent: Where to make the outbox folder (escalation records are fsynced there);
  ///     `nil` for the temporary folder.
  static func measure(binary: URL, content: URL, requests: Data, warmUp: Int, outboxParent: URL?) throws -> Result {
    let lines = requests.split(separator: 0x0A, omittingEmptySubsequences: true)
    guard warmUp > 0, lines.count > warmUp else {
      throw Failure(description: "Not enough request lines for serve: \(lines.count).")
    }
    let warmData = Data(lines[..<warmUp].map { Data($0) + [0x0A] }.joined())
    let timedData = Data(lines[warmUp...].map { Data($0) + [0x0A] }.joined())
    let timed = lines.count - warmUp

    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "attendant-bench-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let errorFile = scratch.appendingPathComponent("stderr.txt")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let outbox = (outboxParent ?? scratch).appendingPathComponent("outbox-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: outbox) }

    let process = Process()
    process.executableURL = binary
    process.arguments = [
      "serve", "--content", content.path, "--no-transcripts", "--outbox", outbox.path,
    ]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorFile)
    signal(SIGPIPE, SIG_IGN)
    try process.run()

    let release = DispatchSemaphore(value: 0)
    let writer = input.fileHandleForWriting
    Thread {
      do {
        try writer.write(contentsOf: warmData)
        release.wait()
        try writer.write(contentsOf: timedData)
      } catch {
        // The child is gone; the reader sees the end of its output and reports it.
      }
    }.start()

    let descriptor = output.fileHandleForReading.fileDescriptor
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var replies = 0
    var start: UInt64 = 0
    var collected: [UInt8] = []
    collected.reserveCapacity(timed * 512)
    while replies < warmUp + timed {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      // The timed lines are sent only after the last warm-up reply, so no chunk holds both.
      let timing = start > 0
      for index in 0..<count where buffer[index] == 0x0A {
        replies += 1
        if replies == warmUp {
          start = DispatchTime.now().uptimeNanoseconds
          release.signal()
        }
      }
      if timing { collected.append(contentsOf: buffer[0..<count]) }
    }
    let end = DispatchTime.now().uptimeNanoseconds
    if start == 0 { release.signal() }  // the child ended during the warm-up: let the writer go
    let peak = ResidentMemory.peakBytes(of: process.processIdentifier)
    try? writer.close()
    process.waitUntilExit()
    guard replies == warmUp + timed else {
      let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
      throw Failure(
        description:
          "'attendant serve' answered \(replies) of \(warmUp + timed) lines and \(ending(process)).\n\(errors)"
      )
    }
    let seconds = Double(end - start) / 1e9
    return Result(
      lines: timed, seconds: seconds, messagesPerSecond: Double(timed) / seconds, replyTypes: replyTypes(collected),
      peakResidentBytes: peak)
  }

  /// How a child process ended, for error messages: "exited with 1", "was killed by signal 9".
  static func ending(_ process: Process) -> String {
    process.terminationReason == .uncaughtSignal
      ? "was killed by signal \(process.terminationStatus)" : "exited with \(process.terminationStatus)"
  }

  /// Counts the replies by the first `"type":"…"` of each line.
  private static func replyTypes(_ bytes: [UInt8]) -> [String: Int] {
    let key = Array(#""type":""#.utf8)
    var counts: [String: Int] = [:]
    for line in bytes.split(separator: 0x0A) {
      guard let range = line.firstRange(of: key) else { continue }
      let rest = line[range.upperBound...]
      let value = rest.prefix { $0 != 0x22 }
      counts[String(decoding: value, as: UTF8.self), default: 0] += 1
    }
    return counts
  }
}
