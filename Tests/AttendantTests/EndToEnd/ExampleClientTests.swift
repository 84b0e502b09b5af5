import Foundation
import Testing

@testable import Attendant

/// The example clients in `examples/` talk to the built binary through `attendant serve`, as a
/// website's back end would. Each is skipped when its interpreter is not on the PATH.
@Suite(.serialized) struct ExampleClientTests {
  /// An executable on the PATH, or `nil`.
  static func onPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  static let python = onPath("python3")
  static let node = onPath("node")

  /// Runs a client with the built binary and the demo content, at a fixed time, in a scratch folder.
  static func runClient(_ interpreter: URL, script: String) throws -> BinaryRun {
    let folder = Paths.temporaryFolder("attendant-client")
    defer { try? FileManager.default.removeItem(at: folder) }
    return try BinaryRun.run(
      [
        Paths.repository.appendingPathComponent("examples/\(script)").path, Paths.binary.path,
        "--content", Paths.repository.path, "--outbox", folder.appendingPathComponent("outbox").path,
        "--no-transcripts",
      ],
      workingDirectory: folder, environment: ["ATTENDANT_NOW": "2026-11-25T10:00:00Z"], executable: interpreter)
  }

  /// The client's line for one reply: `[type language intent confidence] text`.
  static func expectReplyLine(
    _ line: String, type: String, language: Language, intent: IntentID,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let prefix = "[\(type) \(language) \(intent) "
    #expect(line.hasPrefix(prefix), "\(line)", sourceLocation: sourceLocation)
    let confidence = line.dropFirst(prefix.count).prefix { $0 != "]" }
    let value = Double(confidence) ?? -1
    #expect((0...1).contains(value), "confidence '\(confidence)'", sourceLocation: sourceLocation)
    // The text is the start of the article that answers the intent, in the customer's language.
    let body = Demo.knowledgeBase.article(for: intent, in: language)?.body ?? "?"
    let text = line.drop { $0 != "]" }.dropFirst(2)
    #expect(
      !text.isEmpty && body.hasPrefix(text), "'\(text)' is not the start of the article", sourceLocation: sourceLocation
    )
  }

  static func expectTheRest(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let teams = Demo.knowledgeBase.schedule?.teams.map(\.name) ?? []
    let escalation = lines.count > 3 ? lines[3] : ""
    #expect(escalation.hasPrefix("  escalation esc-20261125T100000Z-"), "\(escalation)", sourceLocation: sourceLocation)
    #expect(teams.contains { escalation.hasSuffix(" for team \($0)") }, "\(escalation)", sourceLocation: sourceLocation)
    #expect(lines.last?.hasPrefix("[error] missing_field: ") == true, "\(lines)", sourceLocation: sourceLocation)
  }

  /// Runs a client, which asks in English, then in `secondLanguage`, then for a person, then sends a bad line.
  static func expectRealAnswers(
    _ interpreter: URL, script: String, secondLanguage: Language,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let run = try runClient(interpreter, script: script)
    #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 5, "\(run.stdout)\n\(run.stderr)", sourceLocation: sourceLocation)
    expectReplyLine(lines[0], type: "answer", language: .en, intent: "order-status")
    expectReplyLine(lines[1], type: "answer", language: secondLanguage, intent: "order-status")
    expectReplyLine(lines[2], type: "escalate", language: .en, intent: "human-agent")
    expectTheRest(lines, sourceLocation: sourceLocation)
  }

  @Test(.enabled(if: python != nil, "python3 is not on the PATH"))
  func thePythonClientGetsRealAnswers() throws {
    try Self.expectRealAnswers(Self.python!, script: "client.py", secondLanguage: .hr)
  }

  @Test(.enabled(if: node != nil, "node is not on the PATH"))
  func theNodeClientGetsRealAnswers() throws {
    try Self.expectRealAnswers(Self.node!, script: "client.mjs", secondLanguage: .tr)
  }
}
