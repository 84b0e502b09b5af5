import Foundation

/// The searchable form of one language's intents, and the scoring that ranks them for a message.
///
/// Two closed-form models, both computed from the examples at load time, vote on each intent:
/// - **words**: Bernoulli naive Bayes over stems, stem bigrams (with sentence boundaries) and exact
///   accented forms, each feature weighted by its concentration g = (1 − H(intent | feature) / ln C)^p;
/// - **character n-grams**: multinomial naive Bayes over the 3- to 5-grams of each word, which
///   carries typos and inflections the stemmer misses.
///
/// Each model's scores are standardised over the intents (z-scores) and averaged with a weight. The
/// confidence combines the top z-score, the share of the message the intent's examples cover, and the
/// margin to the second intent. Every sum runs over the postings of the message's features, and a known
/// word's character-n-gram evidence is summed once, at load time, into a per-word vector; so the cost
/// follows the message and the intents it touches, not the number of examples.
struct LanguageIndex: Sendable {
  let language: Language
  let analyzer: TextAnalyzer
  let parameters: ScoringParameters
  /// The weight of the character model: the parameters', or 0 for content past the dense ranking limit.
  let characterWeight: Double
  let intents: [IntentID]
  /// The index of the out-of-scope examples among `intents`, if the content has them.
  let outOfScopeIndex: Int?
  let examples: [IndexedExample]
  let examplesByIntent: [[Int32]]
  /// Each example's words (folded, as `TextAnalyzer.foldPhrase` gives them), and the one intent that
  /// has it, or -1 when several intents have the same example.
  private let exampleOwners: [String: Int32]

  // Vocabulary: every folded word of the content, with its stem and its character evidence.
  private let wordIDs: [String: Int32]
  private let words: [KnownWord]
  private let stemIDs: [String: Int32]
  private let stemNames: [String]
  private let stemCache: [String: String]
  private let knownStems: Set<String>
  private let exactIDs: [String: Int32]
  private let typos: TypoCorrector

  // Word model (Bernoulli naive Bayes), keyed by packed feature keys.
  private let featureIDs: [UInt64: Int32]
  private let featureKeys: [UInt64]
  private let featureWeight: [Float]
  private let featurePostings: PostingList<Float>
  private let wordBase: [Double]
  private let wordAbsent: [Double]

  // Character model (multinomial naive Bayes).
  private let gramIDs: [UInt64: Int32]
  private let gramWeight: [Float]
  private let gramPostings: PostingList<Float>
  private let gramAbsent: [Double]
  /// For each known word, the sum of its n-grams' weighted postings: its character evidence per intent
  /// (in double precision, so that the sum is what adding the postings one by one would give).
  private let wordCharacters: PostingList<Double>

  // Sums over the intents, for z-scores computed from the touched intents only.
  private let sums: IntentSums
  private let scratch: ScratchPool

  /// Above this many intents, only the intents a message touches are ranked.
  static let denseRankingLimit = 4096

  /// An example as indexed: its text, place, intent and word features.
  struct IndexedExample: Sendable {
    let text: String
    let location: SourceLocation
    let intent: Int32
    let features: [Int32]
  }

  /// A word of the content.
  private struct KnownWord: Sendable {
    let stem: Int32
    let frequency: Int32
    /// Σ over the word's n-grams of (1 / n-gram count) × concentration: its weight in the absent-n-gram term.
    let characterMass: Double
  }

  /// Σ_c of the per-intent constants, so that the mean and variance of a score over all intents can be
  /// had from the touched intents alone.
  private struct IntentSums: Sendable {
    var base = 0.0, absent = 0.0, baseSquared = 0.0, baseAbsent = 0.0, absentSquared = 0.0
    var gramAbsent = 0.0, gramAbsentSquared = 0.0
  }

  // Feature keys: the top two bits say the kind.
  private static func stemKey(_ stem: Int32) -> UInt64 { 1 << 62 | UInt64(UInt32(bitPattern: stem)) }
  private static func exactKey(_ exact: Int32) -> UInt64 { 3 << 62 | UInt64(UInt32(bitPattern: exact)) }
  private static func bigramKey(_ a: UInt32, _ b: UInt32) -> UInt64 { 2 << 62 | UInt64(a) << 31 | UInt64(b) }
  /// Sentence boundary in bigrams; `unknown` breaks a bigram.
  static let boundary: UInt32 = 0x7FFF_FFFF
  static let unknown: UInt32 = 0x7FFF_FFFE
  /// The word id of a number while building (numbers share the stem `#`, stem id 0).
  private static let numberWord: Int32 = -1

  // MARK: Building

