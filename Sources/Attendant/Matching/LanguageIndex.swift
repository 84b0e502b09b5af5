import Foundation

/// The searchable form of one language's intents, and the scoring that ranks them for a message.
///
/// Two closed-form models, both computed from the examples at load time, vote on each intent:
/// - **words**: Bernoulli naive Bayes over stems, stem bigrams (with sentence boundaries) and exact
///   accented forms, each feature weighted by its concentration g = (1 − H(intent | feature) / ln C)^p;
/// - **character n-grams**: multinomial naive Bayes over the 3- to 5-grams of each word, which
///   carries typos and inflections the stemmer misses.
///
/// Each model's scores are standardised over the intents (z-scores) and added with a weight. The
/// confidence combines the top z-score, the share of the message the intent's examples cover, and the
/// margin to the second intent. Every step is a sum over the message's features' postings, so the
/// cost follows the message and the postings it touches, not the number of examples.
struct LanguageIndex: Sendable {
  let language: Language
  let analyzer: TextAnalyzer
  let parameters: ScoringParameters
  let intents: [IntentID]
  let examples: [IndexedExample]
  let examplesByIntent: [[Int32]]

  // Words.
  private let stemIDs: [String: Int32]
  private let stemFeature: [Int32]
  private let bigramFeature: [UInt64: Int32]
  private let exactFeature: [String: Int32]
  let wordFeatureNames: [String]
  private let wordWeight: [Float]
  private let wordPostings: PostingList
  private let wordBase: [Double]
  private let wordAbsent: [Double]

  // Character n-grams.
  private let gramIDs: [UInt64: Int32]
  private let gramWeight: [Float]
  private let gramPostings: PostingList
  private let gramAbsent: [Double]

  // Vocabulary.
  private let knownWords: [String: KnownWord]
  private let knownStems: Set<String>
  private let typos: TypoCorrector
  private let typoWords: [String]

  /// An example as indexed: its text, place, intent and word features.
  struct IndexedExample: Sendable {
    let text: String
    let location: SourceLocation
    let intent: Int32
    let features: [Int32]
  }

  /// What the index knows about a word of the content: its stem and character n-grams.
  private struct KnownWord: Sendable {
    let stem: Int32
    let grams: [Int32]
    /// 1 / (number of n-grams of the word): each word spreads a weight of 1 over its n-grams.
    let gramWeight: Float
  }

  static let boundary: UInt32 = .max

  // MARK: Building

