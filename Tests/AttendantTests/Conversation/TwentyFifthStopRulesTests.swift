import Foundation
import Testing

@testable import Attendant

/// Turns found wrong at the twenty-fifth stop.
struct TwentyFifthStopRulesTests {
  /// A phrase that only says the question is short announces the question in Croatian and Turkish as
  /// "quick one" does in English: what follows it is read as the question. Before, hr "bok, kratko
  /// pitanje - dostava?" and tr "merhaba, kısa bir soru: kargo?" were answered as a greeting.
  @Test(arguments: [
    ("bok, kratko pitanje - dostava?", Language.hr),
    ("pozdrav, samo brzo pitanje: dostava?", .hr),
    ("merhaba, kısa bir soru: kargo?", .tr),
    ("selam, ufak bir sorum var: kargo", .tr),
  ])
  func aPhraseThatSaysTheQuestionIsShortNamesNoTopic(message: String, language: Language) {
    let reply = ConversationDriver.first(message, language: language)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.options.map(\.intent).contains("shipping-cost"))
    #expect(!reply.options.map(\.intent).contains("greeting"))
  }

  /// In Vietnamese the same phrase ("hỏi nhanh", a quick question) leaves a question with a topic of
  /// its own answered.
  @Test func aQuickQuestionWithItsTopicIsAnswered() {
    let reply = ConversationDriver.first("chào shop, cho hỏi nhanh, phí ship ra Đà Nẵng bao nhiêu", language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "shipping-cost")
  }
}
