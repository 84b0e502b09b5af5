import Foundation
import Testing

@testable import Attendant

/// `attendant check`'s findings: one fixture per kind, each with the exact place it reports.
struct ContentCheckerTests {
  static let checker = ContentChecker()

  @Test(arguments: [
    ("parse-error", "KnowledgeBase/en/shipping-cost.md:4", Finding.Severity.error, Finding.Kind.parse),
    ("missing-article", "Intents/en/shipping-cost.txt:1", .error, .missingArticle),
    ("article-without-intent", "KnowledgeBase/en/gift-wrap.md:3", .warning, .orphanArticle),
    ("intent-missing-in-language", "Intents/en/shipping-cost.txt:1", .warning, .missingIntentInLanguage),
    ("duplicate-example", "Intents/en/order-status.txt:7", .warning, .duplicateExample),
    ("duplicate-across-intents", "Intents/en/shipping-cost.txt:7", .warning, .duplicateAcrossIntents),
    ("conflict", "Intents/en/order-status.txt:7", .warning, .conflict),
    ("too-short", "Intents/en/order-status.txt:7", .warning, .weakExample),
    ("stop-words", "Intents/en/order-status.txt:7", .warning, .weakExample),
    ("empty-body", "KnowledgeBase/en/shipping-cost.md:4", .error, .emptyBody),
    ("broken-follow-up", "KnowledgeBase/en/order-status.md:4", .error, .brokenFollowUp),
    ("few-examples", "Intents/en/shipping-cost.txt:1", .warning, .tooFewExamples),
    ("placeholder-answer", "KnowledgeBase/en/shipping-cost.md:5", .warning, .placeholderAnswer),
    ("next-topics-differ", "KnowledgeBase/hr/order-status.md:3", .warning, .nextTopicsDiffer),
  ])
  func eachKindOfFindingHasAFixtureWithItsExactPlace(
    fixture: String, place: String, severity: Finding.Severity, kind: Finding.Kind
  ) throws {
    let report = Self.checker.check(try Paths.copyOfFixture("check/\(fixture)"))
    let found = report.findings.filter { $0.kind == kind }
    #expect(found.map(\.location.description) == [place], "\(report.findings)")
    #expect(found.first?.severity == severity)
    #expect(found.first?.description.hasPrefix("\(place): \(severity.rawValue): ") == true)
    #expect(found.first?.fix?.isEmpty == false, "every finding says how to fix it")
    #expect(
      report.hasErrors == (severity == .error), "an error stops the content from being served; a warning does not")
  }

  /// The demo's articles offer the same next topics in every language, as their facts are the same;
  /// 13 articles differed before the check was written (hr `damaged-item` offered returns where the
  /// other languages offered the warranty).
  @Test func theDemoOffersTheSameNextTopicsInEveryLanguage() {
    let findings = ContentLoader().read(from: Paths.repository).findings.filter { $0.kind == .nextTopicsDiffer }
    #expect(findings.isEmpty, "\(findings)")
  }

  /// The most common choice among the languages is the reference; the finding names who holds it.
  @Test func theFindingNamesTheLanguagesThatAgree() throws {
    let findings = ContentLoader().read(from: try Paths.copyOfFixture("check/next-topics-differ")).findings
    let finding = try #require(findings.first { $0.kind == .nextTopicsDiffer })
    #expect(
      finding.message
        == "The follow-up topics of 'order-status' in 'hr' (none) differ from those in 'en' (shipping-cost).")
    #expect(finding.fix?.contains("remove the 'follow-up:' line") == false)
    #expect(finding.fix?.contains("write 'follow-up: shipping-cost'") == true)
  }

  @Test func cleanContentHasNoFindings() {
    let report = Self.checker.check(Paths.fixture("check/clean"))
    #expect(report.findings.isEmpty, "\(report.findings)")
    #expect(report.engine?.match("where is my order", in: .en)?.intent == "order-status")
  }

  /// An example typed word for word answers its own intent (the `an-example` rule), so the conflict is
  /// what customers who say it in other words get.
  @Test func aConflictSaysWhatACustomerWhoTypesTheExampleGets() throws {
    let finding = try #require(
      Self.checker.check(try Paths.copyOfFixture("check/conflict")).findings.first { $0.kind == .conflict })
    #expect(
      finding.message.hasPrefix(
        "The example 'how much is shipping for express' gets the answer of its own intent 'order-status' only word for word: the matcher scores 'shipping-cost' "
      ), "\(finding.message)")
    #expect(finding.message.hasSuffix("so customers who ask it in other words are likely to get 'shipping-cost'."))
    #expect(!finding.message.contains("before"), "no ranking that the confidences shown could contradict")
    #expect(
      finding.fix?.hasPrefix(
        "'shipping-cost' has a close example, 'how much is shipping' (Intents/en/shipping-cost.txt:2); ")
        == true, "\(finding.fix ?? "")")
  }

  @Test func aConflictInContentWithErrorsNamesTheScoresOnly() throws {
    let folder = try Paths.copyOfFixture("check/conflict")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("KnowledgeBase/en/order-status.md"))
    let finding = try #require(Self.checker.check(folder).findings.first { $0.kind == .conflict })
    #expect(finding.message.hasPrefix("The matcher scores 'shipping-cost' "), "\(finding.message)")
    #expect(finding.message.hasSuffix("so it may not get the answer of its own intent 'order-status'."))
  }

  /// The Croatian example of issue 12: `zelim poslati poklon`, scored level with `return-item`.
  @Test func scoresThatRoundAlikeAreCalledTheSame() {
    func candidate(_ intent: IntentID, _ confidence: Double) -> IntentCandidate {
      IntentCandidate(intent: intent, confidence: confidence, coverage: 1, signals: [], nearestExamples: [])
    }
    func match(_ candidates: [IntentCandidate]) -> IntentMatch {
      IntentMatch(
        language: .hr, terms: [], entities: [], corrections: [], unknownWords: [], coverage: 1, candidates: candidates,
        confidence: .init(value: 0.25, absolute: 0, coverage: 1, margin: 0))
    }
    let level = match([candidate("return-item", 0.2512), candidate("gift-wrapping", 0.2498)])
    #expect(
      ContentChecker.scores("return-item", "gift-wrapping", in: level)
        == "'return-item' and 'gift-wrapping' the same (0.25)")
    let apart = match([candidate("return-item", 0.78), candidate("gift-wrapping", 0.76)])
    #expect(
      ContentChecker.scores("return-item", "gift-wrapping", in: apart) == "'return-item' 0.78 and 'gift-wrapping' 0.76")
    let missing = match([candidate("return-item", 0.78)])
    #expect(
      ContentChecker.scores("return-item", "gift-wrapping", in: missing)
        == "'return-item' 0.78 and 'gift-wrapping' below the top 1")
  }

  @Test func theMinimumNumberOfExamplesIsTheOneTheDocsGive() throws {
    let docs = try String(
      contentsOf: Paths.repository.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
    #expect(docs.contains("at least \(ContentChecker.minimumExamples) different examples per intent"))
    let finding = try #require(
      Self.checker.check(try Paths.copyOfFixture("check/few-examples")).findings.first { $0.kind == .tooFewExamples })
    #expect(
      finding.message
        == "The intent 'shipping-cost' has 3 examples in 'en', fewer than the 12 it needs for customers who word the question their own way to reach it."
    )
    #expect(finding.fix?.hasPrefix("add 9 more") == true)
  }

  @Test func repeatedAndWeakExamplesDoNotCountTowardsTheMinimum() throws {
    let folder = try Paths.copyOfFixture("check/clean")
    let file = folder.appendingPathComponent("Intents/en/shipping-cost.txt")
    let text = try String(contentsOf: file, encoding: .utf8)
    // 12 lines, but one repeats another and one is too short: 10 different examples.
    let lines = text.split(separator: "\n").dropLast(2).map(String.init) + ["How much is shipping?", "?"]
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let finding = try #require(Self.checker.check(folder).findings.first { $0.kind == .tooFewExamples })
    #expect(finding.message.hasPrefix("The intent 'shipping-cost' has 10 different examples in 'en', "))
  }

  @Test(arguments: [
    ("This answer has not been written yet (imported intent 'location').", "the importer's placeholder text"),
    ("TODO", "only the note 'TODO'"),
    ("todo: tbd", "only the note 'todo tbd'"),
    ("**TODO**", "only the note 'TODO'"),
    ("We are open from 9 to 5. TODO: Saturdays?", "an editor's note, 'TODO'"),
    ("—", "no words"),
    ("Lorem ipsum dolor sit amet.", "filler text, 'lorem ipsum'"),
  ])
  func placeholderAnswers(body: String, problem: String) {
    #expect(PlaceholderAnswer.problem(in: body) == problem)
  }

  @Test(arguments: [
    "We are open from 9 to 5.", "Your todo list is under **My lists**.", "Card numbers are shown as XXX-1234.",
    "Radimo od 9 do 17 sati.",
  ])
  func answersThatAreWrittenAreNotPlaceholders(body: String) {
    #expect(PlaceholderAnswer.problem(in: body) == nil)
  }

  @Test func theImportersPlaceholderIsReported() {
    let body = PlaceholderAnswer.text(forLabel: "opening_hours")
    #expect(body == "This answer has not been written yet (imported intent 'opening_hours').")
    #expect(PlaceholderAnswer.problem(in: body) != nil)
  }

  @Test func intentIDsWithUnderscoresAreInvalidAndTheFixNamesTheID() throws {
    let report = Self.checker.check(try Paths.copyOfFixture("check/invalid-intent-id"))
    let found = report.findings.filter { $0.kind == .invalidIntentID }
    #expect(report.hasErrors)
    #expect(
      found.map(\.description) == [
        "Intents/en/shipping_cost.txt:1: error: 'shipping_cost' is not a valid intent id. Fix: rename the file to 'shipping-cost.txt', and the id in its articles' headers; an intent id is lower-case letters, digits and hyphens, starting with a letter.",
        "KnowledgeBase/en/shipping-cost.md:3: error: 'shipping_cost' is not a valid intent id. Fix: write 'shipping-cost'; an intent id is lower-case letters, digits and hyphens, starting with a letter.",
      ])
  }

  @Test func aMenuItemWithoutAnArticleIsReportedOnTheMenuLine() throws {
    let folder = try Paths.copyOfFixture("check/clean")
    let article =
      "---\ntitle: Tracking your order\nintents: order-status\n\nmenu: shipping-cost, shiping-costs\n---\nWhich?\n"
    try article.write(
      to: folder.appendingPathComponent("KnowledgeBase/en/order-status.md"), atomically: true, encoding: .utf8)
    let found = Self.checker.check(folder).findings.filter { $0.kind == .brokenFollowUp }
    #expect(found.map(\.location.description) == ["KnowledgeBase/en/order-status.md:5"])
    #expect(found.first?.message == "The menu 'shiping-costs' has no article in 'en'.")
  }

  @Test func aDuplicateAcrossIntentsPointsAtTheOtherExample() throws {
    let finding = try #require(
      Self.checker.check(try Paths.copyOfFixture("check/duplicate-across-intents")).findings.first {
        $0.kind == .duplicateAcrossIntents
      })
    #expect(finding.message.contains("'order-status' (Intents/en/order-status.txt:2)"))
  }

  @Test func weakExamplesSayWhyTheyAreWeak() throws {
    let short = try #require(Self.checker.check(try Paths.copyOfFixture("check/too-short")).findings.first)
    let stopWords = try #require(Self.checker.check(try Paths.copyOfFixture("check/stop-words")).findings.first)
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
