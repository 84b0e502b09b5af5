import Foundation
import Testing

@testable import Attendant

/// Turns that the conversations written at the twenty-second and twenty-third stops found wrong: an
/// interjection or a Croatian "oki" after an answer, a request for a person or a complaint after a
/// hand-off the customer did not ask for, Turkish "bi de" (and also) before a new question, and
/// Turkish "bi sorum vardı" (I had a question).
struct TwentyThirdStopRulesTests {
  /// Interjections alone ask nothing: after an answer, "hmm" was read after the last
  /// question and got its answer again (hr: the discount codes; id: the password reset). Now the bot
  /// asks how it can help.
  @Test(arguments: [
    ("imam kod ZIMA15 al pise da nije vazeci", "discount-code" as IntentID, "hmm", Language.hr),
    ("aku lupa pasword akun, gmn resetnya ya?", "password-reset", "hmm", .id),
    ("where do i put my discount code?", "discount-code", "uh", .en),
  ])
  func anInterjectionAfterAnAnswerAsksHowToHelp(
    question: String, topic: IntentID, interjection: String, language: Language
  ) {
    let reply = ConversationDriver.reply(
      to: interjection, after: question, answered: topic, language: language)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.intent == nil)
    #expect(reply.explanation.turnRule == .bareYesOrNo)
  }

  /// hr "oki" is an ok: with nothing asked, the bot asks how it can help. Before, it was an unknown word
  /// read after the last question, and got the contact channels again.
  @Test func croatianOkiIsAnOk() {
    let reply = ConversationDriver.reply(
      to: "oki", after: "di vam mogu poslat screenshotove, imate neki mail?", answered: "contact-channels",
      language: .hr)
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
    let reply = ConversationDriver.first("iade konusunda bi sorum vardi", language: .tr)
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
  /// how it can help (they were unknown words; in a conversation, tr "okk" after a refund question was
  /// read after it, and got the returns).
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

  /// A question of function words is no interjection: "is it out yet?" after tracking and "still?" after
  /// the delivery times are read after the last question and answered, as before.
  @Test(arguments: [
    ("is it out yet?", "where is my order?", "order-status" as IntentID),
    ("still?", "how long does delivery take?", "delivery-time"),
  ])
  func aShortQuestionOfFunctionWordsIsNoInterjection(question: String, first: String, topic: IntentID) {
    let reply = ConversationDriver.reply(to: question, after: first, answered: topic, language: .en)
    #expect(reply.intent == topic, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule != .bareYesOrNo)
  }

  /// An interjection with options pending asks for them again, and after a hand-off it closes politely
  /// with no attempt counted: four "hmm"s leave the record's priority where it was.
  @Test func anInterjectionIsNoAttemptAndNoPick() throws {
    var menu = ConversationDriver()
    _ = menu.say("i have a problem with my order", language: .en)
    #expect(menu.say("hmm", language: .en).explanation.turnRule == .optionsRepeated)
    var handedOver = ConversationDriver()
    let handOff = handedOver.say("I would like to talk to a human, please", language: .en)
    let priority = try #require(handOff.escalation).priority
    for _ in 1...4 {
      #expect(handedOver.say("hmm", language: .en).explanation.turnRule == .closeAfterHandOff)
    }
    #expect(handedOver.session.escalation?.priority == priority)
  }

  /// An angry message whose last clause names the service, not a request for a person, gets no article
  /// for that request: "THIS IS RIDICULOUS!!! worst customer service ever".
  @Test func angerAtTheServiceIsNoRequestForAPerson() {
    let reply = ConversationDriver.first("THIS IS RIDICULOUS!!! worst customer service ever", language: .en)
    #expect(reply.decision == .escalate)
    #expect(reply.intent == nil, "\(reply.explanation.rule)")
  }

  /// After a complaint was handed over, a question about when a person replies is still that question
  /// (`wait-for-person`), not the article for a request for a person.
  @Test func aQuestionAboutTheWaitComesBeforeTheArticleOfARequest() {
    let reply = TwentyFirstStopRulesTests.reply(
      to: "how long till a real human agent gets back to me?",
      afterAsking: "I want to complain, your courier was rude to me", language: .en)
    #expect(reply.explanation.turnRule == .waitForPerson, "\(reply.explanation.rule)")
  }

  /// A calm complaint after a request for a person raises the record to a complaint's priority, and the
  /// explanation says so; the customer who asks for a person after thanks is asking, not closing.
  @Test func aCalmComplaintAfterARequestRaisesThePriority() throws {
    let complaint = TwentyFirstStopRulesTests.reply(
      to: "I want to make a complaint about a rude courier", afterAsking: "I would like to talk to a human, please",
      language: .en)
    #expect(complaint.intent == "complaint", "\(complaint.explanation.rule)")
    #expect(try #require(complaint.escalation).priority == .high)
    #expect(complaint.explanation.rule.contains("priority raised to high for complaint"))
    var conversation = ConversationDriver()
    _ = conversation.say("maybe", language: .en)
    let handOff = conversation.say("purple", language: .en)
    #expect(handOff.decision == .escalate, "\(handOff.explanation.rule)")
    let request = conversation.say("ok thanks, but i want a real person", language: .en)
    #expect(request.intent == "human-agent", "\(request.explanation.rule)")
  }

  /// Off shift, the article shown after the hand-off says when the next shift starts, as the hand-off
  /// did, rather than only "I'm connecting you with a member of our support team now".
  @Test func theArticleAfterAHandOffSaysWhenAPersonTakesOver() throws {
    let sunday = Date.at("2026-11-29T12:00:00Z")
    var conversation = ConversationDriver(at: sunday)
    let handOff = conversation.say("želim razgovarati s djelatnikom", language: .hr)
    #expect(handOff.intent == "human-agent", "\(handOff.explanation.rule)")
    let reply = conversation.say("ovo je katastrofa od usluge, mjesec dana cekam svoje pare", language: .hr)
    #expect(reply.intent == "complaint", "\(reply.explanation.rule)")
    let shift = Handoff(schedule: Demo.knowledgeBase.schedule, language: .hr, timeZone: nil, now: sunday)
      .text(Demo.engine.phrases(for: .hr), locale: LanguageProfile.croatian.localeIdentifier)
    #expect(reply.text.contains(shift), "\(reply.text)")
  }

  /// vi "sip" typed without diacritics is never Cyprus, whatever word stands before it: "tien sip qua
  /// Duc bn vay" (how much is shipping to Germany) named Cyprus after "tiền", a place word.
  @Test func vietnameseSipWithoutDiacriticsIsNeverCyprus() {
    let reply = ConversationDriver.first("tien sip qua Duc bn vay", language: .vi)
    #expect(!reply.entities.contains { $0.value == "CY" })
    #expect(reply.intent == "shipping-cost", "\(reply.explanation.rule)")
  }
}
