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
    var session = ChatSession(id: "import")
    let reply = engine.respond(to: CustomerMessage("where is my order"), in: &session, at: SuiteRunner.fixedTime)
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

  @Test func labelsWithUnderscoresBecomeIDsWithHyphens() throws {
    let content = try Importer.labelledTable(
      "text,intent\nwhen do you open,opening_hours\nis there parking,parking\n", file: "faq.csv", delimiter: ",",
      language: .en)
    #expect(content.intents.map(\.id) == ["opening-hours", "parking"])
    #expect(content.renamed.map(\.sourceLabel) == ["opening_hours"])
    let (folder, report) = try Self.writeAndCheck(content)
    #expect(!report.findings.contains { $0.kind == .invalidIntentID })
    let written = try String(contentsOf: folder.appendingPathComponent("Intents/en/opening-hours.txt"), encoding: .utf8)
    #expect(written.contains("# label in the source: opening_hours\n"))

    let json = #"{"train": [["add milk to my todo list", "todo_list"]], "val": [["whats on my list", "todo_list"]]}"#
    let clinc = try Importer.clinc150(Data(json.utf8), file: "mini.json")
    #expect(clinc.intents.map(\.id) == ["todo-list"])
    #expect(clinc.suites.first { $0.name == "val" }?.cases.map(\.expected) == ["todo-list"])
  }

  @Test func theImportSaysWhichLabelsItRenamed() throws {
    let file = Paths.temporaryFolder().appendingPathComponent("faq.csv")
    try "text,intent\nwhen do you open,opening_hours\nis there parking,parking\n".write(
      to: file, atomically: true, encoding: .utf8)
    let output = Paths.temporaryFolder().appendingPathComponent("content")
    let run = try BinaryRun.run(["import", "csv", file.path, "--output", output.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "\nRenamed 1 label to intent ids, which are lower-case letters, digits and hyphens: 'opening_hours' → 'opening-hours'. Each intent file names its label in a comment.\n"
      ), "\(run.stdout)")
  }

  @Test func textsUnderTwoLabelsAreFoundWithTheirLines() throws {
    var content = try Importer.labelledTable(
      try Self.text("conflicting.csv"), file: "conflicting.csv", delimiter: ",", language: .en)
    #expect(content.conflicts.map(\.text) == ["what time do you open", "where is your shop"])
    #expect(
      content.conflicts[0].labels == [
        .init(label: "opening_hours", id: "opening-hours", count: 2, lines: [2, 4]),
        .init(label: "store_hours", id: "store-hours", count: 1, lines: [6]),
      ])
    #expect(content.conflicts[1].labels.map(\.lines) == [[3], [8, 9]])
    #expect(content.keepFirstLabels() == ["store-hours"], "an intent left without examples goes")
    #expect(content.intents.map(\.id) == ["opening-hours", "location", "parking", "directions"])
    #expect(content.intents[3].examples == ["how do i get to your shop"])
    #expect(content.intents[0].examples.count == 3, "the first label keeps every line of the text")
    let (_, report) = try Self.writeAndCheck(content)
    #expect(report.count(.error) == 0, "\(report.findings)")
  }

  @Test func textsUnderTwoLabelsStopTheImportAndSayHowToGoOn() throws {
    let file = Paths.fixture("import/conflicting.csv").path
    let output = Paths.temporaryFolder().appendingPathComponent("content")
    let run = try BinaryRun.run(["import", "csv", file, "--output", output.path])
    #expect(run.status == 1)
    #expect(
      run.stderr.hasPrefix(
        """
        Error: 2 texts in '\(file)' are filed under more than one label; as an example of two intents, a text can only ever reach one of them:
          'what time do you open' under 'opening_hours' (lines 2, 4) and 'store_hours' (line 6)
          'where is your shop' under 'location' (line 3) and 'directions' (lines 8, 9)
        Nothing was written. To keep going, pass '--on-conflict first': each of these texts stays with the label that has it first and is left out of the others
        """), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")

    let kept = try BinaryRun.run(["import", "csv", file, "--output", output.path, "--on-conflict", "first"])
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stdout.contains("  'where is your shop' under 'location' (line 3) and 'directions' (lines 8, 9)\n"))
    #expect(
      kept.stdout.contains(
        "Kept each under its first label ('--on-conflict first') and left it out of the others; 1 intent(s) had no examples left and were not written: 'store-hours'."
      ))
    #expect(kept.stdout.contains("attendant check: 0 errors, "))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("Intents/en/store-hours.txt").path))

    let typo = try BinaryRun.run(["import", "csv", file, "--output", output.path, "--on-conflict", "frist"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("Unknown value 'frist' for '--on-conflict'. Did you mean 'first'?"))
  }

  @Test func theCheckSummaryPointsAtFindingsOnlyWhenThereAreSome() throws {
    let hours = [
      "when do you open", "what are your opening hours", "are you open on sunday", "what time do you close today",
      "opening times please", "until when are you open tonight", "is the shop open on saturday morning",
      "do you open early on weekdays", "holiday opening hours", "are you closed on public holidays",
      "what time does the store open tomorrow", "late night shopping hours",
    ]
    let parking = [
      "is there parking", "where can i park my car", "do you have a car park", "is parking free for customers",
      "how much does parking cost", "parking spaces near the shop", "can i leave my car in your garage",
      "disabled parking bays", "is there a bike rack", "where do i park when i visit", "parking for a van",
      "do you validate parking tickets",
    ]
    let rows =
      hours.map { "\($0)\tWe are open Monday to Saturday, 9:00 to 20:00." }
      + parking.map { "\($0)\tOur car park behind the shop is free for customers for two hours." }
    let file = Paths.temporaryFolder().appendingPathComponent("faq.tsv")
    try (["Question\tAnswer"] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let clean = try BinaryRun.run(["import", "qna", file.path, "--output", Paths.temporaryFolder().path])
    #expect(clean.status == 0, "\(clean.stderr)")
    let cleanSummary = clean.stdout.split(separator: "\n").last { $0.hasPrefix("attendant check:") }
    #expect(cleanSummary == "attendant check: 0 errors, 0 warnings.")

    let output = Paths.temporaryFolder().path
    let small = try BinaryRun.run(["import", "csv", Paths.fixture("import/labelled.csv").path, "--output", output])
    let summary = small.stdout.split(separator: "\n").last { $0.hasPrefix("attendant check:") }
    #expect(
      summary
        == "attendant check: 0 errors, 4 warnings (2 placeholder-answer, 2 too-few-examples); run 'attendant check --content \(output)' to see them."
    )
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
