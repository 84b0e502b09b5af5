import Foundation

/// The words of synthetic content in one language: real function words, real openers and closers
/// ("how do i", "molim vas"), real customer-service words at the head of the content words, and
/// made-up words built from the language's own syllables for the long tail.
struct SyntheticVocabulary: Sendable {
  let language: Language
  /// Grammatical words, most frequent first.
  let functionWords: [String]
  /// Multi-word phrases that questions start with.
  let openers: [String]
  /// Words and phrases that questions end with.
  let closers: [String]
  /// Content words, most frequent first: the real ones, then made-up ones; no two are equal.
  let contentWords: [String]

  /// The languages with syllables and word lists.
  static let languages: [Language] = [.en, .hr, .vi, .tr, .id]

  /// Builds a vocabulary with at least `contentCount` content words.
  ///
  /// - Complexity: O(contentCount).
  init(language: Language, contentCount: Int, generator: inout SeededGenerator) {
    let data = Self.data(for: language)
    self.language = language
    functionWords = data.functionWords
    openers = data.openers
    closers = data.closers
    var seen = Set(data.functionWords + data.contentWords)
    var words = data.contentWords
    words.reserveCapacity(max(contentCount, words.count))
    while words.count < contentCount {
      let word = data.syllables.word(using: &generator)
      if seen.insert(word).inserted { words.append(word) }
    }
    contentWords = words
  }

  /// How a language's made-up words are built.
  struct Syllables: Sendable {
    var onsets: [String]
    var nuclei: [String]
    var codas: [String]
    /// Weights of words of 1, 2 and 3 syllables.
    var lengths: [Int]
    /// Vietnamese: tone marks (combining) added to the nucleus, and syllables written apart.
    var tones: [String] = []
    var separator = ""
    /// Indonesian: affixes added to some words.
    var prefixes: [String] = []
    var suffixes: [String] = []

    func word(using generator: inout SeededGenerator) -> String {
      let total = lengths.reduce(0, +)
      var pick = Int.random(in: 0..<total, using: &generator)
      var count = 1
      for (index, weight) in lengths.enumerated() {
        if pick < weight {
          count = index + 1
          break
        }
        pick -= weight
      }
      var parts: [String] = []
      for _ in 0..<count {
        var nucleus = nuclei.randomElement(using: &generator)!
        if !tones.isEmpty { nucleus += tones.randomElement(using: &generator)! }
        let syllable = onsets.randomElement(using: &generator)! + nucleus + codas.randomElement(using: &generator)!
        parts.append(syllable.precomposedStringWithCanonicalMapping)
      }
      var word = parts.joined(separator: separator)
      if !prefixes.isEmpty, Int.random(in: 0..<10, using: &generator) < 3 {
        word = prefixes.randomElement(using: &generator)! + word
      }
      if !suffixes.isEmpty, Int.random(in: 0..<10, using: &generator) < 3 {
        word += suffixes.randomElement(using: &generator)!
      }
      return word
    }
  }

  private struct LanguageData {
    var functionWords: [String]
    var openers: [String]
    var closers: [String]
    var contentWords: [String]
    var syllables: Syllables
  }

  private static func data(for language: Language) -> LanguageData {
    switch language {
    case .hr: return croatian()
    case .vi: return vietnamese()
    case .tr: return turkish()
    case .id: return indonesian()
    default: return english()
    }
  }

  /// The openers, words and syllables of Croatian.
  private static func croatian() -> LanguageData {
    LanguageData(
      functionWords: words("je i u na za da se mi moja moj s od ne li to ja ali ako još sam već do po o"),
      openers: [
        "kako mogu", "želim", "htio bih", "htjela bih", "možete li mi pomoći", "gdje mogu", "je li moguće",
        "što je s", "trebam", "zašto ne mogu", "zanima me", "kada će",
      ],
      closers: ["molim", "hvala", "molim vas", "danas", "hitno"],
      contentWords: words(
        "narudžba račun kartica plaćanje dostava povrat lozinka adresa cijena proizvod trgovina aplikacija poruka broj stanje prijenos rezervacija ulaznica pretplata ograničenje kod problem vrijeme pomoć promjena paket novac korisnik podaci zahtjev"
      ),
      syllables: Syllables(
        onsets: words("b c č ć d đ dž f g h j k l lj m n nj p r s š t v z ž br dr gr kr pr st tr zv"),
        nuclei: words("a e i o u ije je a e o"), codas: ["", "", "", "n", "k", "c", "j", "m", "st"],
        lengths: [1, 5, 4]))
  }

