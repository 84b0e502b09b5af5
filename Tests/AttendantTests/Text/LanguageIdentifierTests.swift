import Testing

@testable import Attendant

/// Which of the demo's five languages a message is in. Only clear-cut cases: the identifier's tuning
/// changes, and its accuracy is measured by `attendant eval content`, not here.
struct LanguageIdentifierTests {
  static func identify(_ text: String, current: Language? = nil) -> LanguageGuess {
    Demo.engine.identifier.identify(text, tokens: Tokenizer.tokenize(text), current: current)
  }

  @Test(arguments: [
    ("Iğdır'a kargo", Language.tr),
    ("şifre", Language.tr),
    ("ödeme", Language.tr),
    ("Čekam paket", Language.hr),
    ("ćevapčići", Language.hr),
    ("Što je s pošiljkom", Language.hr),
    ("mật khẩu", Language.vi),
    ("hủy", Language.vi),
    ("đơn hàng", Language.vi),
  ])
  func distinctiveLettersDecide(text: String, language: Language) {
    let guess = Self.identify(text)
    #expect(guess.language == language)
    #expect(guess.evidence == .distinctiveLetters)
  }

  /// A loanword that another language's content uses more does not outweigh the letters: the
  /// cascade's first tier decides (all three were identified as English before).
  @Test(arguments: [
    ("status refund ạ", Language.vi), ("refund status đơn", Language.vi), ("cash on delivery može", Language.hr),
  ])
  func lettersDecideAroundLoanwords(text: String, language: Language) {
    let guess = Self.identify(text)
    #expect(guess.language == language)
    #expect(guess.evidence == .distinctiveLetters)
  }

  /// A name written with a capital inside the sentence does not tell its language: an English message
  /// in a Turkish conversation that names the carrier `Yurtiçi` is English (the `ç` decided Turkish
  /// before, and the English words were read as Turkish ones).
  @Test(arguments: [
    ("sorry, my Turkish is poor. the Yurtiçi parcel arrived and the lamp inside is cracked", Language.tr, Language.en),
    ("we ordered from Zürich and the parcel never came", .hr, .en),
    ("paket ke Đà Nẵng kapan sampai ya", .vi, .id),
  ])
  func aCapitalizedNameDoesNotDecide(text: String, current: Language, language: Language) {
    let guess = Self.identify(text, current: current)
    #expect(guess.language == language, "\(guess.scores)")
    #expect(guess.evidence != .distinctiveLetters)
  }

  /// The letters of the first word, and of a message in capitals, still decide.
  @Test(arguments: [
    ("Yurtiçi kargo ile mi geliyor", Language.tr), ("KARGOM NEREDE, ÇOK GECİKTİ", .tr), ("Šaljete li u Beč", .hr),
  ])
  func lettersOfTheFirstWordAndOfCapitalsStillDecide(text: String, language: Language) {
    let guess = Self.identify(text, current: .en)
    #expect(guess.language == language)
    #expect(guess.evidence == .distinctiveLetters)
  }

  @Test func distinctiveLettersOverrideTheConversationLanguage() {
    #expect(Self.identify("şifre", current: .en).language == .tr)
    #expect(Self.identify("hủy", current: .id).language == .vi)
  }

  @Test func đAloneIsSharedByCroatianAndVietnamese() {
    // đ is in both profiles' letters, so it does not decide by itself; the word does.
    let guess = Self.identify("uređaj")
    #expect(guess.evidence != .distinctiveLetters)
    #expect(guess.language == .hr)
  }

  /// ASCII text, with no distinctive letters: the words decide.
  @Test(arguments: [
    ("could you tell me where my parcel is", Language.en),
    ("I would like to return these shoes", Language.en),
    ("gdje je moja posiljka", Language.hr),
    ("zelim vratiti cipele koje sam kupila", Language.hr),
    ("don hang cua toi dau roi", Language.vi),
    ("toi muon doi tra san pham nay", Language.vi),
    ("siparisim nerede kaldi", Language.tr),
    ("bu urunu iade etmek istiyorum", Language.tr),
    ("dimana pesanan saya sekarang", Language.id),
    ("saya ingin mengembalikan barang ini", Language.id),
  ])
  func wordsDecideForASCIIText(text: String, language: Language) {
    let guess = Self.identify(text)
    #expect(guess.language == language, "\(guess.scores.map { "\($0.language) \($0.score)" })")
    #expect(guess.evidence != .distinctiveLetters)
  }

  @Test(arguments: ["123", "48213579", "👍", "❤️😀", "?!", ""])
  func noWordsIsUndetermined(text: String) {
    let guess = Self.identify(text)
    #expect(guess.language == nil)
    #expect(guess.evidence == .undetermined)
  }

  /// A short word in the middle of a conversation keeps the conversation's language.
  @Test(arguments: [
    ("ok", Language.hr), ("ok", Language.vi), ("hvala", Language.en), ("merhaba", Language.id), ("thanks", Language.tr),
  ])
  func oneWordDoesNotSwitchTheConversationLanguage(text: String, current: Language) {
    let guess = Self.identify(text, current: current)
    #expect(guess.language == nil || guess.language == current)
  }

