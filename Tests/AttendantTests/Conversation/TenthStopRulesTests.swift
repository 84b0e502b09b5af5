import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written on 6 December found wrong: anger after the same
/// answer, a thanks around a statement after a hand-off, a request for a person among other words, and
/// words of the profile's phrases that were taken for typos.
struct TenthStopRulesTests {
  /// A long angry message right after an answer, on the same topic, tells the problem again: it is
  /// handed to a person rather than given the same answer (it was the discount codes again, and before
  /// that the shipping costs, with "dosta" corrected to "kosta").
  @Test func aLongAngryMessageOnTheTopicJustAnsweredIsHandedOver() {
    let angry = ConversationDriver.reply(
      to:
        "sve sam to provjerila, nije istekao, imam 120 eura u kosarici i opet pise nevazeci kod. vec pola sata se zezam s ovim, dosta mi je!",
      after: "kod CRNIPETAK25 mi ne prolazi u kosarici", answered: "discount-code", language: .hr)
    #expect(angry.decision == .escalate, "\(angry.explanation.rule)")
    #expect(angry.explanation.turnRule == .frustration)
  }

  /// A short one is a detail of the answer ("still nothing in my inbox" after a password reset).
  @Test func aShortOneIsADetailOfTheAnswer() {
    let reply = ConversationDriver.reply(
      to: "still nothing in my inbox", after: "forgot my password", answered: "password-reset", language: .en)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "password-reset")
  }

  /// Words of the profile's phrases are words of the language, never typos of content words: hr
  /// "dosta" ("enough", in "dosta mi je") is not "kosta" ("costs").
  @Test(arguments: [("dosta mi je", "dosta", Language.hr), ("so fed up", "fed", .en)])
  func wordsOfTheProfilesPhrasesAreNeverCorrected(text: String, word: String, language: Language) throws {
    let profile = try #require(LanguageProfile.builtIn(for: language))
    #expect(profile.phraseWords.contains(word))
    #expect(TextAnalyzer(profile: profile).isProtected(word))
    let match = try #require(Demo.engine.match(text, in: language))
    #expect(!match.corrections.contains { $0.typed == word }, "\(match.corrections)")
  }

  /// After a hand-off, a statement that opens or closes with thanks is a polite close: the thanks
  /// article, and the record's priority stays (it was added to the record as another attempt).
  @Test(arguments: [
    ("dobro, pricekat cu kolegu. fala", Language.hr), ("saolun bekliyorum o zaman", .tr),
    ("ok i'll wait for them, thanks", .en), ("ok, hvala, nadam se da ce se netko konacno javit", .hr),
  ])
  func thanksAroundAStatementAfterAHandOffClosesPolitely(text: String, language: Language) throws {
    var conversation = ConversationDriver()
    let handOff = conversation.say(humanRequest[language]!, language: language)
    #expect(handOff.decision == .escalate, "\(handOff.explanation.rule)")
    let priority = try #require(conversation.session.escalation?.priority)
    let reply = conversation.say(text, language: language)
    #expect(reply.explanation.turnRule == .closeAfterHandOff, "\(reply.explanation.rule)")
    #expect(reply.intent == "thanks")
    #expect(conversation.session.escalation?.priority == priority)
  }

  private let humanRequest: [Language: String] = [
    .hr: "trebam razgovarati s nekim iz podrske", .tr: "müşteri temsilcisiyle görüşmek istiyorum",
    .en: "can i talk to a real person please",
  ]

  /// A request for a person in the profile's words among other words hands over, though the scores
  /// are unsure (tr "bi yetkiliye bağla beni" was asked "the person or goodbye?"); not when another
  /// topic is in the running (id "… bisa chat sama CS pake bahasa Korea gk?" asks about languages).
  @Test func aRequestForAPersonAmongOtherWordsHandsOver() {
    var conversation = ConversationDriver()
    let reply = conversation.say("ne demek yok, 8 bin verdim o dolaba. bi yetkiliye bagla beni", language: .tr)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .handOffTopic)

    var other = ConversationDriver()
    let languages = other.say("temen aku org Korea, dia bisa chat sama CS pake bahasa Korea gk?", language: .id)
    #expect(languages.intent == "languages", "\(languages.explanation.rule)")
  }

  /// An unsure complaint with no other topic in the running hands over (it was "complaint or greeting?");
  /// an unsure reading of the request for a person does only with the words that ask for one.
  /// Since the twenty-seventh stop's Indonesian examples the complaint is confident at the demo's
  /// thresholds (0.86), so the rule is tested where it is not (answer threshold 0.95).
  @Test func anUnsureComplaintHandsOverAndSmallTalkDoesNot() throws {
    var conversation = ConversationDriver(engine: try #require(Demo.engineAtAnswerThreshold[0.95]))
    let complaint = conversation.say(
      "tp ini udh lewat 3 minggu loh sejak batal, gk bener nih orbita, aku mau ngajuin komplain", language: .id)
    #expect(complaint.decision == .escalate, "\(complaint.explanation.rule)")
    #expect(complaint.explanation.turnRule == .handOffTopic)

    var robot = ConversationDriver()
    let question = robot.say("kamu robot ya, pernah bosen gak", language: .id)
    #expect(question.decision != .escalate, "\(question.explanation.rule)")
  }

  /// Right after an answer, a longer message unsure of a topic the article offers next, with no other
  /// topic worth a question, is that topic (it was asked "shipping costs or feedback?"); an objection in
  /// such words stays with the topic just answered (hr "al" is "ali", "but").
  @Test func aLongerMessageOnATopicOfferedNextIsThatTopic() {
    let free = ConversationDriver.reply(
      to: "a jel bi dostava bila besplatna da dodam jos stapni mikser pa prijedjem 50 eura?",
      after: "kolko se ceka paket do Vinkovaca?", answered: "delivery-time", language: .hr)
    #expect(free.decision == .answer, "\(free.explanation.rule)")
    #expect(free.intent == "shipping-cost")

    let objection = ConversationDriver.reply(
      to: "al paket je vec otpremljen jucer, ima li ikakve sanse?", after: "trebam promijeniti adresu dostave",
      answered: "change-address", language: .hr)
    #expect(objection.intent == "change-address", "\(objection.explanation.rule)")
  }

  /// Thanks before a question that is not confident: the question is read without the thanks, as
  /// after a greeting, because it asks ("oh" is an interjection in id, with no topic). It was a choice
  /// between thanks and the invoice. Since the fourteenth stop "oh ya" ("by the way") is left out as
  /// well, as words that bring a question along.
  @Test func thanksBeforeAnUnsureQuestionIsLeftOut() {
    var conversation = ConversationDriver()
    let reply = conversation.say("oke makasih kak. oh ya fakturnya nanti dikirim ke email kan?", language: .id)
    #expect(reply.explanation.reading == .withoutAskingPhrase, "\(reply.explanation.rule)")
    #expect(!reply.explanation.matchedText.contains("makasih"))
    #expect(reply.explanation.match?.candidates.first?.intent == "invoice")
    #expect(!reply.options.contains { $0.intent == "thanks" })
  }

  /// id chat spellings "lwt" ("lewat", "by way of") and "yaudah" ("ya sudah", "alright then"): a way to
  /// pay named after a declined card is the payment methods (it was the failed payment again).
  @Test(arguments: ["yaudah kalo lwt paypal aja gmn, bs?", "yaudah lwt transfer bank aja bs gk?"])
  func anotherWayToPayAfterADeclinedCard(text: String) {
    let reply = ConversationDriver.reply(
      to: text, after: "min td checkout pake debit BCA ditolak trs, muncul tulisan transaksi gagal",
      answered: "payment-failed", language: .id)
    #expect(reply.intent == "payment-methods", "\(reply.explanation.rule)")
  }

  /// A longer message that leads with the topic just answered by the clarify margin stays with it (vi:
  /// "or rather deliver it to my office in District 7" after a change of address was asked about).
  @Test func aLongerMessageThatLeadsWithTheTopicJustAnsweredStays() {
    let office = ConversationDriver.reply(
      to: "hay đổi sang giao tới chỗ làm của e ở quận 7 luôn cho chắc đc ko shop",
      after: "shop ơi e nhập sai số nhà rồi, đổi đại chỉ giao hàng cho đơn vừa đặt đc ko ạ",
      answered: "change-address", language: .vi)
    #expect(office.decision == .answer, "\(office.explanation.rule)")
    #expect(office.intent == "change-address")
  }

  /// The part of a long message that asks may take the two clauses before it: "bu para ne zaman gelir"
  /// ("when does this money come") alone is a delivery time as much as a refund; with "but nothing has
  /// reached my card yet" two clauses back it is the refund (it was asked about). Since the twenty-fifth
  /// stop's Turkish examples the message without its greeting is sure of the refund at the demo's
  /// thresholds; where it is not (answer threshold 0.85), the part that asks decides.
  @Test func thePartThatAsksMayTakeTwoClausesBeforeIt() throws {
    let text =
      "selam, gecen ay kizim icin kaban almistim, bedeni olmadi diye 12 gun once iade ettim. kargo takibinde depoya teslim edildi yaziyo ama kartima hala bi sey yatmadi, kizim da her gun soruyo. bu para ne zaman gelir"
    #expect(ConversationDriver.first(text, language: .tr).intent == "refund-status")
    var conversation = ConversationDriver(engine: try #require(Demo.engineAtAnswerThreshold[0.85]))
    let reply = conversation.say(text, language: .tr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "refund-status")
    #expect(reply.explanation.reading == .question)
  }

  /// Read after the last question, a message unsure between two topics that points back to the topic
  /// just answered, one of the two, is about it: "kolko dana imam da to prijavim?" ("how many days do I
  /// have to report it?") after the wrong item picked from the order menu (it was asked "warranty or
  /// wrong item?").
  @Test func aMessageThatPointsBackStaysWithTheTopicItPointsTo() throws {
    var conversation = ConversationDriver()
    let menu = conversation.say("imam frku s narudzbom koju sam jucer dobila", language: .hr)
    #expect(menu.decision == .clarify, "\(menu.explanation.rule)")
    let position = try #require(menu.options.firstIndex { $0.intent == "wrong-item" })
    let picked = conversation.say(String(position + 1), language: .hr)
    #expect(picked.intent == "wrong-item", "\(picked.explanation.rule)")
    let reply = conversation.say("kolko dana imam da to prijavim?", language: .hr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "wrong-item")
  }

  /// While the bot waits for a pick, a confident question on another topic is a new question, not a
  /// pick in its words ("a kad mi se lova vrati?", "when do I get the money back?", picked returns);
  /// a topic named in words, asking nothing, is still a pick (vi "vụ giao sai hàng" is the wrong item).
  @Test func aConfidentQuestionOnAnotherTopicIsNoPick() {
    var conversation = ConversationDriver()
    let question = conversation.say("dobila sam krivu velicinu, kak to vratim?", language: .hr)
    #expect(question.decision == .clarify, "\(question.explanation.rule)")
    #expect(question.options.contains { $0.intent == "return-item" })
    let refund = conversation.say("a kad mi se lova vrati? platila sam paypalom", language: .hr)
    #expect(refund.intent == "refund-status", "\(refund.explanation.rule)")

    var menu = ConversationDriver()
    let opener = menu.say("shop ơi đơn hàng mình nhận hôm nay có vấn đề", language: .vi)
    #expect(opener.options.contains { $0.intent == "wrong-item" }, "\(opener.explanation.rule)")
    let pick = menu.say("vụ giao sai hàng", language: .vi)
    #expect(pick.intent == "wrong-item", "\(pick.explanation.rule)")
  }

  /// After a hand-off, a request the bot is surer of than of an ordinary answer is answered as well
  /// (`ReplyPolicy.statementAfterHandOffThreshold`: "delete the account then" was only added to the
  /// record); a statement it is less sure of is still for the person who takes over.
  @Test func aSureRequestAfterAHandOffIsAnsweredToo() {
    var conversation = ConversationDriver()
    let handOff = conversation.say("i want to talk to a real person please", language: .en)
    #expect(handOff.decision == .escalate, "\(handOff.explanation.rule)")
    let request = conversation.say("and you better actually wipe my data", language: .en)
    #expect(request.intent == "delete-account", "\(request.explanation.rule)")
    #expect(request.explanation.turnRule == .answeredAfterHandOff)
    let story = conversation.say("it is about the lamp i bought last week", language: .en)
    #expect(story.explanation.turnRule == .addedToHandOff, "\(story.explanation.rule)")
  }
}
