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

/// `attendant serve` killed with SIGKILL in the middle of a stream: every escalation it acknowledged
/// must be on disk, whole, and valid against the schema.
@Suite(.serialized) struct ServeCrashTests {
  /// A stream of requests: many sessions, each asking for a person (revision 1 of its record), then
  /// giving an e-mail address (revision 2) and writing again (revision 3), interleaved.
  static func requests(sessions: Int) -> [String] {
    let texts = ["I would like to talk to a human, please", "my e-mail is c%d@example.com", "hello, anyone there?"]
    var lines: [String] = []
    for round in 0..<(sessions + 2) {
      for step in 0..<3 where (0..<sessions).contains(round - step) {
        let number = round - step
        let text = String(format: texts[step], number)
        lines.append(#"{"id": \#(lines.count), "session": "s\#(number)", "text": "\#(text)"}"#)
      }
    }
    return lines
  }

  /// Runs `serve`, reads reply lines until `killAfter` of them have arrived, kills it with SIGKILL,
  /// and returns every complete line it wrote (a cut last line is not acknowledged).
  static func serveAndKill(outbox: URL, transcripts: URL, requests: [String], killAfter: Int) throws -> (
    lines: [String], status: Int32
  ) {
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = [
      "serve", "--content", try Paths.copyOfFixture("serve-crash").path, "--outbox", outbox.path, "--transcripts",
      transcripts.path,
    ]
    var environment = ProcessInfo.processInfo.environment
    // Saturday evening: nobody is on shift, so every hand-off asks for an e-mail address.
    environment["ATTENDANT_NOW"] = "2027-03-27T19:30:00Z"
    process.environment = environment
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    let writer = Thread {
      let descriptor = input.fileHandleForWriting.fileDescriptor
      for line in requests {
        let bytes = Array((line + "\n").utf8)
        // Stops at EPIPE once the server is dead.
        guard Self.writeAll(descriptor, bytes) else { break }
      }
    }
    writer.start()
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    var buffer: [UInt8] = []
    var lines = 0
    var killed = false
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let descriptor = output.fileHandleForReading.fileDescriptor
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      buffer.append(contentsOf: chunk[0..<count])
      lines += chunk[0..<count].filter { $0 == 0x0A }.count
      if !killed && lines >= killAfter {
        kill(pid, SIGKILL)
        killed = true
      }
    }
    process.waitUntilExit()
    watchdog.cancel()
    let complete = buffer.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
    return (complete.map { String(decoding: $0, as: UTF8.self) }, process.terminationStatus)
  }

  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return false }
      offset += written
    }
    return true
  }

  @Test(arguments: 0..<20)
  func everyAcknowledgedEscalationSurvivesSIGKILL(run: Int) throws {
    let folder = Paths.temporaryFolder("attendant-kill")
    let outbox = folder.appendingPathComponent("outbox")
    let transcripts = folder.appendingPathComponent("transcripts")
    let requests = Self.requests(sessions: 100)
    // Kill after a different number of replies each run, from the first few to the middle of the stream.
    let killAfter = 3 + run * 7
    let (lines, status) = try Self.serveAndKill(
      outbox: outbox, transcripts: transcripts, requests: requests, killAfter: killAfter)
    #expect(status == SIGKILL, "the server was killed, not finished")
    #expect(lines.count >= killAfter)
    #expect(lines.count < requests.count, "killed in the middle of the stream")

    var acknowledged: [String: (revision: Int, session: String)] = [:]
    for line in lines {
      let reply = try JSONValue.parse(Array(line.utf8))
      guard case .string(let id)? = reply["escalation"]?["id"],
        case .number(let revision)? = reply["escalation"]?["revision"],
        case .string(let session)? = reply["session"]
      else { continue }
      acknowledged[id] = (Int(revision)!, session)
    }
    #expect(!acknowledged.isEmpty)
    for (id, expected) in acknowledged {
      let file = outbox.appendingPathComponent("\(id).json")
      #expect(FileManager.default.fileExists(atPath: file.path), "\(id) was acknowledged but is not on disk")
      let record = try EscalationSchema.current(id, in: outbox)
      #expect(
        record.revision >= expected.revision,
        "\(id): revision \(record.revision) on disk, \(expected.revision) acknowledged")
      #expect(record.session == expected.session)
    }
    // Every record and update on disk parses, acknowledged or not (an updates file's last line may be
    // cut); temporary files are hidden and never read.
    try EscalationSchema.checkFolder(outbox)
    // The transcript log: at most its last line is cut, and it knows every acknowledged escalation.
    let log = transcripts.appendingPathComponent("transcript-2027-03-27.jsonl")
    let logLines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
    let unreadable = logLines.indices.filter { (try? JSONValue.parse(Array(logLines[$0].utf8))) == nil }
    #expect(
      unreadable.isEmpty || unreadable == [logLines.count - 1], "unreadable lines \(unreadable) of \(logLines.count)")
    let logged = Set(
      FileTranscriptLog.read(log).compactMap { event -> String? in
        guard event["event"] == .string("escalation"), case .string(let id)? = event["id"] else { return nil }
        return id
      })
    #expect(Set(acknowledged.keys).isSubset(of: logged))
  }
}
