/// Finds the content word a misspelt word was meant to be, through a deletion-neighbourhood index
/// (the SymSpell idea: two words within k edits share a string reachable from both by at most k
/// deletions), so that a look-up never scans the vocabulary.
struct TypoCorrector: Sendable {
  /// A correction of one word, for explanations.
  struct Correction: Sendable, Hashable {
    let word: Int32
    let distance: Int
  }

  private let words: [[UInt8]]
  private let frequencies: [Int32]
  /// The longest word `correct` looks at: two edits longer than the longest indexed word, since a
  /// longer one cannot be within reach of any.
  let longestCorrectable: Int
  /// (hash of a deletion variant, word index), sorted by hash: compact, and searched by bisection.
  private let variants: [(hash: UInt64, word: Int32)]

  /// How many edits a misspelt word of this many letters may have: none below 3, one up to 8, two beyond.
  ///
  /// The common rule (docs/text-on-linux.md) allows no edit up to 4 letters; on CLINC150's validation split, one edit for
  /// unknown 3- and 4-letter words cut the accuracy lost to typos from 2.3 to 0.8 points at no cost on
  /// clean text, because only words the content does not know are ever corrected.
  static func allowedEdits(forLength length: Int) -> Int {
    length < 3 ? 0 : (length <= 8 ? 1 : 2)
  }

  /// Words longer than this many bytes are not indexed for correction: no real word is that long,
  /// and the deletion variants of a word of length L cost O(L³) to hash.
  static let longestIndexed = 40

  /// Indexes folded words.
  ///
  /// - Parameters:
  ///   - words: The vocabulary, folded; the index of a word is its id in corrections.
  ///   - frequencies: How often each word occurs, to prefer the common one among equally close words.
  /// - Complexity: O(n · L³) for n words of length L ≤ `longestIndexed`, then a sort.
  init(words: [[UInt8]], frequencies: [Int32]) {
    self.words = words
    self.frequencies = frequencies
    var variants: [(hash: UInt64, word: Int32)] = []
    variants.reserveCapacity(words.count * 12)
    var longest = 0
    for (index, word) in words.enumerated() {
      let edits = Self.allowedEdits(forLength: word.count + 1)
      guard edits > 0, !word.isEmpty, word.count <= Self.longestIndexed else { continue }
      longest = max(longest, word.count)
      Self.forEachDeletionHash(of: word, upTo: edits) { variants.append(($0, Int32(index))) }
    }
    variants.sort { $0.hash < $1.hash || ($0.hash == $1.hash && $0.word < $1.word) }
    // Drop repeats (a word reaches the same variant by deleting either of two equal letters).
    var unique: [(hash: UInt64, word: Int32)] = []
    unique.reserveCapacity(variants.count)
    for variant in variants where unique.last.map({ $0.hash != variant.hash || $0.word != variant.word }) ?? true {
      unique.append(variant)
    }
    self.variants = unique
    self.longestCorrectable = longest + 2
  }

  /// The closest word to an unknown word, within the edits its length allows; ties go to the more frequent.
  ///
  /// - Complexity: O(L³) hashing for a word of length L (deletions up to two), a binary search per
  ///   variant, and an OSA check per candidate; L is at most `longestCorrectable`, and a longer word
  ///   costs nothing.
  func correct(_ word: [UInt8]) -> Correction? {
    let edits = Self.allowedEdits(forLength: word.count)
    guard edits > 0, word.count <= longestCorrectable else { return nil }
    var best: Correction?
    var seen: [Int32] = []
    Self.forEachDeletionHash(of: word, upTo: edits) { hash in
      var index = lowerBound(hash)
      while index < variants.count, variants[index].hash == hash {
        let candidate = variants[index].word
        index += 1
        guard !seen.contains(candidate) else { continue }
        seen.append(candidate)
        let distance = EditDistance.osa(word, words[Int(candidate)], limit: edits)
        guard distance <= edits, distance > 0, Self.isPlausible(word, words[Int(candidate)]) else { continue }
        if let current = best {
          // Nearest first, then one that keeps every typed letter (a dropped letter is the commonest
          // slip: "wher" is "where" before "when"), then the most frequent, then alphabetical: the
          // same answer whatever the order in which the vocabulary was read.
          guard distance <= current.distance else { continue }
          if distance < current.distance || isBetterTie(candidate, than: current.word, for: word) {
            best = Correction(word: candidate, distance: distance)
          }
        } else {
          best = Correction(word: candidate, distance: distance)
        }
      }
    }
    return best
  }

