import Foundation
import Testing

/// The README's commands work as typed: through `swift run`, or after `scripts/install.sh`.
@Suite(.serialized) struct ReadmeCommandsTests {
  static let readme: String = {
    (try? String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
  }()

  /// The lines of the README's `sh` code blocks.
  static var shellLines: [String] {
    var lines: [String] = []
    var inShell = false
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inShell = !inShell && line == "```sh"
        continue
      }
      if inShell { lines.append(String(line)) }
    }
    return lines
  }

  /// The commands of the "For content editors" block, without their comments.
  static var editorCommands: [String] {
    guard let start = readme.range(of: "## For content editors"),
      let block = readme[start.upperBound...].range(of: "```sh\n"),
      let end = readme[block.upperBound...].range(of: "```")
    else { return [] }
    return readme[block.upperBound..<end.lowerBound].split(separator: "\n").map {
      String($0.split(separator: "#", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func noShellCommandAssumesAnInstalledAttendant() {
    #expect(!Self.shellLines.isEmpty)
    let bare = Self.shellLines.filter { $0.hasPrefix("attendant ") || $0.hasPrefix("$ attendant ") }
    #expect(bare.isEmpty, "'attendant' is not on the PATH after the README's steps: \(bare)")
  }

  @Test func theEditorCommandsRunThroughSwiftRun() throws {
    let commands = Self.editorCommands
    #expect(commands.count == 5)
    #expect(commands.allSatisfy { $0.hasPrefix("swift run attendant ") }, "\(commands)")
    // `swift run attendant X` runs the binary that `swift build` made, from the repository's folder.
    let explain = try #require(commands.first { $0.contains(" explain ") })
    #expect(explain == #"swift run attendant explain "kargom nerde kaldı""#)
    let run = try BinaryRun.run(
      ["explain", "kargom nerde kaldı"], workingDirectory: Paths.repository, environment: ["ATTENDANT_CONTENT": ""])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("order-status"))
  }

  @Test func theInstallScriptPutsTheCommandAndTheDemoContentUnderAPrefix() throws {
    let prefix = Paths.temporaryFolder().appendingPathComponent("prefix")
    defer { try? FileManager.default.removeItem(at: prefix.deletingLastPathComponent()) }
    let script = Paths.repository.appendingPathComponent("scripts/install.sh").path
    let install = try BinaryRun.run(
      [script, "--prefix", prefix.path, "--binary", Paths.binary.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(install.status == 0, "\(install.stderr)")
    #expect(install.stdout.hasPrefix("Installed \(prefix.path)/bin/attendant, with the demo content in "))
    let installed = prefix.appendingPathComponent("bin/attendant")
    #expect(FileManager.default.isExecutableFile(atPath: installed.path))

    // From a folder that holds no content, the installed command finds the demo beside itself.
    let elsewhere = Paths.temporaryFolder()
    let check = try BinaryRun.run(
      ["check"], workingDirectory: elsewhere, environment: ["ATTENDANT_CONTENT": ""], executable: installed)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stderr.contains("share/attendant: 0 errors, "))
    let explain = try BinaryRun.run(
      ["explain", "kargom nerde kaldı"], workingDirectory: elsewhere, environment: ["ATTENDANT_CONTENT": ""],
      executable: installed)
    #expect(explain.status == 0)

    let again = try BinaryRun.run(
      [script, "--prefix", prefix.path, "--binary", Paths.binary.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(again.status == 0, "installing again replaces the older copy")
    let wrong = try BinaryRun.run([script, "--prefx", prefix.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("unknown option '--prefx'"))
  }
}
