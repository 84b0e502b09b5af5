import Testing

@testable import Attendant

/// `Interner`: the dense ids that the index and the language identifier give words, stems and n-grams.
struct InternerTests {
  @Test func newKeysGetTheNextIdAndKnownKeysKeepTheirs() {
    var interner = Interner<String>()
    #expect(interner.id(for: "refund") == 0)
    #expect(interner.id(for: "order") == 1)
    #expect(interner.id(for: "refund") == 0)
    #expect(interner.id(for: "parcel") == 2)
    #expect(interner.count == 3)
    #expect(interner.keys == ["refund", "order", "parcel"])
  }

  @Test func lookingUpNeverAddsAKey() {
    var interner = Interner<UInt64>()
    interner.id(for: 42)
    #expect(interner[42] == 0)
    #expect(interner[7] == nil)
    #expect(interner.count == 1)
  }

  @Test func eachIdGivesBackItsKey() {
    let interner = Interner(["#", "pay", "card", "pay"])
    #expect(interner.count == 3)
    for key in ["#", "pay", "card"] {
      let id = try! #require(interner[key])
      #expect(interner.key(id) == key)
    }
    #expect(interner.ids == ["#": 0, "pay": 1, "card": 2])
  }
}
