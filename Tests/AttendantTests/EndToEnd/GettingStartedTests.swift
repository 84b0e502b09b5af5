import Foundation
import Testing

/// `docs/getting-started.md` works as written: its `sh` blocks run in order, in one shell, against the
/// built `attendant`, on content that is not the demo (Pedalo, a bicycle shop, in English and
/// Croatian), and every line of the `text` block after a `sh` block appears in what that block
/// printed (standard output, or standard error for the summaries and the escalation line).
@Suite struct GettingStartedTests {
  struct Step {
    let commands: String
    let expected: [String]
  }

  static let document = Paths.repository.appendingPathComponent("docs/getting-started.md")

  /// The `sh` blocks, each with the lines of the `text` block right after it.
  static func steps() throws -> [Step] {
    let text = try String(contentsOf: document, encoding: .utf8)
    var blocks: [(kind: String, body: String)] = []
    var current: (kind: String, lines: [String])?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if let block = current {
          blocks.append((block.kind, block.lines.joined(separator: "\n")))
          current = nil
        } else {
          current = (String(line.dropFirst(3)), [])
        }
      } else if current != nil {
        current?.lines.append(String(line))
      }
    }
    return blocks.indices.compactMap { index in
      guard blocks[index].kind == "sh" else { return nil }
      let next = index + 1 < blocks.count && blocks[index + 1].kind == "text" ? blocks[index + 1].body : ""
      return Step(commands: blocks[index].body, expected: next.split(separator: "\n").map(String.init))
    }
  }

  @Test func theWalkthroughRunsAsWritten() throws {
    let steps = try Self.steps()
    #expect(steps.count >= 9, "import, check, fix (2), test (2), explain, chat, hand-off, reload")
    let folder = Paths.temporaryFolder("getting-started")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("docs"), withDestinationURL: Paths.repository.appendingPathComponent("docs"))
    // The document's `alias attendant=…` is for an interactive shell; here a function does the same.
    var script = "attendant() { \"$ATTENDANT_BINARY\" \"$@\"; }\n"
    for (number, step) in steps.enumerated() {
      script += "printf '@@@ step %d\\n' \(number); printf '@@@ step %d\\n' \(number) >&2\n\(step.commands)\n"
    }
    let run = try BinaryRun.run(
      ["-c", script], workingDirectory: folder,
      environment: ["ATTENDANT_BINARY": Paths.binary.path, "TZ": "Europe/Zagreb", "ATTENDANT_CONTENT": ""],
      timeout: 300, executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(run.status == 0, "\(run.stderr)")
    func outputs(_ text: String) -> [String] { text.components(separatedBy: "@@@ step ").dropFirst().map { $0 } }
    let stdout = outputs(run.stdout), stderr = outputs(run.stderr)
    try #require(stdout.count == steps.count && stderr.count == steps.count, "\(run.stdout)\n\(run.stderr)")
    for (number, step) in steps.enumerated() {
      for line in step.expected {
        #expect(
          stdout[number].contains(line) || stderr[number].contains(line),
          "step \(number + 1) (\(step.commands.prefix(60))…) did not print: \(line)\n\(stdout[number])\(stderr[number])"
        )
      }
    }
    // Content that is not the demo, in two languages.
    let pedalo = folder.appendingPathComponent("pedalo")
    for language in ["en", "hr"] {
      #expect(
        FileManager.default.fileExists(atPath: pedalo.appendingPathComponent("Intents/\(language)/repairs.txt").path))
    }
    #expect(!FileManager.default.fileExists(atPath: pedalo.appendingPathComponent("Intents/en/order-status.txt").path))
  }
}
