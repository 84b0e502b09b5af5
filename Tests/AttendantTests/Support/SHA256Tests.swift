import Testing

@testable import Attendant

/// SHA-256 against the NIST examples (FIPS 180-4, "SHA256.pdf" and "SHA2 Additional" vectors).
struct SHA256Tests {
  static func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

  @Test(arguments: [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    // 448 bits: the padding needs a second block.
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func theNISTExamples(message: String, digest: String) {
    #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test func oneMillionAs() {
    #expect(
      Self.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func piecesOfAnySizeGiveTheSameDigestAsTheWhole() {
    let message = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let whole = SHA256.hash(message)
    for size in [1, 3, 55, 56, 63, 64, 65, 127, 500] {
      var hasher = SHA256()
      var start = 0
      while start < message.count {
        hasher.update(message[start..<min(start + size, message.count)])
        start += size
      }
      #expect(hasher.finalize() == whole, "pieces of \(size) bytes")
    }
  }

  @Test func aSequenceWithoutContiguousStorageIsHashedToo() {
    #expect(
      Self.hex(SHA256.hash("abc".utf8.lazy.map { $0 }))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
