import Foundation

/// The character model of a `LanguageIndex`: multinomial naive Bayes over the 3- to 5-grams of each
/// word (wrapped as `<word>`), which carries typos and inflections the stemmer misses:
///
///     score_c = Σ q · ln((N_gc + a) / (T_c + aV)),  N_gc = Σ over words w of count(w in c) × count(g in w)
///
/// A known word's evidence is summed once, here, into a per-word vector, so that a message's known
/// words cost one posting list each.
struct CharacterModel: Sendable {
  /// Every n-gram of the content's words, by key (`gramKey`).
  let grams: Interner<UInt64>
  /// Each n-gram's concentration weight h.
  let weights: [Float]
  /// For each n-gram, the intents whose words have it, with ln(1 + N_gc / a).
  let postings: PostingList<Float>
  /// Per intent: ln(a / (T_c + aV)), the score of one unit of n-gram weight the intent lacks.
  let absent: [Double]
  /// For each known word, the sum of its n-grams' weighted postings: its character evidence per intent
  /// (in double precision, so that the sum is what adding the postings one by one would give).
  let wordEvidence: PostingList<Double>
  /// For each known word, Σ over its n-grams of (1 / n-gram count) × concentration: its weight in the
  /// absent-n-gram term.
  let wordMass: [Double]

  /// The marks that wrap a word before it is cut into n-grams: `<` and `>`.
  static let wordStart: UInt8 = 0x3C
  static let wordEnd: UInt8 = 0x3E
  /// N-grams up to this many bytes are packed exactly into a key; longer ones are hashed.
  static let packedBytes = 7
  static let lengthShift: UInt64 = 56
  static let hashedFlag: UInt64 = 1 << 63

  /// A model with no n-grams (content past the dense ranking limit): every word's evidence is empty.
  init(emptyFor vocabulary: [String], intentCount: Int) {
    grams = Interner()
    weights = []
    postings = PostingList()
    // No n-grams: the constants are 0, not log(a / 0).
    absent = [Double](repeating: 0, count: intentCount)
    var wordEvidence = PostingList<Double>()
    for _ in vocabulary { wordEvidence.append([]) }
    self.wordEvidence = wordEvidence
    wordMass = [Double](repeating: 0, count: vocabulary.count)
  }

  /// Fits the model to the words of the examples.
  ///
  /// - Parameters:
  ///   - vocabulary: The content's words, by word id.
  ///   - wordPairs: One `word << 32 | intent` value per occurrence of a word in an intent's examples.
  /// - Complexity: O(pairs log pairs), plus O(vocabulary × n-grams × postings) for the per-word vectors.
  init(vocabulary: [String], wordPairs: [UInt64], intentCount: Int, parameters: ScoringParameters) {
    var grams = Interner<UInt64>()
    // A class token has no spelling to share with words.
    let wordGrams = vocabulary.map { word in
      (EntityRecognizer.isClassToken(word) ? [] : Self.grams(of: word, sizes: parameters.characterGramSizes)).map {
        grams.id(for: $0)
      }
    }
    let gramPairs = Self.gramPairs(wordGrams: wordGrams, wordPairs: wordPairs.sorted(), wordCount: vocabulary.count)
    let ac = parameters.characterPseudoCount
    var totals = [Double](repeating: 0, count: intentCount)
    for pair in gramPairs { totals[Int(pair.key & FeatureCounts.intentMask)] += Double(pair.count) }
    let vocabularySize = Double(grams.count)
    // Without n-grams (every word a class token) the constants are 0, not log(a / 0).
    absent = vocabularySize > 0 ? totals.map { log(ac / ($0 + ac * vocabularySize)) } : totals.map { _ in 0.0 }
    var weights = [Float](repeating: 0, count: grams.count)
    var postings = PostingList<Float>()
    FeatureCounts.forEachWeightedGroup(gramPairs, featureCount: grams.count) { gram, counts in
      weights[gram] = Float(
        pow(FeatureCounts.concentration(counts, intentCount: intentCount), parameters.characterConcentrationPower))
      postings.append(counts.map { .init(intent: $0.intent, value: Float(log1p(Double($0.count) / ac))) })
    }
    self.grams = grams
    self.weights = weights
    self.postings = postings
    (wordEvidence, wordMass) = Self.wordEvidence(
      wordGrams: wordGrams, weights: weights, postings: postings, intentCount: intentCount)
  }

