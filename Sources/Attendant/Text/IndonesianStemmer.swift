/// A light Indonesian stemmer after Tala's "Porter stemmer for Bahasa Indonesia" (2003), as described
/// in Snowball's algorithm notes: particles, possessives, one derivational suffix and up to two prefixes,
/// each removed only while the word keeps more than two vowels. One deliberate difference: when no
/// first-order prefix (`di-`, `ke-`, `meN-`, `peN-`, `ter-`) is found, the suffix is removed before the
/// second-order prefix, which keeps roots that start like a prefix (`pesan`, `pesanan`) together.
///
/// Nasal prefixes swallow the first consonant of the root (`menulis` ← `tulis`, `mengirim` ← `kirim`,
/// `memakai` ← `pakai`, `menyapu` ← `sapu`). `candidates(for:)` returns every root the rules allow, so
/// that the analyzer can pick the one the content actually uses.
///
/// Two more from how customers write: roots that end like a particle keep it (`masalah` is "problem",
/// not `masa` "time" + `-lah`; `bermasalah`, `sekolah`), and the colloquial Jakarta suffix `-in`, which
/// stands for `-kan` and `-i` (`dibalikin`, `batalin`, `kirimin`), offers the root without it first,
/// taken only when the content uses that root (`kemarin` stays).
package struct IndonesianStemmer: Stemmer {
  public init() {}

  /// Roots whose last syllable looks like the particle `-kah`, `-lah` or `-pun`.
  static let particleRoots: [[UInt8]] = [
    "masalah", "sekolah", "sebelah", "istilah", "sedekah", "jumlah", "olah", "lelah", "kalah", "salah",
  ].map { Array($0.utf8) }

  public func stem(_ word: String) -> String { candidates(for: word).last ?? word }

  /// The possible stems of a word, most specific first; the last is the plain rule-based stem.
  public func candidates(for word: String) -> [String] {
    let plain = ruleCandidates(for: word)
    let bytes = Array(word.utf8)
    guard bytes.count > 5, bytes.ends(with: Array("in".utf8)) else { return plain }
    let colloquial = ruleCandidates(for: String(decoding: bytes.dropLast(2), as: UTF8.self))
    return colloquial.filter { !plain.contains($0) } + plain
  }

  private func ruleCandidates(for word: String) -> [String] {
    let bytes = Array(word.utf8)
    guard bytes.allSatisfy({ (0x61...0x7A).contains($0) }) else { return [word] }
    var w = bytes
    var measure = w.filter(Self.isVowel).count
    guard measure > 2 else { return [word] }

    if !Self.particleRoots.contains(where: { w.ends(with: $0) }),
      let particle = ["kah", "lah", "pun"].first(where: { w.ends(with: Array($0.utf8)) })
    {
      w.removeLast(particle.utf8.count)
      measure -= 1
    }
    if measure > 2, let possessive = ["nya", "ku", "mu"].first(where: { w.ends(with: Array($0.utf8)) }) {
      w.removeLast(possessive.utf8.count)
      measure -= 1
    }
    guard measure > 2 else { return [String(decoding: w, as: UTF8.self)] }

    var prefix = Prefix.none
    var restored: [UInt8]? = nil
    if let first = firstOrderPrefix(of: w) {
      prefix = first.kind
      w = first.rest
      restored = first.restoredConsonant.map { [$0] + first.rest }
      measure -= 1
      if measure > 2 { removeSuffix(&w, restored: &restored, prefix: prefix, measure: &measure) }
      if measure > 2 { removeSecondOrderPrefix(&w, restored: &restored, prefix: &prefix, measure: &measure) }
    } else {
      // Without a first-order prefix, the suffix goes first (unlike Tala's order): `pesanan` keeps its
      // root `pesan` rather than losing a `pe-` that belongs to the root.
      removeSuffix(&w, restored: &restored, prefix: prefix, measure: &measure)
      if measure > 2 { removeSecondOrderPrefix(&w, restored: &restored, prefix: &prefix, measure: &measure) }
    }
    let plain = String(decoding: w, as: UTF8.self)
    if let restored { return [String(decoding: restored, as: UTF8.self), plain] }
    return [plain]
  }

  private enum Prefix { case none, diMengTer, per, kePeng, ber }

  private static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }

  private func firstOrderPrefix(of w: [UInt8]) -> (kind: Prefix, rest: [UInt8], restoredConsonant: UInt8?)? {
    func rest(after prefix: String) -> [UInt8]? {
      let p = Array(prefix.utf8)
      return w.starts(with: p) && w.count > p.count + 1 ? Array(w[p.count...]) : nil
    }
    let s: UInt8 = 0x73, p: UInt8 = 0x70, k: UInt8 = 0x6B, t: UInt8 = 0x74
    for (prefix, kind) in [("meny", Prefix.diMengTer), ("peny", .kePeng)] {
      if let r = rest(after: prefix), Self.isVowel(r[0]) { return (kind, [s] + r, nil) }
    }
    for (prefix, kind) in [("mem", Prefix.diMengTer), ("pem", .kePeng)] {
      if let r = rest(after: prefix) { return Self.isVowel(r[0]) ? (kind, [p] + r, nil) : (kind, r, nil) }
    }
    for (prefix, kind, lost) in [
      ("meng", Prefix.diMengTer, k), ("peng", .kePeng, k), ("men", .diMengTer, t), ("pen", .kePeng, t),
    ] {
      if let r = rest(after: prefix) { return (kind, r, Self.isVowel(r[0]) ? lost : nil) }
    }
    for (prefix, kind) in [("di", Prefix.diMengTer), ("ter", .diMengTer), ("me", .diMengTer), ("ke", .kePeng)] {
      if let r = rest(after: prefix) { return (kind, r, nil) }
    }
    return nil
  }

  private func removeSecondOrderPrefix(
    _ w: inout [UInt8], restored: inout [UInt8]?, prefix: inout Prefix, measure: inout Int
  ) {
    let ajar = Array("ajar".utf8)
    if w.starts(with: Array("per".utf8)) && w.count > 4 {
      w.removeFirst(3); prefix = .per
    } else if w.starts(with: Array("pelajar".utf8)) {
      w = ajar; prefix = .per
    } else if w.starts(with: Array("ber".utf8)) && w.count > 4 {
      w.removeFirst(3); prefix = .ber
    } else if w.starts(with: Array("belajar".utf8)) {
      w = ajar; prefix = .ber
    } else if w.count > 5, w.starts(with: Array("be".utf8)), !Self.isVowel(w[2]), w[3] == 0x65, w[4] == 0x72 {
      w.removeFirst(2); prefix = .ber
    } else if w.starts(with: Array("pe".utf8)) && w.count > 3 {
      w.removeFirst(2); prefix = .per
    } else {
      return
    }
    restored = nil
    measure -= 1
  }

  private func removeSuffix(_ w: inout [UInt8], restored: inout [UInt8]?, prefix: Prefix, measure: inout Int) {
    let suffix: String
    if w.ends(with: Array("kan".utf8)), prefix != .kePeng, prefix != .per, w.count > 4 {
      suffix = "kan"
    } else if w.ends(with: Array("an".utf8)), prefix != .diMengTer, w.count > 3 {
      suffix = "an"
    } else if w.ends(with: Array("i".utf8)), prefix != .kePeng, prefix != .ber, w.count > 2, w[w.count - 2] != 0x73 {
      suffix = "i"
    } else {
      return
    }
    w.removeLast(suffix.utf8.count)
    if restored != nil { restored!.removeLast(suffix.utf8.count) }
    measure -= 1
  }
}
