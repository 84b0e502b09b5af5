import Foundation

/// One message in a conversation.
public struct TranscriptTurn: Sendable, Hashable, Codable {
  public enum Speaker: String, Sendable, Hashable, Codable { case customer, bot }

  public let at: Date
  public let from: Speaker
  public let text: String
  public let language: Language
  /// For customer turns: the intent the bot matched, if any.
  public let intent: IntentID?
  /// For customer turns: the bot's confidence in that intent.
  public let confidence: Double?
  /// For bot turns: what the bot decided.
  public let decision: Decision?
}