  /// Indexes the intents of one language.
  ///
  /// - Complexity: O(total length of the examples), plus sorts of the (feature, intent) pairs and of
  ///   the typo index, plus O(vocabulary × n-grams × postings) for the per-word character vectors.
  init(
    intents source: [Intent], profile: LanguageProfile, parameters: ScoringParameters = .default,
    entityLists: [EntityList] = []
  ) {
    language = profile.language
    analyzer = TextAnalyzer(profile: profile, entityLists: entityLists)
    self.parameters = parameters
    intents = source.map(\.id)
    outOfScopeIndex = intents.firstIndex(of: .outOfScope)
    let intentCount = source.count
    // Past the dense ranking limit the index is built for size: no character model (its postings
    // would grow with intents × n-grams; words with typo correction carry the matching) and no
    // postings for the commonest word features.
    let sparse = intentCount > Self.denseRankingLimit
    self.characterWeight = sparse ? 0 : parameters.characterWeight

    // Pass 1: every example cut into words once, as word ids (numbers as `numberWord`), and the
    // accented forms as exact ids; each distinct word is hashed as a string once per occurrence here,
    // and never again.
    var wordIDs: [String: Int32] = [:]
    var vocabulary: [String] = []
    var exactIDs: [String: Int32] = [:]
    var exampleStarts: [Int32] = [0]
    var exampleWords: [Int32] = []
    var exampleExacts: [Int32] = []
    for intent in source {
      for example in intent.examples {
        var names: [Entity] = []
        let tokens = analyzer.normalizedWords(from: analyzer.tokens(of: example.text), stems: [:], entities: &names)
        for token in tokens {
          guard !token.isNumber else {
            exampleWords.append(Self.numberWord)
            exampleExacts.append(-1)
            continue
          }
          let word: Int32
          if let id = wordIDs[token.folded] {
            word = id
          } else {
            word = Int32(vocabulary.count)
            wordIDs[token.folded] = word
            vocabulary.append(token.folded)
          }
          exampleWords.append(word)
          if token.exact != token.folded {
            if let id = exactIDs[token.exact] {
              exampleExacts.append(id)
            } else {
              let id = Int32(exactIDs.count)
              exactIDs[token.exact] = id
              exampleExacts.append(id)
            }
          } else {
            exampleExacts.append(-1)
          }
        }
        exampleStarts.append(Int32(exampleWords.count))
      }
    }

    // Pass 2: stems, once per distinct word. Stemmers that offer several roots (Indonesian nasal
    // prefixes) get the root the content itself uses.
    // A class token (`@place`) is its own stem.
    let candidateLists = vocabulary.map {
      EntityRecognizer.isClassToken($0) ? [$0] : profile.stemmer.candidates(for: $0)
    }
    var plainStems = Set(vocabulary)
    for candidates in candidateLists { plainStems.insert(candidates.last!) }
    var stemCache: [String: String] = [:]
    stemCache.reserveCapacity(vocabulary.count)
    var stemIDs: [String: Int32] = [Term.numberStem: 0]
    var stemNames: [String] = [Term.numberStem]
    var wordStems: [Int32] = []
    wordStems.reserveCapacity(vocabulary.count)
    for (word, candidates) in zip(vocabulary, candidateLists) {
      let stem =
        candidates.count > 1 ? (candidates.first(where: plainStems.contains) ?? candidates.last!) : candidates[0]
      stemCache[word] = stem
      if let id = stemIDs[stem] {
        wordStems.append(id)
      } else {
        let id = Int32(stemNames.count)
        stemIDs[stem] = id
        stemNames.append(stem)
        wordStems.append(id)
      }
    }

    // Pass 3: features of every example, as flat (feature, intent) and (word, intent) pairs.
    var wordFrequency = [Int32](repeating: 0, count: vocabulary.count)
    var featureIDs: [UInt64: Int32] = [:]
    var featureKeys: [UInt64] = []
    var featurePairs: [UInt64] = []
    var wordPairs: [UInt64] = []
    var examples: [IndexedExample] = []
    var examplesByIntent = [[Int32]](repeating: [], count: intentCount)
    var intentSizes = [Double](repeating: 0, count: intentCount)

    func feature(_ key: UInt64) -> Int32 {
      if let id = featureIDs[key] { return id }
      let id = Int32(featureKeys.count)
      featureIDs[key] = id
      featureKeys.append(key)
      return id
    }

    var exampleIndex = 0
    var features: [Int32] = []
    for (intentIndex, intent) in source.enumerated() {
      let c = UInt64(intentIndex)
      for example in intent.examples {
        features.removeAll(keepingCapacity: true)
        var previous = Self.boundary
        for position in Int(exampleStarts[exampleIndex])..<Int(exampleStarts[exampleIndex + 1]) {
          let word = exampleWords[position]
          let stem = word == Self.numberWord ? 0 : wordStems[Int(word)]
          features.append(feature(Self.stemKey(stem)))
          features.append(feature(Self.bigramKey(previous, UInt32(stem))))
          previous = UInt32(stem)
          let exact = exampleExacts[position]
          if exact >= 0 { features.append(feature(Self.exactKey(exact))) }
          if word != Self.numberWord {
            wordFrequency[Int(word)] += 1
            wordPairs.append(UInt64(UInt32(word)) << 32 | c)
          }
        }
        features.append(feature(Self.bigramKey(previous, Self.boundary)))
        features.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(features.count)
        for id in features where unique.last != id {
          unique.append(id)
          featurePairs.append(UInt64(UInt32(id)) << 32 | c)
        }
        examplesByIntent[intentIndex].append(Int32(examples.count))
        examples.append(
          IndexedExample(text: example.text, location: example.location, intent: Int32(intentIndex), features: unique))
        intentSizes[intentIndex] += 1
        exampleIndex += 1
      }
    }

    // Word model: Bernoulli naive Bayes with concentration weights, kept sparse:
    // score_c = base_c + (Σ_query g) · ℓ0_c + Σ_query g · (ℓ(n_fc) − ℓ0_c).
    let a = parameters.wordPseudoCount
    let absent = intentSizes.map { size -> Double in
      let p = a / (size + 2 * a)
      return log(p) - log1p(-p)
    }
    var wordBase = [Double](repeating: 0, count: intentCount)
    var featureWeight = [Float](repeating: 0, count: featureKeys.count)
    var featurePostings = PostingList<Float>()
    var weightTotal = 0.0
    featurePairs.sort()
    Self.forEachGroup(featurePairs, featureCount: featureKeys.count) { feature, counts in
      let g = pow(Self.concentration(counts, intentCount: intentCount), parameters.wordConcentrationPower)
      if sparse && g < parameters.sparseWordFloor {
        featurePostings.append([])
        return
      }
      featureWeight[feature] = Float(g)
      weightTotal += g
      featurePostings.append(
        counts.map { (intent, n) -> PostingList.Entry in
          let size = intentSizes[Int(intent)]
          let p = (Double(n) + a) / (size + 2 * a)
          let p0 = a / (size + 2 * a)
          wordBase[Int(intent)] += g * (log1p(-p) - log1p(-p0))
          return PostingList<Float>.Entry(intent: intent, value: Float(log(p) - log1p(-p) - absent[Int(intent)]))
        })
    }
    for c in 0..<intentCount { wordBase[c] += weightTotal * log1p(-a / (intentSizes[c] + 2 * a)) }

    // Character model: multinomial naive Bayes, score_c = Σ q · ln((N_gc + a) / (T_c + aV)), with
    // N_gc = Σ over words w of count(w in c) × count(g in w).
    if sparse { wordPairs.removeAll() }
    wordPairs.sort()
    var wordGrams: [[Int32]] = []
    var gramIDs: [UInt64: Int32] = [:]
    for word in vocabulary where !sparse {
      // A class token has no spelling to share with words.
      wordGrams.append(
        (EntityRecognizer.isClassToken(word) ? [] : Self.grams(of: word, sizes: parameters.characterGramSizes)).map {
          gram in
          if let id = gramIDs[gram] { return id }
          let id = Int32(gramIDs.count)
          gramIDs[gram] = id
          return id
        })
    }
    var gramPairs: [(key: UInt64, count: Int32)] = []
    Self.forEachGroup(sparse ? [] : wordPairs, featureCount: sparse ? 0 : vocabulary.count) { word, counts in
      for gram in wordGrams[word] {
        for (intent, n) in counts { gramPairs.append((UInt64(UInt32(gram)) << 32 | UInt64(UInt32(intent)), n)) }
      }
    }
    gramPairs.sort { $0.key < $1.key }
    let ac = parameters.characterPseudoCount
    var totals = [Double](repeating: 0, count: intentCount)
    for pair in gramPairs { totals[Int(pair.key & 0xFFFF_FFFF)] += Double(pair.count) }
    let vocabularySize = Double(gramIDs.count)
    // Without a character model (sparse content) the constants are 0, not log(a / 0).
    let gramAbsent = vocabularySize > 0 ? totals.map { log(ac / ($0 + ac * vocabularySize)) } : totals.map { _ in 0.0 }
    var gramWeight = [Float](repeating: 0, count: gramIDs.count)
    var gramPostings = PostingList<Float>()
    Self.forEachWeightedGroup(gramPairs, featureCount: gramIDs.count) { gram, counts in
      gramWeight[gram] = Float(
        pow(Self.concentration(counts, intentCount: intentCount), parameters.characterConcentrationPower))
      gramPostings.append(counts.map { .init(intent: $0.intent, value: Float(log1p(Double($0.count) / ac))) })
    }

    // Each known word's character evidence, summed once: Σ_g (1/|G(w)|) · h_g · ln(1 + N_gc / a).
    var wordCharacters = PostingList<Double>()
    var known: [KnownWord] = []
    known.reserveCapacity(wordStems.count)
    var dense = [Double](repeating: 0, count: intentCount)
    var touched: [Int32] = []
    if sparse {
      for word in vocabulary.indices {
        wordCharacters.append([])
        known.append(KnownWord(stem: wordStems[word], frequency: wordFrequency[word], characterMass: 0))
      }
    }
    for (word, grams) in wordGrams.enumerated() {
      let share = grams.isEmpty ? 0 : 1 / Double(grams.count)
      var mass = 0.0
      for gram in grams {
        let q = share * Double(gramWeight[Int(gram)])
        mass += q
        guard q > 0 else { continue }
        for entry in gramPostings[gram] {
          if dense[Int(entry.intent)] == 0 { touched.append(entry.intent) }
          dense[Int(entry.intent)] += q * Double(entry.value)
        }
      }
      touched.sort()
      wordCharacters.append(touched.map { .init(intent: $0, value: dense[Int($0)]) })
      for intent in touched { dense[Int(intent)] = 0 }
      touched.removeAll(keepingCapacity: true)
      known.append(KnownWord(stem: wordStems[word], frequency: wordFrequency[word], characterMass: mass))
    }

    var sums = IntentSums()
    for c in 0..<intentCount {
      sums.base += wordBase[c]
      sums.absent += absent[c]
      sums.baseSquared += wordBase[c] * wordBase[c]
      sums.baseAbsent += wordBase[c] * absent[c]
      sums.absentSquared += absent[c] * absent[c]
      sums.gramAbsent += gramAbsent[c]
      sums.gramAbsentSquared += gramAbsent[c] * gramAbsent[c]
    }

    // Class tokens are not words a typo could have been meant as.
    self.typos = TypoCorrector(
      words: vocabulary.map { EntityRecognizer.isClassToken($0) ? [] : Array($0.utf8) }, frequencies: wordFrequency)
    self.wordIDs = wordIDs
    self.words = known
    self.stemIDs = stemIDs
    self.stemNames = stemNames
    self.stemCache = stemCache
    self.knownStems = plainStems
    self.exactIDs = exactIDs
    self.featureIDs = featureIDs
    self.featureKeys = featureKeys
    self.featureWeight = featureWeight
    self.featurePostings = featurePostings
    self.wordBase = wordBase
    self.wordAbsent = absent
    self.gramIDs = gramIDs
    self.gramWeight = gramWeight
    self.gramPostings = gramPostings
    self.gramAbsent = gramAbsent
    self.wordCharacters = wordCharacters
    self.sums = sums
    self.scratch = ScratchPool(intents: intentCount, clearsAll: intentCount <= Self.denseRankingLimit)
    self.examples = examples
    self.examplesByIntent = examplesByIntent
    var owners: [String: Int32] = [:]
    for example in examples {
      let key = TextAnalyzer.foldPhrase(example.text)
      if let owner = owners[key], owner != example.intent { owners[key] = -1 } else { owners[key] = example.intent }
    }
    self.exampleOwners = owners
  }

