/// The examples of one intent in one language.
public struct IntentDefinition: Sendable, Hashable {
  public let id: IntentID
  public let language: Language
  public let examples: [IntentExample]
  /// The file the examples come from, relative to the content folder.
  public let file: String
}

/// One way a customer asks for an intent, with the line it was written on.
public struct IntentExample: Sendable, Hashable {
  public let text: String
  public let location: SourceLocation
}
