/// What the bot does with a message.
public enum Decision: String, Sendable, Hashable, Codable {
  /// It answers with an article.
  case answer
  /// It asks the customer a question first: which of two topics, or whether to bring in a person.
  case clarify
  /// It hands the conversation to a person, with an escalation record.
  case escalate
}

/// Why the bot replied as it did, beyond the decision itself.
public enum ReplyReason: String, Sendable, Hashable, Codable {
  /// Confident in one intent.
  case confident
  /// Two intents scored too close to tell apart.
  case ambiguous
  /// The customer picked one of the offered topics.
  case clarified
  /// The message is about something the content does not cover.
  case outOfScope = "out-of-scope"
  /// The customer answered the feedback question.
  case feedback
  /// The customer gave contact details.
  case contact
  /// The conversation is already with a person; the message was added to the record.
  case alreadyEscalated = "already-escalated"
  /// The customer declined an offer (a person, a clarification).
  case declined
  /// The topic is broad: the bot offers a menu of narrower ones.
  case menu
  /// A bare yes, no or ok with nothing asked: the bot asks how it can help.
  case prompt
  /// A thanks or goodbye after a hand-off, answered politely.
  case closing
  /// A greeting, thanks or goodbye answered with the built-in sentence, when the content has no
  /// small-talk article for it.
  case smallTalk = "small-talk"
  case humanRequested = "human-requested"
  case lowConfidence = "low-confidence"
  case unresolvedClarification = "unresolved-clarification"
  case repeatedNonAnswers = "repeated-non-answers"
  case negativeFeedback = "negative-feedback"
  case complaint
  case frustration

  /// The reply reason of a hand-off. A `switch` rather than a look-up by raw value, so that a new
  /// `EscalationReason` fails to compile here instead of crashing at run time.
  init(_ reason: EscalationReason) {
    switch reason {
    case .humanRequested: self = .humanRequested
    case .lowConfidence: self = .lowConfidence
    case .unresolvedClarification: self = .unresolvedClarification
    case .repeatedNonAnswers: self = .repeatedNonAnswers
    case .negativeFeedback: self = .negativeFeedback
    case .complaint: self = .complaint
    case .frustration: self = .frustration
    }
  }
}
