import Testing

@testable import Attendant

/// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions cost 1 each, and no substring is edited twice.
struct EditDistanceTests {
  static func osa(_ a: String, _ b: String, limit: Int = .max) -> Int {
    EditDistance.osa(Array(a.utf8), Array(b.utf8), limit: limit)
  }

  @Test(arguments: [
    ("", "", 0),
    ("", "abc", 3),
    ("abc", "", 3),
    ("order", "order", 0),
    ("teh", "the", 1),  // one transposition, not two substitutions
    ("ab", "ba", 1),
    ("refund", "refnud", 1),
    ("narudzba", "narudbza", 1),
    ("order", "ordr", 1),  // deletion
    ("ordr", "order", 1),  // insertion
    ("order", "ordar", 1),  // substitution
    ("kitten", "sitting", 3),
    ("ca", "abc", 3),  // OSA may not edit the transposed pair again (true Damerau distance is 2)
    ("abcdef", "badcfe", 3),
    ("password", "pasword", 1),
    ("international", "intrnationl", 2),
  ])
  func distance(a: String, b: String, expected: Int) {
    #expect(Self.osa(a, b) == expected)
    #expect(Self.osa(b, a) == expected, "the distance is symmetric")
  }

  @Test func aDistanceAboveTheLimitIsReportedAsLimitPlusOne() {
    #expect(Self.osa("kitten", "sitting", limit: 1) == 2)
    #expect(Self.osa("kitten", "sitting", limit: 2) == 3)
    #expect(Self.osa("kitten", "sitting", limit: 3) == 3)
    #expect(Self.osa("abc", "abcdefgh", limit: 2) == 3, "a length difference above the limit stops at once")
    #expect(Self.osa("teh", "the", limit: 1) == 1)
  }

  @Test func aMissingAccentIsOneEditOnFoldedTextButThreeOnBytes() {
    // Why the corrector compares folded words: "tiền" is three UTF-8 bytes longer than its letters.
    #expect(Self.osa("tiền", "tien") == 3)
    let folded = Tokenizer.tokenize("tiền")[0].folded
    #expect(Self.osa(folded, "tien") == 0)
    #expect(Self.osa(folded, "tein") == 1)
  }
}
