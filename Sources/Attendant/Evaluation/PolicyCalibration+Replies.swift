import Foundation

extension PolicyCalibration {
  /// How the bot's replies to a language's validation questions compared, under the thresholds chosen
  /// on readings and under the given policy, when the replies kept the given policy.
  public struct ReplyCheck: Sendable, Hashable, Codable {
    /// The thresholds the readings chose, which the replies turned down.
    public let chosen: ReplyPolicy
    /// Their score on the readings (`PolicyCalibration.score`); the given policy's is the result's
    /// `givenScore`.
    public let chosenScore: Double
    /// The validation questions, and how many the bot replied to right under each policy.
    public let questions: Int
    public let rightWithChosen: Int
    public let rightWithGiven: Int
  }

  /// Each language's choice checked on the bot's replies: a language whose chosen thresholds reply
  /// right to fewer of its validation questions than the given policy does keeps the given policy.
  ///
  /// The grid is scored on readings by the thresholds alone, but the bot replies through named rules
  /// that read the thresholds too (a clear lead, a question beside small talk, a follow-up in
  /// context), and were written at the product defaults. So the validation questions are also asked
  /// as the bot would be asked them, each in a new session at `SuiteRunner.fixedTime`, and a reply is
  /// right as a suite counts it (`SuiteRunner`): the expected article shown, or none for a question out
  /// of scope.
  ///
  /// - Parameters:
  ///   - results: The calibration's results for `engine`'s content.
  ///   - engine: The engine with the given policy, not yet calibrated.
  ///   - validation: Each language's validation questions.
  /// - Complexity: none when no language was calibrated; else two engines built, and two replies per
  ///   validation question of each calibrated language.
  static func checkedByReplies(
    _ results: [Language: Result], engine: Engine, validation: [Language: [(text: String, expected: IntentID?)]]
  ) -> [Language: Result] {
    let (results, models) = fittedCheckedByReplies(results, engine: engine, validation: validation)
    let checks = results.filter { language, result in result.calibrated && validation[language]?.isEmpty == false }
    // Most content keeps the given policy everywhere: then there is nothing to reply to, and no engine
    // to build.
    guard !checks.isEmpty else { return results }
    let kept = results.mapValues { $0.calibrated ? $0.keepingPolicy(engine.policy, replyCheck: nil) : $0 }
    // Both engines read with the character and fitted weights chosen, which the language keeps either
    // way: only the thresholds differ. A model fitted once serves both.
    let chosen = engine.calibrated(results, fitted: models)
    let given = engine.calibrated(kept, fitted: models.merging(chosen.fittedModels) { $1 })
    var checked = results
    for (language, result) in checks {
      let questions = validation[language] ?? []
      let withChosen = rightReplies(to: questions, in: language, by: chosen)
      let withGiven = rightReplies(to: questions, in: language, by: given)
      guard withChosen < withGiven else { continue }
      checked[language] = result.keepingPolicy(
        engine.policy,
        replyCheck: ReplyCheck(
          chosen: result.policy, chosenScore: result.score, questions: questions.count,
          rightWithChosen: withChosen, rightWithGiven: withGiven))
    }
    return checked
  }

  /// Each language's fitted weight checked on the bot's replies, as the thresholds are: a language
  /// whose replies with the fitted model are not right to more of its validation questions than
  /// without it reads without it, at the thresholds chosen on the readings without it. A tie goes to
  /// the plainer reading: the model costs loading time and memory, and the conversation rules were
  /// written without it (on the demo, English and Turkish choose μ 3 on their held-out readings and
  /// reply right to all 121 validation questions either way; read with the model, 62 development
  /// turns newly fail and 52 newly pass).
  ///
  /// - Returns: The results, and the models fitted to compare (for the thresholds' check to reuse).
  /// - Complexity: none when no language chose a fitted weight; else two engines built (one fitted),
  ///   and two replies per validation question of each such language.
  static func fittedCheckedByReplies(
    _ results: [Language: Result], engine: Engine, validation: [Language: [(text: String, expected: IntentID?)]]
  ) -> (results: [Language: Result], models: [Language: FittedModel]) {
    let checks = results.filter { language, result in
      result.fittedWeight != nil && result.withoutFitted != nil && validation[language]?.isEmpty == false
    }
    guard !checks.isEmpty else { return (results, [:]) }
    let plain = results.mapValues { checks[$0.language] == nil ? $0 : $0.droppingFitted(nil) }
    let (fitted, without) = (engine.calibrated(results), engine.calibrated(plain))
    var checked = results
    for (language, result) in checks {
      let questions = validation[language] ?? []
      let withModel = rightReplies(to: questions, in: language, by: fitted)
      let withoutModel = rightReplies(to: questions, in: language, by: without)
      guard withModel <= withoutModel else { continue }
      checked[language] = result.droppingFitted(
        FittedReplyCheck(questions: questions.count, rightWithFitted: withModel, rightWithout: withoutModel))
    }
    return (checked, fitted.fittedModels)
  }

  /// How many of the questions the engine replies to right, each in a new session.
  static func rightReplies(
    to questions: [(text: String, expected: IntentID?)], in language: Language, by engine: Engine
  ) -> Int {
    questions.enumerated().filter { number, question in
      var session = ChatSession(id: "calibration \(language) \(number)", language: language)
      let outcome = SuiteReport.Outcome(
        engine.respond(to: CustomerMessage(question.text), in: &session, at: SuiteRunner.fixedTime))
      return question.expected.map { outcome.intent == $0 } ?? outcome.showsNoArticle
    }.count
  }
}

extension PolicyCalibration.Result {
  /// The result with the given policy kept in place of the thresholds chosen, and its character weight
  /// choice unchanged.
  func keepingPolicy(_ policy: ReplyPolicy, replyCheck: PolicyCalibration.ReplyCheck?) -> Self {
    Self(
      language: language, policy: policy, calibrated: false, examples: examples,
      validationQuestions: validationQuestions, score: givenScore, givenScore: givenScore,
      weightChoice: weightChoice, replyCheck: replyCheck, fittedChoice: fittedChoice, withoutFitted: withoutFitted,
      fittedReplyCheck: fittedReplyCheck)
  }

  /// The result read without the fitted model: the thresholds chosen on the readings without it, and
  /// the replies' check that turned it down (`nil`: dropped to build the engine to compare with).
  func droppingFitted(_ check: PolicyCalibration.FittedReplyCheck?) -> Self {
    guard let plain = withoutFitted else { return self }
    var result = Self(
      language: language, thresholds: plain, examples: examples, validationQuestions: validationQuestions)
    result.weightChoice = weightChoice
    result.fittedChoice = check == nil ? nil : fittedChoice
    result.fittedReplyCheck = check
    return result
  }
}
