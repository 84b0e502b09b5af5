import Foundation
import Testing

@testable import Attendant

/// Matching a message against one language's intents (`Engine.match`): the same question typed in
/// different ways finds the same intent, and the scores are well formed.
struct LanguageIndexTests {
  /// A score is the same to the last bit however often it is computed: replicas answering one
  /// conversation (serve --stateless) and two runs of an evaluation must agree. The contributions
  /// were once added in a `Set`'s order, which differs from one set to the next.
  @Test func aMessageScoresTheSameToTheLastBitEveryTime() throws {
    let text = "hi, i ordered a lamp for my mum ten days ago and it still hasn't come, where is my parcel now?"
    let first = try #require(Demo.engine.match(text, in: .en))
    // Memory held between the runs moves the matcher's temporary storage to other addresses, where a
    // set's order changed.
    var held: [[UInt8]] = []
    for run in 0..<200 {
      held.append([UInt8](repeating: 0, count: 24 + run * 40))
      let again = try #require(Demo.engine.match(text, in: .en))
      #expect(again.candidates.map(\.confidence.bitPattern) == first.candidates.map(\.confidence.bitPattern))
      #expect(again.candidates.map(\.coverage.bitPattern) == first.candidates.map(\.coverage.bitPattern))
      #expect(
        again.candidates.map { $0.signals.map(\.value.bitPattern) }
          == first.candidates.map { $0.signals.map(\.value.bitPattern) })
    }
  }

  /// A nearest example's similarity is the weighted overlap of its features with the message's, the
  /// message's weights summed in feature order: the same sum, to the last bit, as one written out here.
  @Test func aNearestExamplesSimilarityIsTheWeightedOverlapSummedInFeatureOrder() throws {
    let index = try #require(Demo.engine.indexes[.en])
    let text = "hi, i ordered a lamp for my mum ten days ago and it still hasn't come, where is my parcel now?"
    var entities: [Entity] = []
    let terms = index.analyzer.terms(from: index.analyzer.tokens(of: text), entities: &entities)
    let features = LanguageIndex.Query(terms: terms, index: index).features
    let lookup = Set(features)
    var queryWeight = 0.0
    for feature in features { queryWeight += index.words.weight(feature) }
    for c in 0..<index.intents.count {
      for nearest in index.explainer.nearestExamples(of: c, features: features) {
        let example = try #require(index.examples.first { $0.text == nearest.text && Int($0.intent) == c })
        var shared = 0.0
        var union = queryWeight
        for feature in example.features {
          let g = index.words.weight(feature)
          if lookup.contains(feature) { shared += g } else { union += g }
        }
        #expect(nearest.similarity.bitPattern == (union > 0 ? shared / union : 0).bitPattern, "\(nearest.text)")
      }
    }
  }

  static func top(_ text: String, in language: Language) -> IntentID? {
    Demo.engine.match(text, in: language)?.intent
  }

  /// Each row: one question, typed several ways (case, diacritics, tone placement, NFD, typos).
  @Test(arguments: [
    (
      Language.en, IntentID("order-status"),
      ["can you tell me where my order is", "CAN YOU TELL ME WHERE MY ORDER IS", "can u tell me were my ordr is"]
    ),
    (
      .en, "password-reset",
      [
        "I can't log in, forgot my password", "I can\u{2019}t log in, forgot my password",
        "i cant log in forgot my pasword",
      ]
    ),
    (
      .hr, "payment-failed",
      ["plaćanje karticom ne prolazi", "placanje karticom ne prolazi", "PLAĆANJE KARTICOM NE PROLAZI"]
    ),
    (
      .vi, "cancel-order",
      [
        "tôi cần hủy đơn hàng này", "tôi cần huỷ đơn hàng này", "toi can huy don hang nay",
        "to\u{0302}i ca\u{0302}\u{0300}n hu\u{0309}y đo\u{031B}n ha\u{0300}ng na\u{0300}y",
      ]
    ),
    (
      .tr, "password-reset",
      ["şifremi hatırlamıyorum", "ŞİFREMİ HATIRLAMIYORUM", "sifremi hatirlamiyorum", "SIFREMI HATIRLAMIYORUM"]
    ),
    (
      .id, "payment-failed", ["pembayaran saya gagal terus", "pembayaran saya gagal2 terus", "pembayaran sy gagal trs"]
    ),
  ])
  func theSameQuestionTypedDifferentlyFindsTheSameIntent(language: Language, intent: IntentID, variants: [String]) {
    for text in variants {
      #expect(Self.top(text, in: language) == intent, "'\(text)'")
    }
  }

  @Test func decomposedTextScoresExactlyAsComposedText() throws {
    let composed = try #require(Demo.engine.match("tôi muốn hoàn tiền", in: .vi))
    let decomposed = try #require(Demo.engine.match("tôi muốn hoàn tiền".decomposedStringWithCanonicalMapping, in: .vi))
    #expect(decomposed.candidates.map(\.intent) == composed.candidates.map(\.intent))
    #expect(decomposed.confidence == composed.confidence)
  }

  @Test(arguments: [
    (Language.en, "where is my order"), (.hr, "gdje je moja narudžba"), (.vi, "đơn hàng của tôi đâu"),
    (.tr, "siparişim nerede"), (.id, "di mana pesanan saya"), (.en, "banana pancakes"), (.tr, "xyz"),
  ])
  func scoresAreWellFormed(language: Language, text: String) throws {
    let match = try #require(Demo.engine.match(text, in: language))
    #expect(match.language == language)
    #expect(!match.candidates.isEmpty)
    #expect(Set(match.candidates.map(\.intent)).count == match.candidates.count, "no intent twice")
    for candidate in match.candidates {
      #expect((0...1).contains(candidate.confidence))
      #expect((0...1).contains(candidate.coverage))
    }
    #expect((0...1).contains(match.coverage))
    #expect(match.confidence.value == match.candidates[0].confidence)
    #expect(match.confidence.margin >= 0, "the candidates are ranked by score, best first")
  }

  @Test func aClearQuestionPutsItsIntentFirstByAWideMargin() throws {
    let match = try #require(Demo.engine.match("how do I reset my password", in: .en))
    #expect(match.intent == "password-reset")
    let others = match.candidates.dropFirst().map(\.confidence)
    #expect(others.allSatisfy { $0 < match.confidence.value })
  }

  @Test func aLanguageTheContentLacksHasNoMatch() {
    #expect(Demo.engine.match("wo ist meine Bestellung", in: Language(rawValue: "de")!) == nil)
  }

  @Test func theMatchExplainsItsWords() throws {
    let match = try #require(Demo.engine.match("were is my ordr, it hasn't arrived", in: .en))
    #expect(match.terms.contains { $0.folded == "not" && $0.role == .negation })
    #expect(match.corrections.map(\.typed).contains("ordr"))
    #expect(match.unknownWords.isEmpty)
  }

  /// Unknown words are content words only: `explain` listed the interjection "ugh", a function word
  /// no example holds, under "Unknown:" though no rule counts it.
  @Test func grammaticalWordsAreNeverUnknown() throws {
    let match = try #require(Demo.engine.match("ugh, lol, the xylophone is late", in: .en))
    #expect(match.unknownWords == ["xylophone"])
  }
}
