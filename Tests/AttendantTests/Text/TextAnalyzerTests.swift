import Foundation
import Testing

@testable import Attendant

/// One language's rules on top of the tokenizer: casing, apostrophes, hyphens, reduplication,
/// chat spellings, and which words are never treated as mere grammar.
struct TextAnalyzerTests {
  static func analyzer(_ language: Language) -> TextAnalyzer {
    TextAnalyzer(profile: LanguageProfile.builtIn(for: language)!)
  }

  /// The words after the language's rules, before stemming.
  static func words(_ text: String, in language: Language) -> [RawToken] {
    let analyzer = analyzer(language)
    return analyzer.normalizedWords(from: Tokenizer.tokenize(text, turkishCasing: analyzer.profile.turkishCasing))
  }

  /// Folding made ordinary Vietnamese words look like listed ones: `vé` (ticket) like `về` (about),
  /// `thẻ` (card) like `thế`, `dụng` (in `sử dụng`) like the negation `đừng`, and `cho` (for) like
  /// the negation `chớ`, and `bảo` (to say) like the question word `bao`. A word typed with diacritics
  /// is read as written; one typed without any may be
  /// any listed word that folds to it, and a list entry written that way wins (`cho` is the function
  /// word), in a message with diacritics or without (Croatian `cu` for `ću`).
  @Test(arguments: [
    ("đặt vé máy bay", "vé", AnalyzedTerm.Role.content),
    ("thanh toán bằng thẻ", "thẻ", .content),
    ("sử dụng mã giảm giá", "dụng", .content),
    ("cho tôi hỏi về đơn hàng", "cho", .function),
    ("cho tôi hỏi về đơn hàng", "về", .function),
    ("đừng hủy đơn", "đừng", .negation),
    ("tôi không nhận được hàng", "không", .negation),
    ("cho toi hoi ve don hang", "cho", .function),
    ("cho toi hoi ve don hang", "ve", .function),
    ("tai sao khong giao hang", "khong", .negation),
    ("đơn hàng ve chưa", "ve", .function),
    // The list writes the question word `bao` (as in "bao nhiêu") without diacritics, which is its
    // spelling: `bảo` ("to say") typed with them is another word (it made a story's clause the
    // one that asks).
    ("mẹ bảo ko thích", "bảo", .content),
    ("bao lâu thì giao", "bao", .question),
    ("bao lau thi giao", "bao", .question),
  ])
  func vietnameseRolesFollowTheDiacriticsTyped(text: String, word: String, role: AnalyzedTerm.Role) throws {
    try Self.expectRole(.vi, text, word, role)
  }

  /// A chat abbreviation typed with diacritics must be written so: Vietnamese `a` stands for `anh`,
  /// but `ạ` is the polite particle (it used to become `anh`); `đh` and `dh` are both `đơn hàng`, and
  /// Turkish `tşk` is thanks typed either way.
  @Test(arguments: [
    (Language.vi, "em cảm ơn ạ", ["em", "cảm", "ơn", "ạ"]), (.vi, "a ơi", ["anh", "ơi"]),
    (.vi, "đh của em", ["đơn", "hàng", "của", "em"]), (.vi, "dh cua em", ["đơn", "hàng", "cua", "em"]),
    (.tr, "tşk", ["teşekkürler"]), (.tr, "tsk", ["teşekkürler"]),
  ])
  func abbreviationsTypedWithDiacriticsAreReadAsWritten(language: Language, text: String, expected: [String]) {
    #expect(Self.words(text, in: language).map(\.exact) == expected)
  }

