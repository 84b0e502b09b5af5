import Foundation

/// One simulated customer's conversation: one or two needs, each asked, clarified, rated and asked
/// again as a customer would, every turn logged as `chat` and `serve` log it.
struct SimulatedConversation {
  let simulator: TrafficSimulator
  let region: TrafficSimulator.Region
  let log: any TranscriptLog
  var now: Date
  var session: ChatSession

  /// What the customer writes, and the intent a correct answer has when one is known.
  private enum Kind: CaseIterable {
    case heldOut, typo, outOfScope, uncovered, frustrated
  }

  private static let kindWeights: [Double] = [0.62, 0.12, 0.08, 0.13, 0.05]

  private var engine: Engine { simulator.engine }
  private var code: String { region.language.rawValue }

  mutating func run(random: inout SeededGenerator, typos: inout TypoGenerator, summary: inout TrafficSimulator.Summary)
  {
    let needs = Double.random(in: 0..<1, using: &random) < 0.3 ? 2 : 1
    for _ in 0..<needs {
      guard session.escalation == nil else { return }
      let (text, expected) = message(random: &random, typos: &typos)
      var reply = send(text, summary: &summary, random: &random)
      // A clarification: most customers pick an option, the others say something else.
      if reply.decision == .clarify, !reply.options.isEmpty {
        if Double.random(in: 0..<1, using: &random) < 0.7 {
          reply = send(reply.options.randomElement(using: &random)!.title, summary: &summary, random: &random)
        } else {
          reply = send(message(random: &random, typos: &typos).text, summary: &summary, random: &random)
        }
      }
      guard reply.decision == .answer, let answered = reply.intent, !Self.smallTalk.contains(answered.rawValue) else {
        continue
      }
      // Feedback, as the bridge's feedback line: helpful more often when the answer was the right one.
      guard Double.random(in: 0..<1, using: &random) < 0.45 else { continue }
      let right = expected == nil || expected == answered.rawValue
      let quality = right ? Self.quality(of: answered.rawValue) : 0.2
      let helpful = Double.random(in: 0..<1, using: &random) < quality
      let rating: Int? =
        Double.random(in: 0..<1, using: &random) < 0.5
        ? (helpful ? Int.random(in: 4...5, using: &random) : Int.random(in: 1...3, using: &random)) : nil
      let comment: String? =
        Double.random(in: 0..<1, using: &random) < 0.15
        ? SimulatedCustomers.comments[code]?.randomElement(using: &random) : nil
      advance(&random)
      log.record(.feedback(session: session.id, helpful: helpful, rating: rating, comment: comment, at: now))
      _ = engine.takeFeedback(helpful: helpful, rating: rating, comment: comment, in: &session, at: now)
      summary.feedback += 1
      guard !helpful else { continue }
      // After a poor answer, some ask again in other words, some accept the offer of a person.
      let next = Double.random(in: 0..<1, using: &random)
      if next < 0.4, let again = rephrasing(of: answered.rawValue, random: &random) {
        _ = send(again, summary: &summary, random: &random)
      } else if next < 0.6 {
        _ = send(
          engine.knowledgeBase.profiles[region.language]?.yes.sorted().first ?? "yes", summary: &summary,
          random: &random)
      }
    }
  }

  static let smallTalk: Set<String> = ["greeting", "thanks", "goodbye"]

  /// How often a right answer of an intent helps: most articles help, a few are weak.
  static func quality(of intent: String) -> Double {
    let hash = intent.unicodeScalars.reduce(UInt64(5381)) { ($0 &* 33) &+ UInt64($1.value) }
    return 0.55 + Double(hash % 40) / 100
  }

  private func message(random: inout SeededGenerator, typos: inout TypoGenerator) -> (text: String, expected: String?) {
    let questions = simulator.questions[region.language] ?? []
    let answerable = questions.filter { $0.intent != "out-of-scope" }
    switch Kind.allCases[TrafficSimulator.pick(Self.kindWeights, using: &random)] {
    case .heldOut where !answerable.isEmpty:
      let question = answerable.randomElement(using: &random)!
      return (question.text, question.intent)
    case .typo where !answerable.isEmpty:
      let question = answerable.randomElement(using: &random)!
      return (typos.misspell(question.text), question.intent)
    case .outOfScope:
      let refused =
        questions.filter { $0.intent == "out-of-scope" }.map(\.text)
        + OutOfScopeSentences.sentences(for: region.language)
      return (refused.randomElement(using: &random)!, nil)
    case .uncovered:
      let needs = SimulatedCustomers.uncoveredNeeds[code] ?? SimulatedCustomers.uncoveredNeeds["en"]!
      let need = needs.keys.sorted().randomElement(using: &random)!
      return (needs[need]!.randomElement(using: &random)!, nil)
    default:
      return (
        (SimulatedCustomers.frustrated[code] ?? SimulatedCustomers.frustrated["en"]!).randomElement(using: &random)!,
        nil
      )
    }
  }

  private func rephrasing(of intent: String, random: inout SeededGenerator) -> String? {
    (simulator.questions[region.language] ?? []).filter { $0.intent == intent }.randomElement(using: &random)?.text
  }

  /// The customer takes a while to read and type.
  private mutating func advance(_ random: inout SeededGenerator) {
    now = now.addingTimeInterval(Double(Int.random(in: 15...120, using: &random)))
  }

  /// Sends a message and logs the turn, and the escalation record when the turn hands over.
  private mutating func send(_ text: String, summary: inout TrafficSimulator.Summary, random: inout SeededGenerator)
    -> Reply
  {
    advance(&random)
    let before = session.escalation
    var reply = engine.respond(to: CustomerMessage(text, timeZone: region.timeZone), in: &session, at: now)
    if var record = reply.escalation, before?.id != record.id {
      // The outbox names a new record, as `Desk` has it do; here a seeded id keeps runs identical.
      let bits = (random.next(), UInt32(truncatingIfNeeded: random.next()))
      record.id = EscalationIDGenerator { bits }.make(at: now)
      session.escalation = record
      reply = Reply(
        decision: reply.decision, reason: reply.reason, language: reply.language, intent: reply.intent,
        confidence: reply.confidence, text: reply.text, candidates: reply.candidates, options: reply.options,
        entities: reply.entities, escalation: record, explanation: reply.explanation)
      log.record(.escalation(record, at: now))
      summary.escalations += 1
    }
    log.record(.turn(session: session.id, reply: reply, customerText: text, at: now))
    summary.turns += 1
    return reply
  }
}
