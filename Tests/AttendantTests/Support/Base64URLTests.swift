import Testing

@testable import Attendant

/// Base64url without padding (RFC 4648 §5 and its test vectors, padding removed).
struct Base64URLTests {
  @Test(arguments: [
    ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
    ("foobar", "Zm9vYmFy"),
  ])
  func theRFC4648Vectors(text: String, encoded: String) {
    #expect(Base64URL.encode(Array(text.utf8)) == encoded)
    #expect(Base64URL.decode(encoded) == Array(text.utf8))
  }

  @Test func theURLSafeAlphabetIsUsed() {
    #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
    #expect(Base64URL.decode("-_-_") == [0xfb, 0xff, 0xbf])
  }

  @Test func everyByteValueSurvivesARoundTrip() {
    for length in 0..<70 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
      #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
    }
  }

  @Test(arguments: ["Zm9v=", "Zm+v", "Zm/v", "Z", "Zm9vY", "Zm9 v", "Zh", "Zm9", "é", "Zm9v\n"])
  func otherSpellingsAreRefused(text: String) {
    // Padding, the standard alphabet, impossible lengths, stray bits and white space: one state, one spelling.
    #expect(Base64URL.decode(text) == nil)
  }
}
