import Foundation
import Testing

@testable import Attendant

/// Every reason the bot hands a conversation to a person, its priority, and what happens to the
/// messages that follow. Each record is checked against the schema by `ConversationDriver`.
struct EscalationReasonTests {
  static let complaints: [Language: String] = [
    .en: "I want to file a complaint about the service", .hr: "želim uložiti prigovor zbog usluge",
    .vi: "tôi muốn khiếu nại về dịch vụ", .tr: "hizmetinizden şikayetçiyim", .id: "saya mau komplain soal layanan",
  ]

  static func engine(_ change: (inout ReplyPolicy) -> Void) -> Engine {
    var policy = ReplyPolicy.default
    change(&policy)
    return Engine(knowledgeBase: Demo.knowledgeBase, policy: policy)
  }

  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func theCustomerAsksForAPerson(_ language: Language) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(HandoffTests.askForAPerson[language]!)
    #expect(reply.language == language)
    #expect(reply.decision == .escalate)
    #expect(reply.reason == .humanRequested)
    #expect(reply.intent == "human-agent")
    let record = try #require(reply.escalation)
    #expect(record.reason == .humanRequested)
    #expect(record.priority == .normal)
    #expect(record.language == language)
    #expect(record.session == "test")
    #expect(record.revision == 1)
    #expect(record.candidates.first?.intent == "human-agent")
    #expect(record.candidates.first?.confidence == reply.confidence)
    #expect(record.candidates.count <= ReplyPolicy.default.candidateCount)
    #expect(record.transcript.map(\.from) == [.customer, .bot])
    #expect(record.transcript[0].intent == "human-agent")
    #expect(record.transcript[0].confidence == reply.confidence)
    #expect(record.transcript[1].decision == .escalate)
    #expect(record.transcript[1].text == reply.text)
    #expect(record.id.hasPrefix("esc-20261125T100000Z-"))
  }

  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func theCustomerComplains(_ language: Language) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(Self.complaints[language]!)
    #expect(reply.language == language)
    #expect(reply.reason == .complaint)
    #expect(reply.escalation?.priority == .high)
    let article = try #require(Demo.knowledgeBase.article(for: "complaint", in: language))
    #expect(reply.text.hasPrefix(article.body), "the complaint article apologises; nothing is put before it")
  }

  @Test(arguments: ["my parcel thing about money", "my parcel thing question about money"])
  func theBotIsNotConfident(_ text: String) throws {
    // Known since the account menu (`account-help`) came in: its examples ("quick question about my
    // account") make "question about" lean to the menu, which this jumble of store words then gets.
    try withKnownIssue(isIntermittent: true) {
      try Self.expectLowConfidence(text)
    } matching: { _ in
      text.contains("question")
    }
  }

  static func expectLowConfidence(_ text: String) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .en)
    #expect(reply.reason == .lowConfidence)
    #expect(reply.text.hasPrefix(Demo.engine.phrases(for: .en)[.lowConfidence]))
    let record = try #require(reply.escalation)
    #expect(record.priority == .low)
    #expect(!record.candidates.isEmpty)
    #expect(record.candidates.allSatisfy { $0.confidence < ReplyPolicy.default.clarifyThreshold })
  }

  /// (A bare word that leans to neither option: "order" now leans to tracking, since the tracking
  /// examples hold lost orders too, and the repeated word picks it.)
  @Test func aClarificationStillUnresolvedAfterOneMoreTry() throws {
    var conversation = ConversationDriver()
    let first = conversation.say("delivery", language: .en)
    #expect(first.decision == .clarify)
    #expect(first.options.count == 2)
    let second = conversation.say("delivery", language: .en)
    #expect(second.decision == .clarify)
    #expect(second.text.hasPrefix(Demo.engine.phrases(for: .en).text(.clarifyAgain, ["last": "2"])))
    let third = conversation.say("delivery", language: .en)
    #expect(third.reason == .unresolvedClarification)
    let record = try #require(third.escalation)
    // Normal, raised one level: the third message in a row without an answer.
    #expect(record.priority == .high)
    #expect(record.transcript.count == 6)
  }

  @Test func pickingAnOptionResolvesTheClarification() {
    var conversation = ConversationDriver()
    let options = conversation.say("order", language: .en).options
    let reply = conversation.say("1", language: .en)
    #expect(reply.decision == .answer)
    #expect(reply.intent == options.first?.intent)
  }

  @Test func messagesOutsideTheContentInARow() throws {
    var conversation = ConversationDriver()
    let first = conversation.say("maybe", language: .en)
    #expect(first.reason == .outOfScope)
    #expect(first.escalation == nil)
    let second = conversation.say("purple", language: .en)
    #expect(second.reason == .repeatedNonAnswers)
    #expect(second.text.hasPrefix(Demo.engine.phrases(for: .en)[.repeatedNonAnswer]))
    #expect(second.escalation?.priority == .normal)
    #expect(second.explanation.rule.contains("2 non-answers in a row ≥ 2"))
  }

  @Test func theNumberOfNonAnswersIsConfigurable() throws {
    var conversation = ConversationDriver(engine: Self.engine { $0.maximumNonAnswers = 3 })
    #expect(conversation.say("maybe", language: .en).reason == .outOfScope)
    #expect(conversation.say("purple", language: .en).reason == .outOfScope)
    let third = conversation.say("whatever", language: .en)
    #expect(third.reason == .repeatedNonAnswers)
    // Normal, raised one level for three messages without an answer.
    #expect(third.escalation?.priority == .high)
  }

  @Test func anAnswerResetsTheCountOfNonAnswers() {
    var conversation = ConversationDriver()
    #expect(conversation.say("maybe", language: .en).reason == .outOfScope)
    #expect(conversation.say("where is my order", language: .en).decision == .answer)
    #expect(conversation.say("purple", language: .en).reason == .outOfScope)
  }

  @Test func theCustomerAcceptsTheOfferOfAPersonAfterANonAnswer() throws {
    var conversation = ConversationDriver()
    #expect(conversation.say("maybe", language: .en).reason == .outOfScope)
    let reply = conversation.say("yes please", language: .en)
    #expect(reply.reason == .humanRequested)
    #expect(
      reply.escalation?.candidates == [],
      "the bot matched nothing for 'yes please'; the earlier message is in the transcript")
    #expect(reply.escalation?.transcript.first?.text == "maybe")
  }

  @Test func repeatedAttemptsRaiseThePriority() throws {
    var conversation = ConversationDriver(engine: Self.engine { $0.maximumNonAnswers = 9 })
    for text in ["maybe", "purple", "whatever", "blah"] {
      #expect(conversation.say(text, language: .en).reason == .outOfScope)
    }
    let reply = conversation.say("I would like to talk to a human, please", language: .en)
    // Normal, raised two levels: the fifth message in a row without an answer.
    #expect(reply.escalation?.priority == .urgent)
    #expect(
      reply.explanation.rule.contains(
        "priority urgent: normal for human-requested, +2 for 5 messages without an answer"))
  }

  // MARK: Feedback

  @Test func negativeFeedbackOffersAPersonAndAcceptingEscalates() throws {
    var conversation = ConversationDriver()
    #expect(conversation.say("where is my order", language: .en).intent == "order-status")
    let sorry = conversation.feedback(helpful: false, rating: 2, comment: "it does not show the parcel")
    #expect(sorry.decision == .clarify)
    #expect(sorry.reason == .feedback)
    #expect(sorry.text == Demo.engine.phrases(for: .en)[.feedbackSorry])
    let reply = conversation.say("yes", language: .en)
    #expect(reply.reason == .negativeFeedback)
    let record = try #require(reply.escalation)
    #expect(record.priority == .normal)
    #expect(record.transcript.map(\.text)[2] == "[feedback: not helpful, rating 2] it does not show the parcel")
  }

  @Test func declinedOfferEndsWithoutEscalating() {
    var conversation = ConversationDriver()
    conversation.say("where is my order", language: .en)
    conversation.feedback(helpful: false)
    let reply = conversation.say("no thanks", language: .en)
    #expect(reply.reason == .declined)
    #expect(reply.escalation == nil)
  }

  @Test(arguments: [(Language.en, "no"), (.hr, "ne"), (.vi, "không"), (.tr, "hayır"), (.id, "tidak")])
  func theChatsFeedbackQuestionTakesNoInEveryLanguage(language: Language, no: String) throws {
    var conversation = ConversationDriver()
    let answer = conversation.say(HandoffTests.trackOrder[language]!, language: language)
    #expect(answer.decision == .answer)
    conversation.session.awaitFeedback()
    #expect(conversation.session.isAwaitingFeedback)
    let sorry = conversation.say(no, language: language)
    #expect(sorry.text == Demo.engine.phrases(for: language)[.feedbackSorry])
    let yes = Array(Demo.knowledgeBase.profiles[language]!.yes).sorted().first!
    #expect(conversation.say(yes, language: language).reason == .negativeFeedback)
  }

  /// A yes word that opens a statement the content has words for is no answer to "did this help?":
  /// id "udah" is yes and "already", and "udah seminggu lebih lho" ("it's been over a week") after
  /// tracking was thanked as helpful. Yes with thanks or praise still answers it.
  @Test(arguments: [
    ("udah seminggu lebih lho", Language.id, false), ("udah kak makasih", .id, true),
    ("yes it was helpful", .en, true), ("da, pomoglo je, super ste", .hr, true),
    // An acknowledgement after the yes, phrase by phrase, with function words: these were read as
    // new questions ("açık" is also "open": support hours).
    ("evet, gayet açık", .tr, true), ("dạ em thấy rồi ạ", .vi, true), ("got it, thanks", .en, true),
  ])
  func aStatementAfterAYesWordIsNoFeedback(text: String, language: Language, isFeedback: Bool) throws {
    var conversation = ConversationDriver()
    #expect(conversation.say(HandoffTests.trackOrder[language]!, language: language).decision == .answer)
    conversation.session.awaitFeedback()
    let reply = conversation.say(text, language: language)
    #expect((reply.explanation.turnRule == .feedback) == isFeedback, "\(reply.explanation.detail)")
  }

  @Test func helpfulFeedbackIsThanked() {
    var conversation = ConversationDriver()
    conversation.say("where is my order", language: .en)
    let reply = conversation.feedback(helpful: true, rating: 5)
    #expect(reply.decision == .answer)
    #expect(reply.intent == "order-status")
    #expect(reply.text == Demo.engine.phrases(for: .en)[.feedbackThanks])
  }

  // MARK: After the hand-off

  @Test func laterMessagesGoIntoTheSameRecord() throws {
    var conversation = ConversationDriver()
    let first = try #require(conversation.say("I would like to talk to a human, please", language: .en).escalation)
    let second = conversation.say("it is about the lamp i bought for my mother", language: .en)
    #expect(second.decision == .escalate)
    #expect(second.reason == .alreadyEscalated)
    #expect(second.text == Demo.engine.phrases(for: .en)[.stillEscalated])
    let third = conversation.say("hello?", language: .en)
    let record = try #require(third.escalation)
    #expect(record.id == first.id)
    #expect(record.revision == 3)
    #expect(record.reason == .humanRequested, "never escalated again for another reason")
    #expect(record.transcript.count == 6)
    #expect(
      record.transcript.filter { $0.from == .customer }.map(\.text)
        == ["I would like to talk to a human, please", "it is about the lamp i bought for my mother", "hello?"])
    #expect(record.createdAt == first.createdAt)
  }

  @Test func aQuestionTheBotCanAnswerAfterTheHandOffIsAnsweredAndRecorded() throws {
    var conversation = ConversationDriver()
    conversation.say("I would like to talk to a human, please", language: .en)
    let reply = conversation.say("how long does delivery take", language: .en)
    #expect(reply.decision == .answer)
    #expect(reply.escalation?.revision == 2)
    #expect(reply.escalation?.transcript.last?.text == reply.text)
  }

  @Test func messagesTheBotCannotAnswerAfterTheHandOffRaiseThePriority() throws {
    var conversation = ConversationDriver()
    #expect(conversation.say("I would like to talk to a human, please", language: .en).escalation?.priority == .normal)
    #expect(
      conversation.say("it is about the lamp i bought for my mother", language: .en).escalation?.priority == .normal)
    let third = conversation.say("purple", language: .en)
    #expect(third.reason == .alreadyEscalated)
    #expect(third.escalation?.priority == .high)
  }

  @Test func strongFrustrationAfterTheHandOffIsAcknowledged() throws {
    var conversation = ConversationDriver()
    conversation.say("I would like to talk to a human, please", language: .en)
    let reply = conversation.say("STILL NOTHING!!! HELLO???", language: .en)
    #expect(reply.reason == .alreadyEscalated)
    #expect(reply.text.hasPrefix(Demo.engine.phrases(for: .en)[.frustration]))
    #expect(reply.escalation?.priority == .high)
    #expect(reply.escalation?.frustrationSignals.contains("shouting in capitals") == true)
  }

  /// An angry complaint after a request for a person gets the complaint article, which apologises
  /// itself, and the record the priority of a complaint.
  @Test func anAngryComplaintAfterTheHandOffGetsTheComplaintArticle() throws {
    var conversation = ConversationDriver()
    conversation.say("I would like to talk to a human, please", language: .en)
    let reply = conversation.say("THIS IS RIDICULOUS!!! NOBODY ANSWERS", language: .en)
    #expect(reply.reason == .alreadyEscalated)
    #expect(reply.intent == "complaint")
    let article = try #require(Demo.knowledgeBase.article(for: "complaint", in: .en))
    #expect(reply.text.hasPrefix(article.body))
    #expect(reply.escalation?.priority == .high)
    #expect(reply.escalation?.frustrationSignals.contains("shouting in capitals") == true)
  }

  @Test func offShiftTheBotAsksForAnEmailAddressAndKeepsIt() throws {
    // Sunday 29 November 2026, 12:00 UTC: nobody covers Croatian until Monday.
    var conversation = ConversationDriver(at: .at("2026-11-29T12:00:00Z"))
    let handoff = conversation.say("želim razgovarati s djelatnikom", language: .hr)
    let phrases = Demo.engine.phrases(for: .hr)
    #expect(handoff.text.hasSuffix(phrases[.askContact]))
    let saved = conversation.say("moj mail je ana.kovac@primjer.hr", language: .hr)
    #expect(saved.reason == .contact)
    #expect(saved.text == phrases.text(.contactSaved, ["contact": "ana.kovac@primjer.hr"]))
    #expect(saved.escalation?.customer.contact == ["ana.kovac@primjer.hr"])
    #expect(saved.escalation?.id == handoff.escalation?.id)
    // A phone number later is added too, and never answered as if it were a question.
    let phone = conversation.say("ili nazovite +385 91 234 5678", language: .hr)
    #expect(phone.reason == .contact)
    #expect(phone.escalation?.customer.contact == ["ana.kovac@primjer.hr", "+385 91 234 5678"])
  }

  @Test func contactDetailsInTheFirstMessageAreNotAskedForAgain() throws {
    var conversation = ConversationDriver(at: .at("2026-11-29T12:00:00Z"))
    let reply = conversation.say("I would like to talk to a human, please, write to ana@example.com", language: .en)
    let phrases = Demo.engine.phrases(for: .en)
    #expect(reply.reason == .humanRequested)
    #expect(!reply.text.contains(phrases[.askContact]))
    #expect(reply.text.hasSuffix(phrases.text(.contactSaved, ["contact": "ana@example.com"])))
    #expect(reply.escalation?.customer.contact == ["ana@example.com"])
  }

  @Test func contactDetailsFromEarlierMessagesGoIntoTheRecord() throws {
    var conversation = ConversationDriver(at: .at("2026-11-29T12:00:00Z"))
    conversation.say("my number is +44 20 7946 0321 and my order is ORB-48213579", language: .en)
    let reply = conversation.say("I would like to talk to a human, please", language: .en)
    #expect(reply.escalation?.customer.contact == ["+44 20 7946 0321"])
    #expect(!reply.text.contains(Demo.engine.phrases(for: .en)[.askContact]))
  }

  @Test func resetStartsAFreshConversation() throws {
    var conversation = ConversationDriver()
    conversation.say("I would like to talk to a human, please", language: .en)
    conversation.session.reset()
    #expect(conversation.session.escalation == nil)
    let reply = conversation.say("where is my order", language: .en)
    #expect(reply.escalation == nil)
  }
}
