import Foundation
import Testing

@testable import Attendant

/// The rule `built-in-hand-off`: a request for a person hands over with every content, from the
/// language profiles, when the content has no article that escalates for `human-requested`.
struct BuiltInHandOffTests {
  /// Parking examples, so that each language has content to match against.
  static let parking: [Language: [String]] = [
    .en: ["is there parking", "where can i park", "is parking free", "do you have a car park"],
    .hr: ["imate li parking", "gdje mogu parkirati", "je li parking besplatan", "imate li parkiralište"],
    .vi: ["có chỗ đậu xe không", "gửi xe ở đâu", "gửi xe có mất phí không", "bãi đỗ xe ở đâu"],
    .tr: ["otopark var mı", "nereye park edebilirim", "otopark ücretsiz mi", "araç park yeri var mı"],
    .id: ["ada tempat parkir", "parkir di mana", "parkir gratis tidak", "ada lahan parkir mobil"],
  ]

  @Test(arguments: [
    ("I want to talk to a human", Language.en), ("can i speak to an agent please", .en), ("real person please", .en),
    ("želim razgovarati s osobom", .hr), ("mogu li razgovarati s nekim", .hr),
  ])
  func aRequestForAPersonHandsOverOnContentWithoutAHumanAgentIntent(text: String, language: Language) {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    let reply = conversation.say(text)
    #expect(reply.language == language)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.reason == .humanRequested)
    #expect(reply.explanation.turnRule == .builtInHandOff)
    #expect(reply.intent == nil)
    #expect(reply.escalation?.reason == .humanRequested)
    #expect(reply.text.hasPrefix(GardenCentre.engine.phrases(for: language)[.handoffRequested]))
  }

  @Test(arguments: [
    (Language.en, "talk to a real person"), (.hr, "trebam čovjeka"), (.vi, "cho em gặp nhân viên"),
    (.tr, "müşteri temsilcisiyle görüşmek istiyorum"), (.id, "mau bicara dengan CS"),
    (.id, "mau bicara dengan manusia"),
  ])
  func everyLanguageHasTheBuiltInHandOff(language: Language, text: String) throws {
    let engine = try GardenCentre.tiny(language, examples: Self.parking[language]!)
    var conversation = ConversationDriver(engine: engine)
    let reply = conversation.say(text, language: language)
    #expect(reply.explanation.turnRule == .builtInHandOff, "\(reply.explanation.rule)")
    #expect(reply.decision == .escalate)
  }

  /// A question that names a topic is decided on the topic, even with a person in it.
  @Test func aQuestionAboutATopicIsNotARequestForAPerson() {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    let reply = conversation.say("can I talk to someone about parking")
    #expect(reply.explanation.turnRule != .builtInHandOff)
    #expect(reply.decision != .escalate)
    #expect(reply.candidates.first?.intent == "parking")
  }

  /// Content with an article that escalates for `human-requested` keeps its own hand-off: matching
  /// decides, as before the built-in rule existed.
  @Test func contentWithAHumanAgentArticleKeepsItsOwn() {
    var conversation = ConversationDriver()
    let reply = conversation.say("I want to talk to a human")
    #expect(reply.intent == "human-agent")
    #expect(reply.explanation.turnRule == .confidentAnswer)
    #expect(Demo.knowledgeBase.handOffArticleLanguages == Set(DemoContentTests.languages))
  }

  /// The content may change the sentence in its phrases file.
  @Test func thePhrasesFileChangesTheSentence() throws {
    let engine = try GardenCentre.tiny(
      .en, examples: Self.parking[.en]!,
      files: ["KnowledgeBase/en/phrases.txt": "handoff-requested = Sure, Ana from the front desk will take over.\n"])
    var conversation = ConversationDriver(engine: engine)
    let reply = conversation.say("i need a human")
    #expect(reply.text.hasPrefix("Sure, Ana from the front desk will take over."))
  }

  /// After the refusal's offer of a person, asking for one in words is a hand-off too.
  @Test func askingForAPersonAfterTheRefusalHandsOver() {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    #expect(conversation.say("do you sell bicycles").reason == .outOfScope)
    let reply = conversation.say("I want to talk to a human")
    #expect(reply.explanation.turnRule == .builtInHandOff)
    #expect(reply.escalation != nil)
  }
}