  /// The openers, words and syllables of Vietnamese.
  private static func vietnamese() -> LanguageData {
    LanguageData(
      functionWords: words(
        "tôi của và có không là được cho với này đã đang sẽ các những một mình thì bị ở khi về để nào rồi"),
      openers: [
        "làm sao để", "tôi muốn", "cho tôi hỏi", "bạn có thể giúp tôi", "ở đâu", "có thể", "tại sao tôi không thể",
        "tôi cần", "xin hỏi", "khi nào",
      ],
      closers: ["ạ", "nhé", "cảm ơn", "giúp tôi với", "được không"],
      contentWords: [
        "đơn hàng", "tài khoản", "thẻ", "thanh toán", "giao hàng", "hoàn tiền", "mật khẩu", "địa chỉ", "hóa đơn",
        "giá",
        "sản phẩm", "cửa hàng", "ứng dụng", "tin nhắn", "số điện thoại", "số dư", "chuyển khoản", "đặt chỗ", "vé",
        "gói cước", "mã", "vấn đề", "thời gian", "hỗ trợ", "thay đổi",
      ],
      syllables: Syllables(
        onsets: words("b c ch d đ g gi h k kh l m n ng nh ph qu r s t th tr v x"),
        nuclei: words("a ă â e ê i o ô ơ u ư ươ uô iê"),
        codas: ["", "", "n", "ng", "nh", "c", "ch", "m", "p", "t", "i", "o", "u"],
        lengths: [3, 7, 0], tones: ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"], separator: " "))
  }

  /// The openers, words and syllables of Turkish.
  private static func turkish() -> LanguageData {
    LanguageData(
      functionWords: words(
        "bir ve bu için ile da de mi ben benim ne çok daha ama gibi şu o hiç her kadar sonra önce var yok mu"),
      openers: [
        "nasıl", "istiyorum", "yardımcı olur musunuz", "nerede", "mümkün mü", "neden", "bilgi almak istiyorum",
        "lütfen yardım edin", "ne zaman", "bakar mısınız",
      ],
      closers: ["lütfen", "teşekkürler", "acil", "bugün", "teşekkür ederim"],
      contentWords: words(
        "sipariş hesap kart ödeme teslimat iade şifre adres fatura fiyat ürün mağaza uygulama mesaj telefon numara bakiye havale rezervasyon bilet abonelik limit kod sorun durum zaman yardım değişiklik kargo para"
      ),
      syllables: Syllables(
        onsets: words("b c ç d f g h k l m n p r s ş t v y z b k t"), nuclei: words("a e ı i o ö u ü a e"),
        codas: ["", "", "r", "n", "k", "l", "m", "ş", "t", "z", "ğ"], lengths: [1, 5, 4]))
  }

  /// The openers, words and syllables of Indonesian.
  private static func indonesian() -> LanguageData {
    LanguageData(
      functionWords: words(
        "saya yang di ke dari dan untuk ini itu tidak bisa sudah belum ada dengan apa mau kalau juga aku sama lagi akan atau buat"
      ),
      openers: [
        "bagaimana cara", "saya mau", "saya ingin", "bisa bantu", "di mana", "apakah bisa", "kenapa saya tidak bisa",
        "saya perlu", "tolong", "kapan",
      ],
      closers: ["ya", "kak", "terima kasih", "segera", "dong"],
      contentWords: words(
        "pesanan akun kartu pembayaran pengiriman pengembalian sandi alamat tagihan harga barang toko aplikasi pesan nomor saldo transfer pemesanan tiket langganan batas kode masalah status waktu bantuan perubahan paket uang data"
      ),
      syllables: Syllables(
        onsets: words("b c d g h j k l m n ng ny p r s t w y"), nuclei: words("a e i o u a a"),
        codas: ["", "", "", "n", "ng", "r", "t", "k", "h", "s"], lengths: [1, 6, 3],
        prefixes: ["me", "ber", "di", "pe"], suffixes: ["kan", "an", "nya"]))
  }

  /// The openers, words and syllables of English, and any language the generator does not write.
  private static func english() -> LanguageData {
    LanguageData(
      functionWords: words("the a to my i is for of and in on it with can do you me this from at be have an your"),
      openers: [
        "how do i", "how can i", "i want to", "i would like to", "can you help me", "where can i",
        "is it possible to",
        "what is the", "i need to", "why can't i", "tell me about", "when will",
      ],
      closers: ["please", "thanks", "asap", "today", "thank you"],
      contentWords: words(
        "order account card payment delivery refund password address invoice price item store app email phone number balance transfer booking ticket plan subscription limit code message problem status time help change"
      ),
      syllables: Syllables(
        onsets: words("b c d f g h j k l m n p r s t v w br cl dr fl gr pl st tr sh ch th"),
        nuclei: words("a e i o u ai ea ou ee oo"),
        codas: ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng", "x"],
        lengths: [1, 5, 4]))
  }

  private static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
}
