import Foundation
import Testing

@testable import Attendant

/// The bot's own sentences: neutral in the profiles, with `{topics}` named from the content's article
/// titles; the demo's store wording lives in its phrases files, so that the demo reads as before.
struct PhrasesTests {
  /// The demo's sentences that named the store before they moved to `KnowledgeBase/<xx>/phrases.txt`.
  static let demoSentences: [(Language, Phrases.Key, String)] = [
    (
      Language.en, Phrases.Key.welcome,
      "Hi! I'm the virtual assistant. Ask me about orders, delivery, returns, payments or your account."
    ),
    (
      Language.en, Phrases.Key.help,
      "Type your question. Commands: /lang xx to switch language, /reset to start over, /why to see why I answered, /quit to leave."
    ),
    (
      Language.en, Phrases.Key.outOfScope,
      "Sorry, I can only help with questions about our store: orders, delivery, returns, payments and your account. Would you like me to connect you with a person?"
    ),
    (
      Language.en, Phrases.Key.outboxFailure,
      "Sorry, I couldn't pass your request on just now. Please try again in a moment, or write to support@orbita.example."
    ),
    (
      Language.hr, Phrases.Key.welcome,
      "Dobar dan! Ja sam virtualni asistent. Pitajte me o narudžbama, dostavi, povratu, plaćanju ili Vašem korisničkom računu."
    ),
    (
      Language.hr, Phrases.Key.help,
      "Upišite svoje pitanje. Naredbe: /lang xx za promjenu jezika, /reset za početak ispočetka, /why da vidite zašto sam tako odgovorio, /quit za izlaz."
    ),
    (
      Language.hr, Phrases.Key.outOfScope,
      "Nažalost, mogu pomoći samo s pitanjima o našoj trgovini: narudžbama, dostavi, povratu, plaćanju i Vašem korisničkom računu. Želite li da Vas povežem s djelatnikom?"
    ),
    (
      Language.hr, Phrases.Key.outboxFailure,
      "Oprostite, trenutačno ne mogu proslijediti Vaš zahtjev. Pokušajte ponovno za koji trenutak ili pišite na support@orbita.example."
    ),
    (
      Language.vi, Phrases.Key.welcome,
      "Xin chào quý khách! Đây là trợ lý ảo của Orbita. Quý khách có thể hỏi về đơn hàng, giao hàng, đổi trả, thanh toán hoặc tài khoản ạ."
    ),
    (
      Language.vi, Phrases.Key.help,
      "Quý khách vui lòng nhập câu hỏi. Các lệnh: /lang xx để đổi ngôn ngữ, /reset để bắt đầu lại, /why để xem vì sao có câu trả lời này, /quit để thoát."
    ),
    (
      Language.vi, Phrases.Key.outOfScope,
      "Xin lỗi quý khách, chúng tôi chỉ có thể hỗ trợ các câu hỏi về cửa hàng: đơn hàng, giao hàng, đổi trả, thanh toán và tài khoản. Quý khách có muốn được kết nối với nhân viên hỗ trợ không ạ?"
    ),
    (
      Language.vi, Phrases.Key.outboxFailure,
      "Xin lỗi quý khách, hiện chúng tôi chưa chuyển được yêu cầu đi. Quý khách vui lòng thử lại sau giây lát, hoặc gửi email đến support@orbita.example ạ."
    ),
    (Language.vi, Phrases.Key.reset, "Chúng ta cùng bắt đầu lại nhé. Orbita có thể giúp gì cho quý khách ạ?"),
    (Language.vi, Phrases.Key.goodbye, "Tạm biệt quý khách, cảm ơn quý khách đã ghé thăm Orbita!"),
    (
      Language.tr, Phrases.Key.welcome,
      "Merhaba! Ben sanal asistanınızım. Siparişler, teslimat, iadeler, ödemeler veya hesabınızla ilgili sorularınızı bana sorabilirsiniz."
    ),
    (
      Language.tr, Phrases.Key.help,
      "Sorunuzu yazın. Komutlar: dili değiştirmek için /lang xx, baştan başlamak için /reset, neden bu yanıtı verdiğimi görmek için /why, çıkmak için /quit."
    ),
    (
      Language.tr, Phrases.Key.outOfScope,
      "Üzgünüm, yalnızca mağazamızla ilgili sorularda yardımcı olabiliyorum: siparişler, teslimat, iadeler, ödemeler ve hesabınız. Sizi bir müşteri temsilcisine bağlamamı ister misiniz?"
    ),
    (
      Language.tr, Phrases.Key.outboxFailure,
      "Üzgünüm, talebinizi şu anda iletemedim. Lütfen biraz sonra tekrar deneyin ya da support@orbita.example adresine yazın."
    ),
    (
      Language.id, Phrases.Key.welcome,
      "Halo! Saya asisten virtual Orbita. Silakan bertanya tentang pesanan, pengiriman, pengembalian barang, pembayaran, atau akun Anda."
    ),
    (
      Language.id, Phrases.Key.help,
      "Ketik pertanyaan Anda. Perintah: /lang xx untuk mengganti bahasa, /reset untuk memulai dari awal, /why untuk melihat alasan jawaban saya, /quit untuk keluar."
    ),
    (
      Language.id, Phrases.Key.outOfScope,
      "Maaf, saya hanya dapat membantu pertanyaan seputar toko kami: pesanan, pengiriman, pengembalian barang, pembayaran, dan akun Anda. Apakah Anda ingin saya hubungkan dengan petugas kami?"
    ),
    (
      Language.id, Phrases.Key.outboxFailure,
      "Maaf, permintaan Anda belum dapat saya teruskan saat ini. Silakan coba lagi sebentar lagi, atau kirim email ke support@orbita.example."
    ),
  ]

