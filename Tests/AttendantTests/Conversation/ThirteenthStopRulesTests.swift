import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written at the thirteenth stop found wrong: a request for a
/// person at the end of a longer message, a name that says the topic beside an unknown word, anger
/// right after an answer, and places at home.
struct ThirteenthStopRulesTests {
  /// A last sentence that is essentially a request for a person hands over, whatever the story before
  /// it: it was the tracking answer again, read in context ("I sent you the number on Monday and
  /// NOTHING. the same text again?! give me a person").
  @Test(arguments: [
    ("broj sam vam poslala jos u ponedjeljak i NISTA. opet isti tekst?! dajte covjeka", Language.hr),
    ("I sent the order number on monday and still nothing. same reply again?! real person please", .en),
  ])
  func aRequestForAPersonInTheLastSentenceHandsOver(text: String, language: Language) {
    let reply = ConversationDriver.reply(
      to: text, after: language == .hr ? "di mi je paket" : "where is my parcel", answered: "order-status",
      language: language)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .humanRequestAtTheEnd)
    #expect(reply.intent == "human-agent")
    #expect(reply.escalation?.reason == .humanRequested)
  }

  /// Content with no article that hands over for the request gets the built-in hand-off.
  @Test func withoutAnArticleForTheRequestTheBuiltInHandOffAnswers() {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    let reply = conversation.say("the parking page says nothing. i asked twice already. real person please")
    #expect(reply.explanation.turnRule == .humanRequestAtTheEnd, "\(reply.explanation.rule)")
    #expect(reply.decision == .escalate)
    #expect(reply.intent == nil)
    #expect(reply.text.hasPrefix(GardenCentre.engine.phrases(for: .en)[.handoffRequested]))
  }

  /// A request inside the only sentence, or a last sentence that asks about a topic, is not the rule's.
  @Test(arguments: [
    ("can I talk to someone about parking", Language.en),
    ("i talked to a real person yesterday. is parking free?", .en),
  ])
  func aRequestThatIsNotALastSentenceOfItsOwnIsNotTheRules(text: String, language: Language) {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    let reply = conversation.say(text, language: language)
    #expect(reply.explanation.turnRule != .humanRequestAtTheEnd, "\(reply.explanation.rule)")
  }

  /// Sentences are cut at sentence punctuation only, each keeping its mark: commas keep a clause in its
  /// sentence.
  @Test func sentencesAreCutAtSentencePunctuation() {
    #expect(Responder.sentences(of: "nothing. again?! give me a person") == ["nothing.", "again?", "give me a person"])
    #expect(Responder.sentences(of: "ok, connect me to a person") == ["ok, connect me to a person"])
    #expect(Responder.sentences(of: "...?!") == [])
  }

  /// An unknown word beside a name whose class has the top topic as its home does not keep the
  /// question: tr "USPS mi getirir" ("does USPS bring it") is the couriers (a carrier, and "getirir"
  /// is in no example); it was "the couriers or languages?".
  /// Since the twenty-fifth stop's Turkish examples it is confident at the demo's thresholds; the rule is
  /// tested where it is unsure (answer threshold 0.8).
  @Test func aNameThatSaysTheTopicLetsAClearLeadAnswer() throws {
    #expect(ConversationDriver.first("USPS mi getirir", language: .tr).intent == "courier")
    var conversation = ConversationDriver(engine: try #require(Demo.engineAtAnswerThreshold[0.8]))
    let reply = conversation.say("USPS mi getirir", language: .tr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "courier")
    #expect(reply.explanation.turnRule == .clearLead)
  }

  /// A place does not say the topic of a question about the time somewhere: the unknown word keeps
  /// the question (the place's home is shipping abroad, not the hours).
  @Test func aNameWhoseHomeIsAnotherTopicKeepsTheQuestion() throws {
    let match = try #require(Demo.engine.match("koliko je sati sada u tokiju", in: .hr))
    let top = try #require(match.candidates.first)
    #expect(Demo.engine.nameHome(of: "@place", in: .hr) != top.intent)
    var conversation = ConversationDriver()
    let reply = conversation.say("koliko je sati sada u tokiju", language: .hr)
    #expect(reply.decision != .answer, "\(reply.explanation.rule)")
  }

  /// Anger that names no topic right after an answer says the answer did not help: a person at once,
  /// not the offer of one (it was "Sorry, I can only help with …", and "ok, thanks" then accepted the
  /// offer).
  @Test func angerThatGetsNoAnswerRightAfterAnAnswerHandsOver() {
    var conversation = ConversationDriver()
    conversation.say("bayar ekspres ke Balikpapan, udh 5 hari blm nyampe jg", language: .id)
    let answer = conversation.say("ongkir ekspresnya bisa dibalikin gk?", language: .id)
    #expect(answer.decision == .answer, "\(answer.explanation.rule)")
    let reply = conversation.say("gitu doang jawabannya? rugi aku bayar 199rb!!", language: .id)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .frustration)
    #expect(reply.escalation?.reason == .frustration)
  }

  /// A short message that says nothing but its anger, right after an answer, is not a detail of it:
  /// it was the tracking answer again. One that names what is still missing is a detail.
  @Test func aShortMessageOfNothingButAngerIsHandedOver() {
    let angry = ConversationDriver.reply(
      to: "is that it?? useless", after: "where is my parcel", answered: "order-status", language: .en)
    #expect(angry.decision == .escalate, "\(angry.explanation.rule)")
    #expect(angry.explanation.turnRule == .frustration)
    let detail = ConversationDriver.reply(
      to: "still nothing in my inbox", after: "forgot my password", answered: "password-reset", language: .en)
    #expect(detail.decision == .answer, "\(detail.explanation.rule)")
  }

  /// What people say when nobody helps is a frustration phrase in every language, so after a reply
  /// that did not help it hands over (en "so nobody can help me here?" was asked "thanks or the
  /// person?").
  @Test(arguments: [
    ("do you sell gift cards", "so nobody can help me here?", Language.en),
    ("imate li poklon bonove", "znaci nista od vas, super", .hr),
    ("hediye çeki satıyor musunuz", "burda ilgilenen kimse yok mu", .tr),
    ("bisa bayar pakai kredivo?", "masa gk bisa jawab", .id),
    ("shop có bán thẻ quà tặng không", "hỏi hoài mà không ai giúp", .vi),
  ])
  func sayingThatNobodyHelpsHandsOverAfterAReplyThatDidNotHelp(first: String, second: String, language: Language) {
    var conversation = ConversationDriver()
    let opening = conversation.say(first, language: language)
    #expect(opening.decision != .answer, "\(opening.explanation.rule)")
    let reply = conversation.say(second, language: language)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(!reply.explanation.frustration.signals.isEmpty)
  }

  /// The market's own country and cities are home places, not places abroad: "ship ra Đà Lạt có mất
  /// phí ko" ("does shipping to Da Lat cost anything") is the shipping price, where the place made it
  /// shipping abroad (`name-decides`). English has no home country.
  @Test(arguments: [
    ("ship ra Đà Lạt có mất phí ko", Language.vi, "@home-place", "city", "Đà Lạt"),
    ("ship qua Nhật có mất phí ko", .vi, "@place", "country", "JP"),
    ("dostava u Split koliko traje", .hr, "@home-place", "city", "Split"),
    ("dostavljate li po cijeloj Hrvatskoj", .hr, "@home-place", "country", "HR"),
    ("dostava u München koliko traje", .hr, "@place", "city", "München"),
    ("İzmir'e kaç günde gelir", .tr, "@home-place", "city", "İzmir"),
    ("kirim ke Semarang berapa hari", .id, "@home-place", "city", "Semarang"),
    ("how long to Split", .en, "@place", "city", "Split"),
  ])
  func theMarketsOwnPlacesAreHomePlaces(text: String, language: Language, token: String, type: String, value: String)
    throws
  {
    let match = try #require(Demo.engine.match(text, in: language))
    #expect(match.terms.contains { $0.role == .entity && $0.stem == token }, "\(match.terms.map(\.stem))")
    #expect(match.entities.contains { $0.type == type && $0.value == value }, "\(match.entities)")
  }

  @Test func aDeliveryAtHomeIsNotShippingAbroad() {
    ConversationDriver.expectAnswer("ship ra Đà Lạt có mất phí ko", language: .vi, intent: "shipping-cost")
  }

  /// The stems of each article's words are read once, at load, as `contentStems` reads the body; in
  /// another language they are read by that language's index.
  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func articleStemsAreTheBodysContentStems(language: Language) throws {
    let engine = Demo.engine
    let articles = try #require(engine.knowledgeBase.articles[language])
    for (intent, article) in articles {
      #expect(
        engine.articleStems(of: article, answering: intent, language: language)
          == engine.contentStems(of: article.body, language: language), "\(intent)")
    }
    let other: Language = language == .en ? .hr : .en
    let (intent, article) = try #require(articles.first)
    #expect(
      engine.articleStems(of: article, answering: intent, language: other)
        == engine.contentStems(of: article.body, language: other))
  }
}
