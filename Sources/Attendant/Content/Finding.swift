/// A problem found in content: where, how bad, what is wrong and how to fix it.
///
/// Findings are turned into text in one place, `description`, in the form editors' tools understand:
/// `Intents/tr/refund-status.txt:14: error: Example is empty. Fix: write a question or delete the line.`
public struct Finding: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
  }

  /// What kind of finding this is, stable across versions so that tools can filter on it.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case parse = "parse-error"
    case missingFolder = "missing-folder"
    case unknownLanguage = "unknown-language"
    case invalidIntentID = "invalid-intent-id"
    case emptyIntent = "empty-intent"
    case missingArticle = "missing-article"
    case orphanArticle = "article-without-intent"
    case duplicateArticle = "duplicate-article"
    case missingIntentInLanguage = "intent-missing-in-language"
    case duplicateExample = "duplicate-example"
    case duplicateAcrossIntents = "duplicate-across-intents"
    case conflict
    case weakExample = "weak-example"
    case tooFewExamples = "too-few-examples"
    case placeholderAnswer = "placeholder-answer"
    case emptyBody = "empty-article-body"
    case brokenFollowUp = "broken-follow-up"
    case nextTopicsDiffer = "next-topics-differ"
    case unknownPhrase = "unknown-phrase"
    case phrasesMissingInLanguage = "phrases-missing-in-language"
    case schedule
    case suite = "test-suite"
    case linkOutsideContent = "link-outside-content"
  }

  public let location: SourceLocation
  public let severity: Severity
  public let kind: Kind
  public let message: String
  public let fix: String?

  public init(_ severity: Severity, _ kind: Kind, at location: SourceLocation, _ message: String, fix: String? = nil) {
    self.location = location
    self.severity = severity
    self.kind = kind
    self.message = message
    self.fix = fix
  }

  public var description: String {
    "\(location): \(severity.rawValue): \(message)" + (fix.map { " Fix: \($0)" } ?? "")
  }
}

/// Content that cannot be served, with every error found in it.
public struct ContentError: Error, Sendable, CustomStringConvertible {
  public let findings: [Finding]

  public init(findings: [Finding]) { self.findings = findings }

  public var description: String {
    let errors = findings.filter { $0.severity == .error }
    let header = errors.count == 1 ? "The content has 1 error:" : "The content has \(errors.count) errors:"
    return ([header] + errors.map(\.description)).joined(separator: "\n")
  }
}
