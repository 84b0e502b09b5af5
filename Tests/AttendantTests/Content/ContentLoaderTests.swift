import Foundation
import Testing

@testable import Attendant

/// Each fixture under `Fixtures/loader/` is a small valid content folder, `loader/valid`, with one
/// mistake (its files laid over the base's: `FixtureVariant`).
struct ContentLoaderTests {
  @Test func theFoldersTheMistakesAreMadeInHaveNone() {
    let result = ContentLoader().read(from: Paths.fixture("loader/valid"))
    #expect(result.knowledgeBase != nil)
    #expect(result.findings.isEmpty, "\(result.findings)")
  }

  @Test(arguments: [
    ("missing-knowledge-base", "KnowledgeBase/", Finding.Kind.missingFolder, "The folder 'KnowledgeBase/' is missing."),
    ("unknown-language-folder", "Intents/xx/", .unknownLanguage, "'xx' is not a language with a profile."),
    (
      "invalid-intent-file-name", "Intents/en/Order Status.txt", .invalidIntentID,
      "'Order Status' is not a valid intent id."
    ),
    ("empty-intent", "Intents/en/order-status.txt", .emptyIntent, "The intent 'order-status' has no examples."),
    ("invalid-utf8", "Intents/en/order-status.txt:2", .parse, "The line is not valid UTF-8."),
    ("no-header", "KnowledgeBase/en/greeting.md:1", .parse, "The article has no header."),
    ("unclosed-header", "KnowledgeBase/en/greeting.md:1", .parse, "The header is not closed."),
    ("unknown-header-key", "KnowledgeBase/en/greeting.md:3", .parse, "Unknown header key 'intent'."),
    ("duplicate-header-key", "KnowledgeBase/en/greeting.md:3", .parse, "The key 'title' appears twice."),
    ("missing-title", "KnowledgeBase/en/greeting.md:1", .parse, "The article has no title."),
    ("missing-intents", "KnowledgeBase/en/greeting.md:1", .parse, "The article does not say which intents it answers."),
    (
      "invalid-intent-in-header", "KnowledgeBase/en/greeting.md:3", .invalidIntentID,
      "'Greeting!' is not a valid intent id."
    ),
    ("unknown-escalation", "KnowledgeBase/en/greeting.md:4", .parse, "Unknown escalation 'always'."),
    ("bad-small-talk", "KnowledgeBase/en/greeting.md:4", .parse, "'small-talk' must be 'yes' or 'no', not 'maybe'."),
    ("misspelt-title-key", "KnowledgeBase/en/greeting.md:2", .parse, "Unknown header key 'tittle'."),
    (
      "duplicate-article", "KnowledgeBase/en/hello-again.md:3", .duplicateArticle,
      "The intent 'greeting' already has an article in 'en' (KnowledgeBase/en/greeting.md)."
    ),
    ("unknown-phrase", "KnowledgeBase/en/phrases.txt:3", .unknownPhrase, "Unknown phrase 'welcom'."),
    ("phrase-without-equals", "KnowledgeBase/en/phrases.txt:1", .parse, "A phrase line must read 'key = sentence'."),
    ("schedule-bad-time-zone", "KnowledgeBase/support.txt:3", .schedule, "Unknown time zone 'Europe/Zagrebb'."),
    ("schedule-bad-hours", "KnowledgeBase/support.txt:4", .schedule, "Cannot read the hours 'Mon-Fri 8-20'."),
    (
      "follow-ups-unknown-intent", "Intents/en/follow-ups/order-stats.txt", .brokenFollowUp,
      "The follow-ups are for 'order-stats', which is no intent in 'en'."
    ),
    (
      "follow-ups-bad-file-name", "Intents/en/follow-ups/Order Status.txt", .invalidIntentID,
      "'Order Status.txt' is not named <intent-id>.txt."
    ),
  ])
  func eachMistakeIsReportedWithItsPlaceAndAFix(fixture: String, place: String, kind: Finding.Kind, message: String)
    throws
  {
    let result = ContentLoader().read(from: try Paths.copyOfFixture("loader/\(fixture)"))
    #expect(result.knowledgeBase == nil, "content with an error is not served")
    let errors = result.findings.filter { $0.severity == .error }
    #expect(errors.count == 1, "exactly the one mistake is reported: \(errors)")
    let finding = errors.first
    #expect(finding?.location.description == place)
    #expect(finding?.kind == kind)
    #expect(finding?.message == message)
    #expect(finding?.fix?.isEmpty == false, "every error says how to fix it")
    #expect(finding?.description.hasPrefix("\(place): error: \(message) Fix: ") == true)
  }

