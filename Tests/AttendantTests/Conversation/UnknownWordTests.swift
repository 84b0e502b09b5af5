import Foundation
import Testing

@testable import Attendant

/// A word the content has never seen makes a message out of scope only when it carries meaning:
/// an unseen question or function word (`whose`, `whom`) says nothing about the topic.
struct UnknownWordTests {
  @Test(arguments: ["whose order is late", "my order is late, whom do I ask"])
  func anUnseenQuestionWordDoesNotMakeAMessageOutOfScope(_ text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .en)
    #expect(reply.reason != .outOfScope, "\(reply.explanation)")
    #expect(reply.candidates.prefix(3).contains { $0.intent.rawValue == "order-status" })
  }

  @Test(arguments: ["what's the weather in Paris tomorrow", "give me a recipe for lasagne"])
  func anUnseenContentWordStillDoes(_ text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .en)
    #expect(reply.reason == .outOfScope)
    #expect(reply.intent == nil)
  }

  /// A new question while the bot waits for "1" or "2" meets the same bar as a fresh one: the
  /// weather after a clarification was answered with the support hours.
  @Test func anUnseenContentWordIsOutOfScopeWhileAClarificationIsPending() throws {
    var conversation = ConversationDriver()
    let first = conversation.say("payment", language: .en)
    try #require(
      first.decision == .clarify && first.reason == .ambiguous, "the setup needs a clarification: \(first.explanation)")
    let reply = conversation.say("what is the weather tomorrow")
    #expect(reply.intent == nil)
    #expect(reply.reason == .outOfScope)
  }

  /// On small content, function words alone can look confident: "do you have a cafe" got the garden
  /// centre's parking answer at 0.97 ("do you have a car park"), and "do you sell coffee" a question
  /// back between parking and the opening hours. With no content word known, the bot offers nothing.
  @Test(arguments: [("do you have a cafe", Language.en), ("do you sell coffee", .en), ("imate li kafić", .hr)])
  func aMessageWhoseContentWordsAreAllUnknownGetsNoTopic(_ text: String, language: Language) {
    var session = ChatSession(id: "unknown words", language: language)
    let reply = GardenCentre.engine.respond(to: CustomerMessage(text), in: &session, at: SuiteRunner.fixedTime)
    #expect(reply.intent == nil, "\(reply.explanation)")
    #expect(reply.options.isEmpty, "\(reply.explanation)")
    #expect(reply.reason == .outOfScope, "\(reply.explanation)")
  }

  @Test func aKnownContentWordStillCounts() {
    var session = ChatSession(id: "unknown words", language: .en)
    let reply = GardenCentre.engine.respond(
      to: CustomerMessage("do you have parking for a van"), in: &session, at: SuiteRunner.fixedTime)
    #expect(reply.intent == "parking", "\(reply.explanation)")
  }
}
