import Foundation
import Testing

@testable import Attendant

/// The rules of 5 December (third stop), from the fourth batch of development conversations: a longer
/// message with few words of its own leans on the last answer, a name is a word of its own, anger is
/// not a detail, and the words people use when the bot is no help. Each case failed before, on the demo content.
struct LongerFollowUpTests {
  /// Grammar words do not make a message long: "do I have to pay to send it back?" has three words of
  /// its own, and after a broken item it asks about the broken item's return (its examples ask that
  /// too), not about returns in general.
  @Test func grammarWordsDoNotMakeAFollowUpLong() {
    var conversation = ConversationDriver()
    #expect(conversation.say("my mug arrived smashed to pieces").intent == "damaged-item")
    let reply = conversation.say("do I have to pay to send it back?")
    #expect(reply.intent == "damaged-item", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading == .followUp)
  }

  /// The limits are in words: Vietnamese writes each syllable apart and counts 1.5 tokens a word (the
  /// profile's `tokensPerWord`), so an eleven-syllable detail after a scratched laptop is a follow-up.
  /// Since the twenty-seventh stop's Vietnamese examples the bot is sure of the detail alone at the
  /// demo's thresholds (the next test), so the rule is tested where it is not (answer threshold 0.8).
  @Test func vietnameseSyllablesCountAsPartsOfWords() throws {
    var conversation = ConversationDriver(engine: try #require(Demo.engineAtAnswerThreshold[0.8]))
    let first = conversation.say(Self.scratchedLaptop, language: .vi)
    #expect(first.intent == "damaged-item")
    let reply = conversation.say(Self.stillInTime, language: .vi)
    #expect(reply.intent == "damaged-item", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading == .followUp)
  }

  /// At the demo's thresholds the detail is delivery times alone (0.74): its part that asks, "giờ báo
  /// còn kịp ko" (is it still in time to report it now), reads "báo" (report) folded as "bao" of "bao
  /// lâu" (how long), and "kịp" (in time) is a word of delivery questions. The folded form deciding
  /// over the accented one is issue 14's Vietnamese finding, not yet fixed.
  @Test func aVietnameseDetailWhoseFoldedWordIsAnotherTopicsStaysWithTheLastTopic() {
    var conversation = ConversationDriver()
    #expect(conversation.say(Self.scratchedLaptop, language: .vi).intent == "damaged-item")
    let reply = conversation.say(Self.stillInTime, language: .vi)
    withKnownIssue("'báo' (report) is read as 'bao' (how long): delivery times") {
      #expect(reply.intent == "damaged-item", "\(reply.explanation.rule)")
    }
  }

  static let scratchedLaptop = "mở hộp ra thấy màn hình laptop bị trầy một vệt dài luôn shop ơi"
  static let stillInTime = "mình nhận hàng 5 hôm rồi, giờ báo còn kịp ko"

  /// A longer message that alone would be handed over is read after the last question: asking for a
  /// replacement after a broken coffee machine.
  @Test func aLongerMessageThatAloneIsUnansweredLeansOnTheLastAnswer() {
    var conversation = ConversationDriver()
    let story = conversation.say(
      "hi so my mum ordered a coffee machine for my dads 60th, it came yesterday but the box had a massive dent "
        + "and the water tank is cracked, she's gutted. what do we do now")
    #expect(story.intent == "damaged-item")
    let reply = conversation.say("can we get a new one rather than the money back")
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "damaged-item")
  }