  /// Calls `body` once per feature with its (intent, count) pairs, from `(feature << 32 | intent)`
  /// values sorted ascending (duplicates counted).
  private static func forEachGroup(
    _ pairs: [UInt64], featureCount: Int, _ body: (Int, [(intent: Int32, count: Int32)]) -> Void
  ) {
    forEachGroup(pairs, key: { $0 }, count: { _ in 1 }, featureCount: featureCount, body)
  }

  /// Like `forEachGroup`, for pairs that carry a count each.
  private static func forEachWeightedGroup(
    _ pairs: [(key: UInt64, count: Int32)], featureCount: Int, _ body: (Int, [(intent: Int32, count: Int32)]) -> Void
  ) {
    forEachGroup(pairs, key: \.key, count: \.count, featureCount: featureCount, body)
  }

  /// The grouping both share: pairs sorted by `feature << 32 | intent` keys, counts summed per intent.
  @inline(__always)
  private static func forEachGroup<Pair>(
    _ pairs: [Pair], key: (Pair) -> UInt64, count: (Pair) -> Int32, featureCount: Int,
    _ body: (Int, [(intent: Int32, count: Int32)]) -> Void
  ) {
    var index = 0
    var counts: [(intent: Int32, count: Int32)] = []
    for feature in 0..<featureCount {
      counts.removeAll(keepingCapacity: true)
      while index < pairs.count, Int(key(pairs[index]) >> 32) == feature {
        let intent = Int32(truncatingIfNeeded: key(pairs[index]) & 0xFFFF_FFFF)
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
  private static func concentration(_ counts: [(intent: Int32, count: Int32)], intentCount: Int) -> Double {
    guard intentCount > 1 else { return 1 }
    let total = Double(counts.reduce(0) { $0 + Int($1.count) })
    var entropy = 0.0
    for (_, count) in counts {
      let p = Double(count) / total
      entropy -= p * log(p)
    }
    return max(0, 1 - entropy / log(Double(intentCount)))
  }

  /// The keys of the n-grams of `<word>` (with repeats).
  static func grams(of word: String, sizes: [Int]) -> [UInt64] {
    var bytes: [UInt8] = [0x3C]
    bytes.append(contentsOf: word.utf8)
    bytes.append(0x3E)
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
    if bytes.count <= 7 {
      var key = UInt64(bytes.count) << 56
      for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * offset) }
      return key
    }
    return TypoCorrector.hash(Array(bytes)) | (1 << 63)
  }

  // MARK: Matching

  /// The intent whose example a text is, word for word once folded, when exactly one intent has it.
  func exampleOwner(of text: String) -> IntentID? {
    guard let owner = exampleOwners[TextAnalyzer.foldPhrase(text)], owner >= 0 else { return nil }
    return intents[Int(owner)]
  }

  /// What one word of the message contributes.
  private enum WordEvidence {
    case known(Int32)
    case unknownStem(Int32, grams: [Int32], share: Double)
    case unknown(grams: [Int32], share: Double)
  }

  /// Scores a message against every intent.
  ///
  /// - Parameters:
  ///   - text: The message.
  ///   - detail: Whether to work out the per-signal breakdown and the nearest examples (for explanations).
  /// - Complexity: O(features × postings + touched intents), plus O(intents) up to `denseRankingLimit`.
  func match(_ text: String, detail: Bool = false) -> Match {
    match(tokens: analyzer.tokens(of: text), detail: detail)
  }

  /// Scores a message that the tokenizer has already cut (with this language's casing).
  func match(tokens: [RawToken], detail: Bool = false) -> Match {
    var entities: [Entity] = []
    let terms = analyzer.terms(from: tokens, knownStem: knownStems.contains, stems: stemCache, entities: &entities)
    return match(terms: terms, entities: entities, detail: detail)
  }

  private func match(terms: [Term], entities: [Entity], detail: Bool) -> Match {
    var corrections: [Match.Correction] = []
    var unknownWords: [String] = []
    var evidence: [WordEvidence] = []
    var features: [Int32] = []
    var stemWeights: [(stem: Int32?, weight: Double)] = []
    var previous = Self.boundary

    func addFeature(_ key: UInt64) {
      if let id = featureIDs[key] { features.append(id) }
    }

    for term in terms {
      var stem = stemIDs[term.stem]
      if let word = wordIDs[term.folded] {
        evidence.append(.known(word))
        stem = stem ?? words[Int(word)].stem
      } else if stem == nil, term.role != .number, term.role != .entity, !analyzer.isProtected(term.folded),
        term.folded.unicodeScalars.allSatisfy(\.properties.isAlphabetic),
        let correction = typos.correct(Array(term.folded.utf8))
      {
        let word = correction.word
        corrections.append(.init(typed: term.folded, corrected: typos.word(word), distance: correction.distance))
        evidence.append(.known(word))
        stem = words[Int(word)].stem
      } else {
        let keys = Self.grams(of: term.folded, sizes: parameters.characterGramSizes)
        let grams = keys.compactMap { gramIDs[$0] }
        let share = keys.isEmpty ? 0 : 1 / Double(keys.count)
        if let stem {
          evidence.append(.unknownStem(stem, grams: grams, share: share))
        } else {
          evidence.append(.unknown(grams: grams, share: share))
          if term.role != .number && term.role != .entity { unknownWords.append(term.folded) }
        }
      }
      if let stem {
        addFeature(Self.stemKey(stem))
        addFeature(Self.bigramKey(previous, UInt32(stem)))
        previous = UInt32(stem)
        let feature = featureIDs[Self.stemKey(stem)]
        stemWeights.append((stem, feature.map { Double(featureWeight[Int($0)]) } ?? 1))
      } else {
        previous = Self.unknown
        stemWeights.append((nil, term.role == .number || term.role == .entity ? 0 : 1))
      }
      if term.exact != term.folded, let exact = exactIDs[term.exact] { addFeature(Self.exactKey(exact)) }
    }
    if previous != Self.unknown { addFeature(Self.bigramKey(previous, Self.boundary)) }
    // Sorted, then each once: the order the contributions are added in is then the same on every run
    // and every replica (a `Set`'s order is not), so a score is the same to the last bit.
    features.sort()
    var unique = 0
    for feature in features where unique == 0 || features[unique - 1] != feature {
      features[unique] = feature
      unique += 1
    }
    features.removeLast(features.count - unique)

    return scratch.with { scratch in
      score(
        features: features, evidence: evidence, stemWeights: stemWeights, scratch: &scratch, terms: terms,
        entities: entities, corrections: corrections, unknownWords: unknownWords, detail: detail)
    }
  }

  private func score(
    features: [Int32], evidence: [WordEvidence], stemWeights: [(stem: Int32?, weight: Double)],
    scratch: inout ScratchPool.Scratch, terms: [Term], entities: [Entity], corrections: [Match.Correction],
    unknownWords: [String], detail: Bool
  ) -> Match {
    let count = intents.count
    var weightSum = 0.0
    var characterMass = 0.0
    var totalWeight = 0.0
    var knownWeight = 0.0
    // The accumulation loops write through raw buffers: one bounds- and uniqueness-check-free add per
    // posting is the whole cost of scoring.
    scratch.words.withUnsafeMutableBufferPointer { wordScores in
      scratch.characters.withUnsafeMutableBufferPointer { gramScores in
        scratch.covered.withUnsafeMutableBufferPointer { covered in
          scratch.isTouched.withUnsafeMutableBufferPointer { isTouched in
            var touched = scratch.touched
            // With dense ranking every intent is visited anyway, so touched intents need no bookkeeping.
            let track = count > Self.denseRankingLimit
            @inline(__always) func touch(_ c: Int) {
              if track && !isTouched[c] {
                isTouched[c] = true
                touched.append(Int32(c))
              }
            }
            featurePostings.withUnsafePostings { wordPostings in
              gramPostings.withUnsafePostings { gramPostings in
                wordCharacters.withUnsafePostings { wordCharacters in
                  // Word model.
                  for feature in features {
                    let g = Double(featureWeight[Int(feature)])
                    weightSum += g
                    for index in wordPostings.range(feature) {
                      let entry = wordPostings.entries[index]
                      let c = Int(entry.intent)
                      touch(c)
                      wordScores[c] += g * Double(entry.value)
                    }
                  }
                  // Character model.
                  for item in evidence {
                    switch item {
                    case .known(let word):
                      characterMass += words[Int(word)].characterMass
                      for index in wordCharacters.range(word) {
                        let entry = wordCharacters.entries[index]
                        let c = Int(entry.intent)
                        touch(c)
                        gramScores[c] += entry.value
                      }
                    case .unknownStem(_, let grams, let share), .unknown(let grams, let share):
                      for gram in grams {
                        let q = share * Double(gramWeight[Int(gram)])
                        characterMass += q
                        for index in gramPostings.range(gram) {
                          let entry = gramPostings.entries[index]
                          let c = Int(entry.intent)
                          touch(c)
                          gramScores[c] += q * Double(entry.value)
                        }
                      }
                    }
                  }
                  // Coverage: the share of the message's informative weight each intent's vocabulary has.
                  for (stem, weight) in stemWeights {
                    totalWeight += weight
                    guard let stem else { continue }
                    knownWeight += weight
                    guard let feature = featureIDs[Self.stemKey(stem)] else { continue }
                    for index in wordPostings.range(feature) {
                      covered[Int(wordPostings.entries[index].intent)] += weight
                    }
                  }
                }
              }
            }
            scratch.touched = touched
          }
        }
      }
    }
    let lambda = characterWeight
    let dense = count <= Self.denseRankingLimit
    var wordMean = 0.0, gramMean = 0.0, wordScale = 1.0, gramScale = 1.0
    var ranked: [(intent: Int, score: Double)] = []
    ranked.reserveCapacity(6)
    let limit = min(count, 5)
    func consider(_ c: Int, _ value: Double) {
      if ranked.count < limit {
        ranked.append((c, value))
        ranked.sort { $0.score > $1.score }
      } else if value > ranked[limit - 1].score {
        ranked[limit - 1] = (c, value)
        ranked.sort { $0.score > $1.score }
      }
    }
    if dense {
      // With few intents, every score is written out and standardised the textbook way (two passes),
      // which costs nothing and rounds least; every intent is ranked.
      var wordScores = [Double](repeating: 0, count: count)
      var gramScores = [Double](repeating: 0, count: count)
      wordBase.withUnsafeBufferPointer { base in
        wordAbsent.withUnsafeBufferPointer { absent in
          gramAbsent.withUnsafeBufferPointer { gramAbsent in
            scratch.words.withUnsafeBufferPointer { words in
              scratch.characters.withUnsafeBufferPointer { characters in
                for c in 0..<count {
                  wordScores[c] = base[c] + weightSum * absent[c] + words[c]
                  gramScores[c] = characterMass * gramAbsent[c] + characters[c]
                }
              }
            }
          }
        }
      }
      (wordMean, wordScale) = Self.meanAndInverseDeviation(wordScores)
      (gramMean, gramScale) = Self.meanAndInverseDeviation(gramScores)
      for c in 0..<count {
        consider(
          c, ((wordScores[c] - wordMean) * wordScale + lambda * (gramScores[c] - gramMean) * gramScale) / (1 + lambda))
      }
    } else {
      // With many intents, the mean and variance come from the sums of the per-intent constants and
      // the touched intents, and only touched intents are ranked: one that shares no word and no
      // n-gram with the message has no evidence for it.
      let n = Double(count)
      var wordSum = sums.base + weightSum * sums.absent
      var wordSquares = sums.baseSquared + 2 * weightSum * sums.baseAbsent + weightSum * weightSum * sums.absentSquared
      var gramSum = characterMass * sums.gramAbsent
      var gramSquares = characterMass * characterMass * sums.gramAbsentSquared
      for intent in scratch.touched {
        let c = Int(intent)
        let wordConstant = wordBase[c] + weightSum * wordAbsent[c]
        let dw = scratch.words[c]
        wordSum += dw
        wordSquares += 2 * wordConstant * dw + dw * dw
        let gramConstant = characterMass * gramAbsent[c]
        let dg = scratch.characters[c]
        gramSum += dg
        gramSquares += 2 * gramConstant * dg + dg * dg
      }
      wordMean = wordSum / n
      gramMean = gramSum / n
      wordScale = Self.inverseDeviation(squares: wordSquares / n, mean: wordMean)
      gramScale = Self.inverseDeviation(squares: gramSquares / n, mean: gramMean)
      for intent in scratch.touched {
        let c = Int(intent)
        let w = wordBase[c] + weightSum * wordAbsent[c] + scratch.words[c]
        let g = characterMass * gramAbsent[c] + scratch.characters[c]
        consider(c, ((w - wordMean) * wordScale + lambda * (g - gramMean) * gramScale) / (1 + lambda))
      }
    }
    func zWords(_ c: Int) -> Double {
      (wordBase[c] + weightSum * wordAbsent[c] + scratch.words[c] - wordMean) * wordScale
    }
    func zGrams(_ c: Int) -> Double { (characterMass * gramAbsent[c] + scratch.characters[c] - gramMean) * gramScale }

    // Below the intent count the thresholds were chosen on, z-scores are capped lower (√(C − 1)); scale
    // them up to that ceiling so that small content can be confident.
    let zScale: Double = {
      guard let reference = parameters.calibrationIntentCount, count > 1, count < reference else { return 1 }
      return (Double(reference - 1) / Double(count - 1)).squareRoot()
    }()
    func calibrated(_ score: Double) -> Double { score * zScale }
    let margin = ranked.count > 1 ? ranked[0].score - ranked[1].score : ranked.first?.score ?? 0
    // Each of the best-scored intents gets its confidence, shown in score order and capped at the
    // confidence of the intents ranked above it: an intent whose examples cover the message better can
    // compute a higher confidence with a lower score, but the ranking decides, and the figures shown
    // must agree with it. (Ranking by the computed confidence instead was measured: it lowers
    // CLINC150's out-of-scope recall by about 1.5 points; docs/matching.md.)
    // The out-of-scope examples are not an intent to rank against the others: they take the place
    // their own confidence gives them, and do not cap the intents'.
    var ceiling = 1.0
    var scored = ranked.map { entry -> (candidate: Candidate, absolute: Double, margin: Double) in
      let c = entry.intent
      let coverage = totalWeight > 0 ? scratch.covered[c] / totalWeight : 0
      let ownMargin = c == ranked[0].intent ? margin : entry.score - ranked[0].score
      let computed = confidence(z: calibrated(entry.score), coverage: coverage, margin: ownMargin)
      let shown: Double
      if c == outOfScopeIndex {
        shown = computed
      } else {
        ceiling = min(ceiling, computed)
        shown = ceiling
      }
      let candidate = Candidate(
        intent: intents[c], confidence: shown, coverage: coverage,
        signals: detail
          ? signals(for: c, features: features, wordZ: zWords(c), gramZ: zGrams(c), coverage: coverage) : [],
        nearestExamples: detail ? nearestExamples(of: c, features: Set(features)) : [])
      return (candidate, calibrated(entry.score), ownMargin)
    }
    if let position = scored.firstIndex(where: { $0.candidate.intent == .outOfScope }) {
      let outOfScope = scored.remove(at: position)
      let place = scored.firstIndex { $0.candidate.confidence < outOfScope.candidate.confidence } ?? scored.count
      scored.insert(outOfScope, at: place)
    }
    let candidates = scored.map(\.candidate)
    return Match(
      language: language, terms: terms, entities: entities, corrections: corrections, unknownWords: unknownWords,
      coverage: totalWeight > 0 ? knownWeight / totalWeight : 0, candidates: candidates,
      confidence: Match.Confidence(
        value: candidates.first?.confidence ?? 0, absolute: scored.first?.absolute ?? 0,
        coverage: candidates.first?.coverage ?? 0, margin: scored.first?.margin ?? 0))
  }

  /// The mean of the values, and 1 / their (population) standard deviation, in two passes.
  private static func meanAndInverseDeviation(_ values: [Double]) -> (Double, Double) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var spread = 0.0
    for value in values { spread += (value - mean) * (value - mean) }
    return (mean, spread > 1e-12 * n ? 1 / (spread / n).squareRoot() : 1)
  }

