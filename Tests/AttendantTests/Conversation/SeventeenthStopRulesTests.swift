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

  /// The rule names itself, and leaves a greeting alone.
  @Test func theRuleIsNamedAndAGreetingStaysAGreeting() {
    var conversation = ConversationDriver()
    let reply = conversation.say("is anyone from your team around tomorrow for thanksgiving?", language: .en)
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
}
