import Foundation
import Testing

@testable import Attendant

/// The fitted models kept beside the content (`FittedModelCache`), and their bytes
/// (`FittedModel.encoded`, `FittedModel(decoding:)`).
struct FittedModelCacheTests {
  /// The demo's English content without its suites: the held-out readings choose the fitted model, and
  /// with no validation questions nothing turns it down.
  static func englishWithoutSuites() throws -> URL {
    let folder = try PolicyCalibrationTests.englishDemo()
    try FileManager.default.removeItem(at: folder.appendingPathComponent("Intents/en/tests"))
    return folder
  }

  static func decode(_ data: Data, like index: LanguageIndex) -> FittedModel? {
    FittedModel(
      decoding: data, vocabularyCount: index.vocabulary.count, wordFeatureCount: index.words.features.count,
      gramCount: index.characters.grams.count, intentCount: index.intents.count)
  }

  static func same(_ a: PostingList<Float>, _ b: PostingList<Float>) -> Bool {
    a.starts == b.starts && a.entries.map(\.intent) == b.entries.map(\.intent)
      && a.entries.map(\.value.bitPattern) == b.entries.map(\.value.bitPattern)
  }

  @Test func theBytesGiveBackTheSameModelAndDamagedBytesNone() throws {
    let index = FittedWeightCalibrationTests.fittedEnglish
    let model = index.fitted
    let data = model.encoded()
    let back = try #require(Self.decode(data, like: index))
    #expect(Self.same(back.wordWeights, model.wordWeights))
    #expect(Self.same(back.gramWeights, model.gramWeights))
    #expect(Self.same(back.wordEvidence, model.wordEvidence))
    #expect(back.hasGrams == model.hasGrams && back.plain == model.plain && back.isFitted)
    #expect(back.characterScale.bitPattern == model.characterScale.bitPattern)
    // Cut short, one byte too many, another magic, or an index of another shape: no model.
    #expect(Self.decode(data.dropLast(1), like: index) == nil)
    #expect(Self.decode(data + Data([0]), like: index) == nil)
    var magic = data
    magic[0] = UInt8(ascii: "X")
    #expect(Self.decode(magic, like: index) == nil)
    let croatian = try #require(Demo.engine.indexes[.hr])
    #expect(Self.decode(data, like: croatian) == nil)
  }

  /// Loading fits the model once and keeps it; the next load reads it and replies the same; a
  /// damaged file is fitted again and replaced.
  @Test func loadingKeepsTheModelAndReadsItBack() throws {
    let folder = try Self.englishWithoutSuites()
    let first = try #require(ContentValidation.load(folder).engine)
    let index = try #require(first.indexes[.en])
    try #require(index.fitted.isFitted, "the English examples choose the fitted model")
    let file = FittedModelCache.file(in: folder, language: .en)
    let written = try Data(contentsOf: file)

    let second = try #require(ContentValidation.load(folder).engine)
    for message in ["where is my parcel", "can i pay with paypal", "wher is my refnd"] {
      let a = first.match(message, in: .en)?.candidates ?? [], b = second.match(message, in: .en)?.candidates ?? []
      #expect(a.map(\.intent) == b.map(\.intent), "\(message)")
      #expect(a.map(\.confidence) == b.map(\.confidence), "\(message)")
    }
    #expect(try Data(contentsOf: file) == written)

    // A model kept under the key is used as it stands: one fitted in a single pass shows it.
    var onePass = ScoringParameters.default
    onePass.fittedPasses = 1
    let knowledgeBase = second.knowledgeBase
    let planted = LanguageIndex(
      intents: knowledgeBase.intents[.en] ?? [], profile: try #require(knowledgeBase.profiles[.en]),
      parameters: onePass, entityLists: knowledgeBase.entityLists[.en] ?? [], fitsModel: true
    ).fitted
    #expect(!Self.same(planted.wordWeights, index.fitted.wordWeights))
    let key = CalibrationCache.key(for: folder, policy: .default, parameters: .default)
    FittedModelCache.write(planted, key: key, language: .en, in: folder)
    let third = try #require(ContentValidation.load(folder).engine?.indexes[.en])
    #expect(Self.same(third.fitted.wordWeights, planted.wordWeights))

    try Data(written.prefix(written.count / 2)).write(to: file)
    let repaired = try #require(ContentValidation.load(folder).engine)
    #expect(repaired.indexes[.en]?.fitted.isFitted == true)
    #expect(try Data(contentsOf: file) == written)
  }

  /// A model kept for other content (another key) is not read.
  @Test func aModelOfAnotherKeyIsNotRead() throws {
    let folder = try Self.englishWithoutSuites()
    let index = try #require(ContentValidation.load(folder).engine?.indexes[.en])
    let key = CalibrationCache.key(for: folder, policy: .default, parameters: .default)
    #expect(FittedModelCache.read(folder, key: key, language: .en, for: index) != nil)
    #expect(FittedModelCache.read(folder, key: key + "0", language: .en, for: index) == nil)
  }
}
