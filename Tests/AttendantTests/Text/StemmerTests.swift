import Foundation
import Testing

@testable import Attendant

struct EnglishStemmerTests {
  /// Every word of the fixture stems as the Snowball reference implementation stems it.
  @Test func matchesTheSnowballReference() throws {
    let text = try String(contentsOf: Paths.fixture("stemmers/porter2-english.txt"), encoding: .utf8)
    let stemmer = EnglishStemmer()
    var mismatches: [String] = []
    var count = 0
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: " ").map(String.init)
      count += 1
      let stem = stemmer.stem(parts[0])
      if stem != parts[1] { mismatches.append("\(parts[0]): \(stem) ≠ \(parts[1])") }
    }
    #expect(count > 2000)
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(count) differ: \(mismatches.prefix(20))")
  }

  @Test(arguments: [("running", "run"), ("cancelled", "cancel"), ("deliveries", "deliveri"), ("refunds", "refund")])
  func stemsCommonSupportWords(word: String, stem: String) {
    #expect(EnglishStemmer().stem(word) == stem)
  }
}

struct IndonesianStemmerTests {
  @Test(arguments: [
    ("pengembalian", ["kembali", "embali"]), ("dikembalikan", ["kembali"]), ("mengirim", ["kirim", "irim"]),
    ("pembayaran", ["bayar"]), ("menyimpan", ["simpan"]), ("pesanannya", ["pesan"]), ("bukunya", ["buku"]),
  ])
  func offersTheRootsARulesCanReach(word: String, candidates: [String]) {
    #expect(IndonesianStemmer().candidates(for: word) == candidates)
  }

  /// `masalah` ("problem") is a root, not `masa` ("time") with the particle `-lah`.
  @Test(arguments: [
    ("masalah", "masalah"), ("bermasalah", "masalah"), ("masalahnya", "masalah"), ("sekolah", "sekolah"),
  ])
  func keepsRootsThatEndLikeAParticle(word: String, stem: String) {
    #expect(IndonesianStemmer().stem(word) == stem)
  }

  /// The colloquial `-in` (`dibalikin`, "send it back") offers the root without it first; the analyzer
  /// takes it only when the content uses it, so `kemarin` ("yesterday") keeps its own stem.
  @Test(arguments: [
    ("dibalikin", ["balik", "balikin"]), ("kirimin", ["kirim", "kirimin"]), ("beliin", ["beli", "beliin"]),
  ])
  func offersTheRootUnderTheColloquialSuffix(word: String, candidates: [String]) {
    #expect(IndonesianStemmer().candidates(for: word) == candidates)
  }

  @Test func leavesShortWordsAlone() {
    #expect(IndonesianStemmer().stem("beli") == "beli")
    #expect(IndonesianStemmer().stem("kami") == "kami")
  }
}

struct SuffixStemmerTests {
  @Test func stripsTheLongestEndingAndKeepsAMinimumStem() {
    let stemmer = SuffixStemmer(suffixes: ["a", "om", "ama"], minimumStem: 3)
    #expect(stemmer.stem("narudzbama") == "narudzb")
    #expect(stemmer.stem("narudzbom") == "narudzb")
    #expect(stemmer.stem("ona") == "ona")
  }

  /// No ending is cut into a root that ends like one: tr `sorun` ("problem") is not `sor-` ("ask").
  @Test func neverCutsIntoARoot() {
    let stemmer = SuffixStemmer(suffixes: ["un", "um", "u", "lar"], minimumStem: 3, rounds: 2, roots: ["sorun"])
    #expect(stemmer.stem("sorun") == "sorun")
    #expect(stemmer.stem("sorunlar") == "sorun")
    #expect(stemmer.stem("sorunum") == "sorun")
    #expect(stemmer.stem("sorum") == "sor")
    #expect(LanguageProfile.turkish.stemmer.stem("sorunum") == "sorun")
    #expect(LanguageProfile.turkish.stemmer.stem("sorum") != "sorun")
  }

  /// Turkish stacks three endings often enough: `ödemeyle` ("with the payment") is `ödeme`.
  @Test func turkishStripsThreeStackedEndings() {
    let stemmer = LanguageProfile.turkish.stemmer
    #expect(stemmer.stem("odemeyle") == stemmer.stem("odeme"))
  }

  /// Chat drops the `r` of the present tense (`çalışıyo`, `gelmiyo`, `yapıyom`); those forms were
  /// left whole, so "siz cumartesi çalışıyo musunuz" shared no word with "cumartesi çalışıyor musunuz".
  @Test(arguments: [
    ("calisiyo", "calisiyor"), ("gelmiyo", "gelmiyor"), ("gorunuyo", "gorunuyor"), ("yapiyom", "yapiyorum"),
    ("biliyosun", "biliyor"),
  ])
  func turkishPresentTenseWithoutItsRIsTheSameStem(chat: String, written: String) {
    let stemmer = LanguageProfile.turkish.stemmer
    #expect(stemmer.stem(chat) == stemmer.stem(written))
    #expect(stemmer.stem(chat) != chat)
  }

  /// The "while" converb `-(i)rken` has the verb's stem: "doğrusunu gönderirken ücret alıyo musunuz"
  /// shared no word with the examples that say "gönder-". "erken" ("early") stays a word.
  @Test(arguments: [
    ("gönderirken", "gönderin"), ("yaparken", "yapmak"), ("beklerken", "bekliyorum"), ("gelirken", "geliyor"),
  ])
  func turkishWhileConverbIsTheVerbsStem(converb: String, other: String) {
    let stemmer = LanguageProfile.turkish.stemmer
    #expect(stemmer.stem(TextAnalyzer.foldPhrase(converb)) == stemmer.stem(TextAnalyzer.foldPhrase(other)))
    #expect(stemmer.stem("erken") == "erken")
  }

  /// The conditional in the first persons and the future as chat writes it have the verb's stem.
  @Test(arguments: [
    ("versem", "verin"), ("seçersem", "seçmek"), ("yapsak", "yapmak"), ("vericez", "verin"), ("yapıcam", "yapmak"),
    ("gelicem", "geliyor"),
  ])
  func turkishConditionalAndChatFutureAreTheVerbsStem(form: String, other: String) {
    let stemmer = LanguageProfile.turkish.stemmer
    #expect(stemmer.stem(TextAnalyzer.foldPhrase(form)) == stemmer.stem(TextAnalyzer.foldPhrase(other)))
  }

  /// The instrumental `-la`/`-le` after a consonant has the noun's stem: "peki paypalla ödesem" shared
  /// no word with the examples that say "PayPal", and "kartla" none with "kart".
  @Test(arguments: [("paypalla", "paypal"), ("kartla", "kartı"), ("dolarla", "dolar"), ("havaleyle", "havale")])
  func turkishInstrumentalIsTheNounsStem(form: String, noun: String) {
    let stemmer = LanguageProfile.turkish.stemmer
    #expect(stemmer.stem(TextAnalyzer.foldPhrase(form)) == stemmer.stem(TextAnalyzer.foldPhrase(noun)))
  }

  @Test func stacksEndingsOverSeveralRounds() {
    let stemmer = SuffixStemmer(suffixes: ["ler", "im", "i"], minimumStem: 3, rounds: 2)
    #expect(stemmer.stem("siparislerim") == "siparis")
  }
}
