import Foundation

/// Breaks a candidate's score down for people: the signals that add up to it, the word features that
/// weighed most, and the intent's examples nearest the message (`Engine.match(_:in:detail:)`).
///
/// Explaining costs more than scoring, so it runs only when asked.
struct MatchExplainer: Sendable {
  let index: LanguageIndex

  /// A signal lists at most this many of its word features, weightiest first.
  static let featureDetailLimit = 6
  /// At most this many nearest examples are shown per candidate.
  static let nearestExampleLimit = 3

  /// A feature as people read it: `refund`, `my refund`, `^ where`, `=šifre`.
  func featureName(_ feature: Int32) -> String {
    let key = index.words.features.key(feature)
    let stems = index.stems
    switch key >> WordModel.kindShift {
    case WordModel.stemKind: return stems.key(Int32(key & WordModel.idMask))
    case WordModel.exactKind: return "=" + index.exacts.key(Int32(key & WordModel.idMask))
    default:
      let a = UInt32((key >> WordModel.bigramShift) & WordModel.idMask), b = UInt32(key & WordModel.idMask)
      let left = a == WordModel.boundary ? "^" : stems.key(Int32(a))
      let right = b == WordModel.boundary ? "$" : stems.key(Int32(b))
      return "\(left) \(right)"
    }
  }

  /// The signals of intent `c`: the words (with the features that weighed most), the character
  /// n-grams, and the coverage.
  func signals(
    for c: Int, features: [Int32], evidence: [LanguageIndex.WordEvidence], wordZ: Double, gramZ: Double,
    fittedZ: Double, coverage: Double
  ) -> [MatchSignal] {
    let words = index.words
    let contributions = features.compactMap { feature -> (String, Double)? in
      guard let entry = words.postings[feature].first(where: { $0.intent == Int32(c) }) else { return nil }
      return (featureName(feature), words.weight(feature) * Double(entry.value))
    }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }  // ties by name: the same order in every run
    let lambda = index.characterWeight
    let mu = index.fittedWeight
    var signals = [
      MatchSignal(
        name: "words", value: wordZ / (1 + lambda + mu),
        detail: contributions.prefix(Self.featureDetailLimit).map { "\($0.0) (+\(String(format: "%.2f", $0.1)))" }),
      MatchSignal(name: "character n-grams", value: lambda * gramZ / (1 + lambda + mu), detail: []),
    ]
    if mu > 0 {
      signals.append(
        MatchSignal(
          name: "fitted", value: mu * fittedZ / (1 + lambda + mu),
          detail: fittedContributions(for: c, features: features, evidence: evidence).prefix(Self.featureDetailLimit)
            .map {
              "\($0.0) (\($0.1 >= 0 ? "+" : "")\(String(format: "%.2f", $0.1)))"
            }))
    }
    signals.append(MatchSignal(name: "coverage", value: coverage, detail: []))
    return signals
  }

  /// The fitted model's raw contributions to intent `c`: each word feature's x_f · W_fc and each word's
  /// character part (`<word>`: α / √n · Σ_g u_wg · W_gc), largest in size first. They add up to the
  /// intent's raw fitted score.
  func fittedContributions(for c: Int, features: [Int32], evidence: [LanguageIndex.WordEvidence]) -> [(
    String, Double
  )] {
    let words = index.words
    let model = index.fitted
    let intent = Int32(c)
    let scale = index.fittedCharacterScale(of: evidence)
    var characterParts: [(String, Double)] = []
    if scale > 0 {
      for item in evidence {
        switch item {
        case .known(let word):
          guard let entry = model.wordEvidence[word].first(where: { $0.intent == intent }) else { continue }
          characterParts.append(("<\(index.vocabulary.key(word))>", scale * Double(entry.value)))
        case .unknownStem(_, let grams, _), .unknown(let grams, _):
          var sum = 0.0
          for (gram, u) in FittedModel.unitVector(grams, characters: index.characters, plain: model.plain) {
            if let entry = model.gramWeights[gram].first(where: { $0.intent == intent }) {
              sum += Double(u) * Double(entry.value)
            }
          }
          if sum != 0 { characterParts.append(("<unknown word>", scale * sum)) }
        }
      }
    }
    let value = { FittedModel.value($0, words: words, plain: model.plain) }
    let norm = features.reduce(0.0) { $0 + value($1) * value($1) }.squareRoot()
    return
      (features.compactMap { feature -> (String, Double)? in
        guard norm > 0, let entry = model.wordWeights[feature].first(where: { $0.intent == intent }) else { return nil }
        return (featureName(feature), value(feature) / norm * Double(entry.value))
      } + characterParts).sorted { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0 < $1.0 }
  }

  /// The examples of an intent that share the most weighted word features with the message.
  ///
  /// - Parameter features: The message's word features, sorted, each once: summed in that order, the
  ///   similarities are the same to the last bit on every run (a `Set`'s order is not).
  func nearestExamples(of c: Int, features sortedFeatures: [Int32]) -> [ExampleMatch] {
    let words = index.words
    let features = Set(sortedFeatures)
    let queryWeight = sortedFeatures.reduce(0.0) { $0 + words.weight($1) }
    let scored = index.examplesByIntent[c].map { exampleIndex -> (Int32, Double) in
      let example = index.examples[Int(exampleIndex)]
      var shared = 0.0
      var union = queryWeight
      for feature in example.features {
        let g = words.weight(feature)
        if features.contains(feature) { shared += g } else { union += g }
      }
      return (exampleIndex, union > 0 ? shared / union : 0)
    }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    return scored.prefix(Self.nearestExampleLimit).map {
      let example = index.examples[Int($0.0)]
      return ExampleMatch(text: example.text, location: example.location, similarity: $0.1)
    }
  }
}

extension LanguageIndex {
  /// What breaks this index's scores down for people.
  var explainer: MatchExplainer { MatchExplainer(index: self) }
}
