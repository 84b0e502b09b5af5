/// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
/// adjacent letters, each costing 1, with no substring edited twice.
package enum EditDistance {
  /// The OSA distance between two folded words (as bytes) or two written ones (as Unicode scalars in
  /// NFC), or `limit + 1` when it exceeds `limit`.
  ///
  /// Compute it on folded text, or on scalars: on raw UTF-8 or NFD, one missing accent would cost
  /// several edits (docs/text-on-linux.md, pitfall 9).
  /// - Complexity: O(a·b) time and O(b) space; it stops early once every cell of a row exceeds `limit`.
  package static func osa<Letter: Equatable>(_ a: [Letter], _ b: [Letter], limit: Int = .max) -> Int {
    if a == b { return 0 }
    if abs(a.count - b.count) > limit { return limit &+ 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    var previous2 = [Int](repeating: 0, count: width)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: width)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit &+ 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
