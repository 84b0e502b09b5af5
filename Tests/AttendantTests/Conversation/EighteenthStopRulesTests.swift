import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written at the eighteenth stop found wrong: questions asked
/// while a person is on the way, Vietnamese questions that offer two alternatives, and questions that
/// stay on the last answer's topic (the content's follow-ups).
struct EighteenthStopRulesTests {
  /// After a hand-off, a question whose topic leads alone in the clarify band is answered: a person
  /// follows anyway, and the likely answer helps the customer while they wait.
  @Test(arguments: [
    (
      Language.vi, "cho mình gặp nhân viên", "tiện hỏi luôn, nv áp lại mã đc thì e trả bằng MoMo đc ko",
      "payment-methods"
    ),
    (Language.hr, "trebam razgovarati s osobom", "usput, moze li nova ic preko DPD-a?", "courier"),
  ])
  func aQuestionWhoseTopicLeadsAloneIsAnsweredAfterAHandOff(
    language: Language, request: String, question: String, intent: String
  ) {
    var conversation = ConversationDriver()
    #expect(conversation.say(request, language: language).decision == .escalate)
    let reply = conversation.say(question, language: language)
    #expect(reply.intent == IntentID(rawValue: intent), "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
    #expect(reply.explanation.rule.contains("leads alone"))
  }

  /// A statement in the same band asks nothing: it goes into the record for the person.
  @Test func aStatementAfterAHandOffGoesIntoTheRecord() {
    var conversation = ConversationDriver()
    #expect(conversation.say("trebam razgovarati s osobom", language: .hr).decision == .escalate)
    let reply = conversation.say("a ona je dosla s GLS-om", language: .hr)
    #expect(reply.reason == .alreadyEscalated, "\(reply.explanation.rule)")
    #expect(reply.intent == nil)
  }

  /// vi "A được không hay B": a question tag, then "hay" (or) and a second alternative, asks; "không
  /// hay lắm" (not very good) does not.
  @Test(arguments: [
    ("nv bên mình nói tiếng Việt đc ko hay phải nhắn tiếng Anh", true),
    ("ship cod được không hay phải chuyển khoản trước", true),
    ("mình trả bằng thẻ được không hoặc là chuyển khoản", true),
    ("cái áo này mặc không hay lắm", false),
    ("mình thấy cũng không hay", false),
    ("được không hãy gọi cho mình", false),
  ])
  func aVietnameseQuestionMayOfferTwoAlternatives(text: String, asks: Bool) {
    let words = Tokenizer.tokenize(text)
    #expect(LanguageProfile.vietnamese.asksByItsShape(words) == asks)
  }

  /// The question about the staff's language after a hand-off, which asks only by its alternatives, is
  /// answered (0.83) and not added to the record as a statement would be.
  @Test func theStaffsLanguageIsAnsweredAfterAHandOff() {
    var conversation = ConversationDriver()
    #expect(conversation.say("cho mình gặp nhân viên", language: .vi).decision == .escalate)
    let reply = conversation.say(
      "trong lúc đợi hỏi luôn, nv bên mình nói tiếng Việt đc ko hay phải nhắn tiếng Anh", language: .vi)
    #expect(reply.intent == "languages", "\(reply.explanation.rule)")
  }

  /// tr "maile kaç saatte dönüyosunuz" (how many hours until you answer e-mails) right after the
  /// contact channels is one of their follow-ups (`Intents/tr/follow-ups/contact-channels.txt`), and
  /// stays on that topic; alone it is not sure of any.
  @Test func aFollowUpOfTheAnswerStaysOnItsTopic() {
    var conversation = ConversationDriver()
    #expect(conversation.say("nereye yazıyım, mail adresiniz ne", language: .tr).intent == "contact-channels")
    let reply = conversation.say("maile kaç saatte dönüyosunuz", language: .tr)
    #expect(reply.intent == "contact-channels", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .staysOnTopic)
    #expect(reply.explanation.reading == .followUpOfTheAnswer)
  }

  /// A new topic the message alone is sure of is not held back by the last answer's follow-ups.
  @Test func aConfidentNewTopicLeavesTheLastOne() {
    var conversation = ConversationDriver()
    #expect(conversation.say("nereye yazıyım, mail adresiniz ne", language: .tr).intent == "contact-channels")
    let reply = conversation.say("şifremi unuttum nasıl sıfırlarım", language: .tr)
    #expect(reply.intent == "password-reset", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading != .followUpOfTheAnswer)
  }

  /// Without follow-ups, nothing is read as one; with them, the message is matched with every intent's
  /// examples and follow-ups, and the intent whose answer it follows comes first only when it scores as
  /// well.
  @Test func followUpsAreMatchedOnlyAfterTheirIntent() throws {
    let plain = try Engine(contentsOf: Paths.fixture("loader/valid"))
    #expect(plain.followUpMatch("and how long does that take", after: "order-status", in: .en, margin: 1) == nil)
    let engine = try Engine(contentsOf: try Paths.copyOfFixture("loader/valid-with-follow-ups"))
    let match = engine.followUpMatch("and how long does that take", after: "order-status", in: .en, margin: 0)
    #expect(match?.intent == "order-status")
    let intents = Set(match?.candidates.map(\.intent) ?? [])
    #expect(intents.isSubset(of: ["order-status", "greeting"]), "the intents only")
    #expect(engine.followUpMatch("and how long does that take", after: "greeting", in: .en, margin: 1) == nil)
  }

  /// A request for the language the message is written in is answered by the reply being in it, when
  /// another part asks something; when nothing else does, that request is the question.
  @Test func aRequestForTheMessagesOwnLanguageIsTheQuestionWhenNothingElseAsks() {
    var conversation = ConversationDriver()
    let reply = conversation.say("Pardon, Hırvatçam çok iyi değil. Türkçe yazabilir miyim?", language: .tr)
    #expect(reply.intent == "languages", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading == .question)
    ConversationDriver.expectAnswer(
      "halo kak, boleh pakai bahasa indonesia aja? pesanan saya belum sampai", language: .id, intent: "order-status")
  }
}