  @Test func aClearSentenceSwitchesTheConversationLanguage() {
    #expect(Self.identify("where is my order please", current: .hr).language == .en)
    #expect(Self.identify("gdje je moja narudzba", current: .en).language == .hr)
  }

  @Test func scoresCoverEveryLanguageBestFirst() {
    let guess = Self.identify("where is my order")
    #expect(Set(guess.scores.map(\.language)) == Set([.en, .hr, .vi, .tr, .id]))
    #expect(guess.scores.map(\.score) == guess.scores.map(\.score).sorted(by: >))
    #expect(guess.scores.first?.language == guess.language)
  }
}

/// The first message of a conversation, a conversation language the content no longer has, and the
/// validation messages.
struct LanguageIdentifierFirstMessageTests {
  /// "ok" is an example in several languages and scores nearly the same in Croatian and English.
  /// With nothing to go on, the identifier takes the best score; a first message keeps the engine's
  /// default language on such a near tie.
  @Test func aNearTieOnAFirstMessageKeepsTheDefaultLanguage() throws {
    let identifier = Demo.engine.identifier
    let tokens = Tokenizer.tokenize("ok")
    let plain = identifier.identify("ok", tokens: tokens)
    let best = try #require(plain.language)
    let english = try #require(plain.scores.first { $0.language == .en }).score
    try #require(best != .en, "'ok' now scores best in English; the test needs a near tie that English loses")
    #expect(plain.scores[0].score - english < LanguageIdentifier.fallbackMargin, "\(plain.scores)")
    #expect(identifier.identify("ok", tokens: tokens, fallback: .en).language == nil)
    #expect(identifier.identify("ok", tokens: tokens, fallback: best).language == best)
    #expect(Demo.engine.identifyLanguage(of: "ok").language == nil)
    var session = ChatSession(id: "first-ok")
    let reply = Demo.engine.respond(to: CustomerMessage("ok"), in: &session, at: Demo.wednesdayMorning)
    #expect(reply.language == .en)
  }

  @Test(arguments: [
    ("bok", Language.hr), ("merhaba", Language.tr), ("xin chào", Language.vi), ("selamat pagi", Language.id),
  ])
  func aClearFirstMessageLeavesTheDefaultLanguage(text: String, language: Language) {
    var session = ChatSession(id: "first-\(language)")
    #expect(
      Demo.engine.respond(to: CustomerMessage(text), in: &session, at: Demo.wednesdayMorning).language == language)
  }

  /// Content with English and Croatian only, as after a reload that dropped a language.
  static let twoLanguages = LanguageIdentifier(
    samples: [
      .en: ["where is my order", "i want a refund", "thanks a lot", "hello there"],
      .hr: ["gdje je moja narudžba", "želim povrat novca", "hvala puno", "dobar dan"],
    ],
    profiles: Demo.knowledgeBase.profiles)

  /// A conversation language the content does not have counts as none: a message with no words stays
  /// undetermined (it was English, by the order of the codes), and the fallback applies.
  @Test func aConversationLanguageTheContentLacksCountsAsNone() {
    let identifier = Self.twoLanguages
    #expect(identifier.identify("👍", tokens: Tokenizer.tokenize("👍"), current: .vi).language == nil)
    #expect(identifier.identify("hvala", tokens: Tokenizer.tokenize("hvala"), current: .vi).language == .hr)
    let fallback = identifier.identify("ok", tokens: Tokenizer.tokenize("ok"), current: .vi, fallback: .en)
    let first = identifier.identify("ok", tokens: Tokenizer.tokenize("ok"), fallback: .en)
    #expect(fallback.language == first.language)
  }

  @Test func aFallbackThatIsTheBestGuessOrMissingChangesNothing() {
    let identifier = Self.twoLanguages
    let tokens = Tokenizer.tokenize("where is my parcel")
    #expect(identifier.identify("where is my parcel", tokens: tokens).language == .en)
    #expect(identifier.identify("where is my parcel", tokens: tokens, fallback: .en).language == .en)
    #expect(identifier.identify("where is my parcel", tokens: tokens, fallback: .tr).language == .en)
  }

  /// The validation messages (the suites' questions and `Fixtures/LanguageValidation`), identified
  /// with no conversation language. These are the messages the weights were chosen on, so this is an
  /// in-sample figure (840 of 845 as typed when they were chosen) that guards against regressions;
  /// the measured figure is `attendant eval content`'s leave-one-out one.
  @Test func validationMessagesAreIdentified() throws {
    let messages = try LanguageValidation.messages()
    let identifier = Demo.engine.identifier
    let typed = messages.filter {
      identifier.identify($0.text, tokens: Tokenizer.tokenize($0.text)).language == $0.language
    }
    let folded = messages.filter {
      let stripped = ContentEvaluation.strip($0.text)
      return identifier.identify(stripped, tokens: Tokenizer.tokenize(stripped)).language == $0.language
    }
    #expect(messages.count > 800)
    #expect(Double(typed.count) / Double(messages.count) >= 0.98)
    #expect(Double(folded.count) / Double(messages.count) >= 0.97)
  }
}
