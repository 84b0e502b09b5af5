import Foundation

/// The word model of a `LanguageIndex`: Bernoulli naive Bayes over stems, stem bigrams (with sentence
/// boundaries) and exact accented forms, each feature weighted by its concentration
/// g = (1 − H(intent | feature) / ln C)^p, and kept sparse:
///
///     score_c = base_c + (Σ_query g) · absent_c + Σ_query g · posting_fc
///
/// where posting_fc = ℓ(n_fc) − absent_c, with ℓ(n) = ln(p / (1 − p)), p = (n + a) / (size_c + 2a).
struct WordModel: Sendable {
  /// Every feature of the examples, by packed key (`stemKey`, `bigramKey`, `exactKey`).
  let features: Interner<UInt64>
  /// Each feature's concentration weight g (0 for the features that keep no postings).
  let weights: [Float]
  /// For each feature, the intents whose examples have it, with ℓ(n_fc) − absent_c.
  let postings: PostingList<Float>
  /// Per intent: the score of a message that has no feature.
  let base: [Double]
  /// Per intent: ℓ(0), the log-odds of a feature its examples lack.
  let absent: [Double]

  // Feature keys: the top two bits say the kind, the rest the stem or exact form, or the two stems of
  // a bigram (31 bits each).
  static let kindShift: UInt64 = 62
  static let stemKind: UInt64 = 1
  static let bigramKind: UInt64 = 2
  static let exactKind: UInt64 = 3
  static let idMask: UInt64 = 0x7FFF_FFFF
  static let bigramShift: UInt64 = 31

  static func stemKey(_ stem: Int32) -> UInt64 { stemKind << kindShift | UInt64(UInt32(bitPattern: stem)) }
  static func exactKey(_ exact: Int32) -> UInt64 { exactKind << kindShift | UInt64(UInt32(bitPattern: exact)) }
  static func bigramKey(_ a: UInt32, _ b: UInt32) -> UInt64 {
    bigramKind << kindShift | UInt64(a) << bigramShift | UInt64(b)
  }
  /// Sentence boundary in bigrams; `unknown` breaks a bigram.
  static let boundary: UInt32 = 0x7FFF_FFFF
  static let unknown: UInt32 = 0x7FFF_FFFE

  /// Fits the model to the examples' features.
  ///
  /// - Parameters:
  ///   - features: The features, by key.
  ///   - pairs: One `feature << 32 | intent` value per example that has the feature.
  ///   - intentSizes: Each intent's number of examples.
  ///   - sparse: Whether features whose weight is below `parameters.sparseWordFloor` keep no postings
  ///     (content past `LanguageIndex.denseRankingLimit`).
  /// - Complexity: O(pairs log pairs).
  init(
    features: Interner<UInt64>, pairs: [UInt64], intentSizes: [Double], parameters: ScoringParameters, sparse: Bool
  ) {
    let intentCount = intentSizes.count
    let a = parameters.wordPseudoCount
    let absent = intentSizes.map { size -> Double in
      let p = a / (size + 2 * a)
      return log(p) - log1p(-p)
    }
    var base = [Double](repeating: 0, count: intentCount)
    var weights = [Float](repeating: 0, count: features.count)
    var postings = PostingList<Float>()
    var weightTotal = 0.0
    FeatureCounts.forEachGroup(pairs.sorted(), featureCount: features.count) { feature, counts in
      let g = pow(FeatureCounts.concentration(counts, intentCount: intentCount), parameters.wordConcentrationPower)
      if sparse && g < parameters.sparseWordFloor {
        postings.append([])
        return
      }
      weights[feature] = Float(g)
      weightTotal += g
      postings.append(
        counts.map { (intent, n) -> PostingList.Entry in
          let size = intentSizes[Int(intent)]
          let p = (Double(n) + a) / (size + 2 * a)
          let p0 = a / (size + 2 * a)
          base[Int(intent)] += g * (log1p(-p) - log1p(-p0))
          return PostingList<Float>.Entry(intent: intent, value: Float(log(p) - log1p(-p) - absent[Int(intent)]))
        })
    }
    for c in 0..<intentCount { base[c] += weightTotal * log1p(-a / (intentSizes[c] + 2 * a)) }
    self.features = features
    self.weights = weights
    self.postings = postings
    self.base = base
    self.absent = absent
  }

  /// The weight of a feature.
  @inline(__always)
  func weight(_ feature: Int32) -> Double { Double(weights[Int(feature)]) }
}
