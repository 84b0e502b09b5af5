import Foundation

/// Ranks drawn with Zipf's law: rank `r` (0-based) has a probability proportional to `1 / (r + 1)^s`.
///
/// Word frequencies in natural text follow this law closely, with `s` near 1: the most frequent word
/// is about twice as frequent as the second, ten times as frequent as the tenth, and most words are rare.
package struct ZipfDistribution: Sendable {
  /// How many ranks there are.
  public let count: Int
  /// The exponent `s`.
  public let exponent: Double
  /// The cumulative probabilities, scaled so that the last is 1.
  private let cumulative: [Double]

  /// Creates a distribution over `count` ranks.
  ///
  /// - Complexity: O(count).
  public init(count: Int, exponent: Double = 1.0) {
    precondition(count > 0, "A Zipf distribution needs at least one rank")
    self.count = count
    self.exponent = exponent
    var sums = [Double]()
    sums.reserveCapacity(count)
    var total = 0.0
    for rank in 0..<count {
      total += 1 / pow(Double(rank + 1), exponent)
      sums.append(total)
    }
    cumulative = sums.map { $0 / total }
  }

  /// The probability of a rank.
  public func probability(of rank: Int) -> Double {
    rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1]
  }

  /// Draws a rank.
  ///
  /// - Complexity: O(log count).
  public func sample(using generator: inout some RandomNumberGenerator) -> Int {
    let target = Double.random(in: 0..<1, using: &generator)
    var low = 0, high = count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
