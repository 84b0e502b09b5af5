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
}
