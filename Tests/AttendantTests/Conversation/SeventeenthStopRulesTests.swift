import Foundation
import Testing

@testable import Attendant

/// Rules for turns that the conversations written at the seventeenth stop found wrong: a question that
/// small talk's words compete with, thanks before a question after a hand-off, a new question after
/// "ok forget it", and a message about something the content does not know.
struct SeventeenthStopRulesTests {
  /// The greeting's examples ("anyone around?") lend it "anyone" and "around", but a question about the
  /// team on a holiday is no greeting: unsure between the two, the topic is answered.
  @Test(arguments: [
    "is anyone from your team around tomorrow for thanksgiving?",
    "hey there! quick q, is anyone from your team around tomorrow for thanksgiving? im in columbus ohio",
  ])
  func aQuestionIsNotSmallTalk(text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .en)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "support-hours")
  }

  /// The rule names itself ("anyone around during diwali?": the support hours beside the greeting), and
  /// leaves a greeting alone. tr "o gün yazarsam kaçta dönersiniz" (if I write that day, at what time do
  /// you answer), which the rule decided (the support hours 0.67, the goodbye 0.35), is sure of the
  /// hours since the twenty-fifth stop's Turkish examples.
  @Test func theRuleIsNamedAndAGreetingStaysAGreeting() {
    var turkish = ConversationDriver()
    #expect(turkish.say("o gün yazarsam kaçta dönersiniz", language: .tr).intent == "support-hours")
    var conversation = ConversationDriver()
    let reply = conversation.say("anyone there during diwali?", language: .en)
    #expect(reply.intent == "support-hours")
    #expect(reply.explanation.turnRule == .questionNotSmallTalk, "\(reply.explanation.rule)")
    var other = ConversationDriver()
    #expect(other.say("hey, anyone there?", language: .en).intent == "greeting")
  }

  /// After a hand-off, thanks before a question on a topic ("cheers. while i wait, …") do not close:
  /// the question is answered. Thanks alone still close.
  @Test func thanksBeforeAQuestionAfterAHandOffAreNoClose() {
    var conversation = ConversationDriver()
    #expect(conversation.say("i want to talk to a real person", language: .en).decision == .escalate)
    let reply = conversation.say(
      "cheers. while i wait, if i buy a new phone on here and it dies after a year am i covered", language: .en)
    #expect(reply.intent == "warranty", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .answeredAfterHandOff)
    let thanks = conversation.say("cheers, thanks", language: .en)
    #expect(thanks.explanation.turnRule == .closeAfterHandOff, "\(thanks.explanation.rule)")
  }

  /// English asks by a verb before its subject wherever it stands; "that is it" is a statement.
  @Test(arguments: [
    ("if it dies after a year am i covered", true), ("and if i pay now do i get it by friday", true),
    ("that is it", false), ("i can do it myself", false),
  ])
  func englishAsksByAVerbBeforeItsSubject(text: String, asks: Bool) {
    #expect(LanguageProfile.english.asksByItsShape(Tokenizer.tokenize(text)) == asks)
  }

  /// "ok forget it" reads as a goodbye, but the clause after it announces a question: that clause,
  /// without its announcement, is the topic, and "payment" is worth a question between its two topics.
  @Test func aNewQuestionAfterForgetItIsTheTopic() {
    var conversation = ConversationDriver()
    let reply = conversation.say("ok forget it. got a question about payment then", language: .en)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(Set(reply.options.map(\.intent)) == ["payment-failed", "payment-methods"])
  }

  /// A message with several words the content does not know, which the top topic covers less than
  /// half of, is about something else: refused, not a question between topics that miss it.
  @Test func aMessageAboutSomethingUnknownIsRefused() {
    var conversation = ConversationDriver()
    let reply = conversation.say(
      "kak orbita ada program affiliate gk? aku mau promosiin link produknya di tiktok trs dapet komisi",
      language: .id)
    #expect(reply.reason == .outOfScope, "\(reply.explanation.rule)")
    #expect(reply.intent == nil && reply.options.isEmpty)
    #expect(reply.explanation.turnRule == .unknownWord)
  }

  /// tr "iyi günler kolay gelsin" is an example of the greeting; once a person has the conversation, it
  /// takes leave. At the start it greets.
  @Test func greetingsThatTakeLeaveCloseOnceTheConversationIsUnderWay() {
    var conversation = ConversationDriver()
    #expect(conversation.say("gerçek biriyle görüşmek istiyorum", language: .tr).decision == .escalate)
    let reply = conversation.say("iyi gunler kolay gelsin", language: .tr)
    #expect(reply.intent == "goodbye", "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .partingGreeting)
    var fresh = ConversationDriver()
    #expect(fresh.say("iyi günler kolay gelsin", language: .tr).intent == "greeting")
  }

  /// A greeting that only greets is no goodbye: the profile lists the ones that take leave as well.
  @Test func theProfilesListTheGreetingsThatTakeLeave() {
    let turkish = LanguageProfile.builtIn(for: .tr)!
    #expect(turkish.partingGreetings.contains("kolay gelsin"))
    #expect(!turkish.partingGreetings.contains("merhaba"))
    #expect(turkish.greetings.isSuperset(of: turkish.partingGreetings))
  }

  /// A first sentence that alone is small talk ("ok, never mind then") leaves the question after it.
  @Test func aSmallTalkSentenceBeforeAQuestionLeavesTheQuestion() {
    var conversation = ConversationDriver()
    let reply = conversation.say("ok nista. a mogu li platit preko gugl paya", language: .hr)
    #expect(reply.intent == "payment-methods", "\(reply.explanation.rule)")
    #expect(reply.explanation.matchedText == "a mogu li platit preko gugl paya")
  }

  /// Cities of the home countries beyond the largest are names (vi "Buôn Ma Thuột", hr "Čakovec", tr
  /// "Çanakkale", id "Cirebon"), and vi "bat" typed without diacritics ("bắt máy", picks up the phone)
  /// is no currency unless a word before it says so.
  @Test(arguments: [
    ("gửi về Buôn Ma Thuột mất mấy ngày", Language.vi, "city"), ("dostava u Čakovec", .hr, "city"),
    ("Çanakkale'ye kargo kaç gün", .tr, "city"), ("kirim ke Cirebon berapa lama", .id, "city"),
    ("trả bằng bạt được không", .vi, "currency"),
  ])
  func moreNamesAreKnown(text: String, language: Language, type: String) {
    #expect(Demo.engine.entities(in: text, language: language).contains { $0.type == type })
  }

  @Test func aVietnameseVerbIsNoCurrency() {
    #expect(Demo.engine.entities(in: "goi hotline ko ai bat may", language: .vi).isEmpty)
  }

  /// Vietnamese starts from character weight 1, every other language from 2; CLINC150's parameters
  /// give none its own.
  @Test func vietnameseStartsFromItsOwnCharacterWeight() {
    #expect(ScoringParameters.default.characterWeight(for: .vi) == 1)
    #expect(ScoringParameters.default.characterWeight(for: .hr) == 2)
    #expect(ScoringParameters.clinc150.characterWeight(for: .vi) == 0.3)
    #expect(Demo.engine.indexes[.vi]?.characterWeight == 1)
  }

  /// Chat spellings of yes: id "okee" (oke drawn out), vi "uh" (ừ typed without its letter): with
  /// nothing asked, the bot asks how it can help.
  @Test(arguments: [("ohh okee", Language.id), ("okeh", .id), ("uh", .vi), ("uhm", .vi)])
  func chatSpellingsOfYesAreBareYes(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.explanation.turnRule == .bareYesOrNo, "\(reply.explanation.rule)")
  }

  /// Thanks after a statement on the topic just answered acknowledge the answer: "ok, I'll pay by Visa
  /// then, thanks" after the payment methods is thanks, not the payment methods again. Without the
  /// thanks it is the topic.
  @Test func thanksAfterAStatementOnTheLastTopicAcknowledgeIt() {
    var conversation = ConversationDriver()
    #expect(conversation.say("troy kartla ödeme yapabilir miyim", language: .tr).intent == "payment-methods")
    let reply = conversation.say("tamam visa ile oderim o zaman tesekkurler", language: .tr)
    #expect(reply.intent == "thanks", "\(reply.explanation.rule)")
    var other = ConversationDriver()
    #expect(other.say("troy kartla ödeme yapabilir miyim", language: .tr).intent == "payment-methods")
    #expect(other.say("tamam visa ile oderim o zaman", language: .tr).intent != "thanks")
  }

  /// "The last one" picks the last option, however many were offered.
  @Test(arguments: [
    ("i have a problem with my order", "the last one", Language.en),
    ("imam problem s narudžbom", "zadnji", .hr), ("đơn hàng của em có vấn đề", "cái cuối cùng", .vi),
  ])
  func theLastOnePicksTheLastOption(opener: String, pick: String, language: Language) {
    var conversation = ConversationDriver()
    let menu = conversation.say(opener, language: language)
    #expect(menu.options.count >= 3, "\(menu.explanation.rule)")
    let reply = conversation.say(pick, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == menu.options.last?.intent)
  }

  /// Where the greeting leads a question about a topic, the topic is answered all the same; a bare
  /// "anyone there?" is the greeting, with no question whether the languages are meant.
  @Test func aGreetingLeadingAQuestionGivesWayAndAloneIsAnswered() {
    var conversation = ConversationDriver()
    let question = conversation.say("anyone there during diwali?", language: .en)
    #expect(question.intent == "support-hours", "\(question.explanation.rule)")
    #expect(question.explanation.turnRule == .questionNotSmallTalk)
    var other = ConversationDriver()
    let greeting = other.say("anyone there?", language: .en)
    #expect(greeting.decision == .answer && greeting.intent == "greeting", "\(greeting.explanation.rule)")
  }

  /// A text is cut into clauses at its marks, each keeping its own; parts with no letter are left out,
  /// and letters of any script stay whole.
  @Test(arguments: [
    ("hi, where is my order?!", ["hi,", "where is my order?"]),
    ("chào shop, mình hỏi xíu: đơn hàng đâu ạ", ["chào shop,", "mình hỏi xíu:", "đơn hàng đâu ạ"]),
    ("merhaba. siparişim nerede", ["merhaba.", "siparişim nerede"]), ("...", []), ("", []),
    ("ok 👍 thanks", ["ok 👍 thanks"]),
  ])
  func clausesAreCutAtTheirMarks(text: String, clauses: [String]) {
    #expect(Responder.clauses(of: text) == clauses)
  }

  /// "Is anybody there on Saturdays?" asks about the support hours, though the greeting's examples hold
  /// "anybody there" and the out-of-scope ones ask when other shops open on Saturdays (demo content).
  @Test(arguments: [("is anybody there on saturdays?", Language.en), ("ima li koga subotom?", .hr)])
  func anybodyThereOnADayIsTheSupportHours(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.intent == "support-hours", "\(reply.explanation.rule)")
  }
}