  /// Indonesian chat spellings are the words they stand for ("msh bs diubah gk": "masih" was unknown).
  @Test(arguments: [
    ("msh bs diubah gk", ["masih", "bisa", "diubah", "tidak"]),
    ("brg nya dpt tgl brp", ["barang", "nya", "dapat", "tanggal", "berapa"]),
    // A fan bought "last June" ("juni thn lalu") was refused for three unknown words, one of them `thn`.
    ("kipas beli juni thn lalu", ["kipas", "beli", "juni", "tahun", "lalu"]),
    ("barang yg dtg td kyk gini", ["barang", "yang", "datang", "tadi", "kayak", "gini"]),
    ("emg bs krm ke rmh tmn?", ["memang", "bisa", "kirim", "ke", "rumah", "teman"]),
    ("pesen jumat mlm, bbrp hari smpe?", ["pesan", "jumat", "malam", "beberapa", "hari", "sampai"]),
  ])
  func indonesianChatSpellingsAreTheirWords(text: String, expected: [String]) {
    #expect(Self.words(text, in: .id).map(\.exact) == expected)
  }

  /// An English contraction is two words: "she'd" is "she would", never the noun "shed"; "don't" is
  /// still one word.
  @Test(arguments: [
    ("she'd pay in euros", ["she", "would", "pay", "in", "euros"]), ("i'll wait", ["i", "will", "wait"]),
    ("we're moving", ["we", "are", "moving"]), ("they've shipped it", ["they", "have", "shipped", "it"]),
    ("it's late", ["its", "late"]),
  ])
  func englishContractionsAreTwoWords(text: String, expected: [String]) {
    #expect(Self.words(text, in: .en).map(\.folded) == expected)
  }

  /// The Turkish question particle with its person endings asks; it is no topic ("yapabilir miyim").
  @Test(arguments: [("dolarla ödeme yapabilir miyim", "miyim"), ("yarın gelir misiniz", "misiniz")])
  func turkishQuestionParticlesAsk(text: String, word: String) throws {
    try Self.expectRole(.tr, text, word, .question)
  }

  @Test(arguments: [
    ("kada ću dobiti paket, sta cu", "cu", AnalyzedTerm.Role.function), ("što je s mojom narudžbom", "što", .question),
  ])
  func croatianWordsTypedWithoutDiacriticsKeepTheirRoles(text: String, word: String, role: AnalyzedTerm.Role) throws {
    try Self.expectRole(.hr, text, word, role)
  }

  /// Words that address the store's people ("you guys", Turkish "abi", "hocam", Croatian "ljudi") are
  /// grammar, not a topic.
  @Test(arguments: [
    (Language.en, "do you guys ship to Japan", "guys"), (.tr, "abi kargom nerde", "abi"),
    (.tr, "hocam iade nasıl oluyor", "hocam"), (.hr, "ljudi, di je moj paket", "ljudi"),
  ])
  func formsOfAddressAreFunctionWords(language: Language, text: String, word: String) throws {
    try Self.expectRole(language, text, word, .function)
  }

  /// A word that opens a follow-up or points back names no topic, in every language.
  @Test(arguments: [
    (Language.en, "plus the shipping?", "plus"), (.tr, "peki ücreti?", "peki"), (.id, "trus berapa lama?", "trus"),
    (.hr, "onda koliko košta?", "onda"), (.hr, "isto za Austriju?", "isto"),
  ])
  func followUpOpenersAreFunctionWords(language: Language, text: String, word: String) throws {
    try Self.expectRole(language, text, word, .function)
  }

  /// Interjections carry no topic: "ugh" in "ugh actually just delete the whole account" was an
  /// unknown content word, which put the message under the bar for unknown words.
  @Test(arguments: [
    (Language.en, "ugh actually just delete the whole account", "ugh"), (.en, "hmm where is my parcel", "hmm"),
    (.hr, "uf, kako da obrišem račun", "uf"), (.tr, "of ya hesabımı silmek istiyorum", "of"),
    (.id, "aduh, hapus aja deh akun aku", "aduh"), (.vi, "haizz, xóa tài khoản kiểu gì vậy", "haizz"),
  ])
  func interjectionsAreFunctionWords(language: Language, text: String, word: String) throws {
    try Self.expectRole(language, text, word, .function)
  }

