import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written at the fourteenth stop found wrong: a customer who
/// says they do not want a person, "ok" with thanks of two words after the offer of one, thanks that
/// asks nothing after an answer, and a follow-up in another language than the answer before it.
struct FourteenthStopRulesTests {
  /// Out-of-scope questions whose reply offers a person, by language.
  static let refused: [Language: String] = [
    .en: "do you sell concert tickets", .hr: "prodajete li karte za koncert", .tr: "konser bileti satıyor musunuz",
    .vi: "shop có bán vé xem phim không", .id: "jual tiket konser gak",
  ]

  /// A conversation whose first message got the offer of a person.
  static func afterTheOffer(in language: Language) -> ConversationDriver {
    var conversation = ConversationDriver()
    let opening = conversation.say(refused[language]!, language: language)
    #expect(opening.decision == .clarify, "\(opening.explanation.rule)")
    let offered = if case .humanOffer = conversation.session.pending { true } else { false }
    #expect(offered)
    return conversation
  }

  /// Saying that no person is needed declines the offer: it handed over, as a request for a person
  /// (vi "ko cần nhân viên đâu ạ", "no need for staff").
  @Test(arguments: [
    ("no i dont need a person", Language.en), ("no need for an agent, thanks", .en),
    ("ne treba mi djelatnik", .hr), ("müşteri temsilcisine gerek yok", .tr), ("ko cần nhân viên đâu ạ", .vi),
    ("gk perlu cs kak", .id), ("gk usah kak", .id),
  ])
  func sayingNoPersonIsNeededDeclinesTheOffer(text: String, language: Language) {
    var conversation = Self.afterTheOffer(in: language)
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.reason == .declined)
    #expect(reply.explanation.turnRule == .offerDeclined)
    #expect(reply.escalation == nil)
  }

  /// With nothing offered, the same words get the polite reply of the rule `person-declined`.
  @Test(arguments: [
    ("i dont need an agent", Language.en), ("no i dont need a person", .en), ("ne trebam čovjeka", .hr),
    ("temsilciye gerek yok", .tr), ("không cần gặp nhân viên", .vi), ("gak perlu cs", .id),
  ])
  func withNothingOfferedTheDeclineIsNoRequest(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .personDeclined)
    #expect(reply.text == Demo.engine.phrases(for: language)[.reset])
  }

  /// Refusing the bot asks for a person, and so does a request followed by a refusal of something
  /// else; a decline with a question of its own is read on that question.
  @Test func refusingTheBotOrSomethingElseStillAsksForAPerson() throws {
    for (text, language) in [
      ("i dont want a bot, get me a human", Language.en), ("ne želim bota, dajte mi čovjeka", .hr),
      ("bot istemiyorum", .tr), ("gak mau sama bot", .id), ("get me an agent, i dont want automatic replies", .en),
    ] {
      var conversation = ConversationDriver()
      let reply = conversation.say(text, language: language)
      #expect(reply.decision == .escalate, "\(text): \(reply.explanation.rule)")
    }
    var conversation = Self.afterTheOffer(in: .en)
    let reply = conversation.say("i don't need a person, where is my parcel?")
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "order-status")
  }

  /// The profile derives the words of a request that refuses the bot, and the words that name a person.
  @Test func theProfilesKnowTheBotFromThePerson() {
    let english = LanguageProfile.english
    #expect(english.botWords.contains("bot"))
    #expect(!english.botWords.contains("person"))
    #expect(english.personWords.contains("person"))
    #expect(english.no.contains("no need"))
  }

  /// "ok" and thanks of two words, or chat spellings of them, close politely after the offer of a
  /// person: tr "tmm saolun" ("tamam sağ olun") accepted it and handed over.
  @Test(arguments: [("tmm saolun", Language.tr), ("tamam sağ olun", .tr), ("okay thank you", .en)])
  func okWithThanksAfterTheOfferIsNoYes(text: String, language: Language) {
    var conversation = Self.afterTheOffer(in: language)
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "thanks")
    #expect(reply.escalation == nil)
  }

  /// Thanks that asks nothing closes the topic, however unsure its other words: hr "hvala, snaci cemo
  /// se" ("thanks, we'll manage") after a password reset got the reset again, read in context.
  @Test func thanksThatAsksNothingIsNotAFollowUp() {
    let reply = ConversationDriver.reply(
      to: "hvala, snaci cemo se", after: "kliknem zaborvljena lozinka i nista ne dodje na mail",
      answered: "password-reset", language: .hr)
    #expect(reply.intent == "thanks", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading != .followUp)
  }

  /// A follow-up in another language than the answer before it is read after that answer's title in
  /// its own language: "how long is it valid?" after a Croatian password reset was "delivery times or
  /// the warranty?".
  @Test func aFollowUpInAnotherLanguageLeansOnTheLastAnswersTitle() {
    var conversation = ConversationDriver()
    let first = conversation.say("kliknem zaborvljena lozinka i nista ne dodje na mail")
    #expect(first.intent == "password-reset")
    #expect(first.language == .hr)
    let reply = conversation.say("how long is it valid?")
    #expect(reply.language == .en)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "password-reset")
    #expect(reply.explanation.reading == .followUp)
  }

  /// After a hand-off, a question the clear-lead rule would answer is answered as well: vi "mình nhắn
  /// thêm qua whatsapp cho nhanh đc ko" (0.68, nothing else near) was only added to the record.
  @Test func aClearLeadIsAnsweredAfterAHandOff() {
    var conversation = ConversationDriver()
    let handOff = conversation.say(
      "trả 349k tiền ship nhanh mà giao còn chậm hơn ship thường, làm ăn kiểu gì vậy, hoàn phí ship lại cho mình",
      language: .vi)
    #expect(handOff.decision == .escalate, "\(handOff.explanation.rule)")
    let reply = conversation.say("mình nhắn thêm qua whatsapp cho nhanh đc ko", language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "contact-channels")
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
  }

  /// Thanks at the start closes the last topic: the question after it is read on its own (id "oke
  /// makasih kak. oh ya fakturnya nanti dikirim ke email kan?" after tracking got tracking again).
  @Test func aQuestionAfterThanksIsANewOne() {
    let reply = ConversationDriver.reply(
      to: "oke makasih kak. oh ya fakturnya nanti dikirim ke email kan?",
      after: "cara liat pesenan aku udh dikirim apa blm dmn?", answered: "order-status", language: .id)
    #expect(reply.explanation.reading != .followUp, "\(reply.explanation.rule)")
    #expect(reply.candidates.first?.intent == "invoice")
  }

  /// Thanks typed as a chat spelling of two words opens the message as the words do: vi "tks shop, làm
  /// bảo hành ở mục nào" ("tks" is "cảm ơn") was answered as thanks, the question left out.
  @Test func thanksInAChatSpellingOfTwoWordsDoesNotHideTheQuestion() {
    var conversation = ConversationDriver()
    let reply = conversation.say("tks shop, làm bảo hành ở mục nào", language: .vi)
    #expect(reply.intent == "warranty", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading == .withoutSmallTalk)
  }

  /// A question that comes along after thanks ("btw", hr "usput", tr "bu arada", id "sekalian nanya",
  /// vi "tiện hỏi luôn") is read without the words that bring it: vi "cám ơn ad, tiện hỏi luôn hoá đơn
  /// thì shop tự gửi qua mail hay mình phải vô tải" was "thanks or the invoice?".
  @Test(arguments: [
    ("thanks! btw do you ship to canada", Language.en, "international-shipping"),
    ("hvala. usput, koliko traje dostava?", .hr, "delivery-time"),
    ("teşekkürler, bu arada kargo ücreti ne kadar", .tr, "shipping-cost"),
    ("makasih kak, sekalian nanya ongkirnya berapa", .id, "shipping-cost"),
    ("cảm ơn shop, tiện hỏi luôn phí ship bao nhiêu", .vi, "shipping-cost"),
  ])
  func aQuestionThatComesAlongAfterThanksIsAnswered(text: String, language: Language, intent: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent?.rawValue == intent)
    #expect(reply.explanation.reading == .withoutAskingPhrase)
  }
}
