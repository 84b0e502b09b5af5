import Foundation
import Testing

@testable import Attendant

/// Conversations that hold together (issue 11): each numbered failure of the issue, through the
/// named rules of `Responder` on the demo content.
struct ConversationRulesTests {
  /// 1. A corrected typo is a known word: the question is answered, not refused as out of scope.
  @Test(arguments: [
    ("where is my ordr", IntentID("order-status")), ("wher is my oder", "order-status"),
    ("i wnat to retrun my shoes", "return-item"),
  ])
  func aCorrectedTypoIsKnown(text: String, intent: IntentID) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == intent)
    #expect(!(reply.explanation.match?.corrections.isEmpty ?? true))
  }

  /// 2. A greeting with a question is the question: no clarification that offers the greeting.
  @Test(arguments: [
    ("hello, where is my parcel", Language.en), ("halo, paket saya dimana", .id), ("selam kargom nerde", .tr),
    ("bok, gdje mi je paket?", .hr), ("chào shop, đơn hàng của mình đâu rồi", .vi),
  ])
  func aGreetingWithAQuestionIsAnsweredAsTheQuestion(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.language == language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "order-status")
    #expect(reply.explanation.reading == .withoutSmallTalk)
  }

  /// A form of address inside the question ("you guys", hr "ljudi", id "min") does not compete with it:
  /// the demo's feedback examples hold "guys", which made "do you guys deliver to australia" a choice.
  @Test(arguments: [
    ("do you guys deliver to australia", Language.en, IntentID("international-shipping")),
    ("jel vi ljudi dostavljate u Njemačku", .hr, "international-shipping"),
    ("min bisa tolong kirim ke brunei ga", .id, "international-shipping"),
    ("em muốn đổi trả dạ làm sao ạ", .vi, "return-item"),
    ("almanyaya abi gönderim var mı", .tr, "international-shipping"),
    ("faturamı lütfen mail atar mısınız", .tr, "invoice"),
  ])
  func aFormOfAddressInsideAQuestionDoesNotCompeteWithIt(text: String, language: Language, intent: IntentID) {
    ConversationDriver.expectAnswer(text, language: language, intent: intent)
  }

  /// A short question after an answer that names another topic in two words or more is read on its
  /// own when that is surer than reading it after the last question; one whose words only lend it
  /// another topic stays ("do I need to send a photo?" after a broken item).
  @Test(arguments: [
    ("param iade edilecek mi", IntentID("refund-status")), ("fotoğraf göndermem gerekiyor mu", "damaged-item"),
  ])
  func aShortQuestionNamingAnotherTopicIsReadOnItsOwnWhenSurer(question: String, intent: IntentID) {
    var conversation = ConversationDriver()
    #expect(conversation.say("ürün kırık geldi", language: .tr).intent == "damaged-item")
    #expect(conversation.say(question, language: .tr).intent == intent)
  }

  /// "Context decides" keeps the topic just answered when the bot is unsure between it and another,
  /// but not when the message confidently names the other in two content words or more: after paying
  /// in dollars, "kalo pake kartu kredit bisa?" asks about cards (it was kept on currency, 0.75 against
  /// payment methods 0.81).
  @Test func contextDoesNotKeepATopicTheMessageMovesAwayFrom() {
    var conversation = ConversationDriver()
    #expect(conversation.say("kak bisa bayar pake dolar?", language: .id).intent == "currency")
    let reply = conversation.say("kalo pake kartu kredit bisa?", language: .id)
    #expect(reply.intent != "currency", "\(reply.explanation.detail)")
    #expect(reply.explanation.turnRule != .contextDecides || reply.intent == "payment-methods")
  }

  /// Indonesian discourse particles ("lho", "loh") are function words: a message is never refused for
  /// holding one ("'lho' appears in no example").
  @Test func indonesianParticlesAreNotUnknownWords() throws {
    let match = try #require(Demo.engine.match("udah seminggu lebih lho", in: .id))
    #expect(match.terms.first { $0.folded == "lho" }?.role == .function)
    var conversation = ConversationDriver()
    #expect(conversation.say("udah seminggu lebih lho", language: .id).explanation.turnRule != .unknownWord)
  }

  /// Thanks that point back ("cheers for that") close the topic just answered; read after it, the
  /// words of the earlier question made it that topic again.
  @Test(arguments: [
    ("hey, my new sweater is too tight, how do i return it?", "sweet, cheers for that", Language.en),
    ("di mi je paket?", "super, hvala na tome", .hr),
  ])
  func thanksThatPointBackAreThanks(question: String, thanks: String, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(question, language: language).decision == .answer)
    #expect(conversation.say(thanks, language: language).intent == "thanks")
  }

  @Test(arguments: [("hello", IntentID("greeting")), ("thank you so much", "thanks"), ("bye for now", "goodbye")])
  func smallTalkAloneIsStillSmallTalk(text: String, intent: IntentID) {
    var conversation = ConversationDriver()
    #expect(conversation.say(text).intent == intent)
  }

  /// Thanks with the words people add ("a lot", "nhiều", "ya", "kak") are thanks, not a question about
  /// the word left when the thanks is taken off ("ok cảm ơn shop nhiều" used to ask shipping cost or
  /// thanks, through "nhiều").
  @Test(arguments: [
    ("ok thanks so much", Language.en), ("thank you very much", .en), ("hvala vam puno", .hr),
    ("ok hvala ti puno", .hr), ("ok cảm ơn shop nhiều", .vi), ("dạ cảm ơn shop ạ", .vi),
    ("çok sağ olun", .tr), ("tamam tşkler", .tr), ("ok makasih ya kak", .id), ("terima kasih banyak ya", .id),
  ])
  func thanksWithTheWordsPeopleAddIsThanks(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.intent == "thanks", "\(text): \(reply.explanation.rule)")
  }

  /// Thanks with a word of praise stays thanks: the praise left when the thanks is taken off is no
  /// question ("trả lời nhanh quá" read alone is closest to a complaint).
  @Test(arguments: [
    ("thanks a lot, that was quick", Language.en), ("hvala puno, brzo ste odgovorili", .hr),
    ("dạ em cám ơn ạ, shop trả lời nhanh ghê", .vi), ("makasih kak, cepet banget balesnya", .id),
    ("çok teşekkürler, çok hızlı cevap verdiniz", .tr),
  ])
  func thanksWithPraiseIsThanks(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.intent == "thanks", "\(text): \(reply.explanation.rule)")
  }

  /// Unsure between two topics right after an answer, a short message keeps the topic just answered
  /// when it is one of the two, or goes to the next topic the article offers: no question back.
  @Test(arguments: [
    ("barangnya dateng udah pecah", "perlu kirim foto ga", IntentID("damaged-item"), Language.id),
    ("bisa kirim ke malaysia ga", "berapa lama sampenya", "delivery-time", .id),
  ])
  func unsureRightAfterAnAnswerTheContextDecides(first: String, second: String, intent: IntentID, language: Language) {
    Self.expectTheContextDecides(first, second, intent: intent, language: language, engine: Demo.engine)
  }

  /// tr "mail gelmedi hala" (the mail still hasn't come) after a forgotten password: since the
  /// twenty-fifth stop's Turkish examples it is, alone, the tracking far ahead (`wide-lead`) at the
  /// demo's thresholds, so the context is tested where the bot is unsure of it alone (0.95).
  @Test func unsureRightAfterAPasswordResetTheContextDecides() throws {
    let engine = try #require(Demo.engineAtAnswerThreshold[0.95])
    Self.expectTheContextDecides(
      "şifremi unuttum", "mail gelmedi hala", intent: "password-reset", language: .tr, engine: engine)
    #expect(
      ConversationDriver.reply(
        to: "mail gelmedi hala", after: "şifremi unuttum", answered: "password-reset", language: .tr
      ).intent == "password-reset")
  }

  private static func expectTheContextDecides(
    _ first: String, _ second: String, intent: IntentID, language: Language, engine: Engine,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    var conversation = ConversationDriver(engine: engine)
    #expect(conversation.say(first, language: language).decision == .answer, sourceLocation: sourceLocation)
    let reply = conversation.say(second, language: language)
    #expect(reply.intent == intent, "\(reply.explanation.rule)", sourceLocation: sourceLocation)
    // The context decides: the rule of that name, or the message read after the last question.
    #expect(
      reply.explanation.turnRule == .contextDecides || reply.explanation.reading == .followUp,
      sourceLocation: sourceLocation)
    // Alone, the same message gets the question back.
    var fresh = ConversationDriver(engine: engine)
    #expect(fresh.say(second, language: language).decision == .clarify, sourceLocation: sourceLocation)
  }

  /// A detail added after an answer, which alone the bot would only ask about, is read after the last
  /// question when that reading is confidently the same topic; a tie that includes the topic just
  /// answered goes to it. A bare topic name is still a new topic.
  @Test(arguments: [
    ("em quên mật khẩu rồi", "không thấy email gửi về", IntentID("password-reset"), Language.vi),
    ("shop xuất hóa đơn đỏ được không", "ghi tên công ty giúp em", "invoice", .vi),
  ])
  func aDetailAfterAnAnswerStaysOnItsTopic(first: String, second: String, intent: IntentID, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(first, language: language).intent == intent)
    let reply = conversation.say(second, language: language)
    #expect(reply.decision == .answer && reply.intent == intent, "\(reply.explanation.rule)")
  }

  @Test func aBareTopicNameAfterAnAnswerIsANewTopic() {
    var conversation = ConversationDriver()
    #expect(conversation.say("how do i send something back?", language: .en).intent == "return-item")
    let reply = conversation.say("delivery", language: .en)
    #expect(reply.decision == .clarify, "\(reply.explanation.rule)")
    #expect(reply.intent != "return-item")
  }

  /// A bare topic name shared by two intents gets a question back; two content words joined by grammar
  /// are a sentence and get the answer the scores give ("pay with paypal?" used to ask methods or
  /// problems).
  @Test(arguments: [
    ("pay with paypal?", Language.en, IntentID("payment-methods")), ("siparişim hala gelmedi", .tr, "order-status"),
  ])
  func twoContentWordsJoinedByGrammarAreASentence(text: String, language: Language, intent: IntentID) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .answer && reply.intent == intent, "\(reply.explanation.rule)")
  }

  /// "kargo" is shipping cost, tracking or the courier: its runner-up (0.40) is below the product's
  /// plausible runner-up (0.45) but more than half the winner (0.68), whose Turkish answer threshold
  /// is calibrated down to 0.55.
  @Test(arguments: [("akun saya", Language.id), ("payment", .en), ("ödeme", .tr), ("kargo", .tr), ("kargo?", .tr)])
  func aBareTopicNameSharedByTwoIntentsIsAskedAbout(text: String, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(text, language: language).decision == .clarify)
  }

  /// 3. Short replies with nothing asked get a question back, never an unrelated article; words that
  /// are not the content's are not "corrected" into it.
  @Test(arguments: ["yes please", "sure", "ok", "da, može", "evet", "iya dong", "vâng ạ"])
  func aBareYesOrNoWithNothingAskedGetsAQuestionBack(text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.decision == .clarify)
    #expect(reply.reason == .prompt)
    #expect(reply.explanation.turnRule == .bareYesOrNo)
  }

  @Test func yesIsNeverCorrectedToAContentWord() throws {
    let match = try #require(Demo.engine.match("yes please", in: .en))
    #expect(match.corrections.isEmpty)
  }

  @Test(arguments: [("trü", Language.tr), ("resep rendang dong", .id)])
  func gibberishAndNonStoreWordsAreNotAnswered(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.intent == nil, "\(reply.explanation.rule)")
    #expect(reply.reason == .outOfScope)
  }

  /// A substitution in a short word makes another word (`yes`/`yet`, `tru`/`try`); a missing, extra
  /// or swapped letter is still a typo.
  @Test(arguments: [("yes", "yet", false), ("tru", "try", false), ("ordr", "order", true), ("teh", "the", true)])
  func shortWordsAreCorrectedOnlyForAMissingExtraOrSwappedLetter(typed: String, word: String, plausible: Bool) {
    #expect(TypoCorrector.isPlausible(Array(typed.utf8), Array(word.utf8)) == plausible)
  }

  /// 4. Follow-ups keep the topic: the message is read after the previous question.
  @Test(arguments: [
    ("how do i return a sweater that doesnt fit", "and how much does that cost?", IntentID("return-item"), Language.en),
    ("do you ship to Japan?", "what about Germany?", "international-shipping", .en),
    ("peki iade nasil yapiyorum", "ucreti ne kadar", "return-item", .tr),
    ("šaljete li u Austriju?", "a za Sloveniju?", "international-shipping", .hr),
    // Read alone, these land on the topic just answered, short of the answer threshold: in context
    // they are answered, not asked back about (they were "1. Currency 2. Wrong item").
    ("mogu li platiti u švicarskim francima?", "a u kunama?", "currency", .hr),
    ("bisa bayar pakai ringgit?", "kalo dolar singapura?", "currency", .id),
  ])
  func aFollowUpKeepsTheTopic(first: String, second: String, intent: IntentID, language: Language) {
    // Known: Turkish marks "its fee" on the noun ("ücreti"), which the follow-up rule cannot tell from
    // other endings; read alone the question is a confident shipping-cost one, and it stays that.
    withKnownIssue(isIntermittent: true) {
      Self.expectFollowUp(first: first, second: second, intent: intent, language: language)
    } when: {
      language == .tr
    }
  }

  static func expectFollowUp(first: String, second: String, intent: IntentID, language: Language) {
    var conversation = ConversationDriver()
    let opening = conversation.say(first)
    #expect(opening.intent == intent, "\(opening.explanation.rule)")
    let reply = conversation.say(second)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == intent)
    #expect(reply.language == language)
  }

  /// An objection to the last answer ("but it has already shipped" after a change of address) stays
  /// with its topic: read alone, the words name tracking, one of the article's follow-ups.
  @Test(arguments: [
    ("i need to change the address on my order", "but it already shipped yesterday", Language.en),
    ("trebam promijeniti adresu dostave", "ali paket je već poslan", .hr),
    ("mình muốn đổi địa chỉ nhận hàng", "nhưng đơn đã gửi đi rồi", .vi),
    ("kak mau ubah alamat kirim", "tapi udah dikirim kemarin", .id),
    ("teslimat adresini değiştirmek istiyorum", "kargoya verilmiş ama", .tr),
  ])
  func anObjectionToTheLastAnswerStaysWithItsTopic(first: String, second: String, language: Language) {
    Self.expectFollowUp(first: first, second: second, intent: "change-address", language: language)
  }

  /// A message that points back ("for it", "bunun", `-nya`) but confidently names another topic in
  /// words that ask for no property of the last one moves to that topic: the invoice after the
  /// warranty (these stayed with the warranty). "and how much does that cost?" after a return stays.
  @Test(arguments: [
    ("my toaster stopped working after a few weeks", "where do i get the invoice for it?", Language.en),
    ("usisavač mi je prestao raditi nakon dva mjeseca", "trebam i račun za njega, gdje ga mogu preuzeti?", .hr),
    ("kulaklığım bir ayda bozuldu", "peki bunun faturasını nasıl indiririm", .tr),
    ("blender saya mati total padahal baru dipake sebulan", "terus fakturnya bisa diunduh di mana?", .id),
    ("tai nghe mới dùng 1 tháng đã hỏng", "còn hoá đơn cho nó thì tải ở đâu", .vi),
  ])
  func aNewTopicNamedWhilePointingBackMovesToIt(first: String, second: String, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(first).intent == "warranty")
    let reply = conversation.say(second)
    #expect(reply.intent == "invoice", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading == .message)
  }

  /// A short question that names another topic while alone it does not consider the topic just
  /// answered at all moves to its own topic (it stayed with the contact channels), at lower thresholds
  /// and at the defaults, where it is unsure of the hours (0.59) and was read in context.
  @Test(arguments: [Demo.engineAtLowerThresholds, Demo.engine])
  func aShortQuestionOfAnotherTopicThatIgnoresTheLastMovesToIt(engine: Engine) {
    var conversation = ConversationDriver(engine: engine)
    #expect(conversation.say("telefonla arayabileceğim bir numara var mı", language: .tr).intent == "contact-channels")
    let reply = conversation.say("hangi saatlerde arayabilirim", language: .tr)
    #expect(reply.intent == "support-hours", "\(reply.explanation.rule)")
    #expect(reply.explanation.reading == .message)
  }

  /// Words that announce a question name no topic: "quick q about delivery" is asked about like
  /// "delivery" (it offered the account menu's "question about"); the account menu itself stays.
  @Test(arguments: [
    ("quick q about delivery", Language.en, IntentID("delivery-time")),
    ("teslimatla ilgili bir sorum var", .tr, "delivery-time"), ("cho mình hỏi vụ giao hàng", .vi, "delivery-time"),
    // As people say it ("alakalı bişey soracaktım", "I was going to ask something about"), and after a
    // form of address (vi "ad ơi": it was the welcome).
    ("ödemeyle alakalı bişey soracaktım", .tr, "payment-methods"), ("ad ơi hỏi xíu về vụ ship", .vi, "shipping-cost"),
  ])
  func wordsThatAnnounceAQuestionNameNoTopic(text: String, language: Language, offered: IntentID) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: language)
    #expect(reply.explanation.reading == .withoutAskingPhrase, "\(reply.explanation.rule)")
    #expect(reply.options.map(\.intent).contains(offered), "\(reply.text)")
  }

  /// A greeting before a statement about a topic gives way to it ("mrb" was answered with the
  /// welcome); thanks with praise stay thanks ("sangat membantu" alone reads like a complaint).
  @Test func aGreetingGivesWayToAStatementButThanksWithPraiseStayThanks() {
    var opening = ConversationDriver()
    let problem = opening.say("mrb, bugün gelen siparişte sorun var", language: .tr)
    #expect(problem.intent != "greeting", "\(problem.explanation.rule)")
    #expect(problem.decision == .clarify)
    var closing = ConversationDriver()
    #expect(closing.say("oke kak terimakasih bnyk, sangat membantu sekali", language: .id).intent == "thanks")
  }

  @Test func anObjectionThatAsksAboutSomethingElseMovesToIt() {
    var conversation = ConversationDriver()
    #expect(conversation.say("i need to change the address on my order").intent == "change-address")
    let reply = conversation.say("but how do i pay with paypal?")
    #expect(reply.intent == "payment-methods", "\(reply.explanation.rule)")
  }

  /// Right after tracking, a detail that alone reads as the vague "a problem with my order" menu stays
  /// with tracking: the customer is past the menu.
  @Test(arguments: ["mình đặt từ tuần trước rồi", "chị đặt từ tuần trước đó"])
  func aDetailThatReadsAsAMenuStaysWithTheTopicJustAnswered(detail: String) {
    var conversation = ConversationDriver()
    #expect(conversation.say("đơn hàng của mình đang ở đâu vậy", language: .vi).intent == "order-status")
    let reply = conversation.say(detail, language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "order-status")
  }

  @Test func aFollowUpThatNamesTheNextTopicMovesToIt() {
    var conversation = ConversationDriver()
    #expect(conversation.say("where is my order?").intent == "order-status")
    let reply = conversation.say("and how long does delivery usually take?")
    #expect(reply.intent == "delivery-time")
    #expect(reply.explanation.reading != .followUp)
  }

  @Test func aMessageThatStandsOnItsOwnIsMatchedOnItsOwn() {
    var conversation = ConversationDriver()
    #expect(conversation.say("do you ship to Japan?").intent == "international-shipping")
    let reply = conversation.say("i forgot my password")
    #expect(reply.intent == "password-reset")
    #expect(reply.explanation.reading == .message)
  }

  /// 5. Names of places, currencies, carriers are never unknown words; they stand for their class.
  @Test(arguments: [
    ("do you deliver to Turkey?", IntentID("international-shipping"), "country", "TR"),
    ("can I pay in Swiss francs?", "currency", "currency", "CHF"),
    // A colloquial name was the US dollar by its last word.
    ("can i pay in aussie dollars?", "currency", "currency", "AUD"),
    ("is DHL your courier?", "courier", "carrier", "DHL Express"),
    ("dostavljate li u Njemačku", "international-shipping", "country", "DE"),
    ("ship sang Nhật được không", "international-shipping", "country", "JP"),
    // Turkish customers often leave out the apostrophe before a case ending (`Kanada'ya`).
    ("kanadaya gönderiyor musunuz", "international-shipping", "country", "CA"),
    ("where is my order ORB-48120573?", "order-status", "order-number", "ORB-48120573"),
    ("gdje je narudžba orb-55120934", "order-status", "order-number", "ORB-55120934"),
  ])
  func namesStandForTheirClass(text: String, intent: IntentID, type: String, value: String) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.intent == intent, "\(reply.explanation.rule)")
    #expect(reply.entities.contains { $0.type == type && $0.value == value }, "\(reply.entities)")
    #expect(reply.explanation.match?.unknownWords.isEmpty == true)
  }

  /// 6. A story before the question does not make the question out of scope.
  @Test func aLongMessageWithAStoryIsAnswered() {
    var conversation = ConversationDriver()
    let reply = conversation.say(
      "hi there, I bought a lamp for my mum's birthday ten days ago and it still hasn't come, where is it?")
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "order-status")
  }

  /// The clause that asks is the last with a question word as typed: `bảo` ("says", in the story's
  /// "mà chị dâu bảo …") folds to the question word `bao` and made the story the question.
  @Test(arguments: [
    "shop ơi hôm kia mình đặt cái áo khoác tặng anh trai, mà chị dâu bảo anh ấy có rồi, đơn vẫn đang xử lý, giờ hủy đi được ko",
    "chiều qua em đặt đôi giày cho con, mà ba nó bảo size nhỏ quá, đơn còn đang xử lý, giờ em hủy đơn được ko shop",
  ])
  func aStoryClauseWithAWordLikeAQuestionWordIsNotTheQuestion(text: String) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text, language: .vi)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "cancel-order")
  }

  /// Of the names of two topics, the one in the clause that asks decides; the other is where the
  /// customer orders from (it used to be a clarification between currency and shipping abroad).
  @Test func theNameInTheClauseThatAsksDecides() {
    var conversation = ConversationDriver()
    let reply = conversation.say("naručujem iz Švicarske, jesu li cijene u francima?", language: .hr)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "currency")
    #expect(reply.explanation.turnRule == .nameDecides)
  }

  /// A name in the story does not decide when the clause that asks names something else: Australia
  /// made "…, is everything charged in aussie dollars then?" a confident answer on shipping abroad.
  @Test func aNameOutsideTheQuestionDoesNotDecide() {
    var conversation = ConversationDriver()
    let reply = conversation.say("i order from australia, is everything charged in aussie dollars then?")
    #expect(reply.explanation.turnRule != .nameDecides)
    #expect(!(reply.decision == .answer && reply.intent == "international-shipping"))
  }

  /// Turkish `arası` ("between", "break") is not the carrier Aras Kargo, whose short name it stems
  /// to with the accusative ending: the support hours "between 9 and 18" were refused as a question
  /// about a carrier. The short name typed as it is still names the carrier.
  @Test func turkishArasiIsNoCarrier() {
    var conversation = ConversationDriver()
    let reply = conversation.say("saat 9-18 arası mı açıksınız", language: .tr)
    #expect(reply.entities.allSatisfy { $0.type != "carrier" }, "\(reply.entities)")
    #expect(reply.decision == .answer)
    #expect(reply.intent == "support-hours")
    let carrier = Demo.engine.entities(in: "kargomu Aras'la gönderebilir misiniz", language: .tr)
    #expect(carrier.contains { $0.type == "carrier" && $0.value == "Aras Kargo" }, "\(carrier)")
  }

  /// 7. After the offer of a person, only an answer that is essentially yes or no answers it.
  @Test func okAndANewQuestionAfterAnOfferIsANewQuestion() {
    var conversation = ConversationDriver()
    let refusal = conversation.say("what's the weather like in Paris tomorrow?")
    #expect(refusal.reason == .outOfScope)
    let reply = conversation.say("ok, how much is shipping then?")
    #expect(reply.decision == .answer, "\(reply.explanation.rule)")
    #expect(reply.intent == "shipping-cost")
  }

  @Test func aBareYesToTheOfferHandsOver() {
    var conversation = ConversationDriver()
    conversation.say("what's the weather like in Paris tomorrow?")
    let reply = conversation.say("yes please")
    #expect(reply.decision == .escalate)
    #expect(reply.explanation.turnRule == .offerAccepted)
  }

  @Test(arguments: ["ok thanks", "bye", "thank you!"])
  func thanksOrGoodbyeAfterAHandOffClosePolitelyAndDoNotRaiseThePriority(text: String) throws {
    var conversation = ConversationDriver()
    let handOff = try #require(conversation.say("I want to talk to a person").escalation)
    let reply = conversation.say(text)
    #expect(reply.explanation.turnRule == .closeAfterHandOff)
    #expect(reply.reason == .closing)
    #expect(reply.escalation?.priority == handOff.priority)
    #expect(conversation.session.attemptsWithoutAnswer <= 1)
  }

  /// 8. Weather questions are out of scope: the content's out-of-scope examples say so.
  @Test(arguments: [
    ("kakvo je vrijeme danas", Language.hr), ("besok jakarta hujan gak", .id),
    ("what's the weather going to be like tomorrow", .en), ("yarın hava nasıl olacak", .tr),
  ])
  func weatherQuestionsAreOutOfScope(text: String, language: Language) {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.intent == nil, "\(reply.explanation.rule)")
    #expect(reply.reason == .outOfScope)
    #expect(reply.language == language)
  }

  /// Vague openers get the content's menu: the options, numbered, with the menu's own text.
  @Test(arguments: [
    ("I have a problem with my order", Language.en), ("imam problem s narudžbom", .hr),
    ("siparişimle ilgili bir sorun var", .tr),
  ])
  func aVagueOpenerGetsTheMenu(text: String, language: Language) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.decision == .clarify)
    #expect(reply.reason == .menu)
    #expect(reply.intent == "order-problem")
    let menu = try #require(Demo.knowledgeBase.article(for: "order-problem", in: language)?.menu)
    #expect(reply.options.map(\.intent) == menu)
    #expect(reply.text.hasPrefix(Demo.knowledgeBase.article(for: "order-problem", in: language)!.body))
    let picked = conversation.say("2")
    #expect(picked.intent == menu[1])
  }

  /// 9. A clear switch of language is followed, also when it opens with an apology for the language.
  @Test func aSwitchOfLanguageThatOpensWithAnApologyIsFollowed() {
    var conversation = ConversationDriver()
    #expect(conversation.say("merhaba, siparişim nerede?").language == .tr)
    let reply = conversation.say("sorry my turkish is bad, can i return something i bought?")
    #expect(reply.language == .en)
    #expect(reply.intent == "return-item", "\(reply.explanation.rule)")
  }

  /// A switch whose clause with the question mark asks for the language it is written in: the reply in
  /// that language answers it, and the question is the other clause.
  @Test(arguments: [
    ("oprostite, može li na hrvatskom? paket mi još nije stigao", Language.hr),
    ("pardon, türkçe yazabilir miyim? siparişim hala gelmedi", .tr),
    ("xin lỗi, mình nói tiếng Việt được không? đơn hàng của mình chưa tới", .vi),
    ("maaf, boleh pakai bahasa indonesia? paketku belum datang", .id),
    ("sorry, can i write in english? my parcel still hasn't arrived", .en),
  ])
  func aSwitchThatAsksForItsOwnLanguageIsAnsweredByTheQuestionBesideIt(text: String, language: Language) {
    var conversation = ConversationDriver()
    let opening = language == .en ? "merhaba, faturamı nereden bulabilirim?" : "hello, where can i find my invoice?"
    #expect(conversation.say(opening).intent == "invoice")
    let reply = conversation.say(text)
    #expect(reply.language == language)
    #expect(reply.intent == "order-status", "\(reply.explanation.rule)")
  }

  /// 10. A chosen language holds: the message is read in its own language and answered in the chosen one.
  @Test func aChosenLanguageHoldsUntilItIsReleased() {
    var conversation = ConversationDriver()
    conversation.session.switchLanguage(to: .hr)
    let reply = conversation.say("where is my order?")
    #expect(reply.language == .hr)
    #expect(reply.intent == "order-status")
    #expect(reply.explanation.languageSource == .chosen)
    conversation.session.unlockLanguage()
    #expect(conversation.say("where is my order?").language == .en)
  }

  /// Every reply names the rule that decided it; `/why` and the transcript log print it.
  @Test func theRuleThatDecidedIsNamed() {
    var conversation = ConversationDriver()
    let reply = conversation.say("where is my order?")
    #expect(reply.explanation.turnRule == .confidentAnswer)
    #expect(reply.explanation.rule.hasPrefix("confident-answer: confidence "))
  }
}
