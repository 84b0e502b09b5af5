/// The bot's reply to one message.
public struct Reply: Sendable {
  public let decision: Decision
  public let reason: ReplyReason
  public let language: Language
  /// The intent answered, or the intent that escalated (`human-agent`, `complaint`); `nil` otherwise.
  public let intent: IntentID?
  /// The confidence in the best intent, 0…1.
  public let confidence: Double
  /// What the customer sees.
  public let text: String
  /// The intents considered, best first.
  public let candidates: [CandidateScore]
  /// Topics offered: the two options of a clarification, or follow-up suggestions after an answer.
  public let options: [Option]
  /// The names (places, languages, currencies, the content's own classes), numbers and personal data
  /// found in the message.
  public let entities: [Entity]
  /// The escalation record, when the reply escalates or adds to an open escalation.
  public let escalation: EscalationRecord?
  public let explanation: Explanation
  /// Whether a front end should now ask "Did this help?": after an article answered with confidence,
  /// or picked from a clarification, that is not small talk. The chat asks, and then calls
  /// `ChatSession.awaitFeedback()`; the bridge tells its host (`asksForFeedback`), which asks with buttons.
  public internal(set) var asksForFeedback = false

  /// A topic the customer can pick next.
  public struct Option: Sendable, Hashable, Codable {
    public let intent: IntentID
    public let title: String
  }
}

extension Reply {
  /// Whether the reply deserves the feedback question: asking after a clarification, a refusal, small
  /// talk or a hand-off would ask about nothing the customer can judge.
  func deservesFeedbackQuestion(in knowledgeBase: KnowledgeBase) -> Bool {
    guard decision == .answer, reason == .confident || reason == .clarified, let intent else { return false }
    return knowledgeBase.article(for: intent, in: language)?.isSmallTalk == false
  }
}
