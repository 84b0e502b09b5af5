import Foundation

/// Lints a content folder for editors: everything the loader reports, plus what only an analysis of
/// the examples shows: duplicates, examples that the engine gives to another intent, and examples too
/// weak to teach anything.
///
/// `attendant check` prints its findings, and a hot reload (`EngineStore.reload()`) runs it before it
/// swaps new content in, so that content the checker rejects is never served.
public struct ContentChecker: Sendable {
  /// What a check found, and the engine for the content when it has no errors.
  public struct Report: Sendable {
    /// Every error and warning, sorted by place. Findings about a whole file point at its first line,
    /// so that every finding reads `file:line`.
    public let findings: [Finding]
    /// The content, ready to serve; `nil` when there are errors.
    public let engine: Engine?
    /// The intents as far as they could be read, also when there are errors (for checking test suites).
    public let intents: [Language: [Intent]]

    /// The number of findings of a severity.
    public func count(_ severity: Finding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether the content has at least one error (and so cannot be served).
    public var hasErrors: Bool { engine == nil }
  }

  public let loader: ContentLoader
  public let policy: Policy

  /// Creates a checker for content in the given languages, whose engine will use `policy`.
  public init(profiles: [LanguageProfile] = LanguageProfile.builtIn, policy: Policy = .default) {
    loader = ContentLoader(profiles: profiles)
    self.policy = policy
  }

  /// Reads and analyses a content folder.
  ///
  /// The analyses run even when the content has errors elsewhere, on every intent file that could be read.
  ///
  /// - Parameters:
  ///   - folder: A folder that holds `Intents/` and `KnowledgeBase/`.
  ///   - defaultLanguage: The default language of the engine built for the content.
  /// - Complexity: loading, plus one match per example.
  public func check(_ folder: URL, defaultLanguage: Language? = nil) -> Report {
    let result = loader.read(from: folder)
    let analysed: Engine
    if let knowledgeBase = result.knowledgeBase {
      analysed = Engine(knowledgeBase: knowledgeBase, policy: policy, defaultLanguage: defaultLanguage)
    } else {
      let partial = KnowledgeBase(intents: result.intents, articles: [], phrases: [:], profiles: loader.profiles)
      analysed = Engine(knowledgeBase: partial, policy: policy)
    }
    var findings = result.findings.map(Self.pinned)
    for language in analysed.knowledgeBase.languages {
      findings += analyse(language, engine: analysed)
    }
    findings.sort { ($0.location, $0.kind.rawValue, $0.message) < ($1.location, $1.kind.rawValue, $1.message) }
    let servable = result.knowledgeBase != nil && !findings.contains { $0.severity == .error }
    return Report(findings: findings, engine: servable ? analysed : nil, intents: analysed.knowledgeBase.intents)
  }

  /// A finding about a whole file, moved to the file's first line.
  static func pinned(_ finding: Finding) -> Finding {
    guard finding.location.line == 0, !finding.location.file.hasSuffix("/") else { return finding }
    return Finding(
      finding.severity, finding.kind, at: SourceLocation(file: finding.location.file, line: 1), finding.message,
      fix: finding.fix)
  }

  // MARK: Analyses

  /// Duplicates, weak examples and conflicts among one language's examples.
  private func analyse(_ language: Language, engine: Engine) -> [Finding] {
    guard let profile = engine.knowledgeBase.profiles[language] else { return [] }
    let analyzer = TextAnalyzer(profile: profile)
    var findings: [Finding] = []
    var seen: [String: (intent: IntentID, example: Example)] = [:]
    for intent in engine.knowledgeBase.intents[language] ?? [] {
      for example in intent.examples {
        let terms = analyzer.terms(of: example.text)
        let key = Self.key(terms)
        if let weakness = Self.weakness(of: terms) {
          findings.append(Finding(.warning, .weakExample, at: example.location, weakness.message, fix: weakness.fix))
          continue
        }
        if let first = seen[key] {
          if first.intent == intent.id {
            let same = Self.words(first.example.text, profile) == Self.words(example.text, profile)
            let expanded = same ? "" : " once abbreviations are expanded"
            findings.append(
              Finding(
                .warning, .duplicateExample, at: example.location,
                "The example '\(example.text)' repeats line \(first.example.location.line) ('\(first.example.text)') of the same intent\(expanded).",
                fix:
                  "delete one of the two lines; variants that differ only in case, punctuation or numbers teach the matcher nothing new."
              ))
          } else {
            findings.append(
              Finding(
                .error, .duplicateAcrossIntents, at: example.location,
                "The example '\(example.text)' is also an example of '\(first.intent)' (\(first.example.location)), so one of the two intents can never get it.",
                fix: "keep it in the intent it belongs to and delete it from the other."))
          }
          continue
        }
        seen[key] = (intent.id, example)
        if let conflict = conflict(example, of: intent.id, language: language, engine: engine) {
          findings.append(conflict)
        }
      }
    }
    return findings
  }

  /// What the matcher sees of an example: its words lower-cased with their diacritics (an example with
  /// and one without diacritics are different, on purpose), abbreviations expanded, numbers as one shape.
  static func key(_ terms: [Term]) -> String {
    terms.map { $0.role == .number ? Term.numberStem : $0.exact }.joined(separator: " ")
  }

  /// The words of a text as typed, lower-cased, without abbreviations expanded.
  static func words(_ text: String, _ profile: LanguageProfile) -> [String] {
    Tokenizer.tokenize(text, turkishCasing: profile.turkishCasing).map(\.exact)
  }

  /// Why an example teaches the matcher nothing useful, if it does not.
  static func weakness(of terms: [Term]) -> (message: String, fix: String)? {
    let letters = terms.reduce(0) { $0 + $1.folded.unicodeScalars.filter(\.properties.isAlphabetic).count }
    if terms.isEmpty || letters < 2 {
      return (
        "The example is too short to match anything reliably.",
        "write a question a customer would ask, or delete the line."
      )
    }
    if !terms.contains(where: { $0.role == .content || $0.role == .number }) {
      return (
        "The example is nothing but stop words ('\(terms.map(\.folded).joined(separator: " "))'), which every intent shares.",
        "add the words that say what the customer wants, or delete the line."
      )
    }
    return nil
  }

  /// A conflict when the engine gives an example to another intent rather than to its own.
  private func conflict(_ example: Example, of own: IntentID, language: Language, engine: Engine) -> Finding? {
    guard let match = engine.match(example.text, in: language), let top = match.candidates.first, top.intent != own
    else {
      return nil
    }
    let ownScore =
      match.candidates.first { $0.intent == own }
      .map { "its own intent '\(own)' (\(Self.format($0.confidence)))" }
      ?? "its own intent '\(own)' (not among the top \(match.candidates.count))"
    return Finding(
      .warning, .conflict, at: example.location,
      "The example '\(example.text)' is matched to '\(top.intent)' (confidence \(Self.format(top.confidence))) before \(ownScore).",
      fix:
        "reword it with the words that set '\(own)' apart, move it to '\(top.intent)' if it belongs there, or add examples to '\(own)' that ask it this way."
    )
  }

  static func format(_ value: Double) -> String { value.twoDecimals }
}