  private static func inverseDeviation(squares: Double, mean: Double) -> Double {
    let variance = squares - mean * mean
    return variance > 1e-12 ? 1 / variance.squareRoot() : 1
  }

  /// sigmoid(slope · (z + β ln max(coverage, ε) + γ · margin − midpoint)).
  func confidence(z: Double, coverage: Double, margin: Double) -> Double {
    let p = parameters
    let evidence = z + p.coverageWeight * log(max(coverage, p.coverageFloor)) + p.marginWeight * margin
    return 1 / (1 + exp(-p.slope * (evidence - p.midpoint)))
  }

  // MARK: Explanations

  /// A feature as people read it: `refund`, `my refund`, `^ where`, `=šifre`.
  func featureName(_ feature: Int32) -> String {
    let key = featureKeys[Int(feature)]
    switch key >> 62 {
    case 1: return stemNames[Int(key & 0x7FFF_FFFF)]
    case 3:
      let id = Int32(key & 0x7FFF_FFFF)
      return "=" + (exactIDs.first { $0.value == id }?.key ?? "?")
    default:
      let a = UInt32((key >> 31) & 0x7FFF_FFFF), b = UInt32(key & 0x7FFF_FFFF)
      let left = a == Self.boundary ? "^" : stemNames[Int(a)]
      let right = b == Self.boundary ? "$" : stemNames[Int(b)]
      return "\(left) \(right)"
    }
  }

