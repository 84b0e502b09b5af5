import Foundation
import Testing

@testable import Attendant

/// The character weight each language's content chooses on its held-out examples
/// (`CharacterWeightChoice`, read by `PolicyCalibration`), and the index that uses it.
@Suite struct CharacterWeightChoiceTests {
  static let weights = CharacterWeightChoice.grid

  @Test func anotherWeightReplacesTheGivenOneOnlyWhenClearlyBetter() {
    // 1,000 examples: 2 (the given weight) ranks 880 first. 0.3 ranks 889, under one point more.
    let close = CharacterWeightChoice(
      given: 2, weights: Self.weights, right: [850, 870, 889, 880, 880, 860], examples: 1000)
    #expect(close.chosen == 2)
    #expect(close.accuracy == 0.88)
    // 0 ranks 920: four points more, and it wins over 0.3's 900.
    let clear = CharacterWeightChoice(
      given: 2, weights: Self.weights, right: [920, 910, 900, 880, 880, 860], examples: 1000)
    #expect(clear.chosen == 0)
    #expect(clear.accuracy == 0.92)
    #expect(clear.givenAccuracy == 0.88)
    #expect(
      clear.summary.hasPrefix("0 (ranks 92.0% of 1000 held-out examples first; 2 ranks 88.0%)"), "\(clear.summary)")
  }

  @Test func aTieGoesToTheWeightNearerTheGivenOne() {
    // 0.3 and 0 rank the same number first, clearly more than 2: the nearer, 0.3, is chosen.
    let tie = CharacterWeightChoice(
      given: 2, weights: Self.weights, right: [900, 880, 900, 870, 870, 860], examples: 1000)
    #expect(tie.chosen == 0.3)
    // 1 and 3 are equally near 2 and tie: the first of them in the grid, 1.
    let even = CharacterWeightChoice(given: 2, weights: Self.weights, right: [0, 0, 0, 900, 800, 900], examples: 1000)
    #expect(even.chosen == 1)
  }

  /// The first intent read for each weight from one scoring is the one `match` ranks first at that
  /// weight: the choice reads what the index will do.
  @Test(arguments: ["where is my parcel", "can i pay with paypal", "do you ship to japan", "my jumper came torn"])
  func theFirstIntentAtEachWeightIsTheOneMatchRanksFirst(message: String) throws {
    let index = try #require(Demo.engine.indexes[.en])
    let firsts = index.bestIntents(message, characterWeights: Self.weights)
    for (weight, first) in zip(Self.weights, firsts) {
      index.expectReadFirst(
        first, asRankedBy: LanguageIndex(index, characterWeight: weight), message: message, at: "\(weight)")
    }
  }

  /// Changing the weight of a built index gives the same replies as an index built with that weight.
  @Test func aReweightedIndexMatchesLikeOneBuiltWithTheWeight() throws {
    let index = try #require(Demo.engine.indexes[.hr])
    var parameters = ScoringParameters.default
    parameters.characterWeight = 0.3
    let built = LanguageIndex(
      intents: Demo.knowledgeBase.intents[.hr] ?? [], profile: Demo.knowledgeBase.profiles[.hr]!,
      parameters: parameters, entityLists: Demo.knowledgeBase.entityLists[.hr] ?? [])
    let reweighted = LanguageIndex(index, characterWeight: 0.3)
    for message in ["di je moj paket", "mogu li platiti pouzećem", "kolko košta dostava u sloveniju"] {
      let a = reweighted.match(message).candidates, b = built.match(message).candidates
      #expect(a.map(\.intent) == b.map(\.intent), "\(message)")
      #expect(zip(a, b).allSatisfy { abs($0.confidence - $1.confidence) < 1e-12 }, "\(message)")
    }
  }

  /// The demo, written for a few dozen examples an intent, keeps the weight it starts from in every
  /// language: no other weight ranks a point more of its held-out examples first. Vietnamese starts from
  /// 1 (`ScoringParameters.characterWeights`), which it had chosen over 2 since the thirteenth stop by a
  /// point or less.
  @Test func theDemoKeepsTheWeightItStartsFromInEveryLanguage() throws {
    let results = PolicyCalibration.calibrate(Demo.knowledgeBase)
    for language in Demo.knowledgeBase.languages {
      let choice = results[language]?.weightChoice
      #expect(
        choice?.chosen == ScoringParameters.default.characterWeight(for: language),
        "\(language): \(String(describing: choice))")
      #expect(results[language]?.characterWeight == nil)
    }
    #expect(results[.vi]?.weightChoice?.given == 1)
  }

  /// A calibration that chose another weight is what the engine's index then uses, and `explain`'s
  /// policy line says so.
  @Test func theEngineUsesTheChosenWeight() throws {
    let choice = CharacterWeightChoice(given: 2, weights: Self.weights, right: [0, 0, 90, 50, 50, 50], examples: 100)
    let result = PolicyCalibration.Result(
      language: .en, policy: .default, calibrated: false, examples: 100, validationQuestions: 0, score: 0.9,
      givenScore: 0.9, weightChoice: choice)
    let engine = Demo.engine.calibrated([.en: result])
    #expect(engine.indexes[.en]?.characterWeight == 0.3)
    #expect(engine.indexes[.hr]?.characterWeight == 2)
    #expect(
      result.summary.hasSuffix("; character weight 0.3 (ranks 90.0% of 100 held-out examples first; 2 ranks 50.0%)"))
  }
}
