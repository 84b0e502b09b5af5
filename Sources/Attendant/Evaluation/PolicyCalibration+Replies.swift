import Foundation

extension PolicyCalibration {
  /// How the bot's replies to a language's validation questions compared, under the thresholds chosen
  /// on readings and under the given policy, when the replies kept the given policy.
  public struct ReplyCheck: Sendable, Hashable, Codable {
    /// The thresholds the readings chose, which the replies turned down.
    public let chosen: ReplyPolicy
    /// Their score on the readings, and the given policy's (`PolicyCalibration.score`).
    public let chosenScore: Double
    public let givenScore: Double
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
  /// - Complexity: two replies per validation question of each calibrated language.
  static func checkedByReplies(
    _ results: [Language: Result], engine: Engine, validation: [Language: [(text: String, expected: IntentID?)]]
  ) -> [Language: Result] {
    let chosen = engine.calibrated(results)
    var checked = results
    for (language, result) in results where result.calibrated {
      guard let questions = validation[language], !questions.isEmpty else { continue }
      let withChosen = rightReplies(to: questions, in: language, by: chosen)
      let withGiven = rightReplies(to: questions, in: language, by: engine)
      guard withChosen < withGiven else { continue }
      checked[language] = Result(
        language: language, policy: engine.policy, calibrated: false, examples: result.examples,
        validationQuestions: result.validationQuestions, score: result.givenScore, givenScore: result.givenScore,
        weightChoice: result.weightChoice,
        replyCheck: ReplyCheck(
          chosen: result.policy, chosenScore: result.score, givenScore: result.givenScore, questions: questions.count,
          rightWithChosen: withChosen, rightWithGiven: withGiven))
    }
    return checked
  }

  /// How many of the questions the engine replies to right, each in a new session.
  private static func rightReplies(
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