  private func signals(for c: Int, features: [Int32], wordZ: Double, gramZ: Double, coverage: Double) -> [Signal] {
    let contributions = features.compactMap { feature -> (String, Double)? in
      guard let entry = featurePostings[feature].first(where: { $0.intent == Int32(c) }) else { return nil }
      return (featureName(feature), Double(featureWeight[Int(feature)]) * Double(entry.value))
    }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }  // ties by name: the same order in every run
    let lambda = characterWeight
    return [
      Signal(
        name: "words", value: wordZ / (1 + lambda),
        detail: contributions.prefix(6).map { "\($0.0) (+\(String(format: "%.2f", $0.1)))" }),
      Signal(name: "character n-grams", value: lambda * gramZ / (1 + lambda), detail: []),
      Signal(name: "coverage", value: coverage, detail: []),
    ]
  }

  /// The examples of an intent that share the most weighted word features with the message.
  private func nearestExamples(of c: Int, features: Set<Int32>) -> [ExampleMatch] {
    let queryWeight = features.reduce(0.0) { $0 + Double(featureWeight[Int($1)]) }
    let scored = examplesByIntent[c].map { index -> (Int32, Double) in
      let example = examples[Int(index)]
      var shared = 0.0
      var union = queryWeight
      for feature in example.features {
        let g = Double(featureWeight[Int(feature)])
        if features.contains(feature) { shared += g } else { union += g }
      }
      return (index, union > 0 ? shared / union : 0)
    }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    return scored.prefix(3).map {
      let example = examples[Int($0.0)]
      return ExampleMatch(text: example.text, location: example.location, similarity: $0.1)
    }
  }
}