  /// Anger in capitals after an answer says the answer did not help: three quarters of the
  /// frustration threshold hand over (it was answered with another article, or asked about, before).
  /// Thanks in capitals and one phrase of a detail ("still nothing in my inbox") do not.
  @Test(arguments: [
    "I TRIED FOUR TIMES AND NOTHING HAPPENS!!!", "WHY DOES NOTHING EVER WORK HERE, I TRIED IT FOUR TIMES!!!",
  ])
  func angerAfterAnAnswerHandsOver(shout: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say("where is my parcel").intent == "order-status")
    let reply = conversation.say(shout)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .frustration)
  }

  @Test func thanksInCapitalsAndADetailAreNotAnger() {
    var conversation = ConversationDriver()
    #expect(conversation.say("where is my parcel").intent == "order-status")
    #expect(conversation.say("THANK YOU SO MUCH!!!").intent == "thanks")
    var reset = ConversationDriver()
    #expect(reset.say("i forgot my password").intent == "password-reset")
    let detail = reset.say("still nothing in my inbox")
    #expect(detail.explanation.turnRule != .frustration, "\(detail.explanation.rule)")
  }

  /// A name counts as a word of the message's own: after shipping abroad, the carrier named moves to
  /// the couriers, and a currency named moves to the currencies.
  @Test(arguments: [
    ("can you ship to norway", "and which courier brings it over there, ups?", "courier"),
    ("do you guys ship to canada", "and can i pay for that in canadian dollars", "currency"),
  ])
  func aNameIsAWordOfItsOwn(first: String, next: String, intent: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say(first).intent == "international-shipping")
    let reply = conversation.say(next)
    #expect(reply.intent == IntentID(rawValue: intent), "\(reply.explanation.rule)")
  }

  /// Words people use when the bot is no help, after a refusal, hand the conversation to a person.
  @Test(arguments: [
    (
      "kak bagusan air fryer 4 liter apa 6 liter buat keluarga 5 orang?",
      "ditanya gitu doang gk bisa, gunanya bot apa dong", Language.id
    ),
    ("bana hangi telefonu almalıyım", "bi tavsiye bile veremiyon, boşuna yazıyorum", .tr),
    ("which laptop is best for gaming", "this is pointless", .en),
  ])
  func wordsOfNoHelpAfterARefusalHandOver(refused: String, angry: String, language: Language) {
    var conversation = ConversationDriver()
    let first = conversation.say(refused, language: language)
    #expect(first.intent == nil, "\(first.explanation.rule)")
    let reply = conversation.say(angry, language: language)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .frustration)
  }

  /// "boleh kak" ("sure") with nothing asked is a bare yes, not the languages article.
  @Test func aBareIndonesianYesAsksHowToHelp() {
    var conversation = ConversationDriver()
    let reply = conversation.say("boleh kak", language: .id)
    #expect(reply.explanation.turnRule == .bareYesOrNo, "\(reply.explanation.rule)")
  }

  /// A message that quotes the status the last answer names ("it still shows processing" after
  /// cancelling, which is possible while Processing) repeats that answer: the word that quotes is no
  /// news, and the status is the answer's own word.
  @Test(arguments: [
    (Language.en, "I want to cancel my order", "the app still shows processing"),
    (.hr, "želim otkazati narudžbu", "još uvijek piše u obradi"),
    (.id, "mau batalin pesanan dong", "statusnya masih diproses kak"),
    (.tr, "siparişimi iptal etmek istiyorum", "hâlâ hazırlanıyor görünüyor"),
    (.vi, "mình muốn hủy đơn hàng", "đơn vẫn hiện đang xử lý"),
  ])
  func aQuotedStatusRepeatsTheLastAnswer(language: Language, question: String, quote: String) {
    ConversationDriver.expectFollowUp(question, then: quote, language: language, intent: "cancel-order")
  }

  /// A longer message that opens like a follow-up ("and if …", hr "a ako …", tr "peki …") says itself
  /// that it leans on the last answer; when its own reading is unsure and the reading after the last
  /// question is surer of the topic just answered, that reading decides.
  @Test(arguments: [
    (
      Language.en, "i sent my parcel back two weeks ago and still no refund",
      "and if nothing is on my card after 10 more days, what then?"
    ),
    (
      .hr, "vratio sam paket prije dva tjedna, a povrata novca nema",
      "a ako ni nakon tjedan dana ne bude ništa na računu, što mi je činiti?"
    ),
    (
      .id, "udah balikin barang 2 minggu lalu tapi dananya belum masuk",
      "terus kalo 10 hari lagi belum masuk juga ke kartu, aku harus gimana?"
    ),
    (
      .tr, "iade ettiğim ürün depoya ulaştı ama param hala yatmadı",
      "peki 10 gün sonra da karta gelmezse kime yazmam lazım?"
    ),
  ])
  func aLongerMessageThatOpensLikeAFollowUpLeansOnTheLastAnswer(language: Language, first: String, then: String) {
    ConversationDriver.expectFollowUp(first, then: then, language: language, intent: "refund-status")
  }

  /// A carrier that the support hours' examples never name, while the out-of-scope examples next to
  /// them do, makes a question about opening hours the post office's: refused, not answered with the
  /// support hours. A carrier the topic's examples name is no reason ("does DHL deliver on Saturdays").
  @Test(arguments: [
    ("do kad radi pošta na Trešnjevci subotom", Language.hr),
    ("kantor pos dkt rumah buka jam brp hari sabtu", .id),
  ])
  func aCarriersOpeningHoursAreOutOfScope(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.intent == nil, "\(reply.explanation.rule)")
    #expect(reply.reason == .outOfScope)
    #expect(reply.explanation.turnRule == .outOfScopeExample)
  }

  @Test func aCarrierTheTopicsExamplesNameIsNoReasonToRefuse() {
    var conversation = ConversationDriver()
    let reply = conversation.say("which courier do you use, dhl?")
    #expect(reply.intent == "courier", "\(reply.explanation.rule)")
  }
}
