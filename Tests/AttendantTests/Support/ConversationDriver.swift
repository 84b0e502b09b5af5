import Foundation
import Testing

@testable import Attendant

/// Drives one conversation through an engine at a fixed time, checking every escalation record it
/// produces against `docs/escalation.schema.json`.
struct ConversationDriver {
  let engine: Engine
  var session: ChatSession
  var now: Date

  init(
    engine: Engine = Demo.engine, id: String = "test", timeZone: TimeZone? = nil, at now: Date = Demo.wednesdayMorning
  ) {
    self.engine = engine
    self.session = ChatSession(id: id, timeZone: timeZone)
    self.now = now
  }

  /// The customer writes a message; the bot replies.
  @discardableResult
  mutating func say(
    _ text: String, language: Language? = nil, timeZone: TimeZone? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Reply {
    let reply = engine.respond(to: CustomerMessage(text, language: language, timeZone: timeZone), in: &session, at: now)
    if let record = reply.escalation { EscalationSchema.check(record, sourceLocation: sourceLocation) }
    return reply
  }

  /// Two turns on one topic: the first message is answered with `intent`, and the second, a follow-up,
  /// is answered with it too, read after the first.
  static func expectFollowUp(
    _ first: String, then second: String, language: Language, intent: IntentID, engine: Engine = Demo.engine,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    var conversation = ConversationDriver(engine: engine)
    #expect(conversation.say(first, language: language).intent == intent, sourceLocation: sourceLocation)
    let reply = conversation.say(second, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)", sourceLocation: sourceLocation)
    #expect(reply.intent == intent, sourceLocation: sourceLocation)
    #expect(reply.explanation.reading == .followUp, sourceLocation: sourceLocation)
  }

  /// The reply to `second` in a new conversation whose `first` message is answered with `intent`.
  static func reply(
    to second: String, after first: String, answered intent: IntentID, language: Language,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Reply {
    var conversation = ConversationDriver()
    let opening = conversation.say(first, language: language)
    #expect(opening.intent == intent, "\(opening.explanation.rule)", sourceLocation: sourceLocation)
    return conversation.say(second, language: language)
  }

  /// The reply to the first message of a new conversation.
  static func first(_ text: String, language: Language, engine: Engine = Demo.engine) -> Reply {
    var conversation = ConversationDriver(engine: engine)
    return conversation.say(text, language: language)
  }

  /// One message in a new conversation is answered with `intent`, by `rule`.
  static func expectAnswer(
    _ text: String, language: Language, intent: IntentID, rule: TurnRule? = nil, engine: Engine = Demo.engine,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    var conversation = ConversationDriver(engine: engine)
    let reply = conversation.say(text, language: language)
    #expect(reply.decision == .answer, "\(reply.explanation.rule)", sourceLocation: sourceLocation)
    #expect(reply.intent == intent, sourceLocation: sourceLocation)
    if let rule { #expect(reply.explanation.turnRule == rule, sourceLocation: sourceLocation) }
  }

  /// The customer rates the last answer.
  @discardableResult
  mutating func feedback(
    helpful: Bool, rating: Int? = nil, comment: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Reply {
    let reply = engine.takeFeedback(helpful: helpful, rating: rating, comment: comment, in: &session, at: now)
    if let record = reply.escalation { EscalationSchema.check(record, sourceLocation: sourceLocation) }
    return reply
  }
}

extension Date {
  /// A fixed moment from an ISO 8601 literal, for tests: `Date.at("2027-03-27T19:30:00Z")`.
  static func at(_ text: String) -> Date {
    guard let date = ISO8601.date(from: text) else { preconditionFailure("Not an ISO 8601 date: '\(text)'") }
    return date
  }
}

extension Desk {
  /// `respond(to:in:)`, checking the escalation record of the reply against the schema.
  func respondChecked(
    to message: CustomerMessage, in session: inout ChatSession,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Outcome {
    let outcome = respond(to: message, in: &session)
    if let record = outcome.reply.escalation { EscalationSchema.check(record, sourceLocation: sourceLocation) }
    return outcome
  }

  /// `feedback(helpful:rating:comment:in:)`, checking the escalation record of the reply against the schema.
  func feedbackChecked(
    helpful: Bool, rating: Int? = nil, comment: String? = nil, in session: inout ChatSession,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Outcome {
    let outcome = feedback(helpful: helpful, rating: rating, comment: comment, in: &session)
    if let record = outcome.reply.escalation { EscalationSchema.check(record, sourceLocation: sourceLocation) }
    return outcome
  }
}
