import Foundation
import Testing

@testable import Attendant

/// The rules of the twenty-seventh stop (issue 11).
struct TwentySeventhStopRulesTests {
  /// After a negation, vi "ai", "gì" and "đâu" are "nobody", "nothing" and "nowhere": "mà chẳng ai gọi
  /// lại" (and nobody called back) asks nothing, so it is not the part of a story that asks.
  @Test(arguments: [
    ("mà chẳng ai gọi lại", false),
    ("ko ai trả lời hết", false),
    ("ai gọi lại cho mình vậy", true),
    ("có ai trực không", true),
    ("shop ở đâu vậy", true),
  ])
  func aVietnameseQuestionWordAfterANegationAsksNothing(text: String, asks: Bool) {
    #expect(LanguageProfile.vietnamese.holdsAskingWord(Tokenizer.tokenize(text)) == asks)
  }

  /// So in a story that ends with a request for a person, the request is the part that asks (it was
  /// "mà chẳng ai gọi lại", a complaint, once the examples of this stop made that clause confident).
  @Test func theRequestAfterNobodyCalledBackIsThePartThatAsks() {
    let reply = ConversationDriver.first(
      "đặt hàng cả tuần rồi mà chẳng ai gọi lại, nhắn thì toàn trả lời tự động, cho mình nói chuyện với nhân viên đi",
      language: .vi)
    #expect(reply.decision == .escalate)
    #expect(reply.intent == "human-agent")
    #expect(reply.explanation.matchedText == "cho mình nói chuyện với nhân viên đi")
  }

  /// Store-like questions the store does not cover, in words its out-of-scope examples (twenty-seventh
  /// stop) do not use: changing the account's e-mail, when a sale starts, repairing what was bought
  /// elsewhere. They get no article; they were the support hours, a password reset or a broken item.
  @Test(arguments: [
    ("can i change which email my account uses", Language.en), ("when does your christmas sale begin", .en),
    ("can you fix a tablet i bought at another store", .en), ("promo 11.11 mulai kapan kak", .id),
    ("shop có nhận sửa máy tính bảng mua chỗ khác ko", .vi),
  ])
  func aStoreLikeQuestionTheStoreDoesNotCoverGetsNoArticle(text: String, language: Language) {
    let reply = ConversationDriver.first(text, language: language)
    #expect(reply.decision != .answer, "\(reply.explanation.rule)")
    #expect(reply.candidates.first?.intent == .outOfScope)
  }

  /// Croatian cities in the cases whose stem is too short to be found by it or changes a letter are
  /// names: "a postarina do Pule?" (and the postage to Pula?) was asked back between the shipping price
  /// and returns, "Pule" an unknown word that might be the topic.
  @Test(arguments: [
    ("a postarina do Pule?", "Pula"), ("koliko se čeka do Zadra", "Zadar"), ("šaljete li iz Karlovca", "Karlovac"),
    ("dostava na Krk", "Krk"), ("živim u Rijeci", "Rijeka"),
  ])
  func aCroatianCityInAnotherCaseIsAName(text: String, city: String) throws {
    let match = try #require(Demo.engine.match(text, in: .hr))
    #expect(match.entities.contains { $0.value == city }, "\(match.entities)")
  }

  @Test func thePostageToACityInAnotherCaseIsAnswered() {
    ConversationDriver.expectAnswer("a postarina do Pule?", language: .hr, intent: "shipping-cost")
  }

  /// After a hand-off, a question about when the agent replies that names the agent with the pointing
  /// suffix (id "petugasnya") is the wait, however sure the bot is of another topic after the last
  /// question: it was the discount code again.
  @Test func aQuestionAboutWhenTheAgentRepliesNamesTheAgentWithItsSuffix() {
    var conversation = ConversationDriver()
    #expect(conversation.say("kode promo aku gak bisa dipake pas checkout", language: .id).intent == "discount-code")
    #expect(conversation.say("gak ngebantu, tolong sambungin ke petugas aja", language: .id).decision == .escalate)
    let reply = conversation.say("petugasnya kira2 bales brp lama ya?", language: .id)
    #expect(reply.intent == "support-hours", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .waitForPerson)
  }
}
