/// Out-of-scope thresholds chosen the way Larson et al. (EMNLP 2019) do, and the way
/// `shared/bench/peers.py` does for the peers: the threshold that maximises accuracy over all
/// classes, with out-of-scope as one class, on validation data only.
package enum ThresholdSelection {
  /// One prediction: the gold intent (`nil` = out of scope), the predicted intent and its confidence.
  public struct Prediction: Sendable {
    public let gold: IntentID?
    public let predicted: IntentID?
    public let confidence: Double

    public init(gold: IntentID?, predicted: IntentID?, confidence: Double) {
      self.gold = gold
      self.predicted = predicted
      self.confidence = confidence
    }
  }

  /// Figures at one threshold.
  public struct Scores: Sendable, Hashable {
    /// Of the in-scope questions, the share whose intent was predicted (and not rejected as out of scope).
    public let inScopeAccuracy: Double
    /// Of the out-of-scope questions, the share rejected.
    public let outOfScopeRecall: Double
    /// All questions, out-of-scope as one class.
    public let overallAccuracy: Double
  }

  /// Scores predictions, rejecting those with confidence below `threshold` (`nil`: reject none).
  public static func scores(_ predictions: [Prediction], threshold: Double?) -> Scores {
    var inScope = 0, inScopeRight = 0, outOfScope = 0, outOfScopeRight = 0
    for p in predictions {
      let decided = threshold.map { p.confidence < $0 } == true ? nil : p.predicted
      if let gold = p.gold {
        inScope += 1
        if decided == gold { inScopeRight += 1 }
      } else {
        outOfScope += 1
        if decided == nil { outOfScopeRight += 1 }
      }
    }
    let total = max(1, inScope + outOfScope)
    return Scores(
      inScopeAccuracy: Double(inScopeRight) / Double(max(1, inScope)),
      outOfScopeRecall: outOfScope == 0 ? 0 : Double(outOfScopeRight) / Double(outOfScope),
      overallAccuracy: Double(inScopeRight + outOfScopeRight) / Double(total))
  }

  /// The threshold with the best overall accuracy; `nil` when rejecting nothing is best.
  ///
  /// Candidates are the distinct confidences, thinned to about 2,000 evenly spaced ones, exactly as
  /// `peers.py` thins them, so that our figures and the peers' come from the same procedure.
  public static func choose(_ predictions: [Prediction]) -> Double? {
    let candidates = Array(Set(predictions.map(\.confidence))).sorted()
    let step = max(1, candidates.count / 2000)
    var best: (threshold: Double?, accuracy: Double) = (nil, scores(predictions, threshold: nil).overallAccuracy)
    for index in stride(from: 0, to: candidates.count, by: step) {
      let accuracy = scores(predictions, threshold: candidates[index]).overallAccuracy
      if accuracy > best.accuracy { best = (candidates[index], accuracy) }
    }
    return best.threshold
  }
}