  /// Indexes the intents of one language.
  ///
  /// - Complexity: O(total length of the examples × n-gram sizes), plus sorting the typo index.
  init(intents source: [Intent], profile: LanguageProfile, parameters: ScoringParameters = .default) {
    language = profile.language
    analyzer = TextAnalyzer(profile: profile)
    self.parameters = parameters
    intents = source.map(\.id)
    let intentCount = source.count

    // Indonesian-style stemmers offer several roots; prefer one the content itself uses.
    var plainStems = Set<String>()
    for intent in source {
      for example in intent.examples {
        for term in analyzer.terms(of: example.text) {
          plainStems.insert(term.stem)
          plainStems.insert(term.folded)
        }
      }
    }
    knownStems = plainStems

    var stemIDs: [String: Int32] = [:]
    var wordIDs: [String: Int32] = [:]
    var wordCounts: [IntentCounts] = []
    var gramIDs: [UInt64: Int32] = [:]
    var gramCounts: [IntentCounts] = []
    var wordFrequency: [String: Int32] = [:]
    var wordStem: [String: Int32] = [:]
    var examples: [IndexedExample] = []
    var examplesByIntent = [[Int32]](repeating: [], count: intentCount)
    var intentSizes = [Double](repeating: 0, count: intentCount)
    var stemFeatureDraft: [Int32: Int32] = [:]
    var bigramDraft: [UInt64: Int32] = [:]
    var exactDraft: [String: Int32] = [:]

    func wordFeature(_ name: String) -> Int32 {
      if let id = wordIDs[name] { return id }
      let id = Int32(wordCounts.count)
      wordIDs[name] = id
      wordCounts.append(IntentCounts())
      return id
    }

    for (intentIndex, intent) in source.enumerated() {
      let c = Int32(intentIndex)
      for example in intent.examples {
        let terms = analyzer.terms(of: example.text, knownStem: plainStems.contains)
        var features = Set<Int32>()
        var stems: [UInt32] = [Self.boundary]
        for term in terms {
          let stem: Int32
          if let id = stemIDs[term.stem] {
            stem = id
          } else {
            stem = Int32(stemIDs.count)
            stemIDs[term.stem] = stem
          }
          stems.append(UInt32(stem))
          let feature = wordFeature("\(term.stem)")
          stemFeatureDraft[stem] = feature
          features.insert(feature)
          if term.exact != term.folded, term.role != .number {
            let exact = wordFeature("=\(term.exact)")
            exactDraft[term.exact] = exact
            features.insert(exact)
          }
          if term.role != .number {
            wordFrequency[term.folded, default: 0] += 1
            wordStem[term.folded] = stem
          }
          for gram in Self.grams(of: term.folded, sizes: parameters.characterGramSizes) {
            let id: Int32
            if let existing = gramIDs[gram.key] {
              id = existing
            } else {
              id = Int32(gramCounts.count)
              gramIDs[gram.key] = id
              gramCounts.append(IntentCounts())
            }
            gramCounts[Int(id)].add(c)
          }
        }
        stems.append(Self.boundary)
        for (a, b) in zip(stems, stems.dropFirst()) {
          let key = UInt64(a) << 32 | UInt64(b)
          let feature: Int32
          if let existing = bigramDraft[key] {
            feature = existing
          } else {
            feature = wordFeature("bigram:\(key)")
            bigramDraft[key] = feature
          }
          features.insert(feature)
        }
        for feature in features { wordCounts[Int(feature)].add(c) }
        examplesByIntent[intentIndex].append(Int32(examples.count))
        examples.append(
          IndexedExample(text: example.text, location: example.location, intent: c, features: features.sorted()))
        intentSizes[intentIndex] += 1
      }
    }

    // Word model: Bernoulli naive Bayes with concentration weights, kept sparse:
    // score_c = base_c + (Σ_query g) · ℓ0_c + Σ_query g · (ℓ(n_fc) − ℓ0_c).
    let a = parameters.wordPseudoCount
    func logOdds(_ n: Double, _ c: Int) -> Double {
      let p = (n + a) / (intentSizes[c] + 2 * a)
      return log(p) - log1p(-p)
    }
    let absent = (0..<intentCount).map { logOdds(0, $0) }
    wordAbsent = absent
    var wordBase = [Double](repeating: 0, count: intentCount)
    var wordWeight = [Float](repeating: 0, count: wordCounts.count)
    var wordPostings = PostingList()
    var weightTotal = 0.0
    for (feature, counts) in wordCounts.enumerated() {
      let g = pow(counts.concentration(intentCount: intentCount), parameters.wordConcentrationPower)
      wordWeight[feature] = Float(g)
      weightTotal += g
      let postings = counts.counts.sorted { $0.key < $1.key }.map { (intent, n) -> PostingList.Entry in
        let c = Int(intent)
        let p = (Double(n) + a) / (intentSizes[c] + 2 * a)
        let p0 = a / (intentSizes[c] + 2 * a)
        wordBase[c] += g * (log1p(-p) - log1p(-p0))
        return .init(intent: intent, value: Float(logOdds(Double(n), c) - absent[c]))
      }
      wordPostings.append(postings)
    }
    for c in 0..<intentCount {
      wordBase[c] += weightTotal * log1p(-a / (intentSizes[c] + 2 * a))
    }

    // Character model: multinomial naive Bayes, score_c = Σ q · ln((n_gc + a) / (T_c + aV)).
    let ac = parameters.characterPseudoCount
    var totals = [Double](repeating: 0, count: intentCount)
    for counts in gramCounts {
      for (intent, n) in counts.counts { totals[Int(intent)] += Double(n) }
    }
    let vocabularySize = Double(gramCounts.count)
    gramAbsent = totals.map { log(ac / ($0 + ac * vocabularySize)) }
    var gramWeight = [Float](repeating: 0, count: gramCounts.count)
    var gramPostings = PostingList()
    for (gram, counts) in gramCounts.enumerated() {
      gramWeight[gram] = Float(pow(counts.concentration(intentCount: intentCount), parameters.characterConcentrationPower))
      gramPostings.append(
        counts.counts.sorted { $0.key < $1.key }.map { .init(intent: $0.key, value: Float(log1p(Double($0.value) / ac))) })
    }

    var stemFeature = [Int32](repeating: -1, count: stemIDs.count)
    for (stem, feature) in stemFeatureDraft { stemFeature[Int(stem)] = feature }
    var names = [String](repeating: "", count: wordCounts.count)
    let stemNames = Dictionary(uniqueKeysWithValues: stemIDs.map { ($0.value, $0.key) })
    for (name, id) in wordIDs { names[Int(id)] = name }
    for (key, id) in bigramDraft {
      let first = UInt32(key >> 32), second = UInt32(key & 0xFFFF_FFFF)
      let left = first == Self.boundary ? "^" : stemNames[Int32(first)] ?? "?"
      let right = second == Self.boundary ? "$" : stemNames[Int32(second)] ?? "?"
      names[Int(id)] = "\(left) \(right)"
    }
    var knownWords: [String: KnownWord] = [:]
    for (word, stem) in wordStem {
      let all = Self.grams(of: word, sizes: parameters.characterGramSizes)
      let grams = all.compactMap { gramIDs[$0.key] }
      knownWords[word] = KnownWord(stem: stem, grams: grams, gramWeight: all.first?.weight ?? 0)
    }
    let typoWords = wordFrequency.keys.sorted()
    self.typos = TypoCorrector(
      words: typoWords.map { Array($0.utf8) }, frequencies: typoWords.map { wordFrequency[$0] ?? 0 })
    self.typoWords = typoWords
    self.knownWords = knownWords
    self.stemIDs = stemIDs
    self.stemFeature = stemFeature
    self.bigramFeature = bigramDraft
    self.exactFeature = exactDraft
    self.wordFeatureNames = names
    self.wordWeight = wordWeight
    self.wordPostings = wordPostings
    self.wordBase = wordBase
    self.gramIDs = gramIDs
    self.gramWeight = gramWeight
    self.gramPostings = gramPostings
    self.examples = examples
    self.examplesByIntent = examplesByIntent
  }

