import Foundation
import Testing

@testable import Attendant

/// Turns that the conversations written at the twenty-second and twenty-third stops found wrong: an
/// interjection or a Croatian "oki" after an answer, a request for a person or a complaint after a
/// hand-off the customer did not ask for, Turkish "bi de" (and also) before a new question, and
/// Turkish "bi sorum vardı" (I had a question).
struct TwentyThirdStopRulesTests {
  /// Grammar words and interjections alone ask nothing: after an answer, "hmm" was read after the last
  /// question and got its answer again (hr: the discount codes; id: the password reset). Now the bot
  /// asks how it can help.
  @Test(arguments: [
    ("imam kod ZIMA15 al pise da nije vazeci", "discount-code", "hmm", Language.hr),
    ("aku lupa pasword akun, gmn resetnya ya?", "password-reset", "hmm", .id),
    ("where do i put my discount code?", "discount-code", "uh", .en),
  ])
  func anInterjectionAfterAnAnswerAsksHowToHelp(
    question: String, topic: String, interjection: String, language: Language
  ) {
    var conversation = ConversationDriver()
    let answer = conversation.say(question, language: language)
    #expect(answer.intent == IntentID(rawValue: topic), "\(answer.explanation.rule)")
    let reply = conversation.say(interjection, language: language)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.intent == nil)
    #expect(reply.explanation.turnRule == .bareYesOrNo)
  }

  /// hr "oki" is an ok: with nothing asked, the bot asks how it can help. Before, it was an unknown word
  /// read after the last question, and got the contact channels again.
  @Test func croatianOkiIsAnOk() {
    var conversation = ConversationDriver()
    let answer = conversation.say("di vam mogu poslat screenshotove, imate neki mail?", language: .hr)
    #expect(answer.intent == "contact-channels", "\(answer.explanation.rule)")
    let reply = conversation.say("oki", language: .hr)
    #expect(reply.intent == nil)
    #expect(reply.explanation.turnRule == .bareYesOrNo)
  }

  /// After a hand-off the customer did not ask for (two messages the bot could not answer), "get me a
  /// real person" gets the article for that request, after words of empathy for "pointless", and
  /// stays with the open record. Before, it got only the note that the message was added.
  @Test func aRequestForAPersonAfterAHandOffForNonAnswersGetsItsArticle() throws {
    var conversation = ConversationDriver()
    _ = conversation.say(
      "hi there, quick one before i order - are ur cotton tees organic or fair trade? trying to shop more ethically",
      language: .en)
    let handOff = conversation.say("seriously? u sell clothes and cant tell me who makes them??", language: .en)
    #expect(handOff.decision == .escalate, "\(handOff.explanation.rule)")
    #expect(handOff.intent == nil)
    let first = try #require(handOff.escalation)
    let reply = conversation.say("this is pointless. get me a real person pls", language: .en)
    #expect(reply.decision == .escalate)
    #expect(reply.intent == "human-agent")
    #expect(reply.explanation.turnRule == .handOffArticleAfterHandOff)
    let article = try #require(Demo.knowledgeBase.article(for: "human-agent", in: .en))
    #expect(reply.text.contains(article.body))
    #expect(reply.text.hasPrefix(Demo.engine.phrases(for: .en)[.frustration]), "an angry request: empathy first")
    #expect(conversation.session.escalation?.id == first.id, "the open record takes the message")
  }

  /// A complaint after a request for a person gets the complaint article, and the record's priority
  /// rises to a complaint's. A second request for a person, whose article the hand-off showed, is only
  /// added to the record.
  @Test func aComplaintAfterARequestForAPersonGetsItsArticle() throws {
    var conversation = ConversationDriver()
    let handOff = conversation.say("hocu razgovarat s nekim iz podrske, odmah", language: .hr)
    #expect(handOff.intent == "human-agent", "\(handOff.explanation.rule)")
    let again = conversation.say("dajte mi covjeka", language: .hr)
    #expect(again.explanation.turnRule == .addedToHandOff, "its article was shown: \(again.explanation.rule)")
    let reply = conversation.say("i da znate, ovo je katastrofa od usluge, mjesec dana cekam svoje pare", language: .hr)
    #expect(reply.decision == .escalate)
    #expect(reply.intent == "complaint", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .handOffArticleAfterHandOff)
    let record = try #require(conversation.session.escalation)
    #expect(record.priority >= EscalationReason.complaint.basePriority)
    #expect(record.reason == .humanRequested, "the record stays the one opened")
  }

  /// Turkish "bi de" / "bir de" (and also) brings a new question along: after the support hours,
  /// "tamam, bi de faturyi nerden indircem" is the invoice. Before, it was read after the hours question.
  @Test func turkishBiDeBringsANewQuestion() {
    let reply = ConversationDriver.reply(
      to: "tamam, bi de faturyi nerden indircem",
      after: "iyi aksamlar, canli destek kacta kapaniyo? pazar gunleri de calisiyo musunuz", answered: "support-hours",
      language: .tr)
    #expect(reply.intent == "invoice", "\(reply.explanation.rule)")
  }

  /// Turkish "bi sorum vardı" (I had a question) announces a question: "iade konusunda bi sorum vardı"
  /// asks which of the returns topics, and no longer offers the greeting beside the returns.
  @Test func turkishSorumVardiAnnouncesAQuestion() {
    var conversation = ConversationDriver()
    let reply = conversation.say("iade konusunda bi sorum vardi", language: .tr)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(Set(reply.options.map(\.intent)) == ["return-item", "refund-status"])
    #expect(reply.explanation.reading == .withoutAskingPhrase)
  }

  /// vi "sip" is a chat spelling of "ship" far more often than Síp (Cyprus): a name only after a word
  /// that points at a place. "the phi sip qua Duc bn vay" (so how much is shipping to Germany) asked
  /// about shipping to Cyprus and Germany, and got shipping abroad.
  @Test func vietnameseSipIsShippingUnlessAPlaceIsMeant() {
    let fee = ConversationDriver.first("the phi sip qua Duc bn vay", language: .vi)
    #expect(fee.intent == "shipping-cost", "\(fee.explanation.rule)")
    #expect(!fee.entities.contains { $0.value == "CY" })
    let cyprus = ConversationDriver.first("gửi hàng sang Síp được không shop", language: .vi)
    #expect(cyprus.intent == "international-shipping", "\(cyprus.explanation.rule)")
    #expect(cyprus.entities.contains { $0.type == "country" && $0.value == "CY" })
  }

  /// "okk" is an ok in English, Croatian and Turkish, and tr "oki" too: with nothing asked, the bot asks
  /// how it can help. tr "okk" after a refund question was read after it, and got the returns.
  @Test(arguments: [("okk", Language.en), ("okk", .hr), ("okk", .tr), ("oki", .tr)])
  func okkIsAnOk(word: String, language: Language) {
    let reply = ConversationDriver.first(word, language: language)
    #expect(reply.explanation.turnRule == .bareYesOrNo, "\(reply.explanation.rule)")
  }

  /// tr "iade" alone is a return or a refund (para iadesi): the bot asks which. It was an example of the
  /// returns word for word, and answered so.
  @Test func turkishIadeAloneAsksWhichReturnTopic() {
    let reply = ConversationDriver.first("iade", language: .tr)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(Set(reply.options.map(\.intent)) == ["return-item", "refund-status"])
  }

  /// A frustrated message that ends in a request for a person gets the article for it, however long
  /// the story before: vi "… bot tra loi hoai 1 kieu chan qua, cho minh gap nhan vien that di" was
  /// handed over for frustration with no article, because the whole message read as a person only 0.37.
  @Test func aLongFrustratedMessageEndingInARequestForAPersonGetsItsArticle() throws {
    var conversation = ConversationDriver()
    _ = conversation.say("the visa cua minh thanh toan ko dc", language: .vi)
    let reply = conversation.say(
      "lam het roi, 3D secure bam roi, han muc con nhieu ma van ko dc. bot tra loi hoai 1 kieu chan qua, cho minh gap nhan vien that di",
      language: .vi)
    #expect(reply.decision == .escalate)
    #expect(reply.explanation.turnRule == .frustration)
    #expect(reply.intent == "human-agent", "\(reply.explanation.rule)")
    #expect(try #require(reply.escalation).reason == .frustration)
  }

  /// A yes that takes leave answers no offer of a person: id "ya udh, dadah kak" (alright then, bye)
  /// after a refusal that offered one was handed over. It is the goodbye.
  @Test func aYesThatTakesLeaveDeclinesTheOfferOfAPerson() {
    var conversation = ConversationDriver()
    let refusal = conversation.say(
      "eh orbita ada toko fisiknya ga di Jakarta? pengen liat barangnya langsung", language: .id)
    #expect(refusal.decision == .clarify, "\(refusal.explanation.rule)")
    #expect(refusal.escalation == nil)
    let reply = conversation.say("ya udh, dadah kak", language: .id)
    #expect(reply.escalation == nil, "\(reply.explanation.rule)")
    #expect(reply.intent == "goodbye")
  }

  /// Brands are a class of names (`KnowledgeBase/<language>/entities/brand.txt`), so a brand is never an
  /// unknown word: id "headphone sony … rusak" was refused for the unknown "sony", and now asks whether
  /// the headphones arrived broken or broke later. The bridge lists the brand.
  @Test(arguments: [
    ("headphone sony yg aku beli disini rusak, yg kiri ga ada suaranya", Language.id),
    ("my dyson stopped working after 3 months", .en),
    ("philips fen mi je prestao radit nakon 5 mjeseci", .hr),
  ])
  func aBrandIsANameNotAnUnknownWord(text: String, language: Language) {
    let reply = ConversationDriver.first(text, language: language)
    #expect(reply.entities.contains { $0.type == "brand" }, "\(reply.entities)")
    #expect(reply.explanation.turnRule != .unknownWord, "\(reply.explanation.rule)")
    #expect(reply.intent == "warranty" || reply.options.map(\.intent).contains("warranty"), "\(reply.explanation.rule)")
  }

  /// tr "bişey sorcaktım" (I was going to ask something) announces a question, as "soracaktım" does:
  /// "iyi gunler, odeme konusunda bisey sorcaktim" asks which payment topic, where it got the greeting.
  @Test func turkishSorcaktimAnnouncesAQuestion() {
    let reply = ConversationDriver.first("iyi gunler, odeme konusunda bisey sorcaktim", language: .tr)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.options.map(\.intent).contains("payment-methods"))
    #expect(reply.options.map(\.intent).contains("payment-failed"))
    #expect(reply.intent != "greeting")
  }
}

extension ConversationDriver {
  /// The reply to the first message of a new conversation.
  fileprivate static func first(_ text: String, language: Language) -> Reply {
    var conversation = ConversationDriver()
    return conversation.say(text, language: language)
  }
}
