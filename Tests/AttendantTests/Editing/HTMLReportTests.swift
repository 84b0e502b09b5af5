import Foundation
import Testing

@testable import Attendant

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The HTML report, read back with an XML parser as a browser would see its structure.
struct HTMLReportTests {
  /// A report with passes, failures, and a question full of markup characters.
  static let report: SuiteReport = {
    let awkward = TestSuiteParser.parse(
      "tom & jerry <script>alert('x')</script> \"quoted\" => order-status", name: "awkward",
      intents: Set(SuiteFixture.engine.knowledgeBase.intents[.en]!.map(\.id)))
    precondition(awkward.findings.isEmpty)
    let suites = TestSuiteParser.load(from: SuiteFixture.folder, intents: SuiteFixture.engine.knowledgeBase.intents)
      .suites
    return SuiteRunner(engine: SuiteFixture.engine).run(suites + [awkward.suite])
  }()

  static func page() throws -> Page {
    try Page(HTMLReport.render(report, subtitle: "Fixtures/suites <run>"))
  }

  @Test func isWellFormedAndSelfContained() throws {
    let page = try Self.page()
    #expect(page.root?.name == "html")
    for forbidden in ["script", "link", "img", "iframe", "object", "embed"] {
      #expect(page.elements(named: forbidden).isEmpty, "no <\(forbidden)>")
    }
    let attributes = page.all.flatMap { $0.attributes.keys }
    #expect(!attributes.contains("src") && !attributes.contains("href"), "nothing is loaded from elsewhere")
    #expect(page.elements(named: "style").count == 1)
    #expect(
      !page.elements(named: "style")[0].text.contains("@import")
        && !page.elements(named: "style")[0].text.contains("url("))
  }

  @Test func showsTheAccuracyOfEachLanguage() throws {
    let page = try Self.page()
    let table = try #require(page.all.first { $0.attributes["id"] == "accuracy" })
    let rows = table.descendants(named: "tr").filter { $0.attributes["data-language"] != nil }
    #expect(rows.map { $0.attributes["data-language"] } == Self.report.languages.map(\.language.rawValue))
    for (row, summary) in zip(rows, Self.report.languages) {
      let cells = row.descendants(named: "td").map(\.text)
      #expect(cells[0] == "\(summary.passedCases) / \(summary.cases)")
      #expect(cells[1] == String(format: "%.1f%%", summary.accuracy! * 100))
      #expect(cells[2] == "\(summary.passedConversations) / \(summary.conversations)")
    }
  }

  @Test func theConfusionTableIsAHeatMapOfTheCounts() throws {
    let page = try Self.page()
    let table = try #require(
      page.all.first { $0.attributes["class"] == "confusion" && $0.attributes["data-language"] == "en" })
    let matrix = try #require(Self.report.matrix(for: .en))
    let cells = table.descendants(named: "td").filter { $0.attributes["data-count"] != nil }
    #expect(table.descendants(named: "tr").count == matrix.rows.count + 1)
    #expect(cells.count == matrix.counts.joined().filter { $0 > 0 }.count)
    for cell in cells {
      let expected = try #require(cell.attributes["data-expected"]), got = try #require(cell.attributes["data-got"])
      let count = matrix.counts[matrix.rows.firstIndex(of: expected)!][matrix.columns.firstIndex(of: got)!]
      #expect(cell.attributes["data-count"] == "\(count)")
      #expect(cell.text == "\(count)")
      let style = try #require(cell.attributes["style"])
      let passes = SuiteReport.passes(expected: expected, got: got)
      #expect(style.hasPrefix(passes ? "background-color: hsl(140," : "background-color: hsl(0,"))
    }
    let shades = Set(cells.compactMap { $0.attributes["style"] })
    #expect(shades.count > 1, "the colour follows the share of the row")
  }

  /// A run with a suite below its `@minimum-accuracy` and one below its `@minimum-turn-accuracy`.
  static let gated: SuiteReport = {
    let intents = Set(SuiteFixture.engine.knowledgeBase.intents[.en]!.map(\.id))
    let questions = TestSuiteParser.parse(
      "@minimum-accuracy 90%\nwhere is my order => order-status\nwhere is my order => cancel-order\n",
      name: "heldout", intents: intents)
    let turns = TestSuiteParser.parse(
      "@minimum-turn-accuracy 90%\n> hello => answer greeting\n> where is my order => answer cancel-order\n",
      name: "conversations", intents: intents)
    return SuiteRunner(engine: SuiteFixture.engine).run([questions.suite, turns.suite])
  }()

  @Test func theHeadlineHasTheCountsOfTheCommandLine() throws {
    let page = try Page(HTMLReport.render(Self.gated))
    let summary = try #require(page.all.first { $0.attributes["class"]?.hasPrefix("summary") == true })
    #expect(summary.text == "4 checks: 2 passed, 0 failed, 2 missed in suites with a minimum accuracy.")
    #expect(summary.attributes["class"] == "summary fail")
    let plain = try #require(try Self.page().all.first { $0.attributes["class"]?.hasPrefix("summary") == true })
    #expect(plain.text == "\(Self.report.results.count) checks: \(Self.report.tally).")
  }

  @Test func showsTheSuitesThatMissedTheirMinimum() throws {
    let page = try Page(HTMLReport.render(Self.gated))
    let reasons = try #require(page.all.first { $0.attributes["id"] == "reasons" }).descendants(named: "li").map(\.text)
    #expect(
      reasons == [
        "Intents/en/tests/heldout.txt: 50.0% of its questions passed (1 of 2), below its @minimum-accuracy of 90%",
        "Intents/en/tests/conversations.txt: 50.0% of its conversation turns passed (1 of 2), below its @minimum-turn-accuracy of 90%",
      ])
    let table = try #require(page.all.first { $0.attributes["id"] == "minimums" })
    let rows = table.descendants(named: "tr").filter { $0.attributes["data-suite"] != nil }
    #expect(rows.map { $0.attributes["data-met"] } == ["false", "false"])
    #expect(rows.map { $0.descendants(named: "td").map(\.text) }.allSatisfy { $0.last == "NOT met" })
    let failures = try #require(page.all.first { $0.attributes["id"] == "failures" })
    let verdicts = failures.descendants(named: "tbody").first?.descendants(named: "tr").map {
      $0.descendants(named: "td").last?.text
    }
    #expect(verdicts == ["miss", "miss"])
  }

  @Test func listsTheFailures() throws {
    let page = try Self.page()
    let table = try #require(page.all.first { $0.attributes["id"] == "failures" })
    let rows = table.descendants(named: "tbody").first?.descendants(named: "tr") ?? []
    #expect(rows.count == Self.report.failures.count)
    let texts = rows.map { $0.descendants(named: "td").map(\.text) }
    #expect(
      texts.contains {
        $0[0] == "Intents/en/tests/failing.txt:2" && $0[2] == "cancel-order" && $0[3] == "answer order-status"
      })
    #expect(
      texts.contains { $0[1] == "tom & jerry <script>alert('x')</script> \"quoted\"" },
      "markup in a question is shown as text, not run")
    #expect(page.elements(named: "p").contains { $0.text == "Fixtures/suites <run>" })
  }
}

/// A parsed XHTML page: a tree of elements with their attributes and text.
final class Page {
  final class Element {
    let name: String
    let attributes: [String: String]
    var children: [Element] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
      self.name = name
      self.attributes = attributes
    }

    func descendants(named name: String) -> [Element] {
      children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(named: name) }
    }
  }

  private(set) var root: Element?
  private(set) var all: [Element] = []

  init(_ xhtml: String) throws {
    let delegate = Builder()
    let parser = XMLParser(data: Data(xhtml.utf8))
    parser.delegate = delegate
    guard parser.parse() else {
      throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
    }
    root = delegate.root
    all = delegate.all
  }

  func elements(named name: String) -> [Element] { all.filter { $0.name == name } }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: Element?
    var all: [Element] = []
    var stack: [Element] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let element = Element(name: elementName, attributes: attributes)
      stack.last?.children.append(element)
      if root == nil { root = element }
      all.append(element)
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      let element = stack.removeLast()
      stack.last?.text += element.text
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
}
