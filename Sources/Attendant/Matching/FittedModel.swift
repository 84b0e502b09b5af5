import Foundation

/// The fitted model of a `LanguageIndex`: one linear score per intent, with weights fitted to the
/// content's examples by a multiclass averaged perceptron, over the same features the two naive Bayes
/// models read:
///
///     score_c = Σ_f x_f · W_fc  (word features)  +  α / √n · Σ_words Σ_g u_wg · W_gc  (character n-grams)
///
/// - a message's word features (stems, stem bigrams, exact forms) are valued at their concentration
///   g and the vector scaled to length 1 (x_f = g_f / ‖g‖);
/// - each word's n-grams are valued at count × concentration h and scaled to length 1 (u_w), and the
///   n words that have n-grams are summed and divided by √n, so that the character part has length
///   about 1 too; α (`fittedCharacterScale`) weighs it against the words.
///
/// **The fit** (deterministic: two fits of the same content agree to the bit): every example's vector,
/// in an order shuffled by `SeededGenerator(seed: fittedSeed)` at each of `fittedPasses` passes, is
/// scored against every intent; when its own intent does not lead the best other by `fittedMargin`,
/// the vector is added to its intent's weights and taken from the other's. The weights kept are the
/// average over every step (the averaged perceptron, Collins 2002), which generalises like a margin
/// classifier. Only the weights that are not zero are kept, as postings, so a message's fitted score
/// is a sum over its features' postings like the other models', and `explain` can list them.
///
/// A known word's character part (Σ_g u_wg · W_gc) is summed once, here, into a per-word vector.
struct FittedModel: Sendable {
  /// For each word feature (`WordModel`'s ids), the intents with a weight.
  let wordWeights: PostingList<Float>
  /// For each n-gram (`CharacterModel`'s ids), the intents with a weight (for words the content does
  /// not know).
  let gramWeights: PostingList<Float>
  /// For each known word, Σ_g u_wg · W_gc.
  let wordEvidence: PostingList<Float>
  /// Whether each known word has n-grams (counts in n).
  let hasGrams: [Bool]
  /// α: the weight of the character part.
  let characterScale: Double
  /// Whether the model was fitted (a model with no weights scores every intent 0).
  let isFitted: Bool

  /// A model from its parts (`FittedModel(decoding:)`).
  init(
    wordWeights: PostingList<Float>, gramWeights: PostingList<Float>, wordEvidence: PostingList<Float>,
    hasGrams: [Bool], characterScale: Double, isFitted: Bool, plain: Bool
  ) {
    self.wordWeights = wordWeights
    self.gramWeights = gramWeights
    self.wordEvidence = wordEvidence
    self.hasGrams = hasGrams
    self.characterScale = characterScale
    self.isFitted = isFitted
    self.plain = plain
  }

  /// No fitted model (the fitted weight μ is 0, or content past the dense ranking limit).
  init(emptyFor vocabularyCount: Int, wordFeatureCount: Int, gramCount: Int) {
    var empty = PostingList<Float>()
    for _ in 0..<wordFeatureCount { empty.append([]) }
    wordWeights = empty
    var grams = PostingList<Float>()
    for _ in 0..<gramCount { grams.append([]) }
    gramWeights = grams
    var words = PostingList<Float>()
    for _ in 0..<vocabularyCount { words.append([]) }
    wordEvidence = words
    hasGrams = [Bool](repeating: false, count: vocabularyCount)
    characterScale = 0
    isFitted = false
    plain = false
  }