  static func expectRole(_ language: Language, _ text: String, _ word: String, _ role: AnalyzedTerm.Role) throws {
    let terms = Self.analyzer(language).terms(of: text)
    let term = try #require(terms.first { $0.exact == word }, "\(terms.map(\.exact))")
    #expect(term.role == role, "\(word) in '\(text)'")
  }

  @Test(arguments: ["İSTANBUL'A", "İstanbul'a", "İstanbul\u{2019}a", "istanbul'a"])
  func turkishDropsTheSuffixAfterAnApostrophe(text: String) {
    let words = Self.words(text, in: .tr)
    #expect(words.map(\.exact) == ["istanbul"])
    #expect(words.map(\.folded) == ["istanbul"])
  }

  @Test func turkishSuffixOnANameLeavesTheName() {
    #expect(Self.words("İSTANBUL'A kargo", in: .tr).map(\.exact) == ["istanbul", "kargo"])
    #expect(Self.words("Ankara’dan sipariş", in: .tr).map(\.exact) == ["ankara", "sipariş"])
  }

  /// A name typed without the apostrophe before its case ending is still the name; other words with
  /// the same endings are not names.
  @Test(arguments: [
    ("kanadaya kargo", "@place"), ("rusyada var mı", "@place"), ("dolarla ödeme", "@currency"),
    ("sterlinle ödeme", "@currency"), ("para iadesi", "para"), ("bunu yapabilir miyim", "bunu"),
  ])
  func turkishNameWithoutItsApostropheIsTheName(text: String, first: String) {
    let terms = TextAnalyzer(profile: .turkish, entityLists: []).terms(of: text)
    #expect(terms.first?.folded == first, "\(terms.map(\.folded))")
  }

  @Test func turkishCasingKeepsTheExactFormAndFoldsToASCII() {
    let upper = Self.analyzer(.tr).terms(of: "IĞDIR")
    let ascii = Self.analyzer(.tr).terms(of: "igdir")
    #expect(upper.map(\.exact) == ["ığdır"])
    #expect(upper.map(\.folded) == ["igdir"])
    #expect(ascii.map(\.folded) == upper.map(\.folded))
    #expect(ascii.map(\.stem) == upper.map(\.stem))
    // Under English casing the same capital I is a dotted i.
    #expect(Self.analyzer(.en).terms(of: "IĞDIR").map(\.exact) == ["iğdir"])
  }

  @Test func turkishTypedWithoutDiacriticsStemsLikeTheRealLetters() {
    let typed = Self.analyzer(.tr).terms(of: "ŞİFREMİ UNUTTUM")
    let plain = Self.analyzer(.tr).terms(of: "sifremi unuttum")
    #expect(typed.map(\.exact) == ["şifremi", "unuttum"])
    #expect(typed.map(\.folded) == ["sifremi", "unuttum"])
    #expect(typed.map(\.stem) == plain.map(\.stem))
  }

  @Test(arguments: [Language.en, .hr, .vi, .id])
  func otherLanguagesJoinTheApostropheParts(_ language: Language) {
    #expect(Self.words("rock'n", in: language).map(\.folded) == ["rockn"])
  }

  @Test(arguments: ["I don't know", "I don\u{2019}t know", "I don`t know", "i dont know"])
  func englishContractionsBecomeTheirNegation(text: String) {
    let terms = Self.analyzer(.en).terms(of: text)
    #expect(terms.map(\.folded) == ["i", "do", "not", "know"])
    #expect(terms.first { $0.folded == "not" }?.role == .negation)
  }

  @Test func curlyAndStraightApostrophesGiveTheSameTerms() {
    let analyzer = Self.analyzer(.en)
    #expect(analyzer.terms(of: "I can\u{2019}t log in") == analyzer.terms(of: "I can't log in"))
    #expect(analyzer.terms(of: "I can't log in").map(\.role) == [.function, .negation, .content, .function])
  }

