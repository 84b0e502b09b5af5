/// How urgently a person should take over an escalated conversation.
public enum Priority: Int, Sendable, Hashable, Comparable, Codable, CaseIterable, CustomStringConvertible {
  case low = 1, normal, high, urgent

  public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The next level up, or `urgent` when already there.
  public var raised: Priority { Priority(rawValue: min(rawValue + 1, Priority.urgent.rawValue))! }

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
    guard let value = Priority.allCases.first(where: { $0.description == text }) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Unknown priority '\(text)'"))
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension EscalationReason {
  /// The priority an escalation starts with, before repeated attempts and frustration raise it.
  public var basePriority: Priority {
    switch self {
    case .lowConfidence: .low
    case .humanRequested, .unresolvedClarification, .repeatedNonAnswers, .negativeFeedback: .normal
    case .complaint, .frustration: .high
    }
  }
}
