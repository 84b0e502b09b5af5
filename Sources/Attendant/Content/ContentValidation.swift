import Foundation

/// The one way content goes into service: read and validated by `ContentLoader`, then an engine built
/// with thresholds calibrated on the content (`PolicyCalibration`, cached beside the content by
/// `CalibrationCache`).
///
/// `attendant chat`, `attendant serve` at startup and every reload (`EngineStore.reload()`, `serve
/// --watch`, the bridge's `reload` line, the chat's `/reload`) go through `load`, so that what one
/// accepts the others accept, with the same policy. `attendant check` reports more (duplicates,
/// conflicts, weak examples), as warnings for the editor.
public enum ContentValidation {
  /// What loading found: the engine when the content has no errors, and every finding.
  public struct Outcome: Sendable {
    public let engine: Engine?
    public let findings: [Finding]
  }

  /// Loads a content folder for service.
  ///
  /// - Parameters:
  ///   - folder: A folder that holds `Intents/` and `KnowledgeBase/`.
  ///   - policy: The product policy; each language's thresholds are calibrated unless `calibrate` is
  ///     `false`.
  ///   - defaultLanguage: The language to start in.
  /// - Complexity: loading, plus the calibration: two index builds per language (none when cached).
  public static func load(
    _ folder: URL, policy: ReplyPolicy = .default, profiles: [LanguageProfile] = LanguageProfile.builtIn,
    defaultLanguage: Language? = nil, parameters: ScoringParameters = .default, calibrate: Bool = true
  ) -> Outcome {
    let result = ContentLoader(profiles: profiles).read(from: folder)
    guard let knowledgeBase = result.knowledgeBase else { return Outcome(engine: nil, findings: result.findings) }
    var engine = Engine(
      knowledgeBase: knowledgeBase, policy: policy, defaultLanguage: defaultLanguage, parameters: parameters)
    if calibrate {
      let key = CalibrationCache.key(for: folder, policy: policy, parameters: parameters)
      let results: [Language: PolicyCalibration.Result]
      if let cached = CalibrationCache.read(folder, key: key) {
        results = cached
      } else {
        let validation = validationQuestions(in: folder, knowledgeBase)
        results = PolicyCalibration.checkedByReplies(
          PolicyCalibration.calibrate(engine, validation: validation), engine: engine, validation: validation)
        // Content too small to calibrate anywhere gains nothing from a cache: leave its folder alone.
        if results.values.contains(where: { $0.examples > 0 && $0.givenScore > 0 }) {
          CalibrationCache.write(results, key: key, in: folder)
        }
      }
      engine = calibrated(engine, results, key: key, folder: folder)
    }
    return Outcome(engine: engine, findings: result.findings)
  }

  /// The engine calibrated, with the fitted models of the languages that chose one read from
  /// `FittedModelCache` when it has them, and written to it when they were fitted now.
  static func calibrated(
    _ engine: Engine, _ results: [Language: PolicyCalibration.Result], key: String, folder: URL
  ) -> Engine {
    var cached: [Language: FittedModel] = [:]
    for (language, result) in results where result.fittedWeight != nil {
      guard let index = engine.indexes[language],
        let model = FittedModelCache.read(folder, key: key, language: language, for: index)
      else { continue }
      cached[language] = model
    }
    let calibrated = engine.calibrated(results, fitted: cached)
    for (language, index) in calibrated.indexes where index.fitted.isFitted && cached[language] == nil {
      FittedModelCache.write(index.fitted, key: key, language: language, in: folder)
    }
    return calibrated
  }

  /// Each language's validation questions: the single cases of its suites named `validation…` or `val`.
  static func validationQuestions(in folder: URL, _ knowledgeBase: KnowledgeBase) -> [Language: [(
    text: String, expected: IntentID?
  )]] {
    let suites = TestSuiteParser.load(from: folder, intents: knowledgeBase.intents).suites
    var questions: [Language: [(text: String, expected: IntentID?)]] = [:]
    for suite in suites where suite.name.hasPrefix("validation") || suite.name == "val" {
      questions[suite.language, default: []] += suite.cases.map { ($0.text, $0.expected) }
    }
    return questions
  }
}
