import Foundation
import Synchronization

/// Chooses the answer and clarify thresholds of each language from the content itself, so that a
/// business's own FAQ is answered as well as the demo is.
///
/// The procedure is deterministic:
/// 1. **Held-out readings of the examples.** Each language's examples (its out-of-scope examples
///    included) are split into five folds by a hash of their text (`fold(of:)`), so that adding,
///    removing or moving an example moves no other to another fold. The first two folds are each
///    matched against an index built from the other four, so that no example is matched against
///    itself: 40% of the examples, read as a customer's question would be, at the cost of two index
///    builds rather than five.
/// 2. **The content's validation questions**, when it has suites named `validation…` or `val`
///    (`Intents/<language>/tests/`), are matched against the whole index. Their out-of-scope questions
///    and the out-of-scope examples are the cases the bot must not answer.
/// 3. **A grid of thresholds** (answer 0.40…0.90, clarify 0.10 up to the answer threshold, in steps
///    of 0.05; the clarify margin 0.10, 0.05 or 0) is scored on these cases as the bot would decide
///    them: answering the right intent counts 1, a clarification that offers it first ½, and for a
///    question out of scope anything but an answer counts 1; the questions in scope and out of scope
///    weigh half each when there are at least ten out of scope. The best score wins; ties go to the
///    higher answer threshold, then the higher clarify threshold (the safer choice). The given policy
///    stays unless the best scores at least `minimumGain` more than it on the same cases.
///
/// A language with fewer than `minimumExamples` examples or `minimumIntents` intents keeps the given
/// policy: too little content to measure. Loading then checks each choice on the bot's replies to the
/// validation questions (`checkedByReplies`).
package enum PolicyCalibration {
  /// What calibration chose for a language, and on what.
  public struct Result: Sendable, Hashable, Codable {
    public let language: Language
    public let policy: ReplyPolicy
    /// Whether the thresholds were chosen from the content (`false`: the given policy, kept).
    public let calibrated: Bool
    /// The held-out examples and the validation questions scored.
    public let examples: Int
    public let validationQuestions: Int
    /// The score of the chosen thresholds, and of the given policy's, on the same cases (0…1).
    public let score: Double
    public let givenScore: Double
    /// The character weight chosen on the same held-out examples (`CharacterWeightChoice`), when the
    /// language was calibrated.
    public var weightChoice: CharacterWeightChoice? = nil
    /// When the bot's replies to the validation questions kept the given policy, how they compared
    /// (`checkedByReplies`).
    public var replyCheck: ReplyCheck? = nil
    /// The fitted model's weight μ chosen on the same held-out examples, when the content can be
    /// fitted (`ScoringParameters.fittedWeightGrid`).
    public var fittedChoice: CharacterWeightChoice? = nil
    /// The thresholds chosen on the readings without the fitted model, when a weight above the given
    /// one was chosen: the language's thresholds if the replies turn the model down.
    public var withoutFitted: Thresholds? = nil
    /// When the bot's replies to the validation questions turned the fitted model down, how they
    /// compared (`checkedByReplies`).
    public var fittedReplyCheck: FittedReplyCheck? = nil

    /// The character weight the language's index uses, when it is not the parameters'.
    public var characterWeight: Double? {
      weightChoice.flatMap { $0.chosen != $0.given ? $0.chosen : nil }
    }

    /// The fitted weight the language's index uses, when it is not the parameters'.
    public var fittedWeight: Double? {
      guard fittedReplyCheck == nil else { return nil }
      return fittedChoice.flatMap { $0.chosen != $0.given ? $0.chosen : nil }
    }

    /// `answer ≥ 0.65, clarify ≥ 0.25, chosen on 1,282 held-out examples and 121 validation questions
    /// (score 0.91; the defaults 0.70 / 0.30 score 0.90)`.
    public var summary: String {
      thresholdSummary + (weightChoice.map { "; character weight \($0.summary)" } ?? "")
        + (fittedChoice.map { "; fitted weight \($0.summary)" } ?? "")
        + (fittedReplyCheck.map {
          ", turned down: with it the bot replies right to \($0.rightWithFitted) of the \($0.questions) validation questions, against \($0.rightWithout) without"
        } ?? "")
    }

    private var thresholdSummary: String {
      let thresholds =
        "answer ≥ \(policy.answerThreshold.twoDecimals), clarify ≥ \(policy.clarifyThreshold.twoDecimals), margin \(policy.clarifyMargin.twoDecimals)"
      if let check = replyCheck {
        let chosen = check.chosen
        return
          "\(thresholds) (the product defaults: the content's own, answer ≥ \(chosen.answerThreshold.twoDecimals), clarify ≥ \(chosen.clarifyThreshold.twoDecimals), margin \(chosen.clarifyMargin.twoDecimals), score \(check.chosenScore.twoDecimals) on readings against \(givenScore.twoDecimals), but with them the bot replies right to \(check.rightWithChosen) of the \(check.questions) validation questions, against \(check.rightWithGiven))"
      }
      guard calibrated else {
        return examples + validationQuestions == 0 || givenScore == 0
          ? "\(thresholds) (the product defaults: too little content to calibrate)"
          : "\(thresholds) (the product defaults, which score \(givenScore.twoDecimals) on the content: its own thresholds would gain less than \(PolicyCalibration.minimumGain.twoDecimals))"
      }
      return
        "\(thresholds), chosen on \(examples) held-out examples and \(validationQuestions) validation questions (score \(score.twoDecimals); the defaults score \(givenScore.twoDecimals))"
    }
  }

  /// Thresholds chosen on a set of readings (`thresholds(_:policy:)`).
  public struct Thresholds: Sendable, Hashable, Codable {
    public let policy: ReplyPolicy
    public let calibrated: Bool
    public let score: Double
    public let givenScore: Double
  }

  /// How many of a language's validation questions the bot replied to right with the fitted model and
  /// without it, when the replies turned the model down.
  public struct FittedReplyCheck: Sendable, Hashable, Codable {
    public let questions: Int
    public let rightWithFitted: Int
    public let rightWithout: Int
  }

  /// How much better than the given policy's the chosen thresholds must score to replace it.
  public static let minimumGain = 0.02

  /// Fewer examples or intents in a language than these leave its policy as given.
  public static let minimumExamples = 100
  public static let minimumIntents = 4
  static let folds = 5
  /// How many of the folds are held out in turn (the first ones).
  static let heldOutFolds = 2

  /// One scored case: what was expected, and what the matcher made of it.
  struct Case: Sendable {
    /// The intent expected, or `nil` when the question is out of scope.
    let expected: IntentID?
    let top: IntentID?
    let topConfidence: Double
    let second: IntentID?
    let secondConfidence: Double
  }

  /// Calibrates every language of a knowledge base.
  ///
  /// - Parameters:
  ///   - knowledgeBase: The content.
  ///   - policy: The policy whose thresholds are replaced; its other settings are kept.
  ///   - parameters: The scoring constants the engine uses.
  ///   - validation: Each language's validation questions (`question`, expected intent or `nil`).
  /// - Complexity: three index builds per language, plus one match per held-out example and question.
  public static func calibrate(
    _ knowledgeBase: KnowledgeBase, policy: ReplyPolicy = .default, parameters: ScoringParameters = .default,
    validation: [Language: [(text: String, expected: IntentID?)]] = [:]
  ) -> [Language: Result] {
    calibrate(knowledgeBase, policy: policy, parameters: parameters, validation: validation, indexes: [:])
  }

  /// Calibrates every language of an engine's content, reusing the engine's indexes for the
  /// validation questions.
  ///
  /// - Complexity: two index builds per language, plus one match per held-out example and question.
  public static func calibrate(
    _ engine: Engine, validation: [Language: [(text: String, expected: IntentID?)]] = [:]
  ) -> [Language: Result] {
    calibrate(
      engine.knowledgeBase, policy: engine.policy, parameters: engine.parameters, validation: validation,
      indexes: engine.indexes)
  }

  static func calibrate(
    _ knowledgeBase: KnowledgeBase, policy: ReplyPolicy, parameters: ScoringParameters,
    validation: [Language: [(text: String, expected: IntentID?)]], indexes: [Language: LanguageIndex]
  ) -> [Language: Result] {
    // The languages are calibrated side by side: each reads only its own content.
    let languages = knowledgeBase.languages.filter { knowledgeBase.profiles[$0] != nil }
    let calibrated = Mutex<[Language: Result]>([:])
    DispatchQueue.concurrentPerform(iterations: languages.count) { number in
      let language = languages[number]
      let result = calibrate(
        language, of: knowledgeBase, policy: policy, parameters: parameters, questions: validation[language] ?? [],
        index: indexes[language])
      calibrated.withLock { $0[language] = result }
    }
    return calibrated.withLock { $0 }
  }

  /// Calibrates one language (`calibrate(_:policy:parameters:validation:indexes:)`).
  static func calibrate(
    _ language: Language, of knowledgeBase: KnowledgeBase, policy: ReplyPolicy, parameters: ScoringParameters,
    questions: [(text: String, expected: IntentID?)], index built: LanguageIndex?
  ) -> Result {
    guard let profile = knowledgeBase.profiles[language] else {
      return Result(
        language: language, policy: policy, calibrated: false, examples: 0, validationQuestions: questions.count,
        score: 0, givenScore: 0)
    }
    let intents = knowledgeBase.intents[language] ?? []
    let exampleCount = intents.reduce(0) { $0 + $1.examples.count }
    let answerable = intents.filter { $0.id != .outOfScope }.count
    guard exampleCount >= minimumExamples, answerable >= minimumIntents else {
      return Result(
        language: language, policy: policy, calibrated: false, examples: exampleCount,
        validationQuestions: questions.count, score: 0, givenScore: 0)
    }
    let lists = knowledgeBase.entityLists[language] ?? []
    let heldOut = heldOutCases(intents, profile: profile, parameters: parameters, entityLists: lists)
    var cases = heldOut.cases
    var unfitted = heldOut.unfittedCases
    if !questions.isEmpty {
      let mu = heldOut.fitted?.chosen ?? 0
      // The engine's index serves unless a fitted weight was chosen and it has no model.
      let index =
        built.flatMap { mu == 0 || $0.fitted.isFitted ? $0 : nil }
        ?? LanguageIndex(
          intents: intents, profile: profile, parameters: parameters, entityLists: lists, fitsModel: mu > 0)
      let lambda = heldOut.weight?.chosen ?? index.characterWeight
      let chosen = LanguageIndex(index, characterWeight: lambda, fittedWeight: mu)
      cases += questions.map { Self.reading(chosen.match($0.text), expected: $0.expected) }
      if unfitted != nil {
        let plain = LanguageIndex(index, characterWeight: lambda, fittedWeight: 0)
        unfitted! += questions.map { Self.reading(plain.match($0.text), expected: $0.expected) }
      }
    }
    var result = Result(
      language: language, thresholds: thresholds(cases, policy: policy), examples: cases.count - questions.count,
      validationQuestions: questions.count)
    result.weightChoice = heldOut.weight
    result.fittedChoice = heldOut.fitted
    result.withoutFitted = unfitted.map { thresholds($0, policy: policy) }
    return result
  }

  /// The thresholds of the grid that score best on the cases, or the given policy's when they do not
  /// score clearly better.
  static func thresholds(_ cases: [Case], policy: ReplyPolicy) -> Thresholds {
    let (chosen, score) = best(cases, base: policy)
    let given = Self.score(cases, policy)
    // The given policy stays unless the content's own thresholds are clearly better: a small gain on
    // held-out readings is within what the readings cannot tell apart.
    let better = score >= given + minimumGain
    return Thresholds(
      policy: better ? chosen : policy, calibrated: better, score: better ? score : given, givenScore: given)
  }

  static func reading(_ match: IntentMatch, expected: IntentID?) -> Case {
    let top = match.candidates.first
    let second = match.candidates.dropFirst().first { $0.intent != .outOfScope }
    return Case(
      expected: expected, top: top?.intent, topConfidence: top?.confidence ?? 0, second: second?.intent,
      secondConfidence: second?.confidence ?? 0)
  }

  /// The thresholds of the grid with the best score.
  static func best(_ cases: [Case], base: ReplyPolicy) -> (ReplyPolicy, Double) {
    var best = base
    var bestScore = -1.0
    // Higher thresholds first, so that a tie keeps the safer one.
    for answer in stride(from: 0.90, through: 0.399, by: -0.05) {
      for clarify in stride(from: answer - 0.05, through: 0.099, by: -0.05) {
        for margin in [0.10, 0.05, 0.0] {
          var policy = base
          policy.answerThreshold = (answer * 100).rounded() / 100
          policy.clarifyThreshold = (clarify * 100).rounded() / 100
          policy.clarifyMargin = margin
          let value = score(cases, policy)
          if value > bestScore + 1e-9 {
            best = policy
            bestScore = value
          }
        }
      }
    }
    return (best, bestScore)
  }

  /// The credit of the cases under a policy's thresholds: the mean over the questions in scope, and
  /// when there are at least `minimumOutOfScope` questions out of scope, the mean of the two means, so
  /// that refusing what the bot must not answer weighs as much as answering the rest.
  static func score(_ cases: [Case], _ policy: ReplyPolicy) -> Double {
    var inScope = 0.0, inScopeCount = 0, outOfScope = 0.0, outOfScopeCount = 0
    for item in cases {
      let refused = item.top == nil || item.top == .outOfScope || item.topConfidence < policy.clarifyThreshold
      let clear = item.topConfidence - item.secondConfidence >= policy.clarifyMargin
      let answered = !refused && item.topConfidence >= policy.answerThreshold && clear
      if let expected = item.expected {
        inScopeCount += 1
        if answered && item.top == expected {
          inScope += 1
        } else if !refused && !answered && item.top == expected {
          inScope += 0.5
        }
      } else {
        outOfScopeCount += 1
        if !answered { outOfScope += 1 }
      }
    }
    let inScopeMean = inScopeCount == 0 ? 0 : inScope / Double(inScopeCount)
    guard outOfScopeCount >= minimumOutOfScope else { return inScopeMean }
    return (inScopeMean + outOfScope / Double(outOfScopeCount)) / 2
  }

  /// The fewest questions out of scope that get half the score.
  static let minimumOutOfScope = 10
}

extension PolicyCalibration.Result {
  /// A result whose thresholds are those chosen on `thresholds`.
  init(language: Language, thresholds: PolicyCalibration.Thresholds, examples: Int, validationQuestions: Int) {
    self.init(
      language: language, policy: thresholds.policy, calibrated: thresholds.calibrated, examples: examples,
      validationQuestions: validationQuestions, score: thresholds.score, givenScore: thresholds.givenScore)
  }
}
