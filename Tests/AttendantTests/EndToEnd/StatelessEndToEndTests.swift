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

/// `attendant serve --stateless` through real pipes: two processes that share only a key and an outbox
/// take turns answering conversations, as replicas behind a load balancer would.
@Suite(.serialized) struct StatelessEndToEndTests {
  static let key = String(repeating: "7f3a", count: 16)
  static let environment = ["ATTENDANT_NOW": "2027-03-27T19:30:00Z", "ATTENDANT_STATE_KEY": key]

  /// A running `serve`, asked one line at a time.
  final class Serve {
    let process = Process()
    let input = Pipe(), output = Pipe(), errors = Pipe()
    private var buffer: [UInt8] = []

    init(_ arguments: [String], outbox: URL, environment: [String: String]) throws {
      signal(SIGPIPE, SIG_IGN)
      process.executableURL = Paths.binary
      process.arguments =
        ["serve", "--content", Paths.repository.path, "--no-transcripts", "--outbox", outbox.path] + arguments
      process.environment = BinaryRun.environment(environment)
      process.standardInput = input
      process.standardOutput = output
      process.standardError = errors
      try process.run()
    }

    /// Writes a request line and reads its reply line.
    func ask(_ line: String) -> String {
      input.fileHandleForWriting.writeAll(Data((line + "\n").utf8))
      while true {
        if let newline = buffer.firstIndex(of: 0x0A) {
          let reply = String(decoding: buffer[..<newline], as: UTF8.self)
          buffer.removeSubrange(...newline)
          return reply
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes {
          read(output.fileHandleForReading.fileDescriptor, $0.baseAddress!, $0.count)
        }
        guard count > 0 else { return "" }
        buffer += chunk[..<count]
      }
    }

    /// Closes its input and waits for it to exit; returns its status and standard error.
    func finish() -> (status: Int32, stderr: String) {
      try? input.fileHandleForWriting.close()
      let stderr = String(decoding: errors.fileHandleForReading.readAll(), as: UTF8.self)
      BinaryRun.wait(for: process, timeout: 60)
      return (process.terminationStatus, stderr)
    }
  }

  @Test func twoProcessesTakingTurnsAnswerAsOneServeWithMemory() throws {
    let memoryOutbox = Paths.temporaryFolder()
    let sharedOutbox = Paths.temporaryFolder()
    let memory = try Serve([], outbox: memoryOutbox, environment: Self.environment)
    let replicas = try [0, 1].map { _ in try Serve(["--stateless"], outbox: sharedOutbox, environment: Self.environment)
    }
    var states: [String: String] = [:]
    var memoryIDs: [String: String] = [:]
    var replicaIDs: [String: String] = [:]
    for (index, line) in StatelessBridgeTests.script.enumerated() {
      let expected = try StatelessBridgeTests.normalized(memory.ask(line), ids: &memoryIDs)
      // The state goes to the other process each time.
      let replica = replicas[index % 2]
      guard case .object(var members) = try JSONValue.parse(line),
        case .string(let session)? = try JSONValue.parse(line)["session"]
      else { continue }
      if let state = states[session] { members.append(("state", .string(state))) }
      let reply = replica.ask(JSONValue.object(members).serialized)
      guard case .string(let state)? = try JSONValue.parse(reply)["state"] else {
        Issue.record("line \(index + 1) has no state: \(reply)")
        continue
      }
      states[session] = state
      #expect(try StatelessBridgeTests.normalized(reply, ids: &replicaIDs) == expected, "line \(index + 1): \(line)")
    }
    for serve in [memory] + replicas {
      let (status, stderr) = serve.finish()
      #expect(status == 0, "\(stderr)")
    }
    // Both conversations' records are in the one outbox, whole: the hand-off's file and one update per
    // later turn, from whichever replica answered it, in revision order.
    let files = try FileManager.default.contentsOfDirectory(atPath: sharedOutbox.path).sorted()
    #expect(files.filter { $0.hasPrefix(".") }.isEmpty, "no temporary files are left: \(files)")
    let ids = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }
    #expect(ids.count == 2)
    for id in ids {
      let updates = try String(contentsOf: FileOutbox(folder: sharedOutbox).updatesURL(for: id), encoding: .utf8)
        .split(separator: "\n").map {
          try EscalationRecord.makeDecoder().decode(EscalationRecord.Update.self, from: Data($0.utf8))
        }
      #expect(updates.map(\.revision) == Array(2..<(2 + updates.count)))
      try StatelessBridgeTests.expectSameRecord(
        id, in: sharedOutbox, replicaIDs: replicaIDs, as: memoryOutbox, memoryIDs: memoryIDs)
    }
  }

  @Test(arguments: [
    ([String: String](), "'--stateless' needs a key to sign the state with: set ATTENDANT_STATE_KEY"),
    (["ATTENDANT_STATE_KEY": "  "], "'--stateless' needs a key"),
    (["ATTENDANT_STATE_KEY": "too-short"], "ATTENDANT_STATE_KEY is 9 bytes long; a key must be at least 32"),
    (
      ["ATTENDANT_STATE_KEY": key, "ATTENDANT_STATE_KEY_PREVIOUS": "old"],
      "ATTENDANT_STATE_KEY_PREVIOUS is 3 bytes long"
    ),
  ])
  func withoutAGoodKeyServeDoesNotStart(environment: [String: String], message: String) throws {
    var environment = environment
    environment["ATTENDANT_STATE_KEY"] = environment["ATTENDANT_STATE_KEY"] ?? ""
    let run = try BinaryRun.run(
      ["serve", "--stateless", "--no-transcripts"], input: #"{"session": "s", "text": "hi"}"# + "\n",
      environment: environment)
    #expect(run.status == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  static func state(_ run: BinaryRun) throws -> String {
    guard
      case .string(let state)? = try JSONValue.parse(run.stdout.split(separator: "\n").last.map(String.init) ?? "")[
        "state"]
    else { throw StatelessBridgeTests.Failure("no state in \(run.stdout) \(run.stderr)") }
    return state
  }

  @Test func afterAKeyRotationTheOldStatesAreStillRead() throws {
    let outbox = Paths.temporaryFolder()
    let arguments = [
      "serve", "--stateless", "--no-transcripts", "--content", Paths.repository.path, "--outbox", outbox.path,
    ]
    let old = Self.environment
    var rotated = Self.environment
    rotated["ATTENDANT_STATE_KEY"] = String(repeating: "c0de", count: 16)
    rotated["ATTENDANT_STATE_KEY_PREVIOUS"] = Self.key
    let first = try BinaryRun.run(arguments, input: #"{"session": "s", "text": "payment"}"# + "\n", environment: old)
    let second = try BinaryRun.run(
      arguments, input: #"{"session": "s", "text": "2", "state": "\#(try Self.state(first))"}"# + "\n",
      environment: rotated)
    #expect(try JSONValue.parse(second.stdout.trimmingCharacters(in: .newlines))["reason"] == .string("clarified"))
    // The new state is signed with the new key: a replica that still has only the old one refuses it.
    let stale = try BinaryRun.run(
      arguments, input: #"{"session": "s", "text": "thanks", "state": "\#(try Self.state(second))"}"# + "\n",
      environment: old)
    #expect(
      try JSONValue.parse(stale.stdout.trimmingCharacters(in: .newlines))["error"]?["code"] == .string("state_invalid"))
    #expect(stale.status == 0)
  }
}
