import Foundation

extension LanguageIndex {
  /// At most this many intents are ranked and given a confidence.
  static let candidateLimit = 5
  /// A spread of scores below this (per intent) counts as none: the scores are left unscaled.
  static let varianceFloor = 1e-12

  /// How each model's raw scores become z-scores: (score − mean) × scale, scale = 1 / deviation.
  struct Standardisation: Sendable {
    var wordMean = 0.0, gramMean = 0.0, wordScale = 1.0, gramScale = 1.0
    var fittedMean = 0.0, fittedScale = 1.0

    /// The combined score of an intent's raw word, character and fitted scores: the weighted mean of
    /// their z-scores, (z_words + λ · z_characters + μ · z_fitted) / (1 + λ + μ).
    @inline(__always)
    func combined(word: Double, gram: Double, fitted: Double = 0, lambda: Double, mu: Double = 0) -> Double {
      ((word - wordMean) * wordScale + lambda * (gram - gramMean) * gramScale + mu * (fitted - fittedMean)
        * fittedScale) / (1 + lambda + mu)
    }
  }

  /// The best intents by combined z-score, best first, and the standardisation that gave them.
  func rank(_ totals: QueryTotals, scratch: ScratchPool.Scratch) -> (
    ranked: [(intent: Int, score: Double)], z: Standardisation
  ) {
    let count = intents.count
    let lambda = characterWeight
    var ranked: [(intent: Int, score: Double)] = []
    ranked.reserveCapacity(Self.candidateLimit + 1)
    let limit = min(count, Self.candidateLimit)
    func consider(_ c: Int, _ value: Double) {
      if ranked.count < limit {
        ranked.append((c, value))
        ranked.sort { $0.score > $1.score }
      } else if value > ranked[limit - 1].score {
        ranked[limit - 1] = (c, value)
        ranked.sort { $0.score > $1.score }
      }
    }
    let z: Standardisation
    if count <= Self.denseRankingLimit {
      // With few intents, every score is written out and standardised the textbook way (two passes),
      // which costs nothing and rounds least; every intent is ranked.
      let (wordScores, gramScores, standard) = standardisedScores(totals, scratch: scratch)
      let mu = fittedWeight
      for c in 0..<count {
        consider(
          c,
          standard.combined(
            word: wordScores[c], gram: gramScores[c], fitted: scratch.fitted[c], lambda: lambda, mu: mu))
      }
      z = standard
    } else {
      // With many intents, only touched intents are ranked: one that shares no word and no n-gram with
      // the message has no evidence for it.
      z = touchedStandardisation(totals, scratch: scratch)
      for intent in scratch.touched {
        let c = Int(intent)
        let w = words.base[c] + totals.weightSum * words.absent[c] + scratch.words[c]
        let g = totals.characterMass * characters.absent[c] + scratch.characters[c]
        consider(c, z.combined(word: w, gram: g, lambda: lambda))
      }
    }
    return (ranked, z)
  }

  /// The intent ranked first at each of several character weights, from one scoring of the message:
  /// what `PolicyCalibration` reads to choose a language's weight. Past the dense ranking limit there
  /// is no character model, and every weight gives the same intent.
  ///
  /// - Returns: One intent index per weight, or -1 when the content has no intents.
  /// - Complexity: one scoring of the message, plus O(intents × weights).
  func bestIntents(_ text: String, characterWeights: [Double]) -> [Int] {
    bestIntents(text, weights: characterWeights.map { ($0, fittedWeight) })
  }

  /// The intent ranked first at each pair of a character weight λ and a fitted weight μ (μ reads 0
  /// when the model was not fitted): what `PolicyCalibration` reads to choose both.
  ///
  /// - Returns: One intent index per pair, or -1 when the content has no intents.
  /// - Complexity: one scoring of the message, plus O(intents × pairs).
  func bestIntents(_ text: String, weights: [(lambda: Double, mu: Double)]) -> [Int] {
    let query = analysed(analyzer.tokens(of: text)).query
    return scratch.with { scratch in
      let totals = accumulate(query, into: &scratch)
      guard intents.count <= Self.denseRankingLimit else {
        let first = rank(totals, scratch: scratch).ranked.first?.intent ?? -1
        return weights.map { _ in first }
      }
      let (wordScores, gramScores, standard) = standardisedScores(totals, scratch: scratch)
      // Without a model the fitted scores stay 0, and so does their z-score.
      let fittedScores = scratch.fitted
      return weights.map { lambda, mu in
        var best = -1
        var bestScore = -Double.infinity
        for c in wordScores.indices {
          let score = standard.combined(
            word: wordScores[c], gram: gramScores[c], fitted: fittedScores[c], lambda: lambda, mu: mu)
          if score > bestScore { (best, bestScore) = (c, score) }
        }
        return best
      }
    }
  }

