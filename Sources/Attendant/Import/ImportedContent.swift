import Foundation

/// Labelled questions brought in from another format, ready to be written as a content folder.
package struct ImportedContent: Sendable {
  /// A test case: a question and the intent expected, or `nil` for out of scope.
  public struct Case: Sendable, Hashable {
    public let text: String
    public let expected: IntentID?

    public init(text: String, expected: IntentID?) {
      self.text = text
      self.expected = expected
    }
  }

  /// An intent with its examples, and the article that answers it.
  public struct ImportedIntent: Sendable {
    public let id: IntentID
    public var examples: [String]
    public var title: String
    public var answer: String?
    /// The label as it was in the source, when the id had to be changed to be valid.
    public var sourceLabel: String
  }

  /// A text that the source files under more than one label. As an example of two intents it could
  /// only ever reach one of them, so `attendant check` reports it as an error (`duplicate-across-intents`).
  public struct Conflict: Sendable, Hashable {
    /// One label that has the text.
    public struct Use: Sendable, Hashable {
      /// The label as the source writes it.
      public let label: String
      /// The intent the label becomes.
      public let id: IntentID
      /// How many times the label has the text.
      public let count: Int
      /// The lines of the source where it does; empty for a source without lines (JSON).
      public let lines: [Int]
    }

    /// The text as it first appears.
    public let text: String
    /// The labels that have it, in the order they first do.
    public let labels: [Use]
    /// The text as the checker compares it.
    let key: String
  }

  public var language: Language
  public var intents: [ImportedIntent]
  /// The texts the source files under more than one label, in the order they first appear.
  public var conflicts: [Conflict] = []
  /// Test suites by name (`val`, `test`), written to `Intents/<language>/tests/<name>.txt`.
  public var suites: [(name: String, cases: [Case])]
  /// Where the content came from, for the header comments.
  public var source: String

  /// The intents whose id differs from the label in the source (`todo_list` became `todo-list`).
  public var renamed: [ImportedIntent] { intents.filter { $0.sourceLabel != $0.id.rawValue } }

  /// Keeps each conflicting text under the label that has it first, and removes it from the others.
  ///
  /// An intent left without examples is removed, with the suite cases that expect it.
  /// - Returns: The ids of the intents removed.
  @discardableResult
  public mutating func keepFirstLabels() -> [IntentID] {
    guard !conflicts.isEmpty, let analyzer else { return [] }
    var owner: [String: IntentID] = [:]
    for conflict in conflicts { owner[conflict.key] = conflict.labels[0].id }
    for index in intents.indices {
      let id = intents[index].id
      intents[index].examples.removeAll { text in
        guard let key = Self.key(text, analyzer), let first = owner[key] else { return false }
        return first != id
      }
    }
    let removed = intents.filter(\.examples.isEmpty).map(\.id)
    intents.removeAll { $0.examples.isEmpty }
    if !removed.isEmpty {
      suites = suites.map { suite in
        (suite.name, suite.cases.filter { $0.expected.map { !removed.contains($0) } ?? true })
      }
    }
    return removed
  }

  /// The analyzer of the content's language, which compares texts as `attendant check` does.
  var analyzer: TextAnalyzer? { LanguageProfile.builtIn(for: language).map { TextAnalyzer(profile: $0) } }

  /// A text as `attendant check` compares examples; `nil` for a text too weak to be compared.
  static func key(_ text: String, _ analyzer: TextAnalyzer) -> String? {
    let terms = analyzer.terms(of: text)
    return ContentChecker.weakness(of: terms) == nil ? ContentChecker.key(terms) : nil
  }

  /// Writes `Intents/` and `KnowledgeBase/` (and the suites) under `folder`.
  ///
  /// An intent without an answer gets an article saying so, so that `attendant check` accepts the
  /// folder and the editor can see which answers remain to be written. The language's phrases file
  /// (`phrasesFile`) is written with the built-in sentences when there is none yet; one that exists is
  /// the editor's and is kept.
  public func write(to folder: URL) throws {
    let manager = FileManager.default
    let intentsFolder = folder.appendingPathComponent("Intents/\(language)")
    let articlesFolder = folder.appendingPathComponent("KnowledgeBase/\(language)")
    try manager.createDirectory(at: intentsFolder, withIntermediateDirectories: true)
    try manager.createDirectory(at: articlesFolder, withIntermediateDirectories: true)
    for intent in intents {
      var lines = ["# \(intent.id): imported from \(source)"]
      if intent.sourceLabel != intent.id.rawValue { lines.append("# label in the source: \(intent.sourceLabel)") }
      lines += intent.examples.map(Self.oneLine)
      try (lines.joined(separator: "\n") + "\n").write(
        to: intentsFolder.appendingPathComponent("\(intent.id).txt"), atomically: true, encoding: .utf8)
      let body =
        intent.answer.map { $0.trimmedWhiteSpace }.flatMap { $0.isEmpty ? nil : $0 }
        ?? PlaceholderAnswer.text(forLabel: intent.sourceLabel)
      let article = "---\ntitle: \(Self.oneLine(intent.title))\nintents: \(intent.id)\n---\n\(body)\n"
      try article.write(to: articlesFolder.appendingPathComponent("\(intent.id).md"), atomically: true, encoding: .utf8)
    }
    let phrasesURL = folder.appendingPathComponent(phrasesFile)
    if let profile = LanguageProfile.builtIn(for: language), !manager.fileExists(atPath: phrasesURL.path) {
      try profile.phrases.fileText(language: language, languageName: profile.name)
        .write(to: phrasesURL, atomically: true, encoding: .utf8)
    }
    if !suites.isEmpty {
      let testsFolder = intentsFolder.appendingPathComponent("tests")
      try manager.createDirectory(at: testsFolder, withIntermediateDirectories: true)
      for suite in suites {
        var lines = ["# \(suite.name): imported from \(source)"]
        for test in suite.cases {
          lines.append("\(Self.oneLine(test.text)) => \(test.expected?.rawValue ?? "out-of-scope")")
        }
        try (lines.joined(separator: "\n") + "\n").write(
          to: testsFolder.appendingPathComponent("\(suite.name).txt"), atomically: true, encoding: .utf8)
      }
    }
  }

  /// The bot's own sentences in the content's language, relative to the content folder: every phrase,
  /// each under a comment that says when it is said, for the editor to put in the business's words.
  public var phrasesFile: String { "KnowledgeBase/\(language)/phrases.txt" }

  /// A text on one line, with no leading `#` that would make it a comment.
  static func oneLine(_ text: String) -> String {
    let bytes = text.utf8
    if let first = bytes.first, first != 0x23, first != 0x20, bytes.last != 0x20,
      !bytes.contains(where: { $0 == 0x0A || $0 == 0x0D })
    {
      return text
    }
    var line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "\r", with: " ").trimmedWhiteSpace
    if line.hasPrefix("#") { line = "\\" + line }
    return line
  }
}