  @Test func theDemoSaysWhatItSaidBefore() {
    for (language, key, sentence) in Self.demoSentences {
      #expect(Demo.engine.phrases(for: language)[key] == sentence, "\(language) \(key.rawValue)")
    }
  }

  /// The built-in sentences describe no business: no store name or address, no store's topics; the ones
  /// that name topics take them from the content.
  @Test(arguments: LanguageProfile.builtIn.map(\.language))
  func theBuiltInSentencesAreNeutral(language: Language) {
    let phrases = LanguageProfile.builtIn(for: language)!.phrases
    for key in Phrases.Key.allCases {
      #expect(!phrases[key].localizedCaseInsensitiveContains("orbita"), "\(key.rawValue)")
      #expect(!phrases[key].contains("@"), "\(key.rawValue)")
    }
    for key in [Phrases.Key.welcome, .outOfScope, .help] {
      #expect(phrases[key].contains("{topics}"), "\(key.rawValue)")
    }
    let demo = Self.demoSentences.filter { $0.0 == language }
    for (_, key, sentence) in demo { #expect(phrases[key] != sentence) }
  }

  @Test func theWelcomeAndTheRefusalNameTheContentsTopics() {
    for (language, topics) in GardenCentre.topics {
      let phrases = GardenCentre.engine.phrases(for: language)
      #expect(phrases[.welcome].contains(topics), "\(phrases[.welcome])")
      #expect(phrases[.outOfScope].contains(topics), "\(phrases[.outOfScope])")
      #expect(phrases[.help].contains(topics))
      #expect(!phrases[.welcome].contains("{topics}"))
    }
    #expect(
      GardenCentre.engine.phrases(for: .en)[.welcome]
        == "Hi! I'm the virtual assistant. I can answer questions on these topics: Finding us, Opening hours, Parking.")
  }

  @Test(arguments: [("do you sell bicycles", Language.en), ("prodajete li bicikle", .hr)])
  func theRefusalNamesTheTopics(text: String, language: Language) {
    var conversation = ConversationDriver(engine: GardenCentre.engine)
    let reply = conversation.say(text)
    #expect(reply.reason == .outOfScope, "\(reply.explanation.rule)")
    #expect(reply.text.contains(GardenCentre.topics[language]!))
  }

  @Test func theTopicListNamesTheFirstFewTitles() {
    #expect(Phrases.topicList(["A", "B", "C"]) == "A, B, C")
    #expect(Phrases.topicList(["A", "B", "C", "D", "E"]) == "A, B, C, D …")
    let phrases = LanguageProfile.english.phrases.fillingTopics(["A", "B", "C", "D", "E"])
    #expect(phrases[.welcome].hasSuffix("these topics: A, B, C, D …"), "no full stop after the ellipsis")
  }

  /// Small talk, articles that hand over, and articles whose intents have no examples are no topics.
  @Test func theTopicsLeaveOutSmallTalkAndHandOffs() {
    let topics = Demo.knowledgeBase.topics[.en] ?? []
    #expect(!topics.contains("Welcome"))
    #expect(!topics.contains("Talking to a person"))
    #expect(!topics.contains("Making a complaint"))
    #expect(topics.contains("Tracking your order"))
  }

  /// Content with no topic in a language says nothing about topics, rather than an empty list.
  @Test func withNoTopicTheSentenceIsLeftOut() {
    let phrases = LanguageProfile.english.phrases.fillingTopics([])
    #expect(phrases[.welcome] == "Hi! I'm the virtual assistant.")
    #expect(phrases[.outOfScope] == "Would you like me to connect you with a person?")
    #expect(phrases[.help].hasPrefix("Type your question. Commands:"))
  }

  /// The file `attendant import` writes sets every phrase, and reads back as the built-in set.
  @Test(arguments: LanguageProfile.builtIn.map(\.language))
  func thePhrasesFileReadsBackAsTheBuiltInSentences(language: Language) throws {
    let profile = LanguageProfile.builtIn(for: language)!
    let text = profile.phrases.fileText(language: language, languageName: profile.name)
    for key in Phrases.Key.allCases { #expect(text.contains("\n\(key.rawValue) = ")) }
    let engine = try GardenCentre.tiny(
      language, examples: BuiltInHandOffTests.parking[language]!, files: ["KnowledgeBase/\(language)/phrases.txt": text]
    )
    let expected = profile.phrases.fillingTopics(["Parking"])
    #expect(engine.phrases(for: language) == expected)
    #expect(engine.knowledgeBase.warnings.isEmpty, "\(engine.knowledgeBase.warnings)")
  }

  /// Placeholders are filled in one pass: each `{name}` given, every time it stands; a brace that names
  /// nothing given stays; a value is not read again for placeholders of its own.
  @Test(arguments: [
    ("Back in {minutes} minutes.", ["minutes": "20"], "Back in 20 minutes."),
    ("{a} and {a}", ["a": "x"], "x and x"),
    ("{when}: {minutes} min", ["when": "Monday", "minutes": "5"], "Monday: 5 min"),
    ("{unknown} {minutes}", ["minutes": "5"], "{unknown} 5"),
    ("a { b } {minutes", ["minutes": "5"], "a { b } {minutes"),
    ("{a}", ["a": "{b}", "b": "no"], "{b}"),
    ("Čekajte {minutes} minuta ạ", ["minutes": "15"], "Čekajte 15 minuta ạ"),
  ])
  func placeholdersAreFilledInOnePass(text: String, arguments: [String: String], expected: String) {
    #expect(Phrases.filling(text, with: arguments) == expected)
  }
}
