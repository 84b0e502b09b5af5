import Foundation

/// Compressed-row postings: for each feature, the intents that have it and a value per intent.
struct PostingList<Value: Sendable & BinaryFloatingPoint>: Sendable {
  struct Entry: Sendable {
    let intent: Int32
    let value: Value
  }

  private(set) var starts: [Int32] = [0]
  private(set) var entries: [Entry] = []

  init() {}

  /// Postings read back (`FittedModel(decoding:)`), when they are whole: the starts rise from 0 to
  /// the entry count, and every intent is below `intentCount`; `nil` otherwise.
  init?(starts: [Int32], intents: [Int32], values: [Value], intentCount: Int) {
    guard starts.first == 0, Int(starts.last ?? -1) == intents.count, intents.count == values.count,
      zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
      intents.allSatisfy({ $0 >= 0 && Int($0) < intentCount })
    else { return nil }
    self.starts = starts
    self.entries = zip(intents, values).map { Entry(intent: $0, value: $1) }
  }

  /// Appends the postings of the next feature.
  mutating func append<S: Sequence>(_ postings: S) where S.Element == Entry {
    entries.append(contentsOf: postings)
    starts.append(Int32(entries.count))
  }

  /// The postings of a feature.
  subscript(feature: Int32) -> ArraySlice<Entry> {
    entries[Int(starts[Int(feature)])..<Int(starts[Int(feature) + 1])]
  }

  /// Runs `body` with raw access to every feature's postings, for the hot loops of scoring.
  func withUnsafePostings<R>(_ body: (RawPostings) -> R) -> R {
    starts.withUnsafeBufferPointer { starts in
      entries.withUnsafeBufferPointer { entries in body(RawPostings(starts: starts, entries: entries)) }
    }
  }

  /// Unchecked, allocation-free access to the postings (valid only inside `withUnsafePostings`).
  struct RawPostings {
    let starts: UnsafeBufferPointer<Int32>
    let entries: UnsafeBufferPointer<Entry>

    @inline(__always) func range(_ feature: Int32) -> Range<Int> {
      Int(starts[Int(feature)])..<Int(starts[Int(feature) + 1])
    }
  }

  var featureCount: Int { starts.count - 1 }
}
