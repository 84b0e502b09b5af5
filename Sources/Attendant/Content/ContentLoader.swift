import Foundation

/// Reads a content folder (`Intents/`, `KnowledgeBase/`) into a validated `KnowledgeBase`.
///
/// Loading never stops at the first problem: it reads everything it can and reports every finding,
/// each with its `file:line` and a fix.
public struct ContentLoader: Sendable {
  /// The result of reading a content folder.
  public struct Result: Sendable {
    /// The knowledge base, when the content has no errors.
    public let knowledgeBase: KnowledgeBase?
    /// Every error and warning, sorted by place.
    public let findings: [Finding]
    /// Every intent read, also when the content has errors, for analyses of the examples (`attendant check`).
    var intents: [IntentDefinition] = []
    /// Every article read, also when the content has errors, for analyses of the answers.
    var articles: [Article] = []
  }

  public let profiles: [Language: LanguageProfile]

  /// Creates a loader that knows the given languages.
  public init(profiles: [LanguageProfile] = LanguageProfile.builtIn) {
    self.profiles = Dictionary(profiles.map { ($0.language, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Loads content, or throws every error found in it.
  ///
  /// - Parameter folder: A folder that holds `Intents/` and `KnowledgeBase/`.
  /// - Throws: `ContentError` with all findings when there is at least one error.
  /// - Complexity: O(total size of the content files).
  public func load(from folder: URL) throws(ContentError) -> KnowledgeBase {
    let result = read(from: folder)
    guard let knowledgeBase = result.knowledgeBase else { throw ContentError(findings: result.findings) }
    return knowledgeBase
  }

  /// Reads content and reports every finding; the knowledge base is `nil` when there are errors.
  public func read(from folder: URL) -> Result {
    var reader = ContentReader(root: folder, profiles: profiles)
    return reader.run()
  }
}
