import Foundation

/// Everything a person needs to take over a conversation, so that the customer never repeats
/// themselves: written to the outbox as one JSON file when the bot hands over, with each later turn
/// appended as an `Update`; a reply carries its summary.
///
/// The schema is versioned (`schemaVersion`) and published in `docs/escalation.schema.json`.
public struct EscalationRecord: Sendable, Hashable, Codable {
  /// The schema version this type writes. Version 2: 96-bit ids, and later revisions appended to
  /// `<id>.updates.jsonl` instead of rewriting `<id>.json`.
  public static let currentSchemaVersion = 2

  public var schemaVersion: Int = EscalationRecord.currentSchemaVersion
  /// A unique id, also the outbox file name (`esc-20261122T193000Z-` + 24 hex digits). The outbox
  /// draws a new one when the name is taken.
  public internal(set) var id: String
  /// When the escalation was made, UTC, ISO 8601.
  public let createdAt: Date
  /// When the record last changed (a later message from the customer, contact details).
  public var updatedAt: Date
  /// 1 when created; one more for every later turn.
  public var revision: Int
  public let session: String
  public var language: Language
  public let reason: EscalationReason
  public var priority: EscalationPriority
  /// The team that takes over, and when it will answer.
  public var assignment: Assignment
  public var customer: Customer
  /// The intents the bot considered for the message that escalated, best first.
  public let candidates: [CandidateScore]
  /// The frustration signals seen in the conversation, if any.
  public var frustrationSignals: [String]
  /// The whole conversation, customer and bot, with the intent and confidence of each customer turn.
  public var transcript: [TranscriptTurn]

  /// Who answers, and when.
  public struct Assignment: Sendable, Hashable, Codable {
    /// The team, or `nil` when no team covers the language.
    public var team: String?
    /// Whether someone is on shift at `createdAt`.
    public var onShift: Bool
    /// When the customer can expect the first answer from a person.
    public var expectedFirstResponse: Date?
    /// The start of the next shift, when nobody is on shift now.
    public var nextShiftStart: Date?
  }

  /// What the customer told us about themselves.
  public struct Customer: Sendable, Hashable, Codable {
    /// The customer's IANA time zone, when the host or the customer gave one.
    public var timeZone: String?
    /// The customer's local time at `createdAt` (ISO 8601 with offset), in `timeZone` or UTC.
    public var localTime: String
    /// Contact details the customer gave: e-mail addresses and phone numbers.
    public var contact: [String]
  }
}

/// An intent and its confidence.
public struct CandidateScore: Sendable, Hashable, Codable {
  public let intent: IntentID
  public let confidence: Double

  public init(intent: IntentID, confidence: Double) {
    self.intent = intent
    self.confidence = confidence
  }
}

extension TranscriptTurn {
  /// The turn as an escalation record keeps it: every kind of personal data replaced by its placeholder
  /// (`[email]`, `[card]`).
  var redactedForRecord: TranscriptTurn {
    TranscriptTurn(
      at: at, from: from, text: PersonalData.redact(text), language: language, intent: intent,
      confidence: confidence, decision: decision)
  }
}

extension EscalationRecord {
  /// The JSON encoder for records and replies: ISO 8601 dates in UTC, sorted keys.
  public static func makeEncoder(pretty: Bool = true) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(ISO8601.string(from: date))
    }
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// The matching decoder.
  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let text = try decoder.singleValueContainer().decode(String.self)
      guard let date = ISO8601.date(from: text) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "Not an ISO 8601 date: '\(text)'"))
      }
      return date
    }
    return decoder
  }
}
