import Foundation

extension LanguageIndex {
  /// Scores a message against every intent.
  ///
  /// - Parameters:
  ///   - text: The message.
  ///   - detail: Whether to work out the per-signal breakdown and the nearest examples (for explanations).
  /// - Complexity: O(features × postings + touched intents), plus O(intents) up to `denseRankingLimit`.
  func match(_ text: String, detail: Bool = false) -> IntentMatch {
    match(tokens: analyzer.tokens(of: text), detail: detail)
  }

  /// Scores a message that the tokenizer has already cut (with this language's casing).
  func match(tokens: [RawToken], detail: Bool = false) -> IntentMatch {
    let (terms, entities, query) = analysed(tokens)
    return scratch.with { scratch in
      score(query, scratch: &scratch, terms: terms, entities: entities, detail: detail)
    }
  }

  /// A cut message's terms, the names found in it, and the query the models read.
  func analysed(_ tokens: [RawToken]) -> (terms: [AnalyzedTerm], entities: [Entity], query: Query) {
    var entities: [Entity] = []
    let terms = analyzer.terms(from: tokens, knownStem: knownStems.contains, stems: stemCache, entities: &entities)
    return (terms, entities, Query(terms: terms, index: self))
  }

  /// What one word of the message contributes.
  enum WordEvidence: Sendable {
    case known(Int32)
    case unknownStem(Int32, grams: [Int32], share: Double)
    case unknown(grams: [Int32], share: Double)
  }

  /// A message as the models read it: its word features, each word's character evidence, and the
  /// weight of each word's stem for coverage.
  struct Query: Sendable {
    var corrections: [IntentMatch.Correction] = []
    var unknownWords: [String] = []
    var evidence: [WordEvidence] = []
    /// The word model's features, sorted, each once.
    var features: [Int32] = []
    var stemWeights: [(stem: Int32?, weight: Double)] = []

    init(terms: [AnalyzedTerm], index: LanguageIndex) {
      let words = index.words
      var previous = WordModel.boundary
      func addFeature(_ key: UInt64) {
        if let id = words.features[key] { features.append(id) }
      }
      for term in terms {
        let stem = read(term, index: index)
        if let stem {
          addFeature(WordModel.stemKey(stem))
          addFeature(WordModel.bigramKey(previous, UInt32(stem)))
          previous = UInt32(stem)
          let feature = words.features[WordModel.stemKey(stem)]
          stemWeights.append((stem, feature.map { words.weight($0) } ?? 1))
        } else {
          previous = WordModel.unknown
          stemWeights.append((nil, term.role == .number || term.role == .entity ? 0 : 1))
        }
        if term.exact != term.folded, let exact = index.exacts[term.exact] { addFeature(WordModel.exactKey(exact)) }
      }
      if previous != WordModel.unknown { addFeature(WordModel.bigramKey(previous, WordModel.boundary)) }
      // Sorted, then each once: the order the contributions are added in is then the same on every run
      // and every replica (a `Set`'s order is not), so a score is the same to the last bit.
      features.sort()
      var unique = 0
      for feature in features where unique == 0 || features[unique - 1] != feature {
        features[unique] = feature
        unique += 1
      }
      features.removeLast(features.count - unique)
    }

    /// Adds a term's character evidence (its word, a typo's correction, or its n-grams), and returns
    /// its stem id when the content knows the stem.
    private mutating func read(_ term: AnalyzedTerm, index: LanguageIndex) -> Int32? {
      var stem = index.stems[term.stem]
      if let word = index.vocabulary[term.folded] {
        evidence.append(.known(word))
        stem = stem ?? index.wordStems[Int(word)]
      } else if stem == nil, term.role != .number, term.role != .entity, !index.analyzer.isProtected(term.folded),
        term.folded.unicodeScalars.allSatisfy(\.properties.isAlphabetic),
        !index.parameters.switchedOff.contains(.typoCorrection),
        let correction = index.typos.correct(Array(term.folded.utf8)), index.isPlausible(correction, of: term)
      {
        let word = correction.word
        corrections.append(.init(typed: term.folded, corrected: index.typos.word(word), distance: correction.distance))
        evidence.append(.known(word))
        stem = index.wordStems[Int(word)]
      } else {
        let (grams, share) = index.characters.grams(ofUnknown: term.folded, sizes: index.parameters.characterGramSizes)
        if let stem {
          evidence.append(.unknownStem(stem, grams: grams, share: share))
        } else {
          evidence.append(.unknown(grams: grams, share: share))
          if term.role == .content { unknownWords.append(term.folded) }
        }
      }
      return stem
    }
  }

