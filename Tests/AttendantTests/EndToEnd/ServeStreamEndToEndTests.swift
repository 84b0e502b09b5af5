import Foundation
import Testing

@testable import Attendant

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `attendant serve`'s streams through real pipes and files: signals, failing output and input, long
/// lines, and a transcript log on a full disk.
@Suite(.serialized) struct ServeStreamEndToEndTests {
  static let arguments = ["serve", "--content", Paths.repository.path, "--no-transcripts"]

  static func request(_ number: Int, _ text: String = "where is my parcel?") -> String {
    #"{"id": \#(number), "session": "s\#(number)", "language": "en", "text": "\#(text)"}"#
  }

  /// A started `serve` with pipes on all three streams.
  struct Server {
    let process = Process()
    let input = Pipe(), output = Pipe(), errors = Pipe()
    let watchdog: DispatchWorkItem

    init(_ arguments: [String], outbox: URL = Paths.temporaryFolder()) throws {
      signal(SIGPIPE, SIG_IGN)
      process.executableURL = Paths.binary
      process.arguments = arguments + ["--outbox", outbox.path]
      process.standardInput = input
      process.standardOutput = output
      process.standardError = errors
      try process.run()
      let pid = process.processIdentifier
      // A hung server fails the test instead of hanging it.
      watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
      DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
    }

    func wait() {
      process.waitUntilExit()
      watchdog.cancel()
    }

    func send(_ text: String) {
      input.fileHandleForWriting.writeAll(Data(text.utf8))
    }

    /// Reads standard output up to its first line break.
    func firstLine() -> String {
      var bytes: [UInt8] = []
      var byte: UInt8 = 0
      while read(output.fileHandleForReading.fileDescriptor, &byte, 1) == 1 {
        if byte == 0x0A { break }
        bytes.append(byte)
      }
      return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads both outputs to their end and waits for the process.
    func finish() -> (stdout: String, stderr: String) {
      let collected = OutputCollector(stdout: output, stderr: errors)
      wait()
      return collected.finish()
    }
  }

  @Test(arguments: [SIGTERM, SIGINT])
  func aStopSignalLetsTheLinesReadBeAnsweredAndExitsZero(signal number: Int32) throws {
    let server = try Server(Self.arguments)
    // Three lines in one write of less than PIPE_BUF bytes arrive together: serve reads them at once.
    server.send((0..<3).map { Self.request($0) }.joined(separator: "\n") + "\n")
    let first = server.firstLine()
    #expect(first.hasPrefix(#"{"id":0,"#))
    kill(server.process.processIdentifier, number)
    // Standard input stays open: the signal, not the end of input, ends serve.
    let (stdout, stderr) = server.finish()
    #expect(server.process.terminationReason == .exit, "serve was killed by the signal")
    #expect(server.process.terminationStatus == 0)
    let lines = stdout.split(separator: "\n")
    #expect(lines.count == 2, "the lines read before the signal are answered: \(stdout)")
    #expect(lines.last?.hasPrefix(#"{"id":2,"#) == true)
    #expect(stderr.contains("received; every line read was answered, stopping."), "\(stderr)")
    try? server.input.fileHandleForWriting.close()
  }

