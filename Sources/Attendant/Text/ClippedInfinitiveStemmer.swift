/// A stemmer that also reads a verb whose infinitive lost its last vowel in speech, as Croatian chat
/// writes it: "poslat", "platit", "pričekat" for "poslati", "platiti", "pričekati".
///
/// A word that ends like a clipped infinitive (`-at`, `-it`, `-ut`) gets two candidate stems: the
/// stem of the infinitive it may be (`poslat` + `i` → `posl`) first, then its own (`poslat`). The
/// analyzer takes the first one the content uses, so a noun with such an ending (`kredit`, whose
/// `krediti` would be `kred`) keeps its own stem unless the content uses the other. `-et` is left out:
/// nouns such as `paket` end in it, and `paketi` would stem to `pak`, a word of its own.
package struct ClippedInfinitiveStemmer: Stemmer {
  let base: SuffixStemmer
  /// Endings of a clipped infinitive, folded.
  static let endings: [[UInt8]] = ["at", "it", "ut"].map { Array($0.utf8) }
  /// The fewest letters a clipped infinitive has ("cekat"); shorter words ("sat", "put") are left alone.
  static let minimumLength = 5

  public init(base: SuffixStemmer) { self.base = base }

  public func stem(_ word: String) -> String { base.stem(word) }

  public func candidates(for word: String) -> [String] {
    let own = base.stem(word)
    let bytes = Array(word.utf8)
    guard bytes.count >= Self.minimumLength, Self.endings.contains(where: bytes.ends(with:)) else { return [own] }
    let infinitive = base.stem(word + "i")
    return infinitive == own ? [own] : [infinitive, own]
  }
}