  /// The sums over the message that the per-intent constants are multiplied by.
  struct QueryTotals: Sendable {
    /// Σ g over the message's word features.
    var weightSum = 0.0
    /// Σ q over the message's n-grams.
    var characterMass = 0.0
    /// The message's informative weight, and the part of it whose stems the content knows.
    var totalWeight = 0.0
    var knownWeight = 0.0
  }

  private func score(
    _ query: Query, scratch: inout ScratchPool.Scratch, terms: [AnalyzedTerm], entities: [Entity], detail: Bool
  ) -> IntentMatch {
    let totals = accumulate(query, into: &scratch)
    let (ranked, z) = rank(totals, scratch: scratch)
    let scored = candidates(
      ranked: ranked, z: z, scratch: scratch, totals: totals,
      explanation: detail ? (explainer, query.features, query.evidence) : nil)
    let candidates = scored.map(\.candidate)
    return IntentMatch(
      language: language, terms: terms, entities: entities, corrections: query.corrections,
      unknownWords: query.unknownWords,
      coverage: totals.totalWeight > 0 ? totals.knownWeight / totals.totalWeight : 0, candidates: candidates,
      confidence: IntentMatch.Confidence(
        value: candidates.first?.confidence ?? 0, absolute: scored.first?.absolute ?? 0,
        coverage: candidates.first?.coverage ?? 0, margin: scored.first?.margin ?? 0))
  }

  /// Adds each posting of the message's features into the scratch's per-intent sums: word scores,
  /// character scores, coverage; the touched intents are listed when only they will be ranked.
  ///
  /// The loops write through raw buffers: one bounds- and uniqueness-check-free add per posting is the
  /// whole cost of scoring.
  func accumulate(_ query: Query, into scratch: inout ScratchPool.Scratch) -> QueryTotals {
    var totals = QueryTotals()
    let track = intents.count > Self.denseRankingLimit
    scratch.words.withUnsafeMutableBufferPointer { wordScores in
      scratch.characters.withUnsafeMutableBufferPointer { gramScores in
        scratch.covered.withUnsafeMutableBufferPointer { covered in
          scratch.isTouched.withUnsafeMutableBufferPointer { isTouched in
            var touched = Touched(list: scratch.touched, isTouched: isTouched, track: track)
            words.postings.withUnsafePostings { wordPostings in
              characters.postings.withUnsafePostings { gramPostings in
                characters.wordEvidence.withUnsafePostings { wordCharacters in
                  totals.weightSum = addWords(query.features, postings: wordPostings, to: wordScores, &touched)
                  totals.characterMass = addCharacters(
                    query.evidence, postings: gramPostings, wordEvidence: wordCharacters, to: gramScores, &touched)
                  (totals.totalWeight, totals.knownWeight) = addCoverage(
                    query.stemWeights, postings: wordPostings, to: covered)
                }
              }
            }
            scratch.touched = touched.list
            if fitted.isFitted { addFitted(query, to: &scratch.fitted) }
          }
        }
      }
    }
    return totals
  }

  /// The fitted model: Σ x_f · W_fc over the message's word features (x = g / ‖g‖), plus
  /// α / √n × Σ over its n words with n-grams of their unit n-gram vectors times W.
  func addFitted(_ query: Query, to scores: inout [Double]) {
    let model = fitted
    var norm = 0.0
    for feature in query.features {
      let g = FittedModel.value(feature, words: words, plain: model.plain)
      norm += g * g
    }
    scores.withUnsafeMutableBufferPointer { scores in
      if norm > 0 {
        let scale = 1 / norm.squareRoot()
        model.wordWeights.withUnsafePostings { postings in
          for feature in query.features {
            let x = FittedModel.value(feature, words: words, plain: model.plain) * scale
            guard x > 0 else { continue }
            for index in postings.range(feature) {
              let entry = postings.entries[index]
              scores[Int(entry.intent)] += x * Double(entry.value)
            }
          }
        }
      }
      let scale = fittedCharacterScale(of: query.evidence)
      guard scale > 0 else { return }
      for item in query.evidence {
        switch item {
        case .known(let word):
          for entry in model.wordEvidence[word] { scores[Int(entry.intent)] += scale * Double(entry.value) }
        case .unknownStem(_, let grams, _), .unknown(let grams, _):
          for (gram, u) in FittedModel.unitVector(grams, characters: characters, plain: model.plain) {
            for entry in model.gramWeights[gram] {
              scores[Int(entry.intent)] += scale * Double(u) * Double(entry.value)
            }
          }
        }
      }
    }
  }

