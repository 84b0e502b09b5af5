import Foundation
import Testing

@testable import Attendant

/// `attendant check`'s findings: one fixture per kind, each with the exact place it reports.
struct ContentCheckerTests {
  static let checker = ContentChecker()

  @Test(arguments: [
    ("parse-error", "KnowledgeBase/en/shipping-cost.md:4", Finding.Severity.error, Finding.Kind.parse),
    ("missing-article", "Intents/en/shipping-cost.txt:1", .error, .missingArticle),
    ("article-without-intent", "KnowledgeBase/en/gift-wrap.md:1", .warning, .orphanArticle),
    ("intent-missing-in-language", "Intents/en/shipping-cost.txt:1", .warning, .missingIntentInLanguage),
    ("duplicate-example", "Intents/en/order-status.txt:7", .warning, .duplicateExample),
    ("duplicate-across-intents", "Intents/en/shipping-cost.txt:7", .error, .duplicateAcrossIntents),
    ("conflict", "Intents/en/order-status.txt:7", .warning, .conflict),
    ("too-short", "Intents/en/order-status.txt:7", .warning, .weakExample),
    ("stop-words", "Intents/en/order-status.txt:7", .warning, .weakExample),
    ("empty-body", "KnowledgeBase/en/shipping-cost.md:4", .error, .emptyBody),
    ("broken-follow-up", "KnowledgeBase/en/order-status.md:1", .error, .brokenFollowUp),
  ])
  func eachKindOfFindingHasAFixtureWithItsExactPlace(
    fixture: String, place: String, severity: Finding.Severity, kind: Finding.Kind
  ) {
    let report = Self.checker.check(Paths.fixture("check/\(fixture)"))
    let found = report.findings.filter { $0.kind == kind }
    #expect(found.map(\.location.description) == [place], "\(report.findings)")
    #expect(found.first?.severity == severity)
    #expect(found.first?.description.hasPrefix("\(place): \(severity.rawValue): ") == true)
    #expect(found.first?.fix?.isEmpty == false, "every finding says how to fix it")
    #expect(
      report.hasErrors == (severity == .error), "an error stops the content from being served; a warning does not")
  }

  @Test func cleanContentHasNoFindings() {
    let report = Self.checker.check(Paths.fixture("check/clean"))
    #expect(report.findings.isEmpty, "\(report.findings)")
    #expect(report.engine?.match("where is my order", in: .en)?.intent == "order-status")
  }

  @Test func aConflictNamesBothIntents() throws {
    let finding = try #require(
      Self.checker.check(Paths.fixture("check/conflict")).findings.first { $0.kind == .conflict })
    #expect(finding.message.contains("'shipping-cost'"))
    #expect(finding.message.contains("its own intent 'order-status'"))
    #expect(finding.message.contains("'how much is shipping for express'"))
  }

  @Test func aDuplicateAcrossIntentsPointsAtTheOtherExample() throws {
    let finding = try #require(
      Self.checker.check(Paths.fixture("check/duplicate-across-intents")).findings.first {
        $0.kind == .duplicateAcrossIntents
      })
    #expect(finding.message.contains("'order-status' (Intents/en/order-status.txt:2)"))
  }

  @Test func weakExamplesSayWhyTheyAreWeak() throws {
    let short = try #require(Self.checker.check(Paths.fixture("check/too-short")).findings.first)
    let stopWords = try #require(Self.checker.check(Paths.fixture("check/stop-words")).findings.first)
    #expect(short.message.contains("too short"))
    #expect(stopWords.message.contains("nothing but stop words ('can you do it for me')"))
  }

  @Test(arguments: [
    ("?", true), ("x", true), ("can you do it", true), ("the", true), ("where is my order", false), ("hi", false),
    ("ORB-48213579", false),
  ])
  func weakness(example: String, isWeak: Bool) {
    let terms = TextAnalyzer(profile: .english).terms(of: example)
    #expect((ContentChecker.weakness(of: terms) != nil) == isWeak)
  }

  @Test func examplesThatDifferOnlyInDiacriticsAreNotDuplicates() {
    let analyzer = TextAnalyzer(profile: .turkish)
    let key = { ContentChecker.key(analyzer.terms(of: $0)) }
    #expect(
      key("siparişim nerede") != key("siparisim nerede"), "typing with and without diacritics is taught on purpose")
    #expect(key("SİPARİŞİM NEREDE?") == key("siparişim nerede"))
    #expect(key("ORB-12345678 nerede") == key("ORB-87654321 nerede"), "numbers are one shape to the matcher")
  }

  @Test func theAnalysesRunWhenTheContentHasErrorsElsewhere() throws {
    let folder = try Paths.copyOfFixture("check/duplicate-example")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("KnowledgeBase/en/shipping-cost.md"))
    let report = Self.checker.check(folder)
    #expect(report.hasErrors)
    #expect(report.findings.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.duplicateExample, .missingArticle])
  }

  @Test func theDemoContentHasNoErrors() {
    let report = Self.checker.check(Paths.repository)
    #expect(report.count(.error) == 0, "\(report.findings.filter { $0.severity == .error })")
    #expect(report.engine?.languages == [.en, .hr, .id, .tr, .vi])
    #expect(report.findings.allSatisfy { $0.location.line > 0 }, "every finding reads file:line")
  }
}