  @Test func aFullDiskOnStandardOutputExitsNonZeroWithAMessage() throws {
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = Self.arguments
    let input = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.writeAll(Data((Self.request(1) + "\n" + Self.request(2) + "\n").utf8))
    try input.fileHandleForWriting.close()
    let stderr = String(decoding: errors.fileHandleForReading.readAll(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(
      stderr.contains("attendant serve: cannot write to standard output (No space left on device); stopping."),
      "\(stderr)")
  }

  @Test func aClosedStandardOutputExitsNonZeroWithAMessage() throws {
    let server = try Server(Self.arguments)
    try server.output.fileHandleForReading.close()
    server.send(Self.request(1) + "\n")
    try server.input.fileHandleForWriting.close()
    let stderr = String(decoding: server.errors.fileHandleForReading.readAll(), as: UTF8.self)
    server.wait()
    #expect(server.process.terminationStatus == 74)
    #expect(stderr.contains("attendant serve: standard output was closed (Broken pipe); stopping."), "\(stderr)")
  }

  @Test func anInputThatCannotBeReadExitsNonZeroWithAMessage() throws {
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = Self.arguments
    // A folder opens, but read(2) fails on it with EISDIR.
    let folder = open(Paths.temporaryFolder().path, O_RDONLY | O_DIRECTORY)
    #expect(folder >= 0)
    process.standardInput = FileHandle(fileDescriptor: folder, closeOnDealloc: true)
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let (stdout, stderr) = OutputCollector(stdout: output, stderr: errors).finish()
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(stdout.isEmpty)
    #expect(stderr.contains("attendant serve: cannot read standard input (Is a directory); stopping."), "\(stderr)")
  }

  @Test func aNonBlockingOutputThatFillsUpIsWaitedFor() throws {
    var ends: [Int32] = [-1, -1]
    #expect(pipe(&ends) == 0)
    _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = Self.arguments + ["--outbox", Paths.temporaryFolder().path]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
    process.standardError = FileHandle.nullDevice
    try process.run()
    // 300 replies of about 700 bytes: far more than the pipe holds.
    input.fileHandleForWriting.writeAll(Data((0..<300).map { Self.request($0) + "\n" }.joined().utf8))
    try input.fileHandleForWriting.close()
    // Read nothing until the pipe is full (less than PIPE_BUF bytes free), so that serve's writes
    // meet EAGAIN, or until serve has ended.
    var full = false
    while !full && process.isRunning {
      var watched = pollfd(fd: ends[1], events: Int16(POLLOUT), revents: 0)
      full = poll(&watched, 1, 10) == 0
    }
    close(ends[1])
    let stdout = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readAll()
    process.waitUntilExit()
    #expect(full, "the pipe filled up before serve ended")
    #expect(process.terminationStatus == 0)
    let lines = String(decoding: stdout, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 300)
    #expect(lines.last?.hasPrefix(#"{"id":299,"#) == true)
  }

  /// A request of exactly `size` bytes: a message with an unknown field to pad it.
  static func request(ofSize size: Int) -> String {
    let start = #"{"id": "big", "session": "big", "language": "en", "text": "where is my parcel?", "pad": ""#
    let end = #""}"#
    return start + String(repeating: "x", count: size - start.utf8.count - end.utf8.count) + end
  }

  @Test func aLineOfExactlyTheLimitEndingInCRLFIsAccepted() throws {
    let limit = 1 << 20
    let lines = [
      Self.request(ofSize: limit) + "\r\n", Self.request(ofSize: limit) + "\n",
      Self.request(ofSize: limit + 1) + "\r\n",
      Self.request(ofSize: limit) + "\r",
    ]
    let run = try BinaryRun.run(Self.arguments + ["--outbox", Paths.temporaryFolder().path], input: lines.joined())
    #expect(run.status == 0)
    let replies = try run.stdout.split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
    #expect(replies.count == 4)
    #expect(replies.map { $0["type"] } == [.string("answer"), .string("answer"), .string("error"), .string("answer")])
    #expect(replies[2]["error"]?["code"] == .string("line_too_long"))
  }

  @Test func aTranscriptLogOnAFullDiskIsReportedOnStandardError() throws {
    let transcripts = Paths.temporaryFolder()
    let file = transcripts.appendingPathComponent("transcript-2027-03-27.jsonl")
    try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: "/dev/full")
    let run = try BinaryRun.run(
      [
        "serve", "--content", Paths.repository.path, "--outbox", Paths.temporaryFolder().path, "--transcripts",
        transcripts.path,
      ],
      input: (0..<3).map { Self.request($0) + "\n" }.joined(), environment: ["ATTENDANT_NOW": "2027-03-27T19:30:00Z"])
    #expect(run.status == 0, "a transcript log never stops serve")
    #expect(run.stdout.split(separator: "\n").count == 3)
    let lines = run.stderr.split(separator: "\n")
    #expect(
      lines.first
        == "attendant serve: transcript events are being lost (1 so far): cannot write '\(file.path)' (No space left on device)",
      "\(run.stderr)")
    #expect(
      lines.last
        == "attendant serve: 3 transcript event(s) could not be written to '\(transcripts.path)' and were lost.")
    #expect(lines.count == 2, "one report for the outage, one summary at exit")
  }

  @Test func theChatRefusesATimeZoneThatIsNotAnIANAName() throws {
    let option = try BinaryRun.run([
      "chat", "--content", Paths.repository.path, "--no-transcripts", "--time-zone", "GMT+0530",
    ])
    #expect(option.status == 64)
    #expect(option.stderr.contains("Unknown time zone 'GMT+0530'. Use an IANA name such as 'Europe/Zagreb'."))
    let command = try BinaryRun.run(
      ["chat", "--content", Paths.repository.path, "--no-transcripts"], input: "/tz Europe/Zagreb\u{1B}[31m\n/quit\n")
    #expect(command.status == 0)
    #expect(command.stdout.contains(#"Unknown time zone 'Europe/Zagreb\u{1b}[31m'."#), "\(command.stdout)")
    #expect(!command.stdout.contains("Time zone: Europe/Zagreb"), "the zone is not taken")
  }

  @Test func theSlowLogReportsEachLineOverItsThresholdWithWhereTheTimeWent() throws {
    let outbox = Paths.temporaryFolder()
    let run = try BinaryRun.run(
      Self.arguments + ["--outbox", outbox.path, "--slow-log", "0"],
      input: Self.request(1) + "\n\n" + Self.request(2, "hello") + "\n")
    #expect(run.status == 0)
    let reports = run.stderr.split(separator: "\n").filter { $0.contains("slow line") }
    #expect(reports.count == 2, "every line takes at least 0 ms; the blank line is no request: \(run.stderr)")
    #expect(reports.first?.hasPrefix("attendant serve: slow line 1 (") == true)
    #expect(reports.first?.contains("answering") == true && reports.first?.contains("page faults") == true)
    #expect(run.stdout.split(separator: "\n").count == 2, "the log goes to standard error, never into the replies")

    let quiet = try BinaryRun.run(
      Self.arguments + ["--outbox", outbox.path, "--slow-log", "60000"], input: Self.request(1) + "\n")
    #expect(!quiet.stderr.contains("slow line"))
    let bad = try BinaryRun.run(Self.arguments + ["--slow-log", "fast"], input: "")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("'--slow-log' must be a number of milliseconds, 0 or more, not 'fast'."))
  }
}
