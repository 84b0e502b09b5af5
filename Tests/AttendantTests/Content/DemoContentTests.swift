import Foundation
import Testing

@testable import Attendant

/// The bundled demo content: complete in every language, and consistent with itself.
struct DemoContentTests {
  static let languages: [Language] = [.en, .hr, .vi, .tr, .id]

  static let intents: [IntentID] = [
    "greeting", "thanks", "goodbye", "human-agent", "order-status", "delivery-time", "international-shipping",
    "shipping-cost", "change-address", "cancel-order", "return-item", "refund-status", "damaged-item", "wrong-item",
    "payment-methods", "payment-failed", "currency", "invoice", "discount-code", "warranty", "support-hours",
    "contact-channels", "languages", "password-reset", "delete-account", "complaint", "feedback", "courier",
    "order-problem", "account-help",
  ]

  /// Every intent of the demo, and its out-of-scope examples, which have no article.
  static let intentsAndOutOfScope = intents + [IntentID.outOfScope]

  /// Measured once for all the self-consistency tests.
  static let evaluation: [Language: ContentEvaluation.LanguageReport] = Dictionary(
    uniqueKeysWithValues: ContentEvaluation.evaluate(Demo.engine).map { ($0.language, $0) })

  @Test func loadsWithNoErrors() {
    let result = ContentLoader().read(from: Paths.repository)
    #expect(result.knowledgeBase != nil)
    let errors = result.findings.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
  }

  @Test func hasTheFiveLanguagesTheIntentsAndTheOutOfScopeExamples() {
    #expect(Demo.knowledgeBase.languages == Self.languages.sorted())
    #expect(Demo.knowledgeBase.intentIDs == Self.intentsAndOutOfScope.sorted())
  }

  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func everyIntentHasTwelveExamplesOrMore(_ language: Language) {
    let intents = Demo.knowledgeBase.intents[language] ?? []
    #expect(intents.map(\.id) == Self.intentsAndOutOfScope.sorted())
    for intent in intents {
      #expect(intent.examples.count >= 12, "\(language)/\(intent.id) has \(intent.examples.count) examples")
      #expect(intent.examples.allSatisfy { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
    }
  }

  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func everyIntentHasExactlyOneArticle(_ language: Language) throws {
    let articles = try #require(Demo.knowledgeBase.articles[language])
    // Each article once, by its file (an article answering two intents appears under both).
    let distinct = Dictionary(articles.values.map { ($0.location.file, $0) }, uniquingKeysWith: { first, _ in first })
      .values
    for intent in Self.intents {
      let article = try #require(articles[intent], "\(language)/\(intent) has no article")
      #expect(article.language == language)
      #expect(!article.title.isEmpty && !article.body.isEmpty)
      let answering = distinct.filter { $0.intents.contains(intent) }.map(\.location.file)
      #expect(answering.count == 1, "\(language)/\(intent) is answered by \(answering.sorted())")
    }
    // A second article for an intent is a `duplicate-article` error (see `loadsWithNoErrors`) and never
    // reaches the knowledge base, so count the files as well: one per intent.
    let onDisk = try FileManager.default.contentsOfDirectory(
      at: Paths.repository.appendingPathComponent("KnowledgeBase/\(language)"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "md" }
    #expect(
      onDisk.count == Self.intents.count, "one article file per intent: \(onDisk.map(\.lastPathComponent).sorted())")
  }

  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func theEscalatingArticlesAreThePersonAndTheComplaint(_ language: Language) {
    let articles = Demo.knowledgeBase.articles[language] ?? [:]
    let escalating = articles.filter { $0.value.escalation != nil }.keys.sorted()
    #expect(escalating == ["complaint", "human-agent"])
  }

  /// Every example, matched against the content it belongs to, is its own intent's best candidate.
  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func everyExampleMapsToItsOwnIntent(_ language: Language) throws {
    let report = try #require(Self.evaluation[language])
    #expect(report.examples == Demo.knowledgeBase.intents[language]?.reduce(0) { $0 + $1.examples.count })
    #expect(report.selfConsistency >= 0.99, "\(language): \(report.selfConsistency)")
  }

  /// The same examples with their diacritics stripped or in capitals still map to their own intents.
  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func strippedAndCapitalisedExamplesMapToTheirOwnIntent(_ language: Language) throws {
    let report = try #require(Self.evaluation[language])
    #expect(report.uppercaseSelfConsistency >= 0.99, "\(language): \(report.uppercaseSelfConsistency)")
    #expect(report.strippedSelfConsistency >= 0.99, "\(language): \(report.strippedSelfConsistency)")
  }

  /// A lost parcel is a tracking question, whose article says what we do (a search with the carrier,
  /// then a replacement or a refund); it used to be a hand-off for low confidence in every language.
  /// New phrasings, none of them an example.
  @Test(arguments: [
    ("i think my parcel got lost", Language.en), ("the courier lost my package", .en),
    ("dostavljač mi je valjda izgubio pošiljku", .hr), ("paketim nerede, kaybolmuş olabilir mi", .tr),
    ("barangnya ilang di jalan kayaknya", .id), ("hình như đơn hàng của mình bị thất lạc", .vi),
  ])
  func aLostParcelIsATrackingQuestion(text: String, language: Language) {
    expectTracking(text, language: language)
  }

  /// So is a late one ("narudžba mi kasni" was the refund's question; vi "trễ" was unknown).
  @Test(arguments: [
    ("my order is late", Language.en), ("narudžba mi kasni", .hr), ("đơn hàng bị trễ", .vi),
    // New phrasings in the two languages whose late-order examples came once the calibration's folds
    // stopped moving with each added line (both were questions back; tr "siparis gecikti ne oldu" a
    // hand-off for low confidence).
    ("kok pesenan aku telat sih", .id), ("paketim gecikmede", .tr), ("siparis gecikti ne oldu", .tr),
  ])
  func aLateOrderIsATrackingQuestion(text: String, language: Language) {
    expectTracking(text, language: language)
  }

  /// Stock, sizes and product advice are not the bot's: the store's content does not see the catalogue
  /// (id "iphone 16 ready stok?" was a cancellation, through 'stok' → 'stop'; tr "ne zaman stoğa
  /// girer" was answered). New phrasings, none of them an example.
  @Test(arguments: [
    ("do you have the adidas sambas in stock", Language.en), ("kada ćete opet imati na stanju", .hr),
    ("kapan restock?", .id), ("hp samsung a55 ready gak", .id), ("bu ürün ne zaman stoğa girer", .tr),
    ("bao giờ có hàng lại vậy", .vi),
  ])
  func stockQuestionsGetNoArticle(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.decision != .answer, "\(reply.explanation.rule)")
  }

  private func expectTracking(_ text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.intent == "order-status", "\(reply.explanation.rule)")
    #expect(reply.decision == .answer)
  }
}
