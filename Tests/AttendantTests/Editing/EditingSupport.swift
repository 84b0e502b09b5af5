import Foundation
import Testing

@testable import Attendant

/// The content of `Fixtures/suites`, with the engine built for it and its suites.
enum SuiteFixture {
  static let folder = Paths.fixture("suites")

  static let engine: Engine = {
    do {
      return try Engine(contentsOf: folder)
    } catch {
      fatalError("Fixtures/suites does not load:\n\(error)")
    }
  }()

  /// The suites of the fixture, by name.
  static func suite(_ name: String) throws -> TestSuite {
    let loaded = TestSuiteParser.load(from: folder, intents: engine.knowledgeBase.intents)
    #expect(loaded.findings.isEmpty, "\(loaded.findings)")
    return try #require(loaded.suites.first { $0.name == name })
  }
}

extension TestSuiteParser {
  /// Parses suite text as if it were `Intents/<language>/tests/<name>.txt`.
  static func parse(
    _ text: String, name: String = "suite", language: Language = .en, intents: Set<IntentID>? = nil
  ) -> (suite: TestSuite, findings: [Finding]) {
    let path = "Intents/\(language)/tests/\(name).txt"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      ContentFile.Line(number: $0.offset + 1, text: String($0.element))
    }
    var findings: [Finding] = []
    let suite = parse(
      ContentFile(path: path, lines: lines), name: name, language: language, intents: intents, findings: &findings)
    return (suite, findings)
  }
}
