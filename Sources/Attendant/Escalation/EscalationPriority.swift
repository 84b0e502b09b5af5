/// How urgently a person should take over an escalated conversation.
public enum EscalationPriority: Int, Sendable, Hashable, Comparable, Codable, CaseIterable, CustomStringConvertible {
  case low = 1, normal, high, urgent

  public static func < (lhs: EscalationPriority, rhs: EscalationPriority) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The next level up, or `urgent` when already there.
  public var raised: EscalationPriority { raised(by: 1) }

  /// So many levels up, at most `urgent`.
  public func raised(by levels: Int) -> EscalationPriority {
    EscalationPriority(rawValue: min(rawValue + max(0, levels), EscalationPriority.urgent.rawValue))!
  }

  public var description: String {
    switch self {
    case .low: "low"
    case .normal: "normal"
    case .high: "high"
    case .urgent: "urgent"
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = EscalationPriority.allCases.first(where: { $0.description == text }) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "Unknown priority '\(text)'"))
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension EscalationPriority {
  /// How many levels repeated attempts add: none for one or two messages without an answer, one for
  /// three or four, two for five or six, and so on.
  static func raises(forAttempts attempts: Int) -> Int { max(0, (attempts - 1) / 2) }

  /// The priority of a new escalation, and the reasons for it in words.
  ///
  /// - Parameters:
  ///   - reason: Why the bot escalates; it gives the base priority.
  ///   - attempts: The customer's messages since the last answer that got none, this one included.
  ///   - frustration: This message's frustration score.
  ///   - frustratedBefore: Whether earlier messages showed frustration.
  ///   - threshold: The policy's frustration threshold.
  static func assess(
    reason: EscalationReason, attempts: Int, frustration: Double, frustratedBefore: Bool, threshold: Double
  ) -> (EscalationPriority, [String]) {
    var priority = reason.basePriority
    var why = ["\(priority) for \(reason.rawValue)"]
    let levels = raises(forAttempts: attempts)
    if levels > 0 {
      priority = priority.raised(by: levels)
      why.append("+\(levels) for \(attempts) messages without an answer")
    }
    if reason == .frustration {
      if frustration >= threshold * 1.5 {
        priority = .urgent
        why.append("urgent for a frustration score of \(frustration) ≥ 1.5 × the threshold")
      }
    } else if frustration > 0 || frustratedBefore {
      priority = priority.raised
      why.append("+1 for signs of frustration")
    }
    return (priority, why)
  }
}

extension EscalationReason {
  /// The priority an escalation starts with, before repeated attempts and frustration raise it.
  public var basePriority: EscalationPriority {
    switch self {
    case .lowConfidence: .low
    case .humanRequested, .unresolvedClarification, .repeatedNonAnswers, .negativeFeedback: .normal
    case .complaint, .frustration: .high
    }
  }
}
