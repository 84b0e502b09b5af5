import Foundation

/// Lints a content folder for editors: everything the loader reports, plus what only an analysis of
/// the examples shows: duplicates, examples that the engine gives to another intent, and examples too
/// weak to teach anything.
///
/// `attendant check` prints its findings, and a hot reload (`EngineStore.reload()`) runs it before it
/// swaps new content in, so that content the checker rejects is never served.
package struct ContentChecker: Sendable {
  /// The fewest different examples an intent should have in each language. With fewer, customers who
  /// word a question their own way too often miss the intent; `check` warns (`too-few-examples`), and
  /// `docs/content-format.md` ("Intents") gives the number.
  public static let minimumExamples = 12

  /// What a check found, and the engine for the content when it has no errors.
  public struct Report: Sendable {
    /// Every error and warning, sorted by place. Findings about a whole file point at its first line,
    /// so that every finding reads `file:line`.
    public let findings: [Finding]
    /// The content, ready to serve; `nil` when there are errors.
    public let engine: Engine?
    /// The intents as far as they could be read, also when there are errors (for checking test suites).
    public let intents: [Language: [IntentDefinition]]

    /// The number of findings of a severity.
    public func count(_ severity: Finding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether the content has at least one error (and so cannot be served).
    public var hasErrors: Bool { engine == nil }
  }

  public let loader: ContentLoader
  public let policy: ReplyPolicy

  /// Creates a checker for content in the given languages, whose engine will use `policy`.
  public init(profiles: [LanguageProfile] = LanguageProfile.builtIn, policy: ReplyPolicy = .default) {
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
      findings += analyse(language, engine: analysed, canRespond: result.knowledgeBase != nil)
    }
    findings += result.articles.compactMap(Self.placeholder)
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

  /// Duplicates, weak examples, intents with too few examples and conflicts among one language's
  /// examples. `canRespond` says whether the engine has the articles, so that a conflict can say what
  /// the bot replies.
  private func analyse(_ language: Language, engine: Engine, canRespond: Bool) -> [Finding] {
    guard let profile = engine.knowledgeBase.profiles[language] else { return [] }
    let analyzer = TextAnalyzer(profile: profile)
    var findings: [Finding] = []
    var seen: [String: (intent: IntentID, example: IntentExample)] = [:]
    for intent in engine.knowledgeBase.intents[language] ?? [] {
      var different = Set<String>()
      defer {
        if intent.id != .outOfScope, different.count < Self.minimumExamples {
          findings.append(Self.tooFewExamples(intent, different: different.count))
        }
      }
      for example in intent.examples {
        let terms = analyzer.terms(of: example.text)
        let key = Self.key(terms)
        if let weakness = Self.weakness(of: terms) {
          findings.append(Finding(.warning, .weakExample, at: example.location, weakness.message, fix: weakness.fix))
          continue
        }
        different.insert(key)
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
                .warning, .duplicateAcrossIntents, at: example.location,
                "The example '\(example.text)' is also an example of '\(first.intent)' (\(first.example.location)), so one of the two intents can never get it.",
                fix: "keep it in the intent it belongs to and delete it from the other."))
          }
          continue
        }
        seen[key] = (intent.id, example)
        if let conflict = conflict(example, of: intent.id, language: language, engine: engine, canRespond: canRespond) {
          findings.append(conflict)
        }
      }
    }
    return findings
  }

  /// What the matcher sees of an example: its words lower-cased with their diacritics (an example with
  /// and one without diacritics are different, on purpose), abbreviations expanded, numbers as one shape.
  static func key(_ terms: [AnalyzedTerm]) -> String {
    terms.map { $0.role == .number ? AnalyzedTerm.numberStem : $0.exact }.joined(separator: " ")
  }

  /// The words of a text as typed, lower-cased, without abbreviations expanded.
  static func words(_ text: String, _ profile: LanguageProfile) -> [String] {
    Tokenizer.tokenize(text, turkishCasing: profile.turkishCasing).map(\.exact)
  }

  /// Why an example teaches the matcher nothing useful, if it does not.
  static func weakness(of terms: [AnalyzedTerm]) -> (message: String, fix: String)? {
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

  /// A warning when an intent has fewer different examples than `minimumExamples` (repeated and
  /// weak examples do not count).
  static func tooFewExamples(_ intent: IntentDefinition, different: Int) -> Finding {
    let counted = different == intent.examples.count ? "\(different)" : "\(different) different"
    let noun = different == 1 ? "example" : "examples"
    let more = minimumExamples - different
    return Finding(
      .warning, .tooFewExamples, at: SourceLocation(file: intent.file, line: 1),
      "The intent '\(intent.id)' has \(counted) \(noun) in '\(intent.language)', fewer than the \(minimumExamples) it needs for customers who word the question their own way to reach it.",
      fix:
        "add \(more) more, written the way customers ask: colloquial, with typical typos, with and without diacritics.")
  }

  /// A warning when an article's body is a placeholder or holds an editor's note. An empty body is
  /// already an error (`empty-article-body`), so it is not reported again.
  static func placeholder(_ article: Article) -> Finding? {
    guard !article.body.isEmpty, let problem = PlaceholderAnswer.problem(in: article.body) else { return nil }
    let intents = article.intents.map { "'\($0)'" }.joined(separator: ", ")
    return Finding(
      .warning, .placeholderAnswer, at: SourceLocation(file: article.location.file, line: article.bodyLine),
      "The answer to \(intents) is not finished (\(problem)), and customers who ask are shown it as it stands.",
      fix: "write the answer customers should read below the closing '---', without notes or stand-in text.")
  }

  /// A conflict: an example that does not get its own intent's answer, or gets it only word for word
  /// because the matcher scores another intent at least as high.
  ///
  /// The finding says what a customer who types the example gets, from a fresh session's reply, and
  /// lists the scores without ranking them, so that it reads the same whatever the order of the
  /// candidates. The fix points at the other intent's example closest to it.
  private func conflict(
    _ example: IntentExample, of own: IntentID, language: Language, engine: Engine, canRespond: Bool
  )
    -> Finding?
  {
    guard let quick = engine.match(example.text, in: language), let top = quick.candidates.first,
      let best = quick.candidates.max(by: { $0.confidence < $1.confidence }), top.intent != own || best.intent != own
    else {
      return nil
    }
    let match = engine.match(example.text, in: language, detail: true) ?? quick
    let ownScore = match.candidates.first { $0.intent == own }?.confidence
    let strongestOther = match.candidates.filter { $0.intent != own }.max { $0.confidence < $1.confidence }
    let kind = own == .outOfScope ? "out-of-scope example" : "example"
    let other: IntentID
    let message: String
    if canRespond {
      var session = ChatSession(id: "check \(example.location)", language: language)
      let reply = engine.respond(
        to: CustomerMessage(example.text, language: language), in: &session, at: SuiteRunner.fixedTime)
      let getsOwn = own == .outOfScope ? reply.intent == nil : reply.intent == own
      if getsOwn {
        guard let strongestOther, strongestOther.confidence >= ownScore ?? 0 else { return nil }
        other = strongestOther.intent
        message =
          "The \(kind) '\(example.text)' gets \(Self.own(own)) only word for word: the matcher scores \(Self.scores(other, own, in: match)), so customers who ask it in other words are likely to get \(Self.name(other))."
      } else {
        other =
          reply.intent ?? reply.options.map(\.intent).first { $0 != own } ?? strongestOther?.intent ?? .outOfScope
        message =
          "Customers who type the \(kind) '\(example.text)' word for word get \(Self.outcome(of: reply)), not \(Self.own(own)); the matcher scores \(Self.scores(other, own, in: match))."
      }
    } else {
      guard let strongestOther, strongestOther.confidence >= ownScore ?? 0 else { return nil }
      other = strongestOther.intent
      message =
        "The matcher scores \(Self.scores(other, own, in: match)) for the \(kind) '\(example.text)', so it may not get \(Self.own(own))."
    }
    return Finding(.warning, .conflict, at: example.location, message, fix: Self.conflictFix(own, other, in: match))
  }

  /// What a reply gives the customer, in words.
  static func outcome(of reply: Reply) -> String {
    if let intent = reply.intent {
      switch reply.decision {
      case .answer: return "the answer of '\(intent)'"
      case .clarify: return "the menu of '\(intent)'"
      case .escalate: return "the answer of '\(intent)' and a hand-off to a person"
      }
    }
    switch reply.decision {
    case .clarify where !reply.options.isEmpty:
      let options = reply.options.map { "'\($0.intent)'" }
      let listed = options.dropLast().joined(separator: ", ") + " or " + options.last!
      return "a question back (do they mean \(listed)?)"
    case .escalate: return "a hand-off to a person, with no answer"
    default: return "no answer (the bot declines it as out of scope)"
    }
  }

  /// What an example of `own` should get: its answer, or a refusal for an out-of-scope example.
  static func own(_ own: IntentID) -> String {
    own == .outOfScope ? "the refusal that out-of-scope examples get" : "the answer of its own intent '\(own)'"
  }

  static func name(_ intent: IntentID) -> String {
    intent == .outOfScope ? "a refusal (the out-of-scope examples)" : "'\(intent)'"
  }

  /// Two intents' confidences as facts, without a ranking that their rounding could contradict:
  /// `'return-item' 0.78 and 'gift-wrapping' 0.76`, `'return-item' and 'gift-wrapping' the same (0.25)`.
  static func scores(_ other: IntentID, _ own: IntentID, in match: IntentMatch) -> String {
    func score(_ id: IntentID) -> String? { match.candidates.first { $0.intent == id }.map { format($0.confidence) } }
    let name = { (id: IntentID) in id == .outOfScope ? "the out-of-scope examples" : "'\(id)'" }
    let (first, second) = (score(other), score(own))
    if let first, first == second { return "\(name(other)) and \(name(own)) the same (\(first))" }
    return [(other, first), (own, second)].map { id, value in
      "\(name(id)) \(value ?? "below the top \(match.candidates.count)")"
    }.joined(separator: " and ")
  }

  /// How to settle a conflict, with the other intent's example that is closest to this one.
  static func conflictFix(_ own: IntentID, _ other: IntentID, in match: IntentMatch) -> String {
    let nearest = match.candidates.first { $0.intent == other }?.nearestExamples.first
    let holder = other == .outOfScope ? "the out-of-scope examples have" : "'\(other)' has"
    let near = nearest.map { "\(holder) a close example, '\($0.text)' (\($0.location)); " } ?? ""
    if own == .outOfScope {
      return near
        + "if '\(other)' answers this question, delete it from the out-of-scope examples; otherwise reword the two so that each has the words that set it apart."
    }
    if other == .outOfScope {
      return near
        + "if the bot should not answer this question, delete it from '\(own)'; otherwise reword the two so that each has the words that set it apart."
    }
    return near
      + "reword the two so that each has the words that set its intent apart, move this one to '\(other)' if that is what customers who write it want, or add examples to '\(own)' that ask it this way."
  }

  static func format(_ value: Double) -> String { value.twoDecimals }
}
