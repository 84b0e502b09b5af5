import Testing

@testable import Attendant

/// Corrections come from a deletion-neighbourhood index of the content's words, within a number of
/// edits that grows with the length of the misspelt word.
struct TypoCorrectorTests {
  static let vocabulary: [(word: String, frequency: Int32)] = [
    ("order", 40), ("refund", 12), ("password", 9), ("delivery", 20), ("international", 3), ("cancel", 8),
    ("the", 90), ("card", 2), ("cart", 5), ("duro", 1),
  ]

  static let corrector = TypoCorrector(
    words: vocabulary.map { Array($0.word.utf8) }, frequencies: vocabulary.map(\.frequency))

  static func correct(_ word: String, with corrector: TypoCorrector = corrector) -> (word: String, distance: Int)? {
    corrector.correct(Array(word.utf8)).map { (corrector.word($0.word), $0.distance) }
  }

  @Test(arguments: [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1), (8, 1), (9, 2), (13, 2)])
  func allowedEditsGrowWithLength(length: Int, edits: Int) {
    #expect(TypoCorrector.allowedEdits(forLength: length) == edits)
  }

  @Test(arguments: [
    ("ordr", "order", 1),
    ("oder", "order", 1),
    ("refnud", "refund", 1),
    ("pasword", "password", 1),
    ("delivry", "delivery", 1),
    ("cancle", "cancel", 1),
    ("teh", "the", 1),
    ("internatoinal", "international", 1),
    ("intrnationl", "international", 2),
    ("djuro", "duro", 1),  // Croatian đ written as dj
  ])
  func correctsAMisspeltKnownWord(typed: String, word: String, distance: Int) throws {
    let correction = try #require(Self.correct(typed))
    #expect(correction.word == word)
    #expect(correction.distance == distance)
  }

  @Test(arguments: ["weather", "banana", "xylophone", "refrigerator"])
  func leavesAnUnknownWordAlone(typed: String) {
    #expect(Self.correct(typed) == nil)
  }

  @Test func aKnownWordIsNotACorrection() {
    #expect(Self.correct("order") == nil)
    #expect(Self.correct("international") == nil)
  }

  @Test func shortWordsGetNoCorrection() {
    #expect(Self.correct("th") == nil, "two letters: no edit allowed, though 'the' is one insertion away")
    #expect(Self.correct("te") == nil)
  }

  @Test func wordsOfUpToEightLettersGetOneEditOnly() {
    #expect(Self.correct("odr") == nil, "'order' is two edits away")
    #expect(Self.correct("paswrd") == nil, "'password' is two edits away")
    #expect(Self.correct("delivry") != nil)
  }

  @Test func aTieGoesToTheMoreFrequentWordThenToTheFirstAlphabetically() {
    // "carx" is one substitution from both "card" (2) and "cart" (5).
    #expect(Self.correct("carx")?.word == "cart")
    let even = TypoCorrector(words: [Array("cart".utf8), Array("card".utf8)], frequencies: [3, 3])
    #expect(Self.correct("carx", with: even)?.word == "card")
  }

  /// "wher is my pakage" was "when is my package" once out-of-scope examples with "when" made it the
  /// more frequent: at one edit each, the word that keeps every typed letter goes first.
  @Test func aTieGoesFirstToTheWordThatKeepsEveryTypedLetter() {
    let corrector = TypoCorrector(words: [Array("where".utf8), Array("when".utf8)], frequencies: [2, 9])
    #expect(Self.correct("wher", with: corrector)?.word == "where")
    #expect(Self.correct("whem", with: corrector)?.word == "when")
    #expect(TypoCorrector.keepsEveryLetter(Array("pakage".utf8), Array("package".utf8)))
    #expect(!TypoCorrector.keepsEveryLetter(Array("wher".utf8), Array("when".utf8)))
  }

  @Test func theNearestWordWinsOverAMoreFrequentOne() {
    let corrector = TypoCorrector(words: [Array("deliveries".utf8), Array("delivered".utf8)], frequencies: [1, 100])
    // Nine letters may take two edits: "deliverie" is one from "deliveries" and two from "delivered".
    #expect(Self.correct("deliverie", with: corrector).map { [$0.word: $0.distance] } == ["deliveries": 1])
  }

  /// "can i bring my dog" was read as "can i bring my do", and "my son" as "my on": a correction to a
  /// word of one or two letters.
  @Test func noCorrectionEndsInAWordOfOneOrTwoLetters() {
    let corrector = TypoCorrector(
      words: ["do", "on", "a", "the", "dog"].map { Array($0.utf8) }, frequencies: [50, 50, 50, 50, 1])
    #expect(Self.correct("dgo", with: corrector)?.word == "dog")
    #expect(Self.correct("son", with: corrector) == nil)
    #expect(Self.correct("teh", with: corrector)?.word == "the")
    let noDog = TypoCorrector(words: ["do", "on"].map { Array($0.utf8) }, frequencies: [50, 50])
    #expect(Self.correct("dog", with: noDog) == nil)
  }

  @Test func anEmptyVocabularyCorrectsNothing() {
    #expect(Self.correct("order", with: TypoCorrector(words: [], frequencies: [])) == nil)
  }

  /// Through the engine: a misspelt word of the demo content is corrected, an unknown one is not.
  @Test func theEngineCorrectsOnlyWordsTheContentKnows() throws {
    let match = try #require(Demo.engine.match("where is my ordr", in: .en))
    #expect(match.corrections.contains { $0.typed == "ordr" && $0.corrected == "order" && $0.distance == 1 })
    #expect(match.intent == "order-status")
    let unknown = try #require(Demo.engine.match("where is my xylophone", in: .en))
    #expect(unknown.corrections.isEmpty)
    #expect(unknown.unknownWords == ["xylophone"])
  }

  /// A word typed with diacritics is corrected only to a word the content writes within the same edits
  /// with them: tr "varır" ("arrives") is not "verir" ("gives"), though they fold one edit apart; vi
  /// "hnàg" is "hàng", and a word typed without marks is corrected as before.
  @Test(
    arguments: [
      ("kaç günde varır oraya", Language.tr, "varir", nil),
      ("kac gunde varir oraya", .tr, "varir", "verir"),
      ("mình muốn trả hnàg", .vi, "hnag", "hang"),
    ] as [(String, Language, String, String?)])
  func aWordTypedWithDiacriticsIsCorrectedOnlyToAWordWrittenNearIt(
    text: String, language: Language, typed: String, corrected: String?
  ) throws {
    let match = try #require(Demo.engine.match(text, in: language))
    #expect(match.corrections.first { $0.typed == typed }?.corrected == corrected)
  }
}
