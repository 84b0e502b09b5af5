import Foundation
import Testing

@testable import Attendant

/// Turns that the conversations written at the twenty-second stop found wrong: a frustrated request for
/// a person, a question after a hand-off that also reads as a complaint or asks when the person
/// replies, Turkish question words with the past copula, a clause that names the message's own
/// language beside another, id "nomer", vi "bai", and closing particles after a phrase that announces
/// a question.
struct TwentySecondStopRulesTests {
  /// A frustrated request for a person, after a reply that answered nothing, is handed over with the
  /// article for that request, after words of empathy; the record's reason stays frustration. Before,
  /// the reply was the frustration sentence alone, with no article.
  @Test func aFrustratedRequestForAPersonGetsItsArticle() throws {
    var conversation = ConversationDriver()
    let refused = conversation.say(
      "hiya, I work nights so can your driver text me 30 mins before they turn up instead of just banging on the door?",
      language: .en)
    #expect(refused.decision != .answer, "\(refused.explanation.rule)")
    let reply = conversation.say("thats not helpful at all. is there a real human i can talk to?", language: .en)
    #expect(reply.decision == .escalate)
    #expect(reply.intent == "human-agent")
    #expect(reply.explanation.turnRule == .frustration)
    let record = try #require(reply.escalation)
    #expect(record.reason == .frustration)
    let article = try #require(Demo.knowledgeBase.article(for: "human-agent", in: .en))
    #expect(reply.text.contains(article.body))
    #expect(reply.text.hasPrefix(Demo.engine.phrases(for: .en)[.frustration]), "words of empathy come first")
  }

  /// After a hand-off, a question that reads more surely as a complaint (an article that hands over)
  /// than as its own topic is answered with that topic: hr "hvala. ako se danas nitko ne javi, jel vas
  /// mogu nazvat?" (if nobody answers today, can I call you?) was a complaint 0.76 and the contact
  /// channels 0.51, and was only added to the record.
  @Test func aQuestionBesidesAComplaintIsAnsweredAfterAHandOff() {
    let reply = TwentyFirstStopRulesTests.reply(
      to: "hvala. ako se danas nitko ne javi, jel vas mogu nazvat?", afterAsking: "dajte mi nekog zivog molim vas",
      language: .hr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "contact-channels")
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
  }

  /// After a hand-off, a calm question about when the person replies is answered with the request
  /// article's follow-up topic, the support hours (a person replies within 2 hours during a shift).
  /// Before, "how long till they actually get back to me" was added to the record, read as the refund
  /// and the delivery times ("back", "how long").
  @Test(arguments: [
    ("how long till they actually get back to me", "can i talk to an actual person please", Language.en),
    ("thanks! roughly how long till someone gets back to me?", "can i talk to an actual person please", .en),
    ("dok cekam, za koliko mi se kolega otprilike javi?", "dajte mi nekog zivog molim vas", .hr),
    ("kac dkda yazar biri", "müşteri temsilcisiyle görüşmek istiyorum", .tr),
    ("tam bao lau thi co nhan vien rep vay ad", "cho mình gặp nhân viên thật", .vi),
  ])
  func aQuestionAboutWhenThePersonRepliesIsAnswered(question: String, request: String, language: Language) {
    let reply = TwentyFirstStopRulesTests.reply(to: question, afterAsking: request, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "support-hours")
    #expect(reply.explanation.turnRule == .waitForPerson)
  }

  /// A reply word asks nothing about the wait in a negated statement (vi "hỏi gì cũng ko trả lời đc",
  /// whatever I ask you cannot answer), in a question that names a language (tr "temsilci türkçe yazar
  /// mı", does the agent write Turkish), or, one word alone, in a question the bot is sure of (tr "takip
  /// numarası nerede yazar?", where does it say the tracking number).
  @Test(arguments: [
    ("hỏi gì cũng ko trả lời đc", "cho mình gặp nhân viên thật", Language.vi),
    ("temsilci türkçe yazar mı", "müşteri temsilcisiyle görüşmek istiyorum", .tr),
    ("takip numarası nerede yazar?", "müşteri temsilcisiyle görüşmek istiyorum", .tr),
  ])
  func otherMessagesWithAReplyWordAreNoQuestionAboutTheWait(question: String, request: String, language: Language) {
    let reply = TwentyFirstStopRulesTests.reply(to: question, afterAsking: request, language: language)
    #expect(reply.explanation.turnRule != .waitForPerson)
  }