  @Test func aMisspeltRequiredKeyIsOneMistakeWithItsHint() throws {
    let errors = ContentLoader().read(from: try Paths.copyOfFixture("loader/misspelt-title-key")).findings.filter {
      $0.severity == .error
    }
    #expect(
      errors.map(\.description) == [
        "KnowledgeBase/en/greeting.md:2: error: Unknown header key 'tittle'. Fix: did you mean 'title'?"
      ], "not also 'The article has no title.'")
  }

  @Test(arguments: [
    ("order-status", true), ("opening_hours", false), ("Order-Status", false), ("2fa-reset", false), ("a1-b2", true),
    ("order status", false), ("out-of-scope", true),
  ])
  func intentIDsAreLowerCaseLettersDigitsAndHyphens(raw: String, valid: Bool) {
    #expect((IntentID(rawValue: raw) != nil) == valid)
  }

  @Test(arguments: [
    ("opening_hours", "opening-hours"), ("Order Status", "order-status"), ("todo__list", "todo-list"),
    ("Greeting!", nil),
  ])
  func anInvalidIDSuggestsTheOneMeant(raw: String, meant: String?) {
    #expect(IntentID.repaired(raw)?.rawValue == meant)
  }

  @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
    let folder = Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func write(_ path: String, _ text: String) throws {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try write("Intents/en/greeting.txt", "hello\n")
    try write("Intents/en/Bad Name.txt", "x\n")
    try write("KnowledgeBase/en/greeting.md", "no header\n")
    try write("KnowledgeBase/en/other.md", "---\ntitle: t\nintents: other\nescalate: never\n---\nbody\n")
    let errors = ContentLoader().read(from: folder).findings.filter { $0.severity == .error }
    #expect(Set(errors.map(\.location.file)).count >= 3, "\(errors)")
  }

  /// `Intents/<language>/follow-ups/<intent-id>.txt` holds the questions asked right after an
  /// intent's answer: loaded apart from its examples, which they do not change.
  @Test func followUpsAreLoadedApartFromTheExamples() throws {
    let result = ContentLoader().read(from: try Paths.copyOfFixture("loader/valid-with-follow-ups"))
    #expect(result.findings.isEmpty, "\(result.findings)")
    let knowledgeBase = try #require(result.knowledgeBase)
    let followUps = knowledgeBase.followUps[.en]?["order-status"]?.map(\.text)
    #expect(followUps == ["and how long does that take", "do i need the order number"])
    #expect(
      knowledgeBase.followUps[.en]?["order-status"]?.first?.location.description
        == "Intents/en/follow-ups/order-status.txt:2")
    let plain = try #require(ContentLoader().read(from: Paths.fixture("loader/valid")).knowledgeBase)
    #expect(knowledgeBase.intents == plain.intents)
    #expect(knowledgeBase.contentVersion() != plain.contentVersion(), "a reply can depend on them")
  }

  /// Another kind of file among the follow-ups is ignored with a warning, as among the intents; a
  /// read-me says nothing. Neither stops the content from loading.
  @Test func aFileThatIsNoFollowUpsIsIgnored() throws {
    let folder = try Paths.copyOfFixture("loader/valid-with-follow-ups")
    let followUps = folder.appendingPathComponent("Intents/en/follow-ups")
    try "Questions asked after an answer.\n".write(
      to: followUps.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    try "draft\n".write(to: followUps.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    let result = ContentLoader().read(from: folder)
    #expect(result.knowledgeBase?.followUps[.en]?["order-status"]?.count == 2)
    #expect(result.findings.map(\.location.description) == ["Intents/en/follow-ups/notes.md"])
    #expect(result.findings.first?.severity == .warning)
    #expect(result.findings.first?.message == "Only .txt files hold follow-ups; this file is ignored.")
  }

  @Test func theDemoLoadsWithoutErrors() {
    let result = ContentLoader().read(from: Paths.repository)
    #expect(result.knowledgeBase != nil)
    #expect(!result.findings.contains { $0.severity == .error }, "\(result.findings.filter { $0.severity == .error })")
  }

  @Test func decomposedFilesReadAsPrecomposed() throws {
    let folder = Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let decomposed = "tiền".decomposedStringWithCanonicalMapping
    #expect(decomposed.utf8.count > "tiền".utf8.count)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Intents/vi"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("KnowledgeBase/vi"), withIntermediateDirectories: true)
    try "hoàn \(decomposed) đi\n".write(
      to: folder.appendingPathComponent("Intents/vi/refund-status.txt"), atomically: true, encoding: .utf8)
    try "---\ntitle: Hoàn tiền\nintents: refund-status\n---\nChúng tôi hoàn tiền trong 5 ngày.\n".write(
      to: folder.appendingPathComponent("KnowledgeBase/vi/refund-status.md"), atomically: true, encoding: .utf8)
    let knowledgeBase = try ContentLoader().load(from: folder)
    let example = try #require(knowledgeBase.intents[.vi]?.first?.examples.first)
    #expect(Array(example.text.utf8) == Array("hoàn tiền đi".utf8), "NFC at the door")
  }

  /// A small valid content folder: one intent in English, with its article.
  static func smallContent() throws -> URL {
    let folder = Paths.temporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Intents/en"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("KnowledgeBase/en"), withIntermediateDirectories: true)
    try "where is my order\nwhen will my parcel arrive\n".write(
      to: folder.appendingPathComponent("Intents/en/order-status.txt"), atomically: true, encoding: .utf8)
    return folder
  }

  static let article = "---\ntitle: Your order\nintents: order-status\n---\nSee My account → My orders.\n"

  @Test func aLinkToAFileOutsideTheContentIsRefusedWithAFinding() throws {
    let folder = try Self.smallContent()
    let outside = Paths.temporaryFolder().appendingPathComponent("secret.md")
    try Self.article.write(to: outside, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("KnowledgeBase/en/order-status.md"), withDestinationURL: outside)
    let result = ContentLoader().read(from: folder)
    #expect(result.knowledgeBase == nil, "the content is refused")
    let finding = try #require(result.findings.first { $0.kind == .linkOutsideContent })
    #expect(finding.severity == .error)
    #expect(finding.location.file == "KnowledgeBase/en/order-status.md")
    #expect(finding.message.contains("outside the content folder"))
    #expect(finding.fix?.contains("copy the file into the content folder") == true)
  }

  @Test func aLinkedFolderOutsideTheContentIsRefusedToo() throws {
    let folder = try Self.smallContent()
    let outside = Paths.temporaryFolder()
    try Self.article.write(to: outside.appendingPathComponent("order-status.md"), atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("KnowledgeBase/en"))
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("KnowledgeBase/en"), withDestinationURL: outside)
    let result = ContentLoader().read(from: folder)
    #expect(
      result.findings.contains {
        $0.kind == .linkOutsideContent && $0.location.file == "KnowledgeBase/en/order-status.md"
      })
    #expect(result.knowledgeBase == nil)
  }

  @Test func aLinkWithinTheContentIsFollowed() throws {
    let folder = try Self.smallContent()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("shared"), withIntermediateDirectories: true)
    try Self.article.write(to: folder.appendingPathComponent("shared/order.md"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("KnowledgeBase/en/order-status.md").path,
      withDestinationPath: "../../shared/order.md")
    let result = ContentLoader().read(from: folder)
    #expect(result.knowledgeBase != nil, "\(result.findings)")
  }
}
