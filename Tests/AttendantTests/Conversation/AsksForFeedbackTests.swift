import Foundation
import Testing

@testable import Attendant

/// `Reply.asksForFeedback`: "Did this help?" follows an article answered with confidence or picked from
/// a clarification, and nothing else.
struct AsksForFeedbackTests {
  @Test func aConfidentAnswerAsks() {
    var conversation = ConversationDriver()
    let reply = conversation.say("where is my parcel?")
    #expect(reply.reason == .confident)
    #expect(reply.asksForFeedback)
  }

  @Test func aTopicPickedFromAClarificationAsks() {
    var conversation = ConversationDriver()
    let question = conversation.say("payment")
    #expect(question.decision == .clarify)
    #expect(!question.asksForFeedback)
    let answer = conversation.say("2")
    #expect(answer.reason == .clarified)
    #expect(answer.asksForFeedback)
  }

  @Test(arguments: ["hello", "thanks", "bye"])
  func aSmallTalkArticleDoesNotAsk(text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .en)
    #expect(reply.decision == .answer)
    #expect(!reply.asksForFeedback)
  }

  @Test(arguments: [
    "what is the weather in Tokyo?", "I want to talk to a human", "I have a problem with my order", "yes",
  ])
  func aRefusalAHandOffAMenuOrAPromptDoesNotAsk(text: String) {
    var conversation = ConversationDriver()
    #expect(!conversation.say(text, language: .en).asksForFeedback)
  }

  @Test func feedbackItselfDoesNotAsk() {
    var conversation = ConversationDriver()
    conversation.say("where is my parcel?")
    #expect(!conversation.feedback(helpful: true).asksForFeedback)
  }

  @Test func theBridgeTellsItsHostWhenToAsk() throws {
    let bridge = BridgeTests.bridge()
    let answer = try BridgeTests.send(bridge, #"{"session": "f", "text": "where is my parcel?"}"#)
    #expect(answer["asksForFeedback"] == .bool(true))
    let greeting = try BridgeTests.send(bridge, #"{"session": "g", "text": "hello", "language": "en"}"#)
    #expect(greeting["asksForFeedback"] == .bool(false))
    guard case .object(let members) = answer else { return }
    #expect(members.last?.0 == "asksForFeedback", "after the fields hosts already read")
  }
}
