import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written at the sixteenth stop found wrong: a word that both
/// greets and takes leave, a request for a person after "I tried all that", a pick by "the first one",
/// questions that ask by their shape after a phrase that brings them along or with "hay" (or).
struct SixteenthStopRulesTests {
  /// hr "bok" greets and takes leave: at the start it is a greeting; once a topic has been dealt with,
  /// the goodbye.
  @Test(arguments: ["dobro onda, bok", "aha dobro, bok"])
  func aGreetingWordTakesLeaveOnceTheConversationIsUnderWay(text: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say("koliko se čeka dostava u Split", language: .hr).intent == "delivery-time")
    let reply = conversation.say(text, language: .hr)
    #expect(reply.intent == "goodbye", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .partingGreeting)
  }

  @Test func aGreetingWordAtTheStartGreets() {
    var conversation = ConversationDriver()
    let reply = conversation.say("dobro, bok", language: .hr)
    #expect(reply.intent == "greeting", "\(reply.explanation.rule)")
  }

  /// The same after a hand-off, where small talk closes politely.
  @Test func aGreetingWordTakesLeaveAfterAHandOff() {
    var conversation = ConversationDriver()
    #expect(conversation.say("želim razgovarati s osobom", language: .hr).decision == .escalate)
    let reply = conversation.say("može, bok", language: .hr)
    #expect(reply.intent == "goodbye", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .partingGreeting)
  }

  /// A yes to "did this answer your question?" that takes leave too is answered as the goodbye.
  @Test func aYesToTheFeedbackQuestionThatTakesLeaveIsAGoodbye() {
    var conversation = ConversationDriver()
    #expect(conversation.say("koliko se čeka dostava u Split", language: .hr).intent == "delivery-time")
    conversation.session.awaitFeedback()
    let reply = conversation.say("aha dobro, bok", language: .hr)
    #expect(reply.intent == "goodbye", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .feedback)
  }

  /// hr "sve sam već probala" (I have tried it all) and "opet odbijeno" (declined again) say that the
  /// answer did not help: the bot offers a person instead of the same answer.
  @Test(arguments: ["sve sam već probala. i opet odbijeno", "sam to već probao, opet odbijeno"])
  func triedItAllSaysTheAnswerDidNotHelp(text: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say("kartica mi ne prolazi kod plaćanja", language: .hr).intent == "payment-failed")
    let reply = conversation.say(text, language: .hr)
    #expect(reply.explanation.turnRule == .answerDidNotHelp, "\(reply.explanation.rule)")
    #expect(reply.decision != .answer)
  }

  /// "Still not working" with a request for a person gets the content's article that hands over, also
  /// when the bot is unsure that the message is that article's.
  @Test func stillNotWorkingWithARequestForAPersonGetsTheArticle() {
    var conversation = ConversationDriver()
    #expect(conversation.say("mã giảm giá nhập vào báo không hợp lệ", language: .vi).intent == "discount-code")
    let reply = conversation.say(
      "hạn tới 31/12 mà, giỏ hàng 1tr rồi, đâu có dùng mã khác. kiểm tra hết rồi vẫn lỗi, chán ghê, cho e nói chuyện với người thật",
      language: .vi)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.intent == "human-agent")
    #expect(reply.explanation.turnRule == .answerDidNotHelp)
  }

  /// vi "cái đầu tiên" (the first one), with or without diacritics, picks the first option.
  @Test(arguments: ["cái đầu tiên", "cai dau tien", "cái đầu"])
  func theFirstOnePicksTheFirstOption(text: String) {
    var conversation = ConversationDriver()
    let menu = conversation.say("đơn hàng của em có vấn đề", language: .vi)
    #expect(menu.decision == .clarify)
    let reply = conversation.say(text, language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == menu.options.first?.intent)
  }

  /// vi "A hay B" asks when "hay" comes before a person ("or do I"); "hay" before a verb is "often".
  @Test func anAlternativeWithHayAsks() {
    let profile = LanguageProfile.vietnamese
    #expect(profile.asksByItsShape(TextAnalyzer.tokens(of: "hóa đơn gửi qua mail hay mình tự tải về")))
    #expect(!profile.asksByItsShape(TextAnalyzer.tokens(of: "app hay bị văng ra khi mở giỏ hàng")))
  }

  /// After a hand-off, such a question is answered when the bot is sure of it.
  @Test func anAlternativeQuestionAfterAHandOffIsAnswered() {
    var conversation = ConversationDriver()
    #expect(conversation.say("cho mình gặp nhân viên", language: .vi).decision == .escalate)
    let reply = conversation.say("còn hoá đơn thì shop gửi về email hay em vào web tải", language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "invoice")
  }

  /// vi "mình hỏi chút chuyện …" announces a question: the greeting before it is not offered.
  @Test func anAskingPhraseAfterAFormOfAddressDoesNotOfferTheGreeting() {
    var conversation = ConversationDriver()
    let reply = conversation.say("shop ơi mình hỏi xíu chuyện giao hàng", language: .vi)
    #expect(!reply.options.contains { $0.intent == "greeting" }, "\(reply.explanation.rule)")
    #expect(reply.intent == "delivery-time" || reply.options.contains { $0.intent == "delivery-time" })
  }

  /// A question after the phrase that brings it along asks by its shape, so thanks before it does not
  /// close the conversation ("thanks! while i wait, is …").
  @Test func aQuestionAfterItsAskingPhraseAsks() {
    var conversation = ConversationDriver()
    #expect(conversation.say("can i talk to a real person", language: .en).decision == .escalate)
    let reply = conversation.say("thanks! while i wait, is cash on delivery an option for my order", language: .en)
    #expect(reply.explanation.turnRule != .closeAfterHandOff, "\(reply.explanation.rule)")
  }

  /// tr "dimi" is "değil mi" (isn't it), a question, not a typo of another word.
  @Test func dimiIsAQuestionTag() {
    let analyzer = TextAnalyzer(profile: .turkish)
    let terms = analyzer.terms(of: "kargo ücretsiz dimi").map(\.folded)
    #expect(terms.contains("mi"), "\(terms)")
  }

  /// A clause before the last that ends with a question tag asks (vi "…, nv có biết tiếng Anh ko ạ,
  /// chồng e người Mỹ"): after a hand-off, the question is answered.
  @Test(arguments: [
    "nv có biết tiếng Anh ko ạ, chồng e người Mỹ",
    "nhân viên bên shop có nói tiếng Anh ko ạ, bạn e người Úc muốn hỏi",
  ])
  func aQuestionTagInAnEarlierClauseAsks(text: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say("cho mình gặp nhân viên", language: .vi).decision == .escalate)
    let reply = conversation.say(text, language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "languages")
  }

  /// After a hand-off, a question that reads as a request for a person about as surely as another
  /// topic, or less surely, asks about that topic: the customer already waits for a person.
  @Test(arguments: [
    "trong lúc chờ cho mình hỏi, nhân viên có nói tiếng Anh ko ạ, bạn mình người Thụy Điển muốn hỏi chung",
    "cho mình hỏi, nhân viên có nói tiếng Đức ko ạ, chồng mình người Đức muốn hỏi chung",
  ])
  func theRequestForAPersonIsNoRivalAfterAHandOff(text: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say("cho mình gặp nhân viên", language: .vi).decision == .escalate)
    let reply = conversation.say(text, language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "languages")
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
  }

  /// A currency named by its unit alone is a currency (en "rand", "rupees", "ringgit"), not a typo of
  /// another word ("rand" was "and").
  @Test(arguments: [("my card is in rand, will my bank charge a fee", "ZAR"), ("can i pay in rupees", "INR")])
  func aCurrencyNamedByItsUnitIsACurrency(text: String, code: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .en)
    #expect(reply.entities.contains { $0.type == "currency" && $0.value == code }, "\(reply.entities)")
    #expect(reply.intent == "currency", "\(reply.explanation.rule)")
  }

  /// A changed first letter makes another word (`hard`/`card`, `door`/`poor`, tr `yazar`/`pazar`): no
  /// correction changes it, except by swapping it with the second (`lpease`), and a missing first
  /// letter is still a typo (`rder`).
  @Test(arguments: [
    ("hard", "card", false), ("door", "poor", false), ("yazar", "pazar", false), ("delivery", "belivery", false),
    ("lpease", "please", true), ("rder", "order", true), ("dleivery", "delivery", true), ("deliwery", "delivery", true),
  ])
  func aChangedFirstLetterIsNoTypo(typed: String, word: String, plausible: Bool) {
    #expect(TypoCorrector.isPlausible(Array(typed.utf8), Array(word.utf8)) == plausible)
  }

  /// So "kinda hard to photograph" does not read "hard" as "card" (without a lexicon, a missing letter
  /// still makes it "had").
  @Test func aRealWordIsNotCorrectedByItsFirstLetter() throws {
    let match = try #require(Demo.engine.match("kinda hard to photograph a speaker that won't turn on", in: .en))
    #expect(!match.corrections.contains { $0.typed == "hard" && $0.corrected == "card" }, "\(match.corrections)")
  }
}
