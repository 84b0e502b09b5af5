import Foundation
import Testing

@testable import Attendant

/// How the product's character weight (`ScoringParameters.default`) was chosen: the mean over the
/// demo's languages of the 5-fold cross-validated top-1 accuracy of its examples
/// (`ContentEvaluation.crossValidate`), for each weight tried. Slow, so it runs on request and prints
/// the figures:
///
///     ATTENDANT_SWEEP=1 swift test --filter characterWeightSweep
@Test(.enabled(if: ProcessInfo.processInfo.environment["ATTENDANT_SWEEP"] != nil))
func characterWeightSweep() {
  var results: [(weight: Double, accuracy: Double)] = []
  for weight in [0.3, 1.0, 2.0, 3.0] {
    var parameters = ScoringParameters.default
    parameters.characterWeight = weight
    let predictions = ContentEvaluation.crossValidate(Demo.knowledgeBase, parameters: parameters)
    let perLanguage = Demo.knowledgeBase.languages.map { language in
      let own = predictions.filter { $0.language == language }
      return Double(own.filter { $0.match.intent == $0.expected }.count) / Double(max(own.count, 1))
    }
    let mean = perLanguage.reduce(0, +) / Double(max(perLanguage.count, 1))
    results.append((weight, mean))
    print(
      "character weight \(weight): mean top-1 \((100 * mean).twoDecimals)% ("
        + zip(Demo.knowledgeBase.languages, perLanguage).map { "\($0) \((100 * $1).twoDecimals)%" }
        .joined(separator: ", ") + ")")
  }
  let best = results.max { $0.accuracy < $1.accuracy }
  #expect(best?.weight == ScoringParameters.default.characterWeight, "the default is no longer the best weight")
}