  /// The n-grams of `<word>`, each with weight 1 / (number of n-grams), keyed for the index.
  static func grams(of word: String, sizes: [Int]) -> [(key: UInt64, weight: Float)] {
    var bytes: [UInt8] = [0x3C]
    bytes.append(contentsOf: word.utf8)
    bytes.append(0x3E)
    var keys: [UInt64] = []
    for n in sizes where n <= bytes.count {
      for start in 0...(bytes.count - n) {
        keys.append(gramKey(bytes[start..<(start + n)]))
      }
    }
    let weight = keys.isEmpty ? 0 : 1 / Float(keys.count)
    return keys.map { ($0, weight) }
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

  /// Scores a message against every intent.
  ///
  /// - Parameters:
  ///   - text: The message.
  ///   - detail: Whether to work out the per-signal breakdown and the nearest examples (for explanations).
  /// - Complexity: O(features × postings + intents).
  func match(_ text: String, detail: Bool = false) -> Match {
    let terms = analyzer.terms(of: text, knownStem: knownStems.contains)
    var corrections: [Match.Correction] = []
    var unknown: [String] = []
    var stems: [UInt32] = [Self.boundary]
    var stemWeights: [(stem: Int32?, weight: Double)] = []
    var queryGrams: [(id: Int32, weight: Float)] = []
    var words = Set<Int32>()

    for term in terms {
      var stem = stemIDs[term.stem]
      var grams: [(Int32, Float)] = []
      if let known = knownWords[term.folded] {
        stem = stem ?? known.stem
        grams = known.grams.map { ($0, known.gramWeight) }
      } else if stem == nil, term.role != .number, term.folded.unicodeScalars.allSatisfy(\.properties.isAlphabetic),
        let correction = typos.correct(Array(term.folded.utf8)),
        let known = knownWords[typoWords[Int(correction.word)]]
      {
        let corrected = typoWords[Int(correction.word)]
        corrections.append(.init(typed: term.folded, corrected: corrected, distance: correction.distance))
        stem = known.stem
        grams = known.grams.map { ($0, known.gramWeight) }
      } else {
        grams = Self.grams(of: term.folded, sizes: parameters.characterGramSizes).compactMap { gram in
          gramIDs[gram.key].map { ($0, gram.weight) }
        }
        if stem == nil && term.role != .number { unknown.append(term.folded) }
      }
      for (id, weight) in grams { queryGrams.append((id, weight)) }
      if let stem {
        stems.append(UInt32(stem))
        let feature = stemFeature[Int(stem)]
        if feature >= 0 { words.insert(feature) }
        stemWeights.append((stem, feature >= 0 ? Double(wordWeight[Int(feature)]) : 1))
      } else {
        stems.append(Self.boundary - 1)
        stemWeights.append((nil, term.role == .number ? 0 : 1))
      }
      if term.exact != term.folded, let exact = exactFeature[term.exact] { words.insert(exact) }
    }
    stems.append(Self.boundary)
    for (a, b) in zip(stems, stems.dropFirst()) where a != Self.boundary - 1 && b != Self.boundary - 1 {
      if let feature = bigramFeature[UInt64(a) << 32 | UInt64(b)] { words.insert(feature) }
    }

    let count = intents.count
    var wordScores = wordBase
    var gramScores = [Double](repeating: 0, count: count)
    var weightSum = 0.0
    for feature in words {
      let g = Double(wordWeight[Int(feature)])
      weightSum += g
      for entry in wordPostings[feature] { wordScores[Int(entry.intent)] += g * Double(entry.value) }
    }
    for c in 0..<count { wordScores[c] += weightSum * wordAbsent[c] }
    var gramSum = 0.0
    for (id, weight) in queryGrams {
      let q = Double(weight) * Double(gramWeight[Int(id)])
      gramSum += q
      for entry in gramPostings[id] { gramScores[Int(entry.intent)] += q * Double(entry.value) }
    }
    for c in 0..<count { gramScores[c] += gramSum * gramAbsent[c] }

    let wordZ = Self.standardised(wordScores)
    let gramZ = Self.standardised(gramScores)
    let lambda = parameters.characterWeight
    var combined = [Double](repeating: 0, count: count)
    for c in 0..<count { combined[c] = wordZ[c] + lambda * gramZ[c] }

    // Coverage: the share of the message's informative weight each intent's vocabulary has.
    var covered = [Double](repeating: 0, count: count)
    var totalWeight = 0.0
    var knownWeight = 0.0
    for (stem, weight) in stemWeights {
      totalWeight += weight
      guard let stem else { continue }
      knownWeight += weight
      let feature = stemFeature[Int(stem)]
      guard feature >= 0 else { continue }
      for entry in wordPostings[feature] { covered[Int(entry.intent)] += weight }
    }
    let ranked = Self.top(combined, count: min(count, 5))
    let margin = ranked.count > 1 ? combined[ranked[0]] - combined[ranked[1]] : combined.first ?? 0
    let candidates = ranked.map { c -> Candidate in
      let coverage = totalWeight > 0 ? covered[c] / totalWeight : 0
      let ownMargin = c == ranked[0] ? margin : combined[c] - combined[ranked[0]]
      let confidence = self.confidence(z: combined[c], coverage: coverage, margin: ownMargin)
      return Candidate(
        intent: intents[c], confidence: confidence,
        signals: detail ? signals(for: c, words: words, wordZ: wordZ[c], gramZ: gramZ[c], coverage: coverage) : [],
        nearestExamples: detail ? nearestExamples(of: c, words: words) : [])
    }
    let top = ranked.first
    let topCoverage = top.map { totalWeight > 0 ? covered[$0] / totalWeight : 0 } ?? 0
    let confidence = Match.Confidence(
      value: candidates.first?.confidence ?? 0, absolute: top.map { combined[$0] } ?? 0, coverage: topCoverage,
      margin: margin)
    return Match(
      language: language, terms: terms, corrections: corrections, unknownWords: unknown,
      coverage: totalWeight > 0 ? knownWeight / totalWeight : 0, candidates: candidates, confidence: confidence)
  }

  /// sigmoid(slope · (z + β ln max(coverage, ε) + γ · margin − midpoint)).
  func confidence(z: Double, coverage: Double, margin: Double) -> Double {
    let p = parameters
    let evidence = z + p.coverageWeight * log(max(coverage, p.coverageFloor)) + p.marginWeight * margin
    return 1 / (1 + exp(-p.slope * (evidence - p.midpoint)))
  }

  static func standardised(_ values: [Double]) -> [Double] {
    guard !values.isEmpty else { return [] }
    let mean = values.reduce(0, +) / Double(values.count)
    var variance = 0.0
    for value in values { variance += (value - mean) * (value - mean) }
    let deviation = (variance / Double(values.count)).squareRoot()
    let scale = deviation > 0 ? 1 / deviation : 1
    return values.map { ($0 - mean) * scale }
  }

  /// The indices of the `count` largest values, largest first.
  static func top(_ values: [Double], count: Int) -> [Int] {
    var best: [Int] = []
    for index in values.indices {
      if best.count < count {
        best.append(index)
        best.sort { values[$0] > values[$1] }
      } else if values[index] > values[best[count - 1]] {
        best[count - 1] = index
        best.sort { values[$0] > values[$1] }
      }
    }
    return best
  }

  // MARK: Explanations

  private func signals(for c: Int, words: Set<Int32>, wordZ: Double, gramZ: Double, coverage: Double) -> [Signal] {
    let contributions = words.compactMap { feature -> (String, Double)? in
      guard let entry = wordPostings[feature].first(where: { $0.intent == Int32(c) }) else { return nil }
      return (wordFeatureNames[Int(feature)], Double(wordWeight[Int(feature)]) * Double(entry.value))
    }.sorted { $0.1 > $1.1 }
    return [
      Signal(name: "words", value: wordZ, detail: contributions.prefix(6).map { "\($0.0) (+\(String(format: "%.2f", $0.1)))" }),
      Signal(name: "character n-grams", value: parameters.characterWeight * gramZ, detail: []),
      Signal(name: "coverage", value: coverage, detail: []),
    ]
  }

  /// The examples of an intent that share the most weighted word features with the message.
  private func nearestExamples(of c: Int, words: Set<Int32>) -> [ExampleMatch] {
    let queryWeight = words.reduce(0.0) { $0 + Double(wordWeight[Int($1)]) }
    let scored = examplesByIntent[c].map { index -> (Int32, Double) in
      let example = examples[Int(index)]
      var shared = 0.0
      var union = queryWeight
      for feature in example.features {
        let g = Double(wordWeight[Int(feature)])
        if words.contains(feature) { shared += g } else { union += g }
      }
      return (index, union > 0 ? shared / union : 0)
    }.sorted { $0.1 > $1.1 }
    return scored.prefix(3).map {
      let example = examples[Int($0.0)]
      return ExampleMatch(text: example.text, location: example.location, similarity: $0.1)
    }
  }
}
