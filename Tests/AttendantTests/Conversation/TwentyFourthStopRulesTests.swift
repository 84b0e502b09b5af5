import Foundation
import Testing

@testable import Attendant

/// Turns that the conversations written at the twenty-third stop found wrong.
struct TwentyFourthStopRulesTests {
  /// "quick one" only says that the question is short: after a greeting, what follows it is the
  /// question. Before, "hiya, quick one - shipping??" was handed over as not understood.
  @Test(arguments: [
    "hiya, quick one - shipping??",
    "quick question - shipping?",
    "hey, just a quick one: shipping?",
  ])
  func aPhraseThatSaysTheQuestionIsShortNamesNoTopic(message: String) {
    let reply = ConversationDriver.first(message, language: .en)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.options.map(\.intent).contains("shipping-cost"))
  }

  /// hr "račun" is an invoice and an account: a bare "račun" offers the account's menu, not one of its
  /// items. Before, "imam pitanje oko racuna" offered the invoice and deleting the account.
  @Test func aBareNameOffersTheMenuInPlaceOfOneOfItsItems() {
    let reply = ConversationDriver.first("imam pitanje oko racuna", language: .hr)
    #expect(reply.explanation.turnRule == .ambiguous)
    #expect(reply.options.map(\.intent) == ["invoice", "account-help"])
  }

  /// "have a good one" and tr "iyi hafta sonları" (have a good weekend) take leave: after a hand-off,
  /// they close politely. Before, they were read after the last question and added to the record.
  @Test(arguments: [
    ("I want to talk to a person", "great, have a good one", Language.en),
    ("temsilciyle görüşmek istiyorum", "tamam, iyi hafta sonları", .tr),
  ])
  func aWishForTheDayTakesLeave(request: String, goodbye: String, language: Language) throws {
    var conversation = ConversationDriver()
    let handOff = try #require(conversation.say(request, language: language).escalation)
    let reply = conversation.say(goodbye, language: language)
    #expect(reply.explanation.turnRule == .closeAfterHandOff, "\(reply.explanation.rule)")
    #expect(reply.escalation?.priority == handOff.priority)
  }

  @Test func haveAGoodWeekendAloneIsTheGoodbye() {
    let reply = ConversationDriver.first("ok, have a good weekend", language: .en)
    #expect(reply.intent == "goodbye", "\(reply.explanation.rule)")
  }
}
