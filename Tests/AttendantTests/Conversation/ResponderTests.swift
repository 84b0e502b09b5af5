import Foundation
import Testing

@testable import Attendant

/// The decision policy on the demo content, one turn at a time through `Engine.respond`: answer,
/// ask which of two topics, hand over to a person, or decline politely; and the reply's language.
struct ResponderTests {
  /// Questions a customer might type, none copied from the content or its test suites; some with
  /// typos or without their diacritics.
  @Test(arguments: [
    ("has my parcel left your warehouse yet", Language.en, IntentID("order-status")),
    ("how many days until my package gets here", .en, "delivery-time"),
    ("what does postage cost", .en, "shipping-cost"),
    ("the vase came smashed", .en, "damaged-item"),
    ("which cards do you take", .en, "payment-methods"),
    ("I'd like to send back the jacket I bought", .en, "return-item"),
    ("i forgot my pasword and cant log in", .en, "password-reset"),
    ("wen will i get my refnud", .en, "refund-status"),
    ("gdje se trenutno nalazi moj paket", .hr, "order-status"),
    ("zaboravio sam lozinku za prijavu", .hr, "password-reset"),
    ("kako da vratim proizvod koji mi ne odgovara", .hr, "return-item"),
    ("placanje karticom ne prolazi", .hr, "payment-failed"),
    ("zelim otkazati narudzbu", .hr, "cancel-order"),
    ("stigao mi je pogresan artikl", .hr, "wrong-item"),
    ("đơn hàng của tôi giờ ở đâu", .vi, "order-status"),
    ("bao lâu thì tôi nhận được hàng", .vi, "delivery-time"),
    ("tôi muốn huỷ đơn hàng vừa đặt", .vi, "cancel-order"),
    ("quen mat khau", .vi, "password-reset"),
    ("khi nao toi duoc hoan tien", .vi, "refund-status"),
    ("hàng giao đến bị vỡ", .vi, "damaged-item"),
    ("kargom nerede kaldı", .tr, "order-status"),
    ("verdiğim siparişi iptal edebilir miyim", .tr, "cancel-order"),
    ("sifremi hatirlamiyorum", .tr, "password-reset"),
    ("ürünü nasıl iade ederim", .tr, "return-item"),
    ("gelen bardak kırılmış", .tr, "damaged-item"),
    ("faturamı nereden alabilirim", .tr, "invoice"),
    ("paket saya sudah dikirim belum", .id, "order-status"),
    ("berapa lama barang sampai", .id, "delivery-time"),
    ("saya mau batalin pesanan", .id, "cancel-order"),
    ("lupa kata sandi akun", .id, "password-reset"),
    ("gimana cara retur barang", .id, "return-item"),
    ("barang yang datang rusak", .id, "damaged-item"),
  ])
  func aClearQuestionIsAnswered(text: String, language: Language, intent: IntentID) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.reason == .confident)
    #expect(reply.intent == intent, "\(reply.candidates.map { "\($0.intent) \($0.confidence)" })")
    #expect(reply.language == language)
    #expect(reply.text == Demo.knowledgeBase.article(for: intent, in: language)?.body)
    #expect(reply.escalation == nil)
  }

  static let payment: Set<IntentID> = ["payment-methods", "payment-failed"]

  /// A bare topic two intents share gets a question; a number or the topic's name answers it.
  @Test(arguments: [
    ("payments", Language.en, "1"), ("payments", .en, "2"), ("plaćanja", .hr, "2"), ("ödeme hakkında", .tr, "1"),
    ("hỏi về thanh toán", .vi, "2"), ("soal pembayaran", .id, "1"),
  ])
  func anAmbiguousMessageIsClarifiedAndTheNextTurnPicks(text: String, language: Language, pick: String) throws {
    var conversation = ConversationDriver()
    let question = conversation.say(text, language: language)
    #expect(question.decision == .clarify)
    #expect(question.reason == .ambiguous)
    #expect(question.intent == nil)
    #expect(question.escalation == nil)
    let options = question.options.map(\.intent)
    try #require(options.count == 2, "\(question.text)")
    #expect(Set(options) == Self.payment)
    for (number, option) in question.options.enumerated() {
      #expect(question.text.contains("\(number + 1). \(option.title)"))
    }
    let picked = options[Int(pick)! - 1]
    let answer = conversation.say(pick)
    #expect(answer.decision == .answer)
    #expect(answer.reason == .clarified)
    #expect(answer.intent == picked)
    #expect(answer.language == language, "the conversation's language is kept for '\(pick)'")
    #expect(answer.text == Demo.knowledgeBase.article(for: picked, in: language)?.body)
  }

  /// A number among words that only point at it picks too: "2 please", "the second one", hr "dva",
  /// tr "2 numara", vi "số 2 ạ", id "no 2 kak" (these were asked again, or vi picked the third).
  @Test(arguments: [
    ("payments", Language.en, "2 please", 2), ("payments", .en, "the second one", 2), ("payments", .en, "1st", 1),
    ("plaćanja", .hr, "dva", 2), ("ödeme hakkında", .tr, "2 numara", 2), ("ödeme hakkında", .tr, "ikincisi", 2),
    ("hỏi về thanh toán", .vi, "số 2 ạ", 2), ("soal pembayaran", .id, "no 2 kak", 2),
  ])
  func aNumberWithWordsAroundItPicks(text: String, language: Language, pick: String, number: Int) throws {
    var conversation = ConversationDriver()
    let question = conversation.say(text, language: language)
    try #require(question.options.count >= number, "\(question.text)")
    let answer = conversation.say(pick)
    #expect(answer.reason == .clarified, "'\(pick)': \(answer.explanation.rule)")
    #expect(answer.intent == question.options[number - 1].intent, "'\(pick)'")
  }

  /// A session sent back by a host may hold a clarification with no options: a number is no pick,
  /// and the turn is answered (`1...0` stopped the process).
  @Test func aNumberAgainstAClarificationWithNoOptionsDoesNotCrash() {
    var session = ChatSession(id: "empty-options", language: .en)
    session.pending = .clarification([], attempts: 0)
    let reply = Demo.engine.respond(to: CustomerMessage("2"), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.reason != .clarified)
  }

  @Test func aNumberInASentenceIsNoPick() {
    var conversation = ConversationDriver()
    _ = conversation.say("payments", language: .en)
    #expect(conversation.say("i ordered 2 days ago").reason != .clarified)
  }

  @Test func theTopicsNameOrTitleAlsoPicks() throws {
    for pick in ["payment methods", "Payment methods", "payment-methods"] {
      var conversation = ConversationDriver()
      let question = conversation.say("payments", language: .en)
      try #require(question.options.map(\.intent).contains("payment-methods"), "\(question.text)")
      let answer = conversation.say(pick)
      #expect(answer.decision == .answer, "'\(pick)'")
      #expect(answer.intent == "payment-methods", "'\(pick)'")
    }
    var conversation = ConversationDriver()
    let question = conversation.say("plaćanja", language: .hr)
    try #require(question.options.map(\.intent).contains("payment-failed"), "\(question.text)")
    let answer = conversation.say("neuspjelo placanje")
    #expect(answer.intent == "payment-failed")
    #expect(answer.language == .hr)
  }

  @Test(arguments: [
    ("can I chat with an actual human", Language.en),
    ("trebam razgovarati sa živom osobom", .hr),
    ("cho mình gặp nhân viên tư vấn", .vi),
    ("canlı destek istiyorum", .tr),
    ("mau ngobrol sama admin aja", .id),
  ])
  func anExplicitRequestForAPersonEscalates(text: String, language: Language) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.decision == .escalate)
    #expect(reply.reason == .humanRequested)
    #expect(reply.intent == "human-agent")
    #expect(reply.language == language)
    let record = try #require(reply.escalation)
    #expect(record.reason == .humanRequested)
    #expect(record.language == language)
    #expect(record.candidates.first?.intent == "human-agent")
    #expect(record.transcript.first?.text == text)
  }

  /// Weather, recipes and trivia: never an article; a polite reply in the customer's language that
  /// offers a person, who comes when the customer says yes.
  @Test(arguments: [
    ("what's the weather going to be in Paris on Sunday", Language.en, "yes"),
    ("how do I make banana pancakes", .en, "yes"),
    ("who won the football world cup in 2018", .en, "yes"),
    ("hoće li sutra padati kiša", .hr, "da"),
    ("imate li dobar recept za sarmu", .hr, "da"),
    ("koliko je visok Mount Everest", .hr, "da"),
    ("thời tiết Hà Nội ngày mai thế nào", .vi, "vâng"),
    ("cách làm bánh xèo giòn", .vi, "vâng"),
    ("ai viết truyện Kiều", .vi, "vâng"),
    ("yarın İstanbul'da hava nasıl olacak", .tr, "evet"),
    ("bana bir kek tarifi verir misin", .tr, "evet"),
    ("dünyanın en yüksek dağı hangisi", .tr, "evet"),
    ("cuaca di Bandung besok gimana", .id, "iya"),
    ("resep rendang sapi yang enak", .id, "iya"),
    ("siapa penemu lampu pijar", .id, "iya"),
    // Issue 11, item 8: "vrijeme" is the weather here, not the opening hours; the out-of-scope examples
    // say so.
    ("kakvo je vrijeme danas", .hr, "da"),
    ("kakvo će vrijeme biti sutra u Zagrebu", .hr, "da"),
    ("dự báo thời tiết ngày mai", .vi, "vâng"),
  ])
  func anOutOfScopeMessageIsDeclinedPolitelyAndAPersonOffered(text: String, language: Language, yes: String) throws {
    try Self.expectDeclinedPolitely(text, language: language, yes: yes)
  }

  /// A known failure of the same rule: a Vietnamese trivia question whose every syllable occurs in the
  /// content is escalated for low confidence instead of being declined.
  @Test(arguments: [
    ("ai là người đầu tiên lên mặt trăng", Language.vi, "vâng")
  ])
  func outOfScopeMessagesThatAreNotYetDeclined(text: String, language: Language, yes: String) {
    withKnownIssue {
      try Self.expectDeclinedPolitely(text, language: language, yes: yes)
    }
  }

  static func expectDeclinedPolitely(
    _ text: String, language: Language, yes: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, sourceLocation: sourceLocation)
    #expect(reply.decision != .answer, sourceLocation: sourceLocation)
    #expect(reply.intent == nil, "\(reply.explanation.rule)", sourceLocation: sourceLocation)
    #expect(reply.reason == .outOfScope, "\(reply.explanation.rule)", sourceLocation: sourceLocation)
    #expect(reply.language == language, sourceLocation: sourceLocation)
    #expect(reply.text == Demo.engine.phrases(for: language)[.outOfScope], sourceLocation: sourceLocation)
    #expect(reply.escalation == nil, sourceLocation: sourceLocation)
    let accepted = conversation.say(yes, sourceLocation: sourceLocation)
    #expect(accepted.decision == .escalate, sourceLocation: sourceLocation)
    #expect(accepted.language == language, sourceLocation: sourceLocation)
    #expect(
      try #require(accepted.escalation, sourceLocation: sourceLocation).reason == .humanRequested,
      sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    "where is my order", "payments", "order", "how do I make banana pancakes", "asdf qwer",
    "I want to speak to a person",
    "hvala", "😀",
  ])
  func confidenceIsAProbabilityAndTheFirstCandidateIsTheOneUsed(text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect((0...1).contains(reply.confidence))
    #expect(reply.candidates.allSatisfy { (0...1).contains($0.confidence) })
    #expect(reply.candidates.count <= ReplyPolicy.default.candidateCount)
    #expect(Set(reply.candidates.map(\.intent)).count == reply.candidates.count)
    #expect(reply.confidence == (reply.candidates.first?.confidence ?? 0))
    if reply.decision == .answer || reply.reason == .humanRequested {
      #expect(reply.intent == reply.candidates.first?.intent)
    }
  }

  @Test func aClearQuestionIsConfidentAndAheadOfTheRest() throws {
    var conversation = ConversationDriver()
    let reply = conversation.say("where is my order")
    #expect(reply.confidence >= ReplyPolicy.default.answerThreshold)
    let runnerUp = try #require(reply.candidates.dropFirst().map(\.confidence).max())
    #expect(reply.confidence - runnerUp >= ReplyPolicy.default.clarifyMargin)
  }

  // MARK: The reply's language: the request's, else the detected one, else the session's, else the default.

  @Test func theRequestedLanguageWins() {
    var session = ChatSession(id: "t", language: .vi)
    let reply = Demo.engine.respond(
      to: CustomerMessage("gdje je moja narudžba", language: .tr), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.language == .tr)
    #expect(reply.explanation.languageSource == .request)
    #expect(session.language == .tr, "the request's language becomes the session's")
  }

  @Test func aDetectedLanguageBeatsTheSessions() {
    var session = ChatSession(id: "t", language: .hr)
    let reply = Demo.engine.respond(
      to: CustomerMessage("where is my order please"), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.language == .en)
    #expect(reply.explanation.languageSource == .detected)
    #expect(reply.intent == "order-status")
  }

  @Test(arguments: ["ok", "123", "👍"])
  func anUndeterminedMessageKeepsTheSessionsLanguage(text: String) {
    var session = ChatSession(id: "t", language: .tr)
    let reply = Demo.engine.respond(to: CustomerMessage(text), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.language == .tr)
    #expect(reply.explanation.languageSource == .session)
    #expect(reply.text.isEmpty == false)
  }

  @Test(arguments: ["123", "👍"])
  func withNothingElseTheDefaultLanguageIsUsed(text: String) {
    var session = ChatSession(id: "t")
    let reply = Demo.engine.respond(to: CustomerMessage(text), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.language == Demo.engine.defaultLanguage)
    #expect(Demo.engine.defaultLanguage == .en)
    #expect(reply.explanation.languageSource == .default)
  }

  @Test func aRequestedLanguageTheContentLacksIsIgnored() {
    var session = ChatSession(id: "t")
    let german = Language(rawValue: "de")!
    let reply = Demo.engine.respond(
      to: CustomerMessage("gdje je moja narudžba", language: german), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.language == .hr)
    #expect(reply.explanation.languageSource == .detected)
  }

  @Test func theLanguageCarriesThroughAConversation() {
    var conversation = ConversationDriver()
    #expect(conversation.say("siparişim nerede").language == .tr)
    #expect(conversation.say("ok").language == .tr)
    #expect(conversation.say("tamam teşekkürler").language == .tr)
  }
}