  /// Every intent's word and character score, written out, and their standardisation over all intents
  /// (the textbook two passes).
  private func standardisedScores(_ totals: QueryTotals, scratch: ScratchPool.Scratch) -> (
    words: [Double], grams: [Double], z: Standardisation
  ) {
    let (wordScores, gramScores) = allScores(totals, scratch: scratch)
    var standard = Standardisation()
    (standard.wordMean, standard.wordScale) = Self.meanAndInverseDeviation(wordScores)
    (standard.gramMean, standard.gramScale) = Self.meanAndInverseDeviation(gramScores)
    if fitted.isFitted {
      (standard.fittedMean, standard.fittedScale) = Self.meanAndInverseDeviation(scratch.fitted)
    }
    return (wordScores, gramScores, standard)
  }

  /// Every intent's word and character score, written out.
  private func allScores(_ totals: QueryTotals, scratch: ScratchPool.Scratch) -> ([Double], [Double]) {
    let count = intents.count
    var wordScores = [Double](repeating: 0, count: count)
    var gramScores = [Double](repeating: 0, count: count)
    words.base.withUnsafeBufferPointer { base in
      words.absent.withUnsafeBufferPointer { absent in
        characters.absent.withUnsafeBufferPointer { gramAbsent in
          scratch.words.withUnsafeBufferPointer { words in
            scratch.characters.withUnsafeBufferPointer { characters in
              for c in 0..<count {
                wordScores[c] = base[c] + totals.weightSum * absent[c] + words[c]
                gramScores[c] = totals.characterMass * gramAbsent[c] + characters[c]
              }
            }
          }
        }
      }
    }
    return (wordScores, gramScores)
  }

  /// The mean and variance over all intents, from the sums of the per-intent constants and the
  /// touched intents.
  private func touchedStandardisation(_ totals: QueryTotals, scratch: ScratchPool.Scratch) -> Standardisation {
    let n = Double(intents.count)
    let weightSum = totals.weightSum
    let characterMass = totals.characterMass
    var wordSum = sums.base + weightSum * sums.absent
    var wordSquares = sums.baseSquared + 2 * weightSum * sums.baseAbsent + weightSum * weightSum * sums.absentSquared
    var gramSum = characterMass * sums.gramAbsent
    var gramSquares = characterMass * characterMass * sums.gramAbsentSquared
    for intent in scratch.touched {
      let c = Int(intent)
      let wordConstant = words.base[c] + weightSum * words.absent[c]
      let dw = scratch.words[c]
      wordSum += dw
      wordSquares += 2 * wordConstant * dw + dw * dw
      let gramConstant = characterMass * characters.absent[c]
      let dg = scratch.characters[c]
      gramSum += dg
      gramSquares += 2 * gramConstant * dg + dg * dg
    }
    var z = Standardisation()
    z.wordMean = wordSum / n
    z.gramMean = gramSum / n
    z.wordScale = Self.inverseDeviation(squares: wordSquares / n, mean: z.wordMean)
    z.gramScale = Self.inverseDeviation(squares: gramSquares / n, mean: z.gramMean)
    return z
  }

