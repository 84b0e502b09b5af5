import Foundation

/// A customer's message, with what the host knows about it.
public struct CustomerMessage: Sendable {
  public var text: String
  /// The language the host asks for; when `nil`, the bot detects it or keeps the session's.
  public var language: Language?
  /// The customer's time zone, when the host knows it.
  public var timeZone: TimeZone?

  public init(_ text: String, language: Language? = nil, timeZone: TimeZone? = nil) {
    self.text = text
    self.language = language
    self.timeZone = timeZone
  }
}
