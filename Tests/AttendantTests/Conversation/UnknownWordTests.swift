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
    try #require(first.decision == .clarify && first.reason == .ambiguous, "the setup needs a clarification: \(first.explanation)")
    let reply = conversation.say("what is the weather tomorrow")
    #expect(reply.intent == nil)
    #expect(reply.reason == .outOfScope)
  }
}