  /// The mean of the values, and 1 / their (population) standard deviation, in two passes.
  private static func meanAndInverseDeviation(_ values: [Double]) -> (Double, Double) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var spread = 0.0
    for value in values { spread += (value - mean) * (value - mean) }
    return (mean, spread > varianceFloor * n ? 1 / (spread / n).squareRoot() : 1)
  }

  private static func inverseDeviation(squares: Double, mean: Double) -> Double {
    let variance = squares - mean * mean
    return variance > varianceFloor ? 1 / variance.squareRoot() : 1
  }

  /// A ranked intent with its confidence, and the figures of `IntentMatch.Confidence` it gives when first.
  typealias ScoredCandidate = (candidate: IntentCandidate, absolute: Double, margin: Double)

  /// Each of the best-scored intents with its confidence, shown in score order and capped at the
  /// confidence of the intents ranked above it: an intent whose examples cover the message better can
  /// compute a higher confidence with a lower score, but the ranking decides, and the figures shown
  /// must agree with it. (Ranking by the computed confidence instead was measured: it lowers
  /// CLINC150's out-of-scope recall by about 1.5 points; docs/matching.md.)
  /// The out-of-scope examples are not an intent to rank against the others: they take the place
  /// their own confidence gives them, and do not cap the intents'.
  ///
  /// - Parameter explanation: With an explainer and the message's features, each candidate's signals
  ///   and nearest examples are worked out.
  func candidates(
    ranked: [(intent: Int, score: Double)], z: Standardisation, scratch: ScratchPool.Scratch, totals: QueryTotals,
    explanation: (explainer: MatchExplainer, features: [Int32], evidence: [WordEvidence])?
  ) -> [ScoredCandidate] {
    let totalWeight = totals.totalWeight
    func zWords(_ c: Int) -> Double {
      (words.base[c] + totals.weightSum * words.absent[c] + scratch.words[c] - z.wordMean) * z.wordScale
    }
    func zGrams(_ c: Int) -> Double {
      (totals.characterMass * characters.absent[c] + scratch.characters[c] - z.gramMean) * z.gramScale
    }
    func zFitted(_ c: Int) -> Double { (scratch.fitted[c] - z.fittedMean) * z.fittedScale }
    let margin = ranked.count > 1 ? ranked[0].score - ranked[1].score : ranked.first?.score ?? 0
    let zScale = zScale
    var ceiling = 1.0
    var scored = ranked.map { entry -> ScoredCandidate in
      let c = entry.intent
      let coverage = totalWeight > 0 ? scratch.covered[c] / totalWeight : 0
      let ownMargin = c == ranked[0].intent ? margin : entry.score - ranked[0].score
      let computed = confidence(z: entry.score * zScale, coverage: coverage, margin: ownMargin)
      let shown: Double
      if c == outOfScopeIndex {
        shown = computed
      } else {
        ceiling = min(ceiling, computed)
        shown = ceiling
      }
      let candidate = IntentCandidate(
        intent: intents[c], confidence: shown, coverage: coverage,
        signals: explanation.map {
          $0.explainer.signals(
            for: c, features: $0.features, evidence: $0.evidence, wordZ: zWords(c), gramZ: zGrams(c),
            fittedZ: zFitted(c), coverage: coverage)
        } ?? [],
        nearestExamples: explanation.map { $0.explainer.nearestExamples(of: c, features: $0.features) } ?? [])
      return (candidate, entry.score * zScale, ownMargin)
    }
    if let position = scored.firstIndex(where: { $0.candidate.intent == .outOfScope }) {
      let outOfScope = scored.remove(at: position)
      let place = scored.firstIndex { $0.candidate.confidence < outOfScope.candidate.confidence } ?? scored.count
      scored.insert(outOfScope, at: place)
    }
    return scored
  }

  /// Below the intent count the thresholds were chosen on, z-scores are capped lower (√(C − 1)); they
  /// are scaled up to that ceiling so that small content can be confident.
  private var zScale: Double {
    let count = intents.count
    guard let reference = parameters.calibrationIntentCount, count > 1, count < reference else { return 1 }
    return (Double(reference - 1) / Double(count - 1)).squareRoot()
  }

  /// sigmoid(slope · (z + β ln max(coverage, ε) + γ · margin − midpoint)).
  func confidence(z: Double, coverage: Double, margin: Double) -> Double {
    let p = parameters
    let evidence = z + p.coverageWeight * log(max(coverage, p.coverageFloor)) + p.marginWeight * margin
    return 1 / (1 + exp(-p.slope * (evidence - p.midpoint)))
  }
}
