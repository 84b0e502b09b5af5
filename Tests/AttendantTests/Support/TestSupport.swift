import Foundation
import Testing

@testable import Attendant

/// Paths the tests need: the repository, its demo content, fixtures, and the built binary.
enum Paths {
  /// The repository root (the demo content folder).
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// A fixture folder as it is checked in. A variant (`FixtureVariant`) holds only the files in which
  /// it differs from its base: `copyOfFixture(_:)` builds it.
  static func fixture(_ name: String) -> URL {
    precondition(FixtureVariant.all[name] == nil, "'\(name)' is a variant of a fixture: use Paths.copyOfFixture")
    return fixtures.appendingPathComponent(name)
  }

  /// The `attendant` executable that `swift test` built next to the test bundle.
  static let binary: URL = {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL.deletingLastPathComponent(),
      Bundle.main.bundleURL,
      repository.appendingPathComponent(".build/debug"),
    ]
    for folder in candidates {
      var url = folder
      for _ in 0..<3 {
        let binary = url.appendingPathComponent("attendant")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        url = url.deletingLastPathComponent()
      }
    }
    return repository.appendingPathComponent(".build/debug/attendant")
  }()

  /// A new empty temporary folder.
  static func temporaryFolder(_ prefix: String = "attendant-test") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// The demo content, loaded once and shared by the tests (an immutable value).
enum Demo {
  static let knowledgeBase: KnowledgeBase = {
    do {
      return try ContentLoader().load(from: Paths.repository)
    } catch {
      fatalError("The demo content does not load:\n\(error)")
    }
  }()

  static let engine = Engine(knowledgeBase: knowledgeBase)

  /// The demo at lower thresholds (answer 0.55, clarify 0.15, no margin): what calibration chose for
  /// its Turkish and Indonesian until the folds were dealt by text (5 December), and what content that
  /// calibrates lower runs at.
  static let engineAtLowerThresholds = Engine(
    knowledgeBase: knowledgeBase, policy: ReplyPolicy(answerThreshold: 0.55, clarifyThreshold: 0.15, clarifyMargin: 0))

  /// The demo at higher answer thresholds (0.8, 0.85, 0.95; the other thresholds the defaults): a rule
  /// for unsure readings is tested on the message it was written for, which the demo's examples have
  /// since made confident at the default threshold.
  static let engineAtAnswerThreshold: [Double: Engine] = Dictionary(
    uniqueKeysWithValues: [0.8, 0.85, 0.95].map {
      ($0, Engine(knowledgeBase: knowledgeBase, policy: ReplyPolicy(answerThreshold: $0)))
    })

  /// A fixed moment: Wednesday 25 November 2026, 10:00 UTC.
  static let wednesdayMorning = Date(timeIntervalSince1970: 1_795_600_800)
}

/// Runs the built `attendant` binary through real pipes.
struct BinaryRun {
  let status: Int32
  let stdout: String
  let stderr: String

  /// Runs `attendant` (or another executable) with arguments and standard input, and waits (with a
  /// timeout) for it to end.
  static func run(
    _ arguments: [String], input: String = "", workingDirectory: URL? = nil, environment: [String: String] = [:],
    timeout: TimeInterval = 60, executable: URL = Paths.binary
  ) throws -> BinaryRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    process.environment = Self.environment(environment)
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.writeAll(Data(input.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let outputs = OutputCollector(stdout: stdout, stderr: stderr)
    wait(for: process, timeout: timeout)
    let (out, err) = outputs.finish()
    return BinaryRun(status: process.terminationStatus, stdout: out, stderr: err)
  }

  /// This process's environment for a child, without colour, without `COLUMNS` and in `TZ=UTC` (the
  /// chat wraps at `COLUMNS` and starts in `TZ`: a test sets them when it means to), plus `overrides`.
  static func environment(_ overrides: [String: String]) -> [String: String] {
    var merged = ProcessInfo.processInfo.environment
    merged["NO_COLOR"] = "1"
    merged["COLUMNS"] = nil
    merged["TZ"] = "UTC"
    for (key, value) in overrides { merged[key] = value }
    return merged
  }

  /// Waits for a process to end, ending it and recording an issue after `timeout` seconds.
  static func wait(for process: Process, timeout: TimeInterval) {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
      process.terminate()
      let name = process.executableURL?.lastPathComponent ?? ""
      let command = ([name] + (process.arguments ?? [])).joined(separator: " ")
      Issue.record("\(command) did not finish within \(timeout) s")
    }
    process.waitUntilExit()
  }
}

/// Reads both pipes to the end on background threads, so that a full pipe never blocks the child.
final class OutputCollector: @unchecked Sendable {
  // @unchecked: each buffer is written by one thread and read only after `finish` joins it.
  private var out = Data()
  private var err = Data()
  private let group = DispatchGroup()

  init(stdout: Pipe, stderr: Pipe) {
    group.enter()
    Thread {
      self.out = stdout.fileHandleForReading.readAll()
      self.group.leave()
    }.start()
    group.enter()
    Thread {
      self.err = stderr.fileHandleForReading.readAll()
      self.group.leave()
    }.start()
  }

  func finish() -> (String, String) {
    group.wait()
    return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }
}

extension LanguageIndex {
  /// The intent `bestIntents` read first for a message at some weights is the one that `weighted`, an
  /// index read at those weights, ranks first; the out-of-scope examples take the place their
  /// confidence gives them, after ranking.
  func expectReadFirst(
    _ first: Int, asRankedBy weighted: LanguageIndex, message: String, at weights: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let ranked = weighted.match(message).candidates.filter { $0.intent != .outOfScope }.first?.intent
    let read = intents[first]
    #expect(
      read == ranked || read == .outOfScope, "\(message) at \(weights): \(read) against \(String(describing: ranked))",
      sourceLocation: sourceLocation)
  }
}
