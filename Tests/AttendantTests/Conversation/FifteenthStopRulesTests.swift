import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written at the fifteenth stop found wrong: a request for a
/// person at the end of a story, questions while the customer waits for one, "ok" with a name after
/// the feedback question, and a statement that closes with thanks.
struct FifteenthStopRulesTests {
  /// A story whose clause with a question word (vi "chẳng ai", nobody; "báo", which folds to the
  /// question word "bao") is not the question: the request for a person at its end is, and it hands over.
  @Test(arguments: [
    (
      "mình gửi mail từ tuần trước mà chả ai liên lạc lại, trả lời toàn văn mẫu, cho mình gặp người thật đi",
      "cho mình gặp người thật đi"
    ),
    ("hủy đơn mà app cứ báo lỗi hoài, cho mình gặp nhân viên", "cho mình gặp nhân viên"),
  ])
  func aRequestForAPersonAfterAStoryHandsOver(text: String, request: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .vi)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.intent == "human-agent")
    #expect(reply.explanation.reading == .question)
    #expect(reply.explanation.matchedText == request)
  }

  /// The same in the other languages, where the whole message or its last clause already says it.
  @Test(arguments: [
    (
      "đặt hàng cả tuần rồi mà chẳng ai gọi lại, nhắn thì toàn trả lời tự động, cho mình nói chuyện với nhân viên đi",
      Language.vi
    ),
    ("who even reads these messages, the app crashes every time i pay, let me talk to a real person", .en),
    ("siapa sih yg bales chat ini, dari kemarin gak ada jawaban, sambungin ke cs aja", .id),
    ("tko uopće čita ove poruke, tjedan dana nitko ništa, dajte mi nekoga od djelatnika", .hr),
    ("kim okuyor bu mesajları, bir haftadır ses yok, beni bir temsilciye bağlayın", .tr),
  ])
  func aRequestForAPersonAfterAStoryHandsOverInEveryLanguage(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.intent == "human-agent")
  }

  /// After a hand-off, a question is read as a fresh one is: without the words that bring it along
  /// while the customer waits ("while i wait", id "sambil nunggu", hr "dok čekam", tr "beklerken",
  /// vi "trong lúc chờ"), and answered when that reading is confident.
  @Test(arguments: [
    (
      "i want to talk to a human", "while i wait, can i change the delivery address on my order?", Language.en,
      "change-address"
    ),
    ("mau ngomong sama cs orang", "sambil nunggu, bisa bayar pake gopay gak?", .id, "payment-methods"),
    ("želim razgovarati s osobom", "dok čekam, mogu li platiti pouzećem?", .hr, "payment-methods"),
    ("müşteri temsilcisi istiyorum", "beklerken, kapıda ödeme var mı?", .tr, "payment-methods"),
    ("cho mình gặp nhân viên", "trong lúc chờ, shop có nhận thanh toán khi nhận hàng không", .vi, "payment-methods"),
  ])
  func aQuestionWhileWaitingIsReadWithoutItsOpener(
    request: String, question: String, language: Language, intent: String
  ) {
    var conversation = ConversationDriver()
    #expect(conversation.say(request, language: language).decision == .escalate)
    let reply = conversation.say(question, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == IntentID(rawValue: intent))
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
    #expect(reply.explanation.reading == .withoutAskingPhrase)
  }

  /// After a hand-off, a follow-up reading is answered only when confident: the clear lead of the last
  /// topic's words is not the message's (a question about the wait after a discount code is no code).
  @Test func aFollowUpAfterAHandOffMustBeConfident() {
    var conversation = ConversationDriver()
    let first = conversation.say("kode promo dari email aku ditolak terus pas bayar", language: .id)
    #expect(first.intent == "discount-code", "\(first.explanation.rule)")
    #expect(conversation.say("sambungin ke cs orang aja", language: .id).decision == .escalate)
    let reply = conversation.say("sambil menunggu, biasanya petugas bales chat brp lama?", language: .id)
    #expect(reply.intent != "discount-code", "\(reply.explanation.rule)")
  }

  /// "ok" with a name after it is a new question, not a yes to "did this answer your question?".
  @Test(arguments: [
    ("how can i reach you on whatsapp", "k and on new years day", Language.en),
    ("can i call you", "ok what about good friday", .en),
  ])
  func okWithANameIsNoAnswerToTheFeedbackQuestion(first: String, second: String, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(first, language: language).intent == "contact-channels")
    // The chat asks "Did this answer your question?" after a confident answer.
    conversation.session.awaitFeedback()
    let reply = conversation.say(second, language: language)
    #expect(reply.explanation.turnRule != .feedback, "\(reply.explanation.rule)")
    #expect(reply.decision == .answer)
  }

  /// Chat spellings with a digit for "one" are spelt out.
  @Test func anyOneWithADigitIsAnyone() {
    let match = Demo.engine.match("is any1 there on saturdays", in: .en)
    #expect(match?.terms.contains { $0.folded == "anyone" } == true)
    #expect(!(match?.unknownWords.contains("any1") ?? true))
  }

  /// A statement that closes with thanks and asks nothing closes as the thanks does, fresh or after an
  /// answer; it is neither out of scope nor a follow-up of the answer.
  @Test(arguments: [
    ("kada ću dobiti povrat novca na karticu", "dobro, pričekat ću onda. hvala", Language.hr),
    ("how long do refunds take", "fine, ill just wait then. cheers", .en),
    ("param ne zaman iade edilir", "tamam o zaman beklerim, teşekkürler", .tr),
  ])
  func aStatementThatClosesWithThanksIsThanks(first: String, second: String, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(first, language: language).intent == "refund-status")
    let reply = conversation.say(second, language: language)
    #expect(reply.intent == "thanks", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading != .followUp)
  }

  /// Croatian chat clips the infinitive's last vowel ("platit", "pričekat"): such a word gets the
  /// infinitive's stem too, and the one the content uses wins; a noun keeps its own.
  @Test func clippedInfinitivesGetTheInfinitivesStem() {
    let stemmer = LanguageProfile.croatian.stemmer
    #expect(stemmer.candidates(for: "poslat") == ["posl", "poslat"])
    #expect(stemmer.candidates(for: "vracat") == ["vrac", "vracat"])
    #expect(stemmer.candidates(for: "paket") == ["paket"])
    #expect(stemmer.candidates(for: "sat") == ["sat"])
    let match = Demo.engine.match("moram li vracat paket", in: .hr)
    #expect(match?.terms.first { $0.folded == "vracat" }?.stem == "vrac")
    #expect(match?.terms.first { $0.folded == "paket" }?.stem == "paket")
  }

  /// What the customer tried, said besides, is no new question while the message still reads as the
  /// last topic (the basket's sum alone reads as the shipping price); a statement on another topic is
  /// one (a card declined after the currency).
  @Test func whatTheCustomerTriedIsNoNewQuestion() {
    var conversation = ConversationDriver()
    #expect(conversation.say("indirim kodu çalışmıyor", language: .tr).intent == "discount-code")
    let tried = conversation.say("son kullanma tarihi geçmedi, sepette 3000 tl var, yine geçersiz diyor", language: .tr)
    #expect(tried.explanation.turnRule == .answerDidNotHelp, "\(tried.explanation.rule)")

    var other = ConversationDriver()
    #expect(other.say("kartu aku dalam euro, nanti ditagih pake mata uang apa?", language: .id).intent == "currency")
    let declined = other.say("udah coba visa tapi ditolak terus", language: .id)
    #expect(declined.intent == "payment-failed", "\(declined.explanation.rule)")
  }

  /// "Someone look at this" after it asks for a person (tr "biri ilgilensin"), and hands over.
  @Test func someoneLookAtThisAsksForAPerson() {
    var conversation = ConversationDriver()
    #expect(conversation.say("indirim kodu çalışmıyor", language: .tr).intent == "discount-code")
    let reply = conversation.say("hala olmuyor, sinir oldum artık, biri ilgilensin", language: .tr)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.escalation?.reason == .humanRequested)
  }

  /// A question word that asks about the people who answer (when they are on, whether they work on a
  /// holiday) is no request for one: unsure between the two, the bot answers the other topic. (vi "tết
  /// âm lịch có ai trực chat ko ạ" was one, until two examples of how soon a person replies, added on
  /// 7 December, made the bot sure of the hours alone: 0.71; the Turkish examples of the twenty-fifth
  /// stop did the same for the two Turkish questions of the test after this one.)
  @Test(arguments: [
    ("mùng 1 tết có ai trực chat ko ạ", Language.vi), ("bayramda da temsilci var mi", .tr),
    ("ok, u koliko sati mogu razgovarati s djelatnikom", .hr),
  ])
  func aQuestionAboutThePeopleIsNoRequestForOne(text: String, language: Language) {
    ConversationDriver.expectAnswer(text, language: language, intent: "support-hours", rule: .questionAboutPeople)
  }

  /// Questions about the people that the rule above decided until the content made the bot sure of the
  /// hours (0.77; vi "ok, mấy giờ mới gặp được nhân viên ạ" since the twenty-seventh stop, 0.72), or far
  /// ahead of the languages (0.68 against 0.38, `wide-lead`): still the hours, never a hand-off.
  @Test(arguments: [
    ("ramazan bayramında da temsilci var mı yoksa kapalı mı", Language.tr), ("yılbaşında temsilci olur mu", .tr),
    ("ok, mấy giờ mới gặp được nhân viên ạ", .vi),
  ])
  func aQuestionAboutThePeopleThatTheContentDecidesIsTheHours(text: String, language: Language) {
    let reply = ConversationDriver.first(text, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "support-hours")
  }
}