  /// The (n-gram << 32 | intent, count) pairs, sorted: each word's count in an intent, given to each
  /// of its n-grams (with repeats).
  private static func gramPairs(wordGrams: [[Int32]], wordPairs: [UInt64], wordCount: Int) -> [(
    key: UInt64, count: Int32
  )] {
    var gramPairs: [(key: UInt64, count: Int32)] = []
    FeatureCounts.forEachGroup(wordPairs, featureCount: wordCount) { word, counts in
      for gram in wordGrams[word] {
        for (intent, n) in counts {
          gramPairs.append((FeatureCounts.pair(gram, UInt64(UInt32(bitPattern: intent))), n))
        }
      }
    }
    gramPairs.sort { $0.key < $1.key }
    return gramPairs
  }

  /// Each known word's character evidence, summed once: Σ_g (1/|G(w)|) · h_g · ln(1 + N_gc / a), and
  /// its mass Σ_g (1/|G(w)|) · h_g.
  private static func wordEvidence(
    wordGrams: [[Int32]], weights: [Float], postings: PostingList<Float>, intentCount: Int
  ) -> (PostingList<Double>, [Double]) {
    var wordEvidence = PostingList<Double>()
    var masses: [Double] = []
    masses.reserveCapacity(wordGrams.count)
    var dense = [Double](repeating: 0, count: intentCount)
    var touched: [Int32] = []
    for grams in wordGrams {
      let share = grams.isEmpty ? 0 : 1 / Double(grams.count)
      var mass = 0.0
      for gram in grams {
        let q = share * Double(weights[Int(gram)])
        mass += q
        guard q > 0 else { continue }
        for entry in postings[gram] {
          if dense[Int(entry.intent)] == 0 { touched.append(entry.intent) }
          dense[Int(entry.intent)] += q * Double(entry.value)
        }
      }
      touched.sort()
      wordEvidence.append(touched.map { .init(intent: $0, value: dense[Int($0)]) })
      for intent in touched { dense[Int(intent)] = 0 }
      touched.removeAll(keepingCapacity: true)
      masses.append(mass)
    }
    return (wordEvidence, masses)
  }

  /// The n-grams of a word the content does not know, as ids (those the content has), and the share
  /// each of its n-grams has of the word.
  func grams(ofUnknown word: String, sizes: [Int]) -> (grams: [Int32], share: Double) {
    let keys = Self.grams(of: word, sizes: sizes)
    return (keys.compactMap { grams[$0] }, keys.isEmpty ? 0 : 1 / Double(keys.count))
  }

  /// The keys of the n-grams of `<word>` (with repeats).
  static func grams(of word: String, sizes: [Int]) -> [UInt64] {
    var bytes: [UInt8] = [wordStart]
    bytes.append(contentsOf: word.utf8)
    bytes.append(wordEnd)
    var keys: [UInt64] = []
    for n in sizes where n <= bytes.count {
      for start in 0...(bytes.count - n) {
        keys.append(gramKey(bytes[start..<(start + n)]))
      }
    }
    return keys
  }

  /// Packs up to 7 bytes exactly; longer n-grams (non-Latin scripts) are hashed.
  static func gramKey(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    if bytes.count <= packedBytes {
      var key = UInt64(bytes.count) << lengthShift
      for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * offset) }
      return key
    }
    return TypoCorrector.hash(Array(bytes)) | hashedFlag
  }
}
