import Foundation
import Testing

@testable import Attendant

/// The fitted model (`FittedModel`, off by default): deterministic, and its score a sum of the
/// contributions `explain` lists.
struct FittedModelTests {
  static func englishIndex(fittedWeight: Double) throws -> LanguageIndex {
    let knowledgeBase = Demo.engine.knowledgeBase
    var parameters = ScoringParameters.default
    parameters.fittedWeight = fittedWeight
    return LanguageIndex(
      intents: try #require(knowledgeBase.intents[.en]), profile: try #require(knowledgeBase.profiles[.en]),
      parameters: parameters, entityLists: knowledgeBase.entityLists[.en] ?? [])
  }

  @Test func twoFitsOfTheSameContentAgreeToTheBit() throws {
    let first = try Self.englishIndex(fittedWeight: 1).fitted
    let second = try Self.englishIndex(fittedWeight: 1).fitted
    #expect(first.isFitted)
    for feature in 0..<first.wordWeights.featureCount {
      let a = first.wordWeights[Int32(feature)], b = second.wordWeights[Int32(feature)]
      #expect(a.map(\.intent) == b.map(\.intent))
      #expect(a.map(\.value.bitPattern) == b.map(\.value.bitPattern))
    }
  }

  @Test func theFittedScoreIsTheSumOfTheContributionsExplainLists() throws {
    let index = try Self.englishIndex(fittedWeight: 1)
    let text = "wher is my refnd for the blender xqzzy"
    let query = index.analysed(index.analyzer.tokens(of: text)).query
    let scores = index.scratch.with { scratch -> [Double] in
      _ = index.accumulate(query, into: &scratch)
      return scratch.fitted
    }
    for c in 0..<index.intents.count {
      let listed = index.explainer.fittedContributions(for: c, features: query.features, evidence: query.evidence)
      let sum = listed.reduce(0.0) { $0 + $1.1 }
      #expect(abs(sum - scores[c]) < 1e-9, "\(index.intents[c])")
    }
    let match = index.match(text, detail: true)
    #expect(match.candidates.first?.signals.contains { $0.name == "fitted" } == true)
  }

  @Test func withoutAFittedWeightNothingIsFittedOrShown() throws {
    let index = try #require(Demo.engine.indexes[.en])
    #expect(!index.fitted.isFitted)
    let match = index.match("where is my refund", detail: true)
    #expect(match.candidates.first?.signals.map(\.name) == ["words", "character n-grams", "coverage"])
  }
}
