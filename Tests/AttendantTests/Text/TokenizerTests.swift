import Foundation
import Testing

@testable import Attendant

/// The language-neutral tokenizer: word boundaries, casing, folding and normalization at the door
/// (the inputs of docs/text-on-linux.md).
struct TokenizerTests {
  static func exact(_ text: String, turkishCasing: Bool = false) -> [String] {
    Tokenizer.tokenize(text, turkishCasing: turkishCasing).map(\.exact)
  }

  static func folded(_ text: String, turkishCasing: Bool = false) -> [String] {
    Tokenizer.tokenize(text, turkishCasing: turkishCasing).map(\.folded)
  }

  @Test func decomposedInputIsComposedAtTheDoor() {
    let composed = "ti\u{1EC1}n"  // tiền, NFC: 6 bytes
    let decomposed = "tie\u{0302}\u{0300}n"  // tiền, NFD: 8 bytes, as a "Unicode tổ hợp" keyboard sends it
    #expect(composed.utf8.count == 6 && decomposed.utf8.count == 8)
    let fromNFD = Tokenizer.tokenize("hoa\u{0300}n \(decomposed)")
    let fromNFC = Tokenizer.tokenize("hoàn \(composed)")
    #expect(fromNFD.map { Array($0.exact.utf8) } == fromNFC.map { Array($0.exact.utf8) }, "byte-identical, not just ==")
    #expect(fromNFD.map(\.folded) == ["hoan", "tien"])
    #expect(fromNFD.map(\.folded) == fromNFC.map(\.folded))
  }

  @Test func decomposedDottedCapitalIIsStillI() {
    // NFD İ is I + U+0307; composed first, it lower-cases to i, not ı + a dot.
    let tokens = Tokenizer.tokenize("I\u{0307}STANBUL", turkishCasing: true)
    #expect(tokens.map { Array($0.exact.utf8) } == [Array("istanbul".utf8)])
  }

  @Test(arguments: [
    // (typed, exact, folded)
    ("İSTANBUL", "istanbul", "istanbul"),
    ("ŞİFRE", "şifre", "sifre"),
    ("sifre", "sifre", "sifre"),
    ("ığdır", "ığdır", "igdir"),
    ("ĐƯỜNG", "đường", "duong"),
    ("duong", "duong", "duong"),
    ("Čćđšž", "čćđšž", "ccdsz"),
    ("Đuro", "đuro", "duro"),
    ("đ", "đ", "d"),
    ("hủy", "hủy", "huy"),
  ])
  func lowerCasesAndFolds(typed: String, exact: String, folded: String) {
    let tokens = Tokenizer.tokenize(typed)
    #expect(tokens.count == 1)
    #expect(tokens.first.map { Array($0.exact.utf8) } == Array(exact.utf8))
    #expect(tokens.first?.folded == folded)
  }

  @Test func dottedCapitalIHasNoCombiningDot() {
    // Foundation's lowercased() gives "i̇stanbul" (10 bytes); the tokenizer gives plain "istanbul".
    #expect(Self.exact("İSTANBUL").first?.utf8.count == 8)
  }

  @Test func turkishCasingMakesCapitalIDotless() {
    #expect(Self.exact("IĞDIR", turkishCasing: true) == ["ığdır"])
    #expect(Self.exact("IĞDIR", turkishCasing: false) == ["iğdir"])
    #expect(Self.folded("IĞDIR", turkishCasing: true) == ["igdir"])
    #expect(Self.folded("IĞDIR", turkishCasing: false) == ["igdir"])
    // All-ASCII text takes the fast path, except a capital I under Turkish casing.
    #expect(Self.exact("ISTANBUL", turkishCasing: true) == ["ıstanbul"])
    #expect(Self.folded("ISTANBUL", turkishCasing: true) == ["istanbul"])
    #expect(Self.exact("ISTANBUL", turkishCasing: false) == ["istanbul"])
  }

