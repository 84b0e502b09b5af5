import Foundation
import Testing

@testable import Attendant

/// `StabilityEvaluation`: adding an intent last, and counting the other intents' replies that change.
@Suite struct StabilityEvaluationTests {
  /// The garden centre (`Fixtures/basics`) with an English held-out suite. The last line expects
  /// out of scope but asks about parking, word for word: adding `parking` must flip it, toward parking.
  static func gardenCentreWithHeldOutSuite() throws -> URL {
    let folder = try Paths.copyOfFixture("basics")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Intents/en/tests"), withIntermediateDirectories: true)
    try """
    when do u open on saturday => opening-hours
    what time do you shut today => opening-hours
    whats the address of the garden centre => location
    how do i find you => location
    is parking free => out-of-scope

    """.write(to: folder.appendingPathComponent("Intents/en/tests/heldout.txt"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func removingAnIntentTakesItsExamplesAndItsArticleInEveryLanguage() {
    let reduced = GardenCentre.knowledgeBase.removing("parking")
    for language in [Language.en, .hr] {
      #expect(reduced.intents[language]?.contains { $0.id == "parking" } == false)
      #expect(reduced.article(for: "parking", in: language) == nil)
      #expect(reduced.article(for: "location", in: language) != nil)
      #expect(reduced.intents[language]?.count == GardenCentre.knowledgeBase.intents[language].map { $0.count - 1 })
    }
  }

  @Test func aQuestionAnsweredByTheAddedIntentIsAFlipTowardIt() throws {
    let folder = try Self.gardenCentreWithHeldOutSuite()
    let engine = try #require(ContentValidation.load(folder).engine)
    let report = StabilityEvaluation.measure(folder, engine: engine)
    #expect(report.cases == 5)
    #expect(report.additions.map(\.intent) == ["location", "opening-hours", "parking"])
    let parking = try #require(report.additions.first { $0.intent == "parking" })
    // All five cases are another intent's (or out of scope).
    #expect(parking.compared == 5)
    let flip = try #require(parking.flips.first { $0.text == "is parking free" })
    #expect(flip.before != "parking", "without the intent, no reply can be its")
    #expect(flip.after == "parking")
    #expect(flip.towardAddedIntent)
    // The questions about the opening hours and the location keep their replies.
    #expect(parking.flips.count == 1, "\(parking.flips.map { "\($0.text): \($0.before) → \($0.after)" })")
    // Each intent's own cases are left out of its addition.
    let location = try #require(report.additions.first { $0.intent == "location" })
    #expect(location.compared == 3)
  }
}