  @Test(arguments: [
    ("e-mail", ["email"]), ("wi-fi", ["wifi"]), ("t-shirt", ["tshirt"]), ("long-term", ["long", "term"]),
  ])
  func shortHyphenatedPartsJoinAndLongOnesSplit(text: String, words: [String]) {
    #expect(Self.words(text, in: .en).map(\.folded) == words)
  }

  @Test(arguments: [
    ("terus-menerus", ["terus", "menerus"]),
    ("barang-barang", ["barang"]),
    ("barang2", ["barang"]),
    ("gagal2", ["gagal"]),
    ("pembayaran gagal2 terus", ["pembayaran", "gagal", "terus"]),
    ("ORB-48213579", ["orb", "48213579"]),
  ])
  func indonesianReduplication(text: String, words: [String]) {
    #expect(Self.words(text, in: .id).map(\.folded) == words)
  }

  @Test func theDigitTwoIsReduplicationOnlyInIndonesian() {
    #expect(Self.words("gagal2", in: .en).map(\.folded) == ["gagal2"])
    #expect(Self.words("b2", in: .id).map(\.folded) == ["b2"], "too short to be a reduplicated word")
  }

  @Test func numbersMatchAsTheShapeOfANumber() {
    let terms = Self.analyzer(.en).terms(of: "I paid 19.99 for order 48213579")
    let numbers = terms.filter { $0.role == .number }
    #expect(numbers.map(\.exact) == ["19.99", "48213579"])
    #expect(numbers.allSatisfy { $0.stem == AnalyzedTerm.numberStem })
  }

  @Test func anEmojiOnlyMessageHasNoTerms() {
    for language in [Language.en, .hr, .vi, .tr, .id] {
      #expect(Self.analyzer(language).terms(of: "👍🏽❤️").isEmpty)
    }
  }

  /// Negations and question words change the meaning: they are never function words, in any language.
  @Test(arguments: [
    (Language.en, "Why can't I log in", "why", "cannot"),
    (Language.en, "where is my order, it has not arrived", "where", "not"),
    (Language.hr, "Zašto ne mogu platiti karticom", "zasto", "ne"),
    (Language.hr, "gdje je paket, još nije stigao", "gdje", "nije"),
    (Language.vi, "Tại sao đơn hàng không đến", "sao", "khong"),
    (Language.vi, "đơn hàng của tôi đâu, chưa nhận được", "dau", "chua"),
    (Language.tr, "Neden ödeme yapamıyorum, kartım geçersiz değil", "neden", "degil"),
    (Language.tr, "kargom nerede, hâlâ bir haber yok", "nerede", "yok"),
    (Language.id, "Kenapa pesanan saya belum sampai", "kenapa", "belum"),
    (Language.id, "gimana kalau barangnya gak datang", "bagaimana", "tidak"),
  ])
  func negationsAndQuestionWordsAreKept(language: Language, text: String, question: String, negation: String) {
    let terms = Self.analyzer(language).terms(of: text)
    #expect(terms.first { $0.folded == question }?.role == .question, "\(terms.map(\.folded))")
    #expect(terms.first { $0.folded == negation }?.role == .negation, "\(terms.map(\.folded))")
  }

  /// An order number is five digits or more after a prefix of three or four letters and a hyphen; other
  /// numbers stay numbers.
  @Test(arguments: [
    ("ORB-48120573", "order-number", "ORB-48120573"), ("abc-123456", "order-number", "ABC-123456"),
    ("ORB-4812", "number", "4812"), ("ABCDE-123456", "number", "123456"), ("48120573", "number", "48120573"),
  ])
  func orderNumbersHaveALetterPrefix(text: String, type: String, value: String) {
    var found: [Entity] = []
    let analyzer = Self.analyzer(.en)
    _ = analyzer.normalizedWords(from: analyzer.tokens(of: text), stems: [:], entities: &found)
    #expect(found.map(\.type) == [type])
    #expect(found.map(\.value) == [value])
  }
}