  @Test(arguments: [("ho\u{E0}", "h\u{F2}a"), ("thu\u{FD}", "th\u{FA}y"), ("hu\u{1EF7}", "h\u{1EE7}y")])
  func vietnameseToneMarksOnEitherVowelFoldAlike(old: String, new: String) {
    // hoà and hòa are not canonically equivalent: only folding unifies them.
    #expect(Self.exact(old) != Self.exact(new))
    #expect(Self.folded(old) == Self.folded(new))
  }

  @Test func vietnameseTypedWithoutMarksFoldsLikeTheMarkedText() {
    #expect(Self.folded("huy don hang") == Self.folded("Hủy đơn hàng"))
    #expect(Self.folded("Hủy đơn hàng") == ["huy", "don", "hang"])
    #expect(Self.exact("Hủy đơn hàng") == ["hủy", "đơn", "hàng"], "the exact form keeps the marks")
  }

  @Test(arguments: ["İstanbul'a", "İstanbul\u{2019}a", "İstanbul`a", "İstanbul\u{2BC}a"])
  func anApostropheInsideAWordStartsAJoinedToken(text: String) {
    let tokens = Tokenizer.tokenize(text)
    #expect(tokens.map(\.folded) == ["istanbul", "a"])
    #expect(tokens.map(\.joinedBy) == [.none, .apostrophe])
  }

  @Test func apostrophesAndHyphensOutsideWordsSeparate() {
    #expect(Self.folded("'quoted' - dash -x") == ["quoted", "dash", "x"])
    #expect(Tokenizer.tokenize("'quoted'").map(\.joinedBy) == [.none])
  }

  @Test(arguments: ["e-mail", "e\u{2010}mail", "e\u{2011}mail"])  // hyphen-minus, hyphen, non-breaking hyphen
  func aHyphenInsideAWordStartsAJoinedToken(text: String) {
    let tokens = Tokenizer.tokenize(text)
    #expect(tokens.map(\.folded) == ["e", "mail"])
    #expect(tokens.map(\.joinedBy) == [.none, .hyphen])
  }

  @Test(arguments: [
    ("a ❤️ b", ["a", "b"]),
    ("a❤️b", ["a", "b"]),
    ("thanks 👍🏽", ["thanks"]),
    ("ok 👨‍👩‍👧 ok", ["ok", "ok"]),
    ("❤️", []),
    ("😀😀😀", []),
  ])
  func emojiTheirModifiersAndJoinersSeparateWords(text: String, words: [String]) {
    #expect(Self.folded(text) == words)
  }

  @Test(arguments: [
    ("it costs 19.99", "19.99"),
    ("cijena je 19,99 €", "19,99"),
    ("ukupno 1.400.000 rupiah", "1.400.000"),
    ("order #12345", "12345"),
  ])
  func decimalSeparatorsStayInsideNumbers(text: String, number: String) {
    let numbers = Tokenizer.tokenize(text).filter(\.isNumber)
    #expect(numbers.map(\.exact) == [number])
  }

  @Test func aFullStopAfterANumberOrAWordEndsIt() {
    let tokens = Tokenizer.tokenize("It was 19.99. Then 20.")
    #expect(tokens.map(\.folded) == ["it", "was", "19.99", "then", "20"])
    #expect(tokens.map(\.isNumber) == [false, false, true, false, true])
  }

  @Test func lettersAndDigitsTogetherAreOneWordButNotANumber() {
    let tokens = Tokenizer.tokenize("ORB-48213579 gagal2")
    #expect(tokens.map(\.folded) == ["orb", "48213579", "gagal2"])
    #expect(tokens.map(\.isNumber) == [false, true, false])
  }

  /// The all-ASCII fast path cuts exactly as the general path does.
  @Test(arguments: [
    "Where is my ORDER, please?", "don't e-mail me", "it costs 19.99. ok", "I can`t log in", "x--y 'a' b-",
    "ORB-48213579 #12345 3.5kg", "ISTANBUL", "  leading and trailing  ",
  ])
  func theASCIIPathAgreesWithTheScalarPath(text: String) {
    for turkish in [false, true] {
      #expect(Tokenizer.tokenize(text, turkishCasing: turkish) == Tokenizer.scalarTokens(text, turkishCasing: turkish))
    }
  }
}
