import Foundation
import Testing

@testable import Attendant

/// The rules `built-in-greeting`, `built-in-thanks` and `built-in-goodbye`: with content that has no
/// small-talk articles, greetings, thanks and goodbyes get the profile's sentences.
struct BuiltInSmallTalkTests {
  static func check(_ text: String, _ rule: TurnRule, _ key: Phrases.Key, _ language: Language) {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    let reply = conversation.say(text)
    #expect(reply.explanation.turnRule == rule, "\(text): \(reply.explanation.rule)")
    #expect(reply.decision == .answer)
    #expect(reply.reason == .smallTalk)
    #expect(reply.intent == nil)
    #expect(reply.language == language)
    #expect(reply.text == GardenCentre.engine.phrases(for: language)[key])
  }

  @Test(arguments: [("hello", Language.en), ("hi there", .en), ("good morning", .en), ("bok", .hr), ("dobar dan", .hr)])
  func aGreetingGetsTheBuiltInReply(text: String, language: Language) {
    Self.check(text, .builtInGreeting, .greeting, language)
  }

  @Test(arguments: [("thanks", Language.en), ("thank you so much", .en), ("ok thanks", .en), ("hvala", .hr)])
  func thanksGetTheBuiltInReply(text: String, language: Language) {
    Self.check(text, .builtInThanks, .thanks, language)
  }

  @Test(arguments: [("bye", Language.en), ("thanks, bye", .en), ("hvala, doviđenja", .hr)])
  func aGoodbyeGetsTheBuiltInReply(text: String, language: Language) {
    Self.check(text, .builtInGoodbye, .goodbye, language)
  }

  /// "thanks" after an answer is thanks, not another reading of the question before it.
  @Test func thanksAfterAnAnswerIsThanks() {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    #expect(conversation.say("where is the garden centre").intent == "location")
    let reply = conversation.say("thanks")
    #expect(reply.explanation.turnRule == .builtInThanks, "\(reply.explanation.rule)")
    #expect(reply.intent == nil)
  }

  /// A bare yes or no stays a bare yes or no; "no thanks" is a no.
  @Test(arguments: ["ok", "no thanks", "yes please"])
  func aBareYesOrNoIsNotSmallTalk(text: String) {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    #expect(conversation.say(text).explanation.turnRule == .bareYesOrNo)
  }

  /// Content with small-talk articles answers with them, as before.
  @Test(arguments: [("hello", IntentID("greeting")), ("thanks", "thanks"), ("bye", "goodbye"), ("hvala", "thanks")])
  func theContentsSmallTalkArticlesAnswerFirst(text: String, intent: IntentID) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.intent == intent)
    #expect(reply.explanation.turnRule == .confidentAnswer)
  }

  /// The content may change the sentences in its phrases file.
  @Test func thePhrasesFileChangesTheSentences() throws {
    let engine = try GardenCentre.tiny(
      .en, examples: BuiltInHandOffTests.parking[.en]!,
      files: ["KnowledgeBase/en/phrases.txt": "greeting = Welcome to the garden centre!\nthanks = Happy gardening!\n"])
    var conversation = ConversationDriver(engine: engine)
    #expect(conversation.say("hello").text == "Welcome to the garden centre!")
    #expect(conversation.say("thank you").text == "Happy gardening!")
  }
}