  /// Between two words as near to `typed`: the one that keeps every typed letter, then the more
  /// frequent, then the first alphabetically.
  private func isBetterTie(_ candidate: Int32, than current: Int32, for typed: [UInt8]) -> Bool {
    let keeps = Self.keepsEveryLetter(typed, words[Int(candidate)])
    guard keeps == Self.keepsEveryLetter(typed, words[Int(current)]) else { return keeps }
    let frequency = frequencies[Int(candidate)], currentFrequency = frequencies[Int(current)]
    guard frequency == currentFrequency else { return frequency > currentFrequency }
    return words[Int(candidate)].lexicographicallyPrecedes(words[Int(current)])
  }

  /// Whether `word` is `candidate` with letters left out: every typed letter is in it, in order.
  static func keepsEveryLetter(_ word: [UInt8], _ candidate: [UInt8]) -> Bool {
    var next = candidate.startIndex
    for letter in word {
      guard let found = candidate[next...].firstIndex(of: letter) else { return false }
      next = found + 1
    }
    return true
  }

  /// A correction is a word of at least this many letters.
  static let shortestCorrection = 3

  /// Words shorter than this are corrected only by a missing or extra letter or two swapped ones: a
  /// changed letter in a short word is most often another word (`yes`/`yet`, `hava`/`hala`, `tru`/`try`).
  static let shortestSubstitution = 4

  /// Whether `typed` can plausibly have been meant as `word`, beyond their distance.
  static func isPlausible(_ typed: [UInt8], _ word: [UInt8]) -> Bool {
    // A word of one or two letters is one letter away from half the short words customers type
    // (`dog` → `do`, `son` → `on`): a correction never ends in one.
    guard word.count >= shortestCorrection else { return false }
    // A changed first letter is another word far more often than a slip (`hard` → `card`, `pic` →
    // `tic`): the first letter is typed with most care. Swapped with the second, it is a slip.
    if typed.count == word.count, typed[0] != word[0], !(typed[0] == word[1] && typed[1] == word[0]) {
      return false
    }
    guard typed.count < shortestSubstitution, typed.count == word.count else { return true }
    // Same length and one edit apart: a substitution, or a transposition of two neighbours.
    let differences = typed.indices.filter { typed[$0] != word[$0] }
    return differences.count == 2 && differences[1] == differences[0] + 1
      && typed[differences[0]] == word[differences[1]] && typed[differences[1]] == word[differences[0]]
  }

  private func lowerBound(_ hash: UInt64) -> Int {
    var low = 0
    var high = variants.count
    while low < high {
      let middle = (low + high) / 2
      if variants[middle].hash < hash { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Calls `body` with the hash of the word itself and of every string made by deleting up to `depth`
  /// (1 or 2) of its letters, without building the strings. A string reachable in several ways is
  /// hashed more than once; look-ups are idempotent, so that costs only time.
  static func forEachDeletionHash(of word: [UInt8], upTo depth: Int, _ body: (UInt64) -> Void) {
    body(hash(word))
    let n = word.count
    guard depth >= 1, n > 1 else { return }
    word.withUnsafeBufferPointer { bytes in
      for i in 0..<n {
        if i > 0 && bytes[i] == bytes[i - 1] { continue }  // the same string as deleting i − 1
        body(hash(bytes, skipping: i, and: -1))
        guard depth >= 2, n > 2 else { continue }
        for j in (i + 1)..<n where !(j > i + 1 && bytes[j] == bytes[j - 1]) {
          body(hash(bytes, skipping: i, and: j))
        }
      }
    }
  }

  /// FNV-1a of the bytes with the positions `first` and `second` left out.
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, skipping first: Int, and second: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in 0..<bytes.count where index != first && index != second {
      hash ^= UInt64(bytes[index])
      hash &*= 0x100_0000_01b3
    }
    return hash
  }

  /// FNV-1a, 64-bit.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { hash($0, skipping: -1, and: -1) }
  }

  func word(_ id: Int32) -> String { String(decoding: words[Int(id)], as: UTF8.self) }
}
