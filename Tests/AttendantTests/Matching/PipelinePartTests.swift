import Foundation
import Testing

@testable import Attendant

/// Each part of the pipeline that an ablation switches off (`ScoringParameters.switchedOff`,
/// `attendant eval ablation`) is really off, and nothing else changes.
struct PipelinePartTests {
  static func index(without parts: Set<PipelinePart>, _ language: Language = .en) throws -> LanguageIndex {
    var parameters = ScoringParameters.default
    parameters.switchedOff = parts
    let intents = try #require(Demo.knowledgeBase.intents[language])
    let profile = try #require(Demo.knowledgeBase.profiles[language])
    return LanguageIndex(intents: intents, profile: profile, parameters: parameters)
  }

  static func kinds(_ index: LanguageIndex) -> Set<UInt64> {
    Set(index.words.features.keys.map { $0 >> WordModel.kindShift })
  }

  @Test func theFullPipelineHasEveryKindOfWordFeature() throws {
    // Croatian: English examples have no accented forms.
    let full = try Self.index(without: [], .hr)
    #expect(Self.kinds(full) == [WordModel.stemKind, WordModel.bigramKind, WordModel.exactKind])
    #expect(full.characterWeight == ScoringParameters.default.characterWeight)
  }

  @Test func withoutBigramsOrExactFormsTheirFeaturesAreGone() throws {
    #expect(!Self.kinds(try Self.index(without: [.bigrams])).contains(WordModel.bigramKind))
    #expect(!Self.kinds(try Self.index(without: [.exactForms], .hr)).contains(WordModel.exactKind))
  }

  @Test func withoutTheFittedModelNothingIsFittedOrTried() throws {
    var parameters = ScoringParameters.default
    parameters.switchedOff = [.fittedModel]
    parameters.fittedWeight = 1
    let intents = try #require(Demo.knowledgeBase.intents[.en])
    let profile = try #require(Demo.knowledgeBase.profiles[.en])
    let index = LanguageIndex(intents: intents, profile: profile, parameters: parameters, fitsModel: true)
    #expect(!index.fitted.isFitted && index.fittedWeight == 0)
    let heldOut = PolicyCalibration.heldOutCases(intents, profile: profile, parameters: parameters, entityLists: [])
    #expect(heldOut.fitted == nil && heldOut.unfittedCases == nil)
  }

  @Test func withoutCharacterNGramsTheirWeightIsZero() throws {
    #expect(try Self.index(without: [.characterNGrams]).characterWeight == 0)
  }

  @Test func withoutTypoCorrectionAnUnknownWordStaysUnknown() throws {
    let corrected = try Self.index(without: []).match("where is my ordr")
    #expect(corrected.corrections.map(\.corrected) == ["order"])
    let plain = try Self.index(without: [.typoCorrection]).match("where is my ordr")
    #expect(plain.corrections.isEmpty)
    #expect(plain.unknownWords == ["ordr"])
  }

  @Test func withoutStemmingWordsAreTheirOwnStems() throws {
    let terms = try Self.index(without: [.stemming]).match("my orders were delivered").terms
    #expect(terms.allSatisfy { $0.stem == $0.folded })
    #expect(try Self.index(without: []).match("my orders were delivered").terms.contains { $0.stem != $0.folded })
  }

  @Test func withoutRoleListsEveryWordIsAContentWord() throws {
    let terms = try Self.index(without: [.roleLists]).match("where is my order").terms
    #expect(terms.allSatisfy { $0.role == .content })
  }

  @Test func withoutEntitiesANameIsAWord() throws {
    #expect(!(try Self.index(without: []).match("do you ship to japan").entities.isEmpty))
    let plain = try Self.index(without: [.entities]).match("do you ship to japan")
    #expect(plain.entities.isEmpty)
    #expect(plain.terms.contains { $0.folded == "japan" })
  }

  @Test func withoutAbbreviationsTheyAreWords() throws {
    #expect(try Self.index(without: [.abbreviations]).match("pls help").terms.contains { $0.folded == "pls" })
    #expect(!(try Self.index(without: []).match("pls help").terms.contains { $0.folded == "pls" }))
  }
}