  /// α / √n for a message's words: what the fitted model multiplies their character part by (0 when
  /// no word has n-grams).
  func fittedCharacterScale(of evidence: [WordEvidence]) -> Double {
    let model = fitted
    guard model.characterScale > 0 else { return 0 }
    var count = 0
    for item in evidence {
      switch item {
      case .known(let word): if model.hasGrams[Int(word)] { count += 1 }
      case .unknownStem(_, let grams, _), .unknown(let grams, _): if !grams.isEmpty { count += 1 }
      }
    }
    return count > 0 ? model.characterScale / Double(count).squareRoot() : 0
  }

  /// The intents that a message's postings reached, listed once each while `track` is on (with dense
  /// ranking every intent is visited anyway, so touched intents need no bookkeeping).
  struct Touched {
    var list: [Int32]
    let isTouched: UnsafeMutableBufferPointer<Bool>
    let track: Bool

    @inline(__always) mutating func touch(_ c: Int) {
      if track && !isTouched[c] {
        isTouched[c] = true
        list.append(Int32(c))
      }
    }
  }

  /// The word model: g × posting for each feature and intent; returns Σ g.
  @inline(__always)
  private func addWords(
    _ features: [Int32], postings: PostingList<Float>.RawPostings, to scores: UnsafeMutableBufferPointer<Double>,
    _ touched: inout Touched
  ) -> Double {
    var weightSum = 0.0
    for feature in features {
      let g = Double(words.weights[Int(feature)])
      weightSum += g
      Self.add(feature, of: postings, times: g, to: scores, &touched)
    }
    return weightSum
  }

  /// Adds `weight` × each posting of `feature` to its intent's score.
  @inline(__always)
  private static func add(
    _ feature: Int32, of postings: PostingList<Float>.RawPostings, times weight: Double,
    to scores: UnsafeMutableBufferPointer<Double>, _ touched: inout Touched
  ) {
    for index in postings.range(feature) {
      let entry = postings.entries[index]
      let c = Int(entry.intent)
      touched.touch(c)
      scores[c] += weight * Double(entry.value)
    }
  }

  /// The character model: a known word's summed vector, or each n-gram's q × posting; returns Σ q.
  @inline(__always)
  private func addCharacters(
    _ evidence: [WordEvidence], postings: PostingList<Float>.RawPostings, wordEvidence: PostingList<Double>.RawPostings,
    to scores: UnsafeMutableBufferPointer<Double>, _ touched: inout Touched
  ) -> Double {
    var characterMass = 0.0
    for item in evidence {
      switch item {
      case .known(let word):
        characterMass += characters.wordMass[Int(word)]
        for index in wordEvidence.range(word) {
          let entry = wordEvidence.entries[index]
          let c = Int(entry.intent)
          touched.touch(c)
          scores[c] += entry.value
        }
      case .unknownStem(_, let grams, let share), .unknown(let grams, let share):
        for gram in grams {
          let q = share * Double(characters.weights[Int(gram)])
          characterMass += q
          Self.add(gram, of: postings, times: q, to: scores, &touched)
        }
      }
    }
    return characterMass
  }

  /// Coverage: the share of the message's informative weight each intent's vocabulary has; returns
  /// the total and the known weight.
  @inline(__always)
  private func addCoverage(
    _ stemWeights: [(stem: Int32?, weight: Double)], postings: PostingList<Float>.RawPostings,
    to covered: UnsafeMutableBufferPointer<Double>
  ) -> (total: Double, known: Double) {
    var totalWeight = 0.0
    var knownWeight = 0.0
    for (stem, weight) in stemWeights {
      totalWeight += weight
      guard let stem else { continue }
      knownWeight += weight
      guard let feature = words.features[WordModel.stemKey(stem)] else { continue }
      for index in postings.range(feature) {
        covered[Int(postings.entries[index].intent)] += weight
      }
    }
    return (totalWeight, knownWeight)
  }
}

extension LanguageIndex {
  /// Whether a correction fits the word as typed: a word typed with diacritics is taken for a word
  /// written within the same edits with them, as the marks are what the customer typed (vi "chắc",
  /// "surely", is not "chào", "hello", though they fold one edit apart; "hnàg" is "hàng").
  func isPlausible(_ correction: TypoCorrector.Correction, of term: AnalyzedTerm) -> Bool {
    guard term.exact != term.folded else { return true }
    let typed = Array(term.exact.unicodeScalars)
    return writtenForms[Int(correction.word)].contains {
      EditDistance.osa(typed, Array($0.unicodeScalars), limit: correction.distance) <= correction.distance
    }
  }
}