  /// Fits the model.
  ///
  /// - Parameters:
  ///   - exampleFeatures: Each example's word features, sorted, each once.
  ///   - exampleWords: Each example's word ids (numbers left out).
  ///   - labels: Each example's intent index.
  ///   - wordGrams: Each known word's n-gram ids (with repeats).
  /// - Complexity: O(passes × examples × (features + n-grams) × intents).
  init(
    exampleFeatures: [[Int32]], exampleWords: [[Int32]], labels: [Int32], wordGrams: [[Int32]], words: WordModel,
    characters: CharacterModel, intentCount: Int, parameters: ScoringParameters
  ) {
    let alpha = parameters.fittedCharacterScale
    characterScale = alpha
    let wordFeatureCount = words.features.count
    let gramCount = characters.grams.count
    let featureCount = wordFeatureCount + gramCount
    let classCount = intentCount
    // Each word's unit n-gram vector.
    let plain = parameters.fittedPlainValues
    let unitGrams = wordGrams.map { Self.unitVector($0, characters: characters, plain: plain) }
    hasGrams = unitGrams.map { !$0.isEmpty }

    // Every example's vector, flat.
    var starts: [Int] = [0]
    var indices: [Int32] = []
    var values: [Float] = []
    for (features, wordsOfExample) in zip(exampleFeatures, exampleWords) {
      var norm = 0.0
      for f in features {
        let g = Self.value(f, words: words, plain: plain)
        norm += g * g
      }
      if norm > 0 {
        let scale = 1 / norm.squareRoot()
        for f in features where words.weights[Int(f)] > 0 {
          indices.append(f)
          values.append(Float(Self.value(f, words: words, plain: plain) * scale))
        }
      }
      let withGrams = wordsOfExample.filter { !unitGrams[Int($0)].isEmpty }
      if alpha > 0, !withGrams.isEmpty {
        let scale = alpha / Double(withGrams.count).squareRoot()
        for word in withGrams {
          for (gram, u) in unitGrams[Int(word)] {
            indices.append(Int32(wordFeatureCount) + gram)
            values.append(Float(Double(u) * scale))
          }
        }
      }
      starts.append(indices.count)
    }

    let average = Self.fitAveraged(
      starts: starts, indices: indices, values: values, labels: labels, featureCount: featureCount,
      intentCount: classCount, parameters: parameters)

    func postings(_ range: Range<Int>) -> PostingList<Float> {
      var list = PostingList<Float>()
      for feature in range {
        var entries: [PostingList<Float>.Entry] = []
        for c in 0..<classCount where average[feature * classCount + c] != 0 {
          entries.append(.init(intent: Int32(c), value: average[feature * classCount + c]))
        }
        list.append(entries)
      }
      return list
    }
    wordWeights = postings(0..<wordFeatureCount)
    gramWeights = postings(wordFeatureCount..<featureCount)
    var evidence = PostingList<Float>()
    var dense = [Double](repeating: 0, count: classCount)
    for vector in unitGrams {
      for c in 0..<classCount { dense[c] = 0 }
      for (gram, u) in vector {
        let row = (wordFeatureCount + Int(gram)) * classCount
        for c in 0..<classCount { dense[c] += Double(u) * Double(average[row + c]) }
      }
      var entries: [PostingList<Float>.Entry] = []
      for c in 0..<classCount where dense[c] != 0 { entries.append(.init(intent: Int32(c), value: Float(dense[c]))) }
      evidence.append(entries)
    }
    wordEvidence = evidence
    isFitted = true
    self.plain = plain
  }

  /// Whether the features are read unweighted (`ScoringParameters.fittedPlainValues`).
  let plain: Bool

  /// A word feature's value before scaling: its concentration g, or 1 when read plain (features with
  /// g = 0 are left out either way).
  @inline(__always)
  static func value(_ feature: Int32, words: WordModel, plain: Bool) -> Double {
    let g = words.weight(feature)
    return plain ? (g > 0 ? 1 : 0) : g
  }

  /// A word's n-grams (with repeats) as a unit vector: each distinct n-gram valued at its count times
  /// its concentration, the whole scaled to length 1; sorted by n-gram.
  static func unitVector(_ grams: [Int32], characters: CharacterModel, plain: Bool) -> [(Int32, Float)] {
    guard !grams.isEmpty else { return [] }
    var sorted = grams
    sorted.sort()
    var vector: [(Int32, Double)] = []
    for gram in sorted {
      let h = plain ? 1 : Double(characters.weights[Int(gram)])
      if let last = vector.last, last.0 == gram {
        vector[vector.count - 1].1 += h
      } else {
        vector.append((gram, h))
      }
    }
    let norm = vector.reduce(0.0) { $0 + $1.1 * $1.1 }.squareRoot()
    guard norm > 0 else { return [] }
    return vector.compactMap { $0.1 > 0 ? ($0.0, Float($0.1 / norm)) : nil }
  }

