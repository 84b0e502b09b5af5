import Foundation

/// Measures an engine on labelled questions: the protocol of Larson et al. (EMNLP 2019), with the
/// out-of-scope threshold chosen on validation data only, and the time per query.
package enum Evaluator {
  /// The figures of one evaluation. Fractions are 0…1.
  public struct Report: Sendable, Codable {
    public var dataset: String
    public var intents: Int
    public var trainingExamples: Int
    public var validationCases: Int
    public var testCases: Int
    /// Test in-scope accuracy at the chosen threshold (top-1 accuracy when there is no validation set).
    public var inScopeAccuracy: Double
    /// Test out-of-scope recall at the chosen threshold; `nil` when the test set has no out-of-scope cases.
    public var oosRecall: Double?
    /// The confidence threshold chosen on validation data; `nil` without validation data.
    public var threshold: Double?
    /// Test top-1 accuracy on in-scope questions, before any threshold.
    public var topOneAccuracy: Double
    public var validationInScopeAccuracy: Double?
    public var validationOOSRecall: Double?
    /// The test set with one typo per question (seeded), at the same threshold.
    public var typoInScopeAccuracy: Double?
    public var typoOOSRecall: Double?
    public var typoSeed: UInt64?
    public var medianMicrosecondsPerQuery: Double
    public var p99MicrosecondsPerQuery: Double
    public var loadMilliseconds: Double
    /// The time of the calibration that chose the character weight, after loading.
    public var calibrationMilliseconds: Double = 0
    /// The character weight the content's own held-out examples chose (`CharacterWeightChoice`).
    public var characterWeight: CharacterWeightChoice?
    /// The fitted model's weight the same examples chose (`PolicyCalibration.Result.fittedChoice`).
    public var fittedWeight: CharacterWeightChoice? = nil

    enum CodingKeys: String, CodingKey {
      case dataset, intents, threshold
      case trainingExamples = "training_examples"
      case validationCases = "validation_cases"
      case testCases = "test_cases"
      case inScopeAccuracy = "in_scope_accuracy"
      case oosRecall = "oos_recall"
      case topOneAccuracy = "top1_accuracy"
      case validationInScopeAccuracy = "val_in_scope_accuracy"
      case validationOOSRecall = "val_oos_recall"
      case typoInScopeAccuracy = "typo_in_scope_accuracy"
      case typoOOSRecall = "typo_oos_recall"
      case typoSeed = "typo_seed"
      case medianMicrosecondsPerQuery = "median_us_per_query"
      case p99MicrosecondsPerQuery = "p99_us_per_query"
      case loadMilliseconds = "load_ms"
      case calibrationMilliseconds = "calibration_ms"
      case characterWeight = "character_weight"
      case fittedWeight = "fitted_weight"
    }
  }

  /// Evaluates an engine in one language.
  ///
  /// - Parameters:
  ///   - validation: Cases to choose the out-of-scope threshold on; without them, no threshold is used.
  ///   - test: The cases reported.
  ///   - typoSeed: When given, the test set is scored again with one seeded typo per question.
  /// - Complexity: one match per case (twice for the test set with typos).
  public static func evaluate(
    engine: Engine, language: Language, dataset: String, validation: [ImportedContent.Case],
    test: [ImportedContent.Case],
    typoSeed: UInt64? = 12345, loadMilliseconds: Double
  ) -> Report {
    func predict(_ cases: [ImportedContent.Case], times: inout [UInt64]) -> [ThresholdSelection.Prediction] {
      cases.map { testCase in
        let start = DispatchTime.now().uptimeNanoseconds
        let match = engine.match(testCase.text, in: language)
        times.append(DispatchTime.now().uptimeNanoseconds - start)
        return .init(gold: testCase.expected, predicted: match?.intent, confidence: match?.confidence.value ?? 0)
      }
    }
    var ignored: [UInt64] = []
    var times: [UInt64] = []
    let validationPredictions = predict(validation, times: &ignored)
    let threshold = validation.isEmpty ? nil : ThresholdSelection.choose(validationPredictions)
    let validationScores =
      validation.isEmpty ? nil : ThresholdSelection.scores(validationPredictions, threshold: threshold)
    let testPredictions = predict(test, times: &times)
    let testScores = ThresholdSelection.scores(testPredictions, threshold: threshold)
    let topOne = ThresholdSelection.scores(testPredictions, threshold: nil).inScopeAccuracy
    let hasOutOfScope = test.contains { $0.expected == nil }
    var report = Report(
      dataset: dataset, intents: engine.knowledgeBase.intents[language]?.count ?? 0,
      trainingExamples: engine.knowledgeBase.intents[language]?.reduce(0) { $0 + $1.examples.count } ?? 0,
      validationCases: validation.count, testCases: test.count, inScopeAccuracy: testScores.inScopeAccuracy,
      oosRecall: hasOutOfScope ? testScores.outOfScopeRecall : nil, threshold: threshold, topOneAccuracy: topOne,
      validationInScopeAccuracy: validationScores?.inScopeAccuracy,
      validationOOSRecall: validationScores.flatMap { _ in
        validation.contains { $0.expected == nil } ? validationScores!.outOfScopeRecall : nil
      },
      typoInScopeAccuracy: nil, typoOOSRecall: nil, typoSeed: typoSeed,
      medianMicrosecondsPerQuery: percentile(times, 0.5), p99MicrosecondsPerQuery: percentile(times, 0.99),
      loadMilliseconds: loadMilliseconds, characterWeight: engine.calibration[language]?.weightChoice,
      fittedWeight: engine.calibration[language]?.fittedChoice)
    if let typoSeed {
      var generator = TypoGenerator(seed: typoSeed)
      let misspelt = test.map { ImportedContent.Case(text: generator.misspell($0.text), expected: $0.expected) }
      let typoScores = ThresholdSelection.scores(predict(misspelt, times: &ignored), threshold: threshold)
      report.typoInScopeAccuracy = typoScores.inScopeAccuracy
      report.typoOOSRecall = hasOutOfScope ? typoScores.outOfScopeRecall : nil
    }
    return report
  }

  /// A percentile of nanosecond timings, in microseconds (nearest rank).
  public static func percentile(_ nanoseconds: [UInt64], _ fraction: Double) -> Double {
    guard !nanoseconds.isEmpty else { return 0 }
    let sorted = nanoseconds.sorted()
    let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
    return Double(sorted[rank]) / 1000
  }
}
