import Foundation
import Testing

@testable import Attendant

/// `attendant import` writes an editable phrases file with the built-in sentences, and says so.
@Suite(.serialized) struct ImportPhrasesTests {
  @Test func importWritesThePhrasesFileAndSaysSo() throws {
    let folder = Paths.temporaryFolder().appendingPathComponent("content")
    let run = try BinaryRun.run(
      ["import", "csv", Paths.fixture("import/labelled.csv").path, "--output", folder.path, "--language", "hr"],
      input: "")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Wrote KnowledgeBase/hr/phrases.txt"))
    let text = try String(contentsOf: folder.appendingPathComponent("KnowledgeBase/hr/phrases.txt"), encoding: .utf8)
    #expect(text.contains("welcome = " + LanguageProfile.croatian.phrases[.welcome]))
    #expect(text.contains("# " + Phrases.Key.handoffRequested.purpose))
    let engine = Engine(knowledgeBase: try ContentLoader().load(from: folder))
    #expect(engine.phrases(for: .hr)[.welcome].contains(engine.knowledgeBase.topics[.hr]!.joined(separator: ", ")))
  }

  /// The phrases file is the editor's once written: a second import, even with `--force`, keeps it.
  @Test func anExistingPhrasesFileIsKept() throws {
    let folder = Paths.temporaryFolder().appendingPathComponent("content")
    let phrases = folder.appendingPathComponent("KnowledgeBase/en/phrases.txt")
    try FileManager.default.createDirectory(at: phrases.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "welcome = Welcome to the garden centre!\n".write(to: phrases, atomically: true, encoding: .utf8)
    let run = try BinaryRun.run(
      ["import", "csv", Paths.fixture("import/labelled.csv").path, "--output", folder.path, "--force"], input: "")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("phrases.txt"))
    #expect(try String(contentsOf: phrases, encoding: .utf8) == "welcome = Welcome to the garden centre!\n")
  }
}