  /// The mean of `fittedEnsemble` fits, each with its own seed (one fit by default).
  private static func fitAveraged(
    starts: [Int], indices: [Int32], values: [Float], labels: [Int32], featureCount: Int, intentCount classCount: Int,
    parameters: ScoringParameters
  ) -> [Float] {
    let runs = max(1, parameters.fittedEnsemble)
    var average = [Float](repeating: 0, count: runs == 1 ? 0 : featureCount * classCount)
    for run in 0..<runs {
      var seeded = parameters
      seeded.fittedSeed = parameters.fittedSeed &+ UInt64(run)
      let weights = Self.fit(
        starts: starts, indices: indices, values: values, labels: labels, featureCount: featureCount,
        intentCount: classCount, parameters: seeded)
      guard runs > 1 else { return weights }
      for i in 0..<average.count { average[i] += weights[i] / Float(runs) }
    }
    return average
  }

  /// The averaged multiclass perceptron over dense weights (features × intents, row by feature).
  private static func fit(
    starts: [Int], indices: [Int32], values: [Float], labels: [Int32], featureCount: Int, intentCount classCount: Int,
    parameters: ScoringParameters
  ) -> [Float] {
    var weights = [Float](repeating: 0, count: featureCount * classCount)
    var steps = [Float](repeating: 0, count: featureCount * classCount)
    var scores = [Float](repeating: 0, count: classCount)
    var order = Array(0..<labels.count)
    var generator = SeededGenerator(seed: parameters.fittedSeed)
    let margin = Float(parameters.fittedMargin)
    let cap = Float(parameters.fittedAggressiveness)
    let allRivals = parameters.fittedAllRivals
    let squaredNorms = (0..<labels.count).map { e in
      values[starts[e]..<starts[e + 1]].reduce(Float(0)) { $0 + $1 * $1 }
    }
    var t: Float = 1
    weights.withUnsafeMutableBufferPointer { w in
      steps.withUnsafeMutableBufferPointer { u in
        scores.withUnsafeMutableBufferPointer { s in
          indices.withUnsafeBufferPointer { indices in
            values.withUnsafeBufferPointer { values in
              for _ in 0..<parameters.fittedPasses {
                order.shuffle(using: &generator)
                for e in order {
                  let range = starts[e]..<starts[e + 1]
                  for c in 0..<classCount { s[c] = 0 }
                  for k in range {
                    let row = Int(indices[k]) * classCount
                    let v = values[k]
                    for c in 0..<classCount { s[c] += v * w[row + c] }
                  }
                  let y = Int(labels[e])
                  var rival = -1
                  var best = -Float.infinity
                  for c in 0..<classCount where c != y && s[c] > best { (rival, best) = (c, s[c]) }
                  if allRivals && rival >= 0 && s[y] - best < margin {
                    // Every intent within the margin gives way, in proportion to how far it is in.
                    var total: Float = 0
                    for c in 0..<classCount where c != y && s[y] - s[c] < margin { total += margin - (s[y] - s[c]) }
                    for c in 0..<classCount where c != y && s[y] - s[c] < margin {
                      let share = (margin - (s[y] - s[c])) / total
                      for k in range {
                        let row = Int(indices[k]) * classCount
                        let v = share * values[k]
                        w[row + c] -= v
                        u[row + c] -= t * v
                      }
                    }
                    for k in range {
                      let row = Int(indices[k]) * classCount
                      let v = values[k]
                      w[row + y] += v
                      u[row + y] += t * v
                    }
                  } else if rival >= 0 && s[y] - best < margin {
                    let step =
                      cap > 0 && squaredNorms[e] > 0 ? min(cap, (margin - (s[y] - best)) / (2 * squaredNorms[e])) : 1
                    for k in range {
                      let row = Int(indices[k]) * classCount
                      let v = step * values[k]
                      w[row + y] += v
                      w[row + rival] -= v
                      u[row + y] += t * v
                      u[row + rival] -= t * v
                    }
                  }
                  t += 1
                }
              }
              for i in 0..<w.count { w[i] -= u[i] / t }
            }
          }
        }
      }
    }
    return weights
  }
}
