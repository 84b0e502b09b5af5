import Foundation
import Testing

@testable import Attendant

/// `attendant import`: each format becomes a content folder that `attendant check` accepts.
@Suite(.serialized) struct ImportTests {
  static func text(_ name: String) throws -> String {
    try String(contentsOf: Paths.fixture("import/\(name)"), encoding: .utf8)
  }

  /// Writes imported content to a new folder and checks it.
  static func writeAndCheck(_ content: ImportedContent) throws -> (URL, ContentChecker.Report) {
    let folder = Paths.temporaryFolder().appendingPathComponent("content")
    try content.write(to: folder)
    return (folder, ContentChecker().check(folder))
  }

  @Test func aCSVIsReadAsRFC4180Says() throws {
    let content = try Importer.labelledTable(
      try Self.text("labelled.csv"), file: "labelled.csv", delimiter: ",", language: .en)
    #expect(content.intents.map(\.id) == ["order-status", "shipping-cost"])
    #expect(
      content.intents[0].examples == [
        "where is my order, please?", "my parcel says \"delivered\" but it is not here", "track my package",
        "has my order shipped",
      ])
    #expect(
      content.intents[1].examples.first == "how much is shipping\r\nto croatia", "a quoted field keeps its line break")
    let (folder, report) = try Self.writeAndCheck(content)
    #expect(report.count(.error) == 0, "\(report.findings)")
    let written = try String(contentsOf: folder.appendingPathComponent("Intents/en/shipping-cost.txt"), encoding: .utf8)
    #expect(written.contains("\nhow much is shipping to croatia\n"), "an example is one line")
  }

  @Test func aTSVWithoutAHeaderTakesTextThenIntent() throws {
    let content = try Importer.labelledTable(
      try Self.text("labelled.tsv"), file: "labelled.tsv", delimiter: "\t", language: .en)
    #expect(content.intents.map(\.id) == ["order-status", "shipping-cost"])
    #expect(content.intents[1].examples.last == "shipping fees, with \"express\" too")
    #expect(try Self.writeAndCheck(content).1.count(.error) == 0)
  }

  @Test func aQuestionAnswerTableGroupsQuestionsByAnswer() throws {
    let content = try Importer.questionAnswerTable(try Self.text("qna.tsv"), file: "qna.tsv", language: .en)
    #expect(content.intents.count == 5)
    #expect(content.intents[0].examples == ["where is my order", "how do i track my parcel", "has my order shipped"])
    #expect(content.intents[0].answer == "See **My orders**.\nTracking updates within 24 hours.")
    let (folder, report) = try Self.writeAndCheck(content)
    #expect(report.count(.error) == 0, "\(report.findings)")
    let engine = try #require(report.engine)
    var session = Session(id: "import")
    let reply = engine.respond(to: Message("where is my order"), in: &session, at: SuiteRunner.fixedTime)
    #expect(reply.text == "See **My orders**.\nTracking updates within 24 hours.")
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("KnowledgeBase/en/\(content.intents[0].id).md").path))
  }

  @Test func clinc150BecomesIntentsAndTestSuites() throws {
    let data = try Data(contentsOf: Paths.fixture("import/clinc150-mini.json"))
    let content = try Importer.clinc150(data, file: "clinc150-mini.json")
    let (folder, report) = try Self.writeAndCheck(content)
    #expect(report.count(.error) == 0, "\(report.findings)")
    let loaded = TestSuiteParser.load(from: folder, intents: report.intents)
    #expect(loaded.findings.isEmpty, "\(loaded.findings)")
    #expect(loaded.suites.map(\.name) == ["test", "val"])
    let val = try #require(loaded.suites.last)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String]]])
    #expect(val.cases.count == json["val"]!.count + json["oos_val"]!.count)
    #expect(val.cases.filter { $0.expected == nil }.count == json["oos_val"]!.count)
    let run = SuiteRunner(engine: try #require(report.engine)).run([val])
    #expect(run.results.count == val.cases.count)
  }

  @Test func importThenTestIsOneCommandSequence() throws {
    let folder = Paths.temporaryFolder().appendingPathComponent("clinc")
    let imported = try BinaryRun.run(
      ["import", "clinc150", Paths.fixture("import/clinc150-mini.json").path, "--output", folder.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("attendant check: 0 errors"))
    let tested = try BinaryRun.run(["test", "--content", folder.path, "--suite", "val"])
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: Paths.fixture("import/clinc150-mini.json")))
      as? [String: [[String]]]
    let cases = (json?["val"]?.count ?? 0) + (json?["oos_val"]?.count ?? 0)
    let last = try #require(tested.stdout.split(separator: "\n").last)
    let counts = last.split(separator: " ").compactMap { Int($0) }
    #expect(counts.count == 2 && counts[0] + counts[1] == cases, "\(last)")
    #expect(tested.status == (counts.last == 0 ? 0 : 1))
    #expect(tested.stdout.contains("\nen "))

    let again = try BinaryRun.run([
      "import", "clinc150", Paths.fixture("import/clinc150-mini.json").path, "--output", folder.path,
    ])
    #expect(again.status == 64, "an import does not overwrite files without --force")
    #expect(again.stderr.contains("already exists"))
    let forced = try BinaryRun.run(
      ["import", "clinc150", Paths.fixture("import/clinc150-mini.json").path, "--output", folder.path, "--force"])
    #expect(forced.status == 0)
  }

  @Test func importMistakesAreUsageErrors() throws {
    let output = Paths.temporaryFolder().path
    let noOutput = try BinaryRun.run(["import", "csv", Paths.fixture("import/labelled.csv").path])
    #expect(noOutput.status == 64)
    #expect(noOutput.stderr.contains("Missing '--output <dir>'"))
    let unknown = try BinaryRun.run(["import", "cvs", "x.csv", "--output", output])
    #expect(unknown.stderr.contains("Unknown format 'cvs'. Did you mean 'csv'?"))
    let csv = try BinaryRun.run([
      "import", "csv", Paths.fixture("import/labelled.csv").path, "--output", output, "--language", "hr",
    ])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(FileManager.default.fileExists(atPath: output + "/Intents/hr/order-status.txt"))
  }
}
