import Foundation
import Testing

@testable import Attendant

/// Unsure, but near the answer threshold with no other topic worth a question: the topic is answered
/// (`clear-lead`), where the bot used to offer it beside a topic it gave a twentieth of the confidence.
struct ClearLeadTests {
  @Test(
    arguments: [
      ("ok có rồi nha, mà góp ý nhỏ là app nên cho đăng nhập bằng vân tay cho tiện", Language.vi, "feedback"),
      ("mà mình quẹt mastercard bị từ chối 2 lần rồi", .vi, "payment-failed"),
      // One unknown word among many is a detail ("bit").
      ("these boots are a bit small, can i get them in a 43 instead", .en, "return-item"),
    ] as [(String, Language, IntentID)])
  func aTopicWithNoRivalIsAnswered(text: String, language: Language, intent: IntentID) {
    ConversationDriver.expectAnswer(text, language: language, intent: intent, rule: .clearLead)
  }

  /// A word the content does not know may be the real topic ("what time is it in Tokyo now"), and a
  /// recommendation made of known words is still below the bar: neither is answered.
  @Test(arguments: [
    ("koliko je sati sada u tokiju", Language.hr),
    ("kak bs rekomendasiin hp yg bagus buat foto gk?", .id),
  ])
  func anUnknownWordOrAWeakLeadIsNotAnswered(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.decision != .answer, "\(reply.explanation.rule)")
  }

  @Test func theBarIsThreeQuartersOfTheWayToTheAnswerThreshold() {
    let policy = ReplyPolicy(answerThreshold: 0.7, clarifyThreshold: 0.3)
    #expect(abs(policy.clearLeadThreshold - 0.6) < 1e-9)
    #expect(abs(ReplyPolicy(answerThreshold: 0.55, clarifyThreshold: 0.15).clearLeadThreshold - 0.45) < 1e-9)
  }
}
