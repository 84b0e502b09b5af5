/// Reduces a folded word to a stem, so that inflected forms of one word match each other.
///
/// Stemmers see the folded form (`sifremi`, not `şifremi`): customers often type without diacritics, and a
/// rule set written for folded text treats both spellings alike (docs/text-on-linux.md, pitfall 10).
public protocol Stemmer: Sendable {
  /// The stem of a lower-cased, folded word.
  func stem(_ word: String) -> String

  /// The possible stems of a word, most specific first, when the rules alone cannot tell which root a
  /// prefix swallowed; the analyzer picks the first one the content uses.
  func candidates(for word: String) -> [String]
}

/// Leaves words as they are: for languages without inflection, such as Vietnamese.
package struct IdentityStemmer: Stemmer {
  public init() {}
  public func stem(_ word: String) -> String { word }
}

/// Strips the longest matching ending from a list, repeatedly, while a minimum stem remains.
///
/// A light stemmer in the sense of Savoy's "light" stemmers: it removes inflection, not derivation,
/// and never shortens a word below `minimumStem` letters, so it errs towards leaving words alone.
/// A word that starts with one of the `roots` is never cut inside it: tr `sorun` ("problem") ends like
/// a case ending on `sor-` ("ask"), and `sorunum`, `sorunlar` keep `sorun` while `sorum`, `soru` stay `sor`.
package struct SuffixStemmer: Stemmer {
  let suffixes: [[UInt8]]
  let minimumStem: Int
  let rounds: Int
  let roots: [[UInt8]]

  /// Creates a stemmer from folded endings.
  ///
  /// - Parameters:
  ///   - suffixes: Endings to strip, in any order; the longest that matches is removed first.
  ///   - minimumStem: The fewest letters a stem keeps.
  ///   - rounds: How many endings may be stripped one after another (Turkish stacks them).
  ///   - roots: Folded roots that end like a suffix; no ending is cut into them.
  public init(suffixes: [String], minimumStem: Int, rounds: Int = 1, roots: [String] = []) {
    self.suffixes = Set(suffixes.map { $0.lowercased() }).map { Array($0.utf8) }.sorted { $0.count > $1.count }
    self.minimumStem = minimumStem
    self.rounds = rounds
    self.roots = roots.map { Array($0.lowercased().utf8) }
  }

  public func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return word }
    let shortest = max(minimumStem, roots.filter { bytes.starts(with: $0) }.map(\.count).max() ?? 0)
    for _ in 0..<rounds {
      guard let suffix = suffixes.first(where: { bytes.count - $0.count >= shortest && bytes.ends(with: $0) }) else {
        break
      }
      bytes.removeLast(suffix.count)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension Array where Element == UInt8 {
  func ends(with suffix: [UInt8]) -> Bool {
    suffix.count <= count && self[(count - suffix.count)...].elementsEqual(suffix)
  }

  func starts(with prefix: [UInt8]) -> Bool {
    prefix.count <= count && self[..<prefix.count].elementsEqual(prefix)
  }
}

extension Stemmer {
  /// The possible stems of a word, most specific first; by default just `stem(word)`.
  public func candidates(for word: String) -> [String] { [stem(word)] }
}
