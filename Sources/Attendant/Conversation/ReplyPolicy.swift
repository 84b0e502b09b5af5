/// The thresholds and limits of the decision policy.
///
/// The defaults are the product's, chosen on the demo's validation suites (`Intents/*/tests/validation.txt`,
/// 505 questions in five languages): the highest answer threshold whose validation accuracy is within
/// half a point of the best (see `docs/matching.md`). They are not the threshold that `attendant eval`
/// chooses for CLINC150 on its own validation split.
public struct ReplyPolicy: Sendable, Hashable, Codable {
  /// At or above this confidence the bot answers (unless the second intent is too close).
  public var answerThreshold: Double
  /// Between this and `answerThreshold` the bot asks which of the top two the customer means;
  /// below it, the bot does not answer.
  public var clarifyThreshold: Double
  /// When the top two confidences differ by less than this, the bot asks which one is meant.
  public var clarifyMargin: Double
  /// Below `clarifyThreshold`, a message whose known-word coverage is below this is out of scope
  /// (a polite refusal and an offer of a person); above it, the bot escalates for low confidence.
  public var outOfScopeCoverage: Double
  /// After this many non-answers in a row, the bot escalates.
  public var maximumNonAnswers: Int
  /// A frustration score at or above this escalates at once.
  public var frustrationThreshold: Double
  /// How many candidates a reply lists.
  public var candidateCount: Int
  /// A message with at most this many content words, which the runner-up's examples cover as fully as
  /// the winner's, cannot tell the two apart ("payment", "dostava"): the bot asks which is meant, when
  /// the runner-up's confidence is at least `plausibleRunnerUp`, or half the winner's.
  public var shortMessageContentWords: Int
  public var plausibleRunnerUp: Double
  /// A message with a content word that appears in no example ("netflix", "tokyo") is answered only at
  /// or above this confidence, and otherwise refused as out of scope: the unknown word is most often
  /// the real topic. `nil` treats such messages like any other.
  public var answerThresholdWithUnknownWords: Double?
  /// The unknown-word bar applies when at least this share of the message's content words is unknown,
  /// or when it has at most two content words: otherwise the unknown words are its story ("I bought a
  /// lamp for my mum's birthday…") or a detail ("the small sneakers"), not its topic.
  public var unknownShareForBar: Double
  /// A message of at most this many words may lean on the previous answer ("what about Germany?").
  public var followUpMaximumWords: Int
  /// The reading with the previous question wins when its confidence, plus this bonus if the message
  /// opens like a follow-up or points back ("and…", "that"), is above the message's own.
  public var followUpMarkerBonus: Double
  /// While the bot waits for a pick, a reply with at least this many content words is a new question.
  public var newQuestionContentWords: Int
  /// A third topic is offered when its confidence is within this of the runner-up's.
  public var thirdOptionGap: Double
  /// A yes or no answer has at most this many words ("yes please, go ahead").
  public var yesNoMaximumWords: Int
  /// Unsure, a topic this share of the way from the clarify threshold to the answer threshold is
  /// answered when no other topic is worth a question (`clear-lead`): every other is below the clarify
  /// threshold, the content knows every word (or more than two, with unknown ones below
  /// `unknownShareForBar`), and no out-of-scope examples are in the running.
  public var clearLeadShare: Double
  /// Unsure, a topic this share of the way from the clarify threshold to the answer threshold, and at
  /// least `wideLeadGap` ahead of the runner-up, is answered (`wide-lead`) under the same conditions as a
  /// clear lead, when the message has two content words or more: the runner-up is worth a question in
  /// itself, but not beside a topic so far ahead of it.
  public var wideLeadShare: Double
  public var wideLeadGap: Double
  /// Unsure, a message with at least this many unknown content words (and at least `unknownShareForBar`
  /// of them), whose top topic covers less than `outOfScopeCoverage` of it, is about something else:
  /// refused, not asked about (`unknown-word`).
  public var unknownStoryWords: Int

  public init(
    answerThreshold: Double = 0.70, clarifyThreshold: Double = 0.3, clarifyMargin: Double = 0.1,
    outOfScopeCoverage: Double = 0.5, maximumNonAnswers: Int = 2, frustrationThreshold: Double = 2.0,
    candidateCount: Int = 3, shortMessageContentWords: Int = 2, plausibleRunnerUp: Double = 0.45,
    answerThresholdWithUnknownWords: Double? = nil, unknownShareForBar: Double = 0.3,
    followUpMaximumWords: Int = 8, followUpMarkerBonus: Double = 0.25, newQuestionContentWords: Int = 3,
    thirdOptionGap: Double = 0.01, yesNoMaximumWords: Int = 6, clearLeadShare: Double = 0.75,
    wideLeadShare: Double = 0.625, wideLeadGap: Double = 0.2, unknownStoryWords: Int = 3
  ) {
    self.answerThreshold = answerThreshold
    self.clarifyThreshold = clarifyThreshold
    self.clarifyMargin = clarifyMargin
    self.outOfScopeCoverage = outOfScopeCoverage
    self.maximumNonAnswers = maximumNonAnswers
    self.frustrationThreshold = frustrationThreshold
    self.candidateCount = candidateCount
    self.shortMessageContentWords = shortMessageContentWords
    self.plausibleRunnerUp = plausibleRunnerUp
    self.answerThresholdWithUnknownWords = answerThresholdWithUnknownWords
    self.unknownShareForBar = unknownShareForBar
    self.followUpMaximumWords = followUpMaximumWords
    self.followUpMarkerBonus = followUpMarkerBonus
    self.newQuestionContentWords = newQuestionContentWords
    self.thirdOptionGap = thirdOptionGap
    self.yesNoMaximumWords = yesNoMaximumWords
    self.clearLeadShare = clearLeadShare
    self.wideLeadShare = wideLeadShare
    self.wideLeadGap = wideLeadGap
    self.unknownStoryWords = unknownStoryWords
  }

  /// The confidence at which an unsure topic far ahead of its rival is answered (`wideLeadShare`).
  public var wideLeadThreshold: Double {
    clarifyThreshold + wideLeadShare * (answerThreshold - clarifyThreshold)
  }

  /// The confidence at which an unsure topic with no rival is answered (`clearLeadShare`).
  public var clearLeadThreshold: Double {
    clarifyThreshold + clearLeadShare * (answerThreshold - clarifyThreshold)
  }

  /// After a hand-off, a statement or request that asks nothing is answered as well at or above this
  /// confidence, halfway from the answer threshold to certainty ("and you better actually wipe my
  /// data": the account deletion, 0.94); below it, it is for the person who takes over.
  public var statementAfterHandOffThreshold: Double { answerThreshold + (1 - answerThreshold) / 2 }

  public static let `default` = ReplyPolicy()
}
