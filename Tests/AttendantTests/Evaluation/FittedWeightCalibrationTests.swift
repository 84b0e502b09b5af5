import Foundation
import Testing

@testable import Attendant

/// The fitted model's weight μ, chosen per language by the calibration on the held-out readings of its
/// examples (`PolicyCalibration.heldOutCases`) and checked on the bot's replies to its validation
/// questions (`fittedCheckedByReplies`).
struct FittedWeightCalibrationTests {
  static let english = Demo.engine.knowledgeBase.intents[.en] ?? []
  static let validation = ContentValidation.validationQuestions(in: Paths.repository, Demo.knowledgeBase)
  /// The demo calibrated as loading calibrates it (one calibration shared by the tests: it fits models).
  static let results = PolicyCalibration.calibrate(Demo.engine, validation: validation)
  static let checked = PolicyCalibration.checkedByReplies(results, engine: Demo.engine, validation: validation)

  static func heldOut(_ parameters: ScoringParameters = .default) throws -> PolicyCalibration.HeldOut {
    let knowledgeBase = Demo.engine.knowledgeBase
    return PolicyCalibration.heldOutCases(
      english, profile: try #require(knowledgeBase.profiles[.en]), parameters: parameters,
      entityLists: knowledgeBase.entityLists[.en] ?? [])
  }

  /// The demo's English examples: the readings with the fitted model rank clearly more of them first
  /// (at μ 3 than at 0), so μ is chosen, and the readings without it are kept for the replies' check.
  @Test func theHeldOutReadingsChooseAFittedWeightAndKeepTheReadingsWithoutIt() throws {
    let heldOut = try Self.heldOut()
    let choice = try #require(heldOut.fitted)
    #expect(choice.given == 0)
    #expect(choice.chosen > 0)
    #expect(choice.accuracy >= choice.givenAccuracy + CharacterWeightChoice.minimumGain)
    let unfitted = try #require(heldOut.unfittedCases)
    #expect(unfitted.count == heldOut.cases.count)
  }

  /// With no weights to try, nothing is fitted, and the readings are those of the fitted folds read at
  /// μ 0: the model is there, but weighs nothing.
  @Test func withAnEmptyGridNothingIsChosenAndTheReadingsAtZeroAreTheSame() throws {
    var plain = ScoringParameters.default
    plain.fittedWeightGrid = []
    let without = try Self.heldOut(plain)
    #expect(without.fitted == nil)
    #expect(without.unfittedCases == nil)
    let with = try Self.heldOut()
    let readings = try #require(with.unfittedCases)
    #expect(readings.map(\.top) == without.cases.map(\.top))
    #expect(readings.map(\.topConfidence) == without.cases.map(\.topConfidence))
  }

  /// An engine calibrated to a fitted weight fits its index, and `explain` lists the model's part.
  @Test func aChosenWeightFitsTheIndexAndExplainShowsIt() throws {
    let english = try #require(Self.results[.en])
    let mu = try #require(english.fittedWeight)
    let engine = Demo.engine.calibrated(Self.results)
    let index = try #require(engine.indexes[.en])
    #expect(index.fitted.isFitted)
    #expect(index.fittedWeight == mu)
    let match = index.match("where is my refund", detail: true)
    #expect(match.candidates.first?.signals.contains { $0.name == "fitted" } == true)
    #expect(english.summary.contains("fitted weight \(mu.shortDecimal)"))
    // Follow-ups are read with the same model.
    let followUps = try #require(engine.indexWithFollowUps(.en))
    #expect(followUps.fittedWeight == mu && followUps.fitted.isFitted)
  }

  /// The demo's English replies to its validation questions are right as often with the model as
  /// without it: a tie goes to the plainer reading, at the thresholds chosen without the model.
  @Test func repliesThatAreNoBetterTurnTheModelDown() throws {
    let chosen = try #require(Self.results[.en])
    try #require(chosen.fittedWeight != nil)
    let english = try #require(Self.checked[.en])
    let check = try #require(english.fittedReplyCheck)
    #expect(english.fittedWeight == nil)
    #expect(check.rightWithFitted <= check.rightWithout)
    #expect(check.questions == Self.validation[.en]?.count)
    #expect(english.policy == chosen.withoutFitted?.policy)
    #expect(english.summary.contains("turned down"))
    #expect(Demo.engine.calibrated(Self.checked).indexes[.en]?.fitted.isFitted == false)
  }

  /// The cache keeps the choice and the check.
  @Test func theResultSurvivesTheCache() throws {
    let data = try JSONEncoder().encode(Self.checked)
    #expect(try JSONDecoder().decode([Language: PolicyCalibration.Result].self, from: data) == Self.checked)
  }

  /// The English index fitted (μ 0: the model is there but weighs nothing).
  static let fittedEnglish = LanguageIndex(
    intents: english, profile: Demo.knowledgeBase.profiles[.en]!, parameters: .default,
    entityLists: Demo.knowledgeBase.entityLists[.en] ?? [], fitsModel: true)

  /// The first intent read at each pair of weights from one scoring is the one `match` ranks first at
  /// that pair: the choice reads what the index will do.
  @Test(arguments: ["where is my parcel", "can i pay with paypal", "do you ship to japan", "my jumper came torn"])
  func theFirstIntentAtEachPairIsTheOneMatchRanksFirst(message: String) throws {
    let index = Self.fittedEnglish
    let pairs: [(lambda: Double, mu: Double)] = [(2, 0), (2, 1), (2, 3), (0.3, 3), (0, 1)]
    for (pair, first) in zip(pairs, index.bestIntents(message, weights: pairs)) {
      let weighted = LanguageIndex(index, characterWeight: pair.lambda, fittedWeight: pair.mu)
      #expect(weighted.fittedWeight == pair.mu)
      index.expectReadFirst(first, asRankedBy: weighted, message: message, at: "\(pair)")
    }
  }

  /// A fitted index read at μ 0 replies like one that was never fitted, to the confidence: the folds
  /// the calibration fits read the examples as before at the given weight.
  @Test func aFittedIndexAtZeroMatchesLikeOneNotFitted() throws {
    let plain = try #require(Demo.engine.indexes[.en])
    #expect(!plain.fitted.isFitted && Self.fittedEnglish.fitted.isFitted)
    for message in ["where is my parcel", "wher is my refnd", "kakvo je vrijeme danas", "i want to talk to a human"] {
      let a = Self.fittedEnglish.match(message).candidates, b = plain.match(message).candidates
      #expect(a.map(\.intent) == b.map(\.intent), "\(message)")
      #expect(zip(a, b).allSatisfy { $0.confidence == $1.confidence }, "\(message)")
    }
    // An index that was not fitted cannot be given a fitted weight.
    #expect(LanguageIndex(plain, characterWeight: 2, fittedWeight: 3).fittedWeight == 0)
  }
}
