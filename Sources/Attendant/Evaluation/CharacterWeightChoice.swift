import Foundation

/// The weight of the character model a language's content reads best with, chosen on the same
/// held-out readings of its examples as the thresholds (`PolicyCalibration`). The fitted model's
/// weight μ is chosen by the same rule, from 0 and `ScoringParameters.fittedWeightGrid`, at the
/// character weight chosen (`PolicyCalibration.Result.fittedChoice`).
///
/// The character n-grams carry typos and inflections; the words carry the rest. How much each is worth
/// depends on the content: with a few dozen examples an intent, as in the demo, the n-grams fill in
/// for words the examples lack (λ = 2 is the product default, chosen by cross-validation on the demo);
/// with hundreds of examples of long, wordy requests (ATIS, in English and Vietnamese), the words say
/// it all and the n-grams blur near intents together.
///
/// The procedure is deterministic. Each held-out example (out-of-scope examples aside) is scored once
/// against the index of the other folds, and the intent ranked first by the combined score is read at
/// every weight of `grid` (`LanguageIndex.bestIntents`). The weight with the most right first intents
/// wins; it replaces the given one only when it ranks at least `minimumGain` more of the examples
/// first, so that content whose readings cannot tell the weights apart keeps the default. Ties go to
/// the weight nearer the given one, and between two as near, to the smaller.
public struct CharacterWeightChoice: Sendable, Hashable, Codable {
  /// The weight the parameters gave.
  public let given: Double
  /// The weight chosen: `given` unless another ranks clearly more examples first.
  public let chosen: Double
  /// The share of the held-out examples ranked first right at the chosen and at the given weight.
  public let accuracy: Double
  public let givenAccuracy: Double
  /// How many held-out examples were read.
  public let examples: Int

  /// The weights tried, besides the given one.
  public static let grid: [Double] = [0, 0.1, 0.3, 1, 2, 3]
  /// How much larger a share of the examples another weight must rank first to replace the given one.
  public static let minimumGain = 0.01

  /// `0.3 (ranks 93.1% of 1790 held-out examples first; 2 ranks 88.0%)`.
  public var summary: String {
    let percent = { (value: Double) in String(format: "%.1f%%", value * 100) }
    guard chosen != given else {
      return "\(chosen.shortDecimal) (the default; ranks \(percent(accuracy)) of \(examples) held-out examples first)"
    }
    return
      "\(chosen.shortDecimal) (ranks \(percent(accuracy)) of \(examples) held-out examples first; \(given.shortDecimal) ranks \(percent(givenAccuracy)))"
  }

  /// Chooses a weight from the first intents that each weight of `weights` ranked for each example.
  ///
  /// - Parameters:
  ///   - weights: The weights read, the given one among them.
  ///   - right: For each weight, how many examples it ranked right first.
  ///   - examples: How many examples were read.
  init(given: Double, weights: [Double], right: [Int], examples: Int) {
    let givenRight = weights.firstIndex(of: given).map { right[$0] } ?? 0
    var best = given
    var bestRight = givenRight
    // Nearer the given weight first, and the smaller of two as near, so that a tie keeps the nearer.
    let nearestFirst = zip(weights, right).sorted {
      abs($0.0 - given) != abs($1.0 - given) ? abs($0.0 - given) < abs($1.0 - given) : $0.0 < $1.0
    }
    for (weight, count) in nearestFirst where count > bestRight {
      (best, bestRight) = (weight, count)
    }
    let total = Double(max(examples, 1))
    let clearlyBetter = Double(bestRight - givenRight) / total >= Self.minimumGain
    self.given = given
    self.chosen = clearlyBetter ? best : given
    self.accuracy = Double(clearlyBetter ? bestRight : givenRight) / total
    self.givenAccuracy = Double(givenRight) / total
    self.examples = examples
  }
}