  /// id "nomer", a spelling of "nomor" (number), points at an option: "yg nomer 2" picks the menu's
  /// second topic, where it was the contact channels ("nomer" as a phone number).
  @Test func indonesianNomerPicksAnOption() throws {
    var conversation = ConversationDriver()
    let menu = conversation.say("kak paket aku yg dtg tadi pagi ada masalah nih", language: .id)
    #expect(menu.decision == .clarify, "\(menu.explanation.rule)")
    let second = try #require(menu.options.dropFirst().first)
    let reply = conversation.say("yg nomer 2", language: .id)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == second.intent)
  }

  /// vi "bai" is a chat spelling of "bye": "oke bai shop" is a goodbye (0.77), where it was unsure
  /// (0.60).
  @Test func vietnameseBaiIsBye() {
    var conversation = ConversationDriver()
    let reply = conversation.say("oke bai shop", language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "goodbye")
  }

  /// After a phrase that announces a question, closing particles (vi "với", "ạ") carry no topic: "shop
  /// cho e hỏi về thời gian với ạ" (may I ask about the time) offers the delivery times and the
  /// support hours, where "thời gian với ạ" read as out of scope and the message was handed over for
  /// low confidence.
  @Test func closingParticlesAfterAnAnnouncedQuestionCarryNoTopic() {
    var conversation = ConversationDriver()
    let reply = conversation.say("shop cho e hỏi về thời gian với ạ", language: .vi)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(Set(reply.options.map(\.intent)).isSuperset(of: ["delivery-time", "support-hours"]))
  }

  /// A closing particle typed with diacritics counts only as the list writes it: vi "nhà" (home) is
  /// not the particle "nha", so "giao tận nhà" keeps its last word.
  @Test(arguments: [("nha", true), ("nhà", false), ("ạ", true), ("với", true), ("vơi", false)])
  func vietnameseClosingParticlesKeepTheirSpelling(word: String, isParticle: Bool) throws {
    let profile = try #require(Demo.knowledgeBase.profiles[.vi])
    let token = try #require(Tokenizer.tokenize(word, turkishCasing: false).first)
    #expect(profile.isFinalParticle(token) == isParticle)
  }

  /// Turkish question words with the past copula ask again what one forgot: "faturası nerdeydi" (where
  /// was the invoice).
  @Test(arguments: ["nerdeydi", "neredeydi", "nasıldı", "neydi", "miydi", "muydu"])
  func turkishQuestionWordsWithThePastCopulaAsk(word: String) throws {
    let profile = try #require(Demo.knowledgeBase.profiles[.tr])
    let asks = profile.isQuestionWord(in: TextAnalyzer.foldPhrase(word))
    #expect(asks)
  }

  /// After a hand-off, a question with such a word is answered: "ok bekliyom. bu arada klavyenin
  /// faturasını da indirmek istiyorum, nerdeydi o" (by the way, where was the keyboard's invoice) is the
  /// invoice, where it was added to the record as no question.
  @Test func aQuestionWithThePastCopulaIsAnsweredAfterAHandOff() {
    let reply = TwentyFirstStopRulesTests.reply(
      to: "ok bekliyom. bu arada klavyenin faturasını da indirmek istiyorum, nerdeydi o",
      afterAsking: "müşteri temsilcisiyle görüşmek istiyorum", language: .tr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "invoice")
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
  }

  /// A clause that names the message's own language and another asks about the other: tr "türkçesi pek
  /// iyi değil vietnamca yazabilir mi" (her Turkish is poor, may she write in Vietnamese) is the
  /// question, where it was dropped as a request to be answered in Turkish and the story's declined
  /// card answered instead.
  @Test func aClauseNamingAnotherLanguageIsNotARequestForItsOwn() {
    var conversation = ConversationDriver()
    let reply = conversation.say(
      "merhaba, iş yerinden vietnamlı bi arkadaşım sizden laptop alcaktı ama kartı reddedilmiş, türkçesi pek iyi değil vietnamca yazabilir mi",
      language: .tr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "languages")
  }
}
