import Foundation

/// How often each feature occurs in each intent, read from packed `feature << 32 | intent` pairs while
/// an index is built; and the concentration of a feature on few intents, which weights it.
enum FeatureCounts {
  /// One feature's count in each intent that has it, by intent.
  typealias Counts = [(intent: Int32, count: Int32)]

  /// The bits of a packed pair below the feature: the intent.
  static let intentMask: UInt64 = 0xFFFF_FFFF
  static let featureShift: UInt64 = 32

  /// Packs a feature and an intent so that sorting the pairs groups them by feature, then intent.
  @inline(__always)
  static func pair(_ feature: Int32, _ intent: UInt64) -> UInt64 {
    UInt64(UInt32(bitPattern: feature)) << featureShift | intent
  }

  /// Calls `body` once per feature with its (intent, count) pairs, from `(feature << 32 | intent)`
  /// values sorted ascending (duplicates counted).
  static func forEachGroup(_ pairs: [UInt64], featureCount: Int, _ body: (Int, Counts) -> Void) {
    forEachGroup(pairs, key: { $0 }, count: { _ in 1 }, featureCount: featureCount, body)
  }

  /// Like `forEachGroup`, for pairs that carry a count each.
  static func forEachWeightedGroup(
    _ pairs: [(key: UInt64, count: Int32)], featureCount: Int, _ body: (Int, Counts) -> Void
  ) {
    forEachGroup(pairs, key: \.key, count: \.count, featureCount: featureCount, body)
  }

  /// The grouping both share: pairs sorted by `feature << 32 | intent` keys, counts summed per intent.
  @inline(__always)
  private static func forEachGroup<Pair>(
    _ pairs: [Pair], key: (Pair) -> UInt64, count: (Pair) -> Int32, featureCount: Int, _ body: (Int, Counts) -> Void
  ) {
    var index = 0
    var counts: Counts = []
    for feature in 0..<featureCount {
      counts.removeAll(keepingCapacity: true)
      while index < pairs.count, Int(key(pairs[index]) >> featureShift) == feature {
        let intent = Int32(truncatingIfNeeded: key(pairs[index]) & intentMask)
        if let last = counts.last, last.intent == intent {
          counts[counts.count - 1].count += count(pairs[index])
        } else {
          counts.append((intent, count(pairs[index])))
        }
        index += 1
      }
      body(feature, counts)
    }
  }

  /// 1 − H(intent | feature) / ln C: 1 when one intent has the feature, 0 when all share it evenly.
  static func concentration(_ counts: Counts, intentCount: Int) -> Double {
    guard intentCount > 1 else { return 1 }
    let total = Double(counts.reduce(0) { $0 + Int($1.count) })
    var entropy = 0.0
    for (_, count) in counts {
      let p = Double(count) / total
      entropy -= p * log(p)
    }
    return max(0, 1 - entropy / log(Double(intentCount)))
  }
}
