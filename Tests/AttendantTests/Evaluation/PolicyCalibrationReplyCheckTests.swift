import Foundation
import Testing

@testable import Attendant

/// The check of a calibrated policy on the bot's replies (`PolicyCalibration.checkedByReplies`): the
/// grid is scored on readings, the bot replies through rules that read the thresholds too.
struct PolicyCalibrationReplyCheckTests {
  /// Thresholds that answer anything at all: questions out of scope get articles.
  static let permissive = ReplyPolicy(answerThreshold: 0.40, clarifyThreshold: 0.10, clarifyMargin: 0)

  static func chosen(_ policy: ReplyPolicy, scoring score: Double = 0.95) -> [Language: PolicyCalibration.Result] {
    [
      .en: PolicyCalibration.Result(
        language: .en, policy: policy, calibrated: true, examples: 500, validationQuestions: 4, score: score,
        givenScore: 0.90)
    ]
  }

  /// A question out of scope that low thresholds answer from a word it shares with a topic
  /// ("price", the currency, 0.49; "is the black friday sale on" was one until the twenty-seventh
  /// stop's out-of-scope examples of sale dates): the replies keep the defaults, which do not answer
  /// it, and the summary says why.
  @Test func thresholdsThatReplyWorseKeepTheGivenPolicy() throws {
    let questions: [Language: [(text: String, expected: IntentID?)]] = [
      .en: [
        ("do you do price drops", nil), ("who won the champions league last year", nil),
        ("what's the weather in paris tomorrow", nil), ("where is my order", "order-status"),
      ]
    ]
    let engine = Demo.engine.calibrated([:])
    let permissiveRight = PolicyCalibration.rightReplies(
      to: questions[.en]!, in: .en, by: engine.calibrated(Self.chosen(Self.permissive)))
    try #require(permissiveRight < 4, "the permissive thresholds answer a question out of scope")
    let checked = PolicyCalibration.checkedByReplies(
      Self.chosen(Self.permissive), engine: engine, validation: questions)
    let english = try #require(checked[.en])
    #expect(!english.calibrated)
    #expect(english.policy == engine.policy)
    let check = try #require(english.replyCheck)
    #expect(check.rightWithGiven == 4)
    #expect(check.rightWithChosen == permissiveRight)
    #expect(check.chosen == Self.permissive)
    #expect(english.summary.contains("replies right to \(permissiveRight) of the 4 validation questions, against 4"))
  }

  /// Thresholds that reply as well as the given ones stay chosen; a language with no validation
  /// questions is not checked.
  @Test func thresholdsThatReplyAsWellStayChosen() throws {
    let engine = Demo.engine.calibrated([:])
    let close = ReplyPolicy(answerThreshold: 0.65, clarifyThreshold: 0.30, clarifyMargin: 0.10)
    let questions: [Language: [(text: String, expected: IntentID?)]] = [
      .en: [("where is my order", "order-status"), ("what's the weather in paris tomorrow", nil)]
    ]
    let checked = PolicyCalibration.checkedByReplies(Self.chosen(close), engine: engine, validation: questions)
    #expect(checked[.en]?.calibrated == true)
    #expect(checked[.en]?.policy == close)
    #expect(checked[.en]?.replyCheck == nil)
    let unchecked = PolicyCalibration.checkedByReplies(Self.chosen(Self.permissive), engine: engine, validation: [:])
    #expect(unchecked[.en]?.policy == Self.permissive)
  }
}
