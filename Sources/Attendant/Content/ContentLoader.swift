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
    var intents: [Intent] = []
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
    var reader = Reader(root: folder, profiles: profiles)
    return reader.run()
  }
}

/// One pass over a content folder, collecting findings as it goes.
private struct Reader {
  let root: URL
  let profiles: [Language: LanguageProfile]
  var findings: [Finding] = []
  var intents: [Intent] = []
  var articles: [Article] = []
  var phrases: [Language: Phrases] = [:]
  var schedule: SupportSchedule?
  /// Article files (`<language>/<name>`) that exist but could not be read.
  var unreadableArticles = Set<String>()
  var frustrationSignals: [Language: FrustrationSignals] = [:]
  var entityLists: [Language: [EntityList]] = [:]

  init(root: URL, profiles: [Language: LanguageProfile]) {
    self.root = root
    self.profiles = profiles
  }

  mutating func run() -> ContentLoader.Result {
    let intentLanguages = languageFolders(in: "Intents")
    let articleLanguages = languageFolders(in: "KnowledgeBase")
    for language in intentLanguages { readIntents(language) }
    for language in articleLanguages { readArticles(language) }
    for language in Set(intentLanguages).union(articleLanguages) {
      var set = profiles[language]!.phrases
      if articleLanguages.contains(language) {
        readPhrases(language, into: &set)
        readFrustrationSignals(language)
        readEntityLists(language)
      }
      phrases[language] = set
    }
    checkPhrasesFiles(Set(intentLanguages).union(articleLanguages).sorted())
    readSchedule()
    crossCheck()
    findings.sort { ($0.location, $0.kind.rawValue) < ($1.location, $1.kind.rawValue) }
    guard !findings.contains(where: { $0.severity == .error }) else {
      return .init(knowledgeBase: nil, findings: findings, intents: intents, articles: articles)
    }
    let usedProfiles = profiles.filter { phrases.keys.contains($0.key) }
    let knowledgeBase = KnowledgeBase(
      intents: intents, articles: articles, phrases: phrases, profiles: usedProfiles, schedule: schedule,
      frustrationSignals: frustrationSignals, entityLists: entityLists, warnings: findings)
    return .init(knowledgeBase: knowledgeBase, findings: findings, intents: intents, articles: articles)
  }

  // MARK: Folders

  func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  func isDirectory(_ relative: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The visible entries of a folder, sorted so that findings come out in a stable order.
  func entries(of relative: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  mutating func languageFolders(in top: String) -> [Language] {
    guard isDirectory(top) else {
      findings.append(
        Finding(
          .error, .missingFolder, at: SourceLocation(file: top + "/"), "The folder '\(top)/' is missing.",
          fix: "pass --content with a folder that holds both Intents/ and KnowledgeBase/ (now: '\(root.path)')."))
      return []
    }
    var languages: [Language] = []
    for name in entries(of: top) {
      let path = "\(top)/\(name)"
      guard isDirectory(path) else {
        if top == "KnowledgeBase" && name.hasPrefix("support.") { continue }
        if name.lowercased().hasPrefix("readme") { continue }
        findings.append(
          Finding(
            .warning, .unknownLanguage, at: SourceLocation(file: path),
            "The file is not in a language folder and is ignored.",
            fix: "move it into \(top)/<language>/."))
        continue
      }
      guard let language = Language(rawValue: name), profiles[language] != nil else {
        let known = profiles.keys.sorted().map(\.rawValue).joined(separator: ", ")
        findings.append(
          Finding(
            .error, .unknownLanguage, at: SourceLocation(file: path + "/"),
            "'\(name)' is not a language with a profile.",
            fix: "name language folders by their code (\(known)), or add a language profile for '\(name)'."))
        continue
      }
      languages.append(language)
    }
    return languages
  }

  // MARK: Intents

  mutating func readIntents(_ language: Language) {
    let folder = "Intents/\(language)"
    for name in entries(of: folder) {
      let path = "\(folder)/\(name)"
      if isDirectory(path) {
        if name != "tests" {
          findings.append(
            Finding(
              .warning, .parse, at: SourceLocation(file: path + "/"), "The folder '\(name)' is ignored.",
              fix: "put intent files directly in \(folder)/, and test suites in \(folder)/tests/."))
        }
        continue
      }
      guard name.hasSuffix(".txt") else {
        if !name.lowercased().hasPrefix("readme") {
          findings.append(
            Finding(
              .warning, .parse, at: SourceLocation(file: path), "Only .txt files hold examples; this file is ignored.",
              fix: "rename it to <intent-id>.txt if it holds examples."))
        }
        continue
      }
      let stem = String(name.dropLast(4))
      guard let id = IntentID(rawValue: stem) else {
        findings.append(
          Finding(
            .error, .invalidIntentID, at: SourceLocation(file: path), "'\(stem)' is not a valid intent id.",
            fix: IntentID.fix(for: stem) { "rename the file to '\($0).txt', and the id in its articles' headers" }))
        continue
      }
      switch ContentFile.read(path, in: root) {
      case .failure(let finding): findings.append(finding)
      case .success(let file):
        let examples = file.lines.filter { !$0.isBlankOrComment }.map { line in
          // `\#` starts an example that begins with `#`, which would otherwise be a comment.
          let text = line.trimmed.hasPrefix("\\#") ? String(line.trimmed.dropFirst()) : line.trimmed
          return Example(text: text, location: file.location(line.number))
        }
        if examples.isEmpty {
          findings.append(
            Finding(
              .error, .emptyIntent, at: SourceLocation(file: path), "The intent '\(id)' has no examples.",
              fix: "write one example question per line, or delete the file."))
        }
        intents.append(Intent(id: id, language: language, examples: examples, file: path))
      }
    }
  }

  // MARK: Articles

  mutating func readArticles(_ language: Language) {
    let folder = "KnowledgeBase/\(language)"
    for name in entries(of: folder) {
      let path = "\(folder)/\(name)"
      if isDirectory(path) {
        if name != "entities" {
          findings.append(
            Finding(
              .warning, .parse, at: SourceLocation(file: path + "/"), "The folder '\(name)' is ignored.",
              fix: "put articles directly in \(folder)/, and lists of names in \(folder)/entities/."))
        }
        continue
      }
      if name == "phrases.txt" || name == "frustration.txt" || name.lowercased().hasPrefix("readme") { continue }
      guard name.hasSuffix(".md") else {
        findings.append(
          Finding(
            .warning, .parse, at: SourceLocation(file: path), "Only .md files hold articles; this file is ignored.",
            fix: "rename it to <name>.md if it is an article."))
        continue
      }
      switch ContentFile.read(path, in: root) {
      case .failure(let finding):
        findings.append(finding)
        unreadableArticles.insert("\(language)/\(name.dropLast(3))")
      case .success(let file):
        if let article = ArticleParser.parse(file, language: language, findings: &findings) {
          articles.append(article)
        } else {
          unreadableArticles.insert("\(language)/\(name.dropLast(3))")
        }
      }
    }
  }

  mutating func readPhrases(_ language: Language, into set: inout Phrases) {
    let path = "KnowledgeBase/\(language)/phrases.txt"
    guard FileManager.default.fileExists(atPath: url(path).path) else { return }
    switch ContentFile.read(path, in: root) {
    case .failure(let finding): findings.append(finding)
    case .success(let file):
      for line in file.lines where !line.isBlankOrComment {
        let parts = line.text.split(separator: "=", maxSplits: 1).map { String($0).trimmedWhiteSpace }
        guard parts.count == 2, !parts[1].isEmpty else {
          findings.append(
            Finding(
              .error, .parse, at: file.location(line.number), "A phrase line must read 'key = sentence'.",
              fix: "write the key, an equals sign and the sentence, for example 'welcome = Hello!'."))
          continue
        }
        guard let key = Phrases.Key(rawValue: parts[0]) else {
          let suggestion = Suggestion.closest(to: parts[0], in: Phrases.Key.allCases.map(\.rawValue))
          findings.append(
            Finding(
              .error, .unknownPhrase, at: file.location(line.number), "Unknown phrase '\(parts[0])'.",
              fix: suggestion.map { "did you mean '\($0)'?" } ?? "see docs/content-format.md for the phrase names."))
          continue
        }
        set.values[key] = parts[1]
      }
    }
  }

  /// A language without a phrases file while another language has one: it speaks the built-in
  /// sentences while the others speak the content's own. Content with no phrases file at all is fine
  /// (the built-in sentences name its topics), and says nothing.
  mutating func checkPhrasesFiles(_ languages: [Language]) {
    let path = { (language: Language) in "KnowledgeBase/\(language)/phrases.txt" }
    let having = languages.filter { FileManager.default.fileExists(atPath: url(path($0)).path) }
    guard let model = having.first else { return }
    for language in languages where !having.contains(language) {
      findings.append(
        Finding(
          .warning, .phrasesMissingInLanguage, at: SourceLocation(file: path(language)),
          "The file is missing, so in '\(language)' the bot says its built-in sentences while \(path(model)) gives the content's own.",
          fix: "translate \(path(model)) into \(path(language))."))
    }
  }

  /// `KnowledgeBase/<language>/frustration.txt`, when there is one: changes to the profile's frustration phrases.
  mutating func readFrustrationSignals(_ language: Language) {
    let path = "KnowledgeBase/\(language)/frustration.txt"
    guard let profile = profiles[language], FileManager.default.fileExists(atPath: url(path).path) else { return }
    switch ContentFile.read(path, in: root) {
    case .failure(let finding): findings.append(finding)
    case .success(let file):
      let base = FrustrationSignals(profile: profile)
      frustrationSignals[language] = FrustrationSignals.parse(file, base: base, findings: &findings)
    }
  }

  /// `KnowledgeBase/<language>/entities/<type>.txt`: the content's own classes of names.
  mutating func readEntityLists(_ language: Language) {
    let folder = "KnowledgeBase/\(language)/entities"
    guard isDirectory(folder) else { return }
    for name in entries(of: folder) {
      let path = "\(folder)/\(name)"
      guard name.hasSuffix(".txt"), !isDirectory(path) else {
        findings.append(
          Finding(
            .warning, .parse, at: SourceLocation(file: path), "Only .txt files hold names; this is ignored.",
            fix: "name a list of names <type>.txt, such as carrier.txt."))
        continue
      }
      let type = String(name.dropLast(4))
      guard EntityList.isValidType(type) else {
        findings.append(
          Finding(
            .error, .invalidIntentID, at: SourceLocation(file: path), "'\(type)' is not a valid entity type.",
            fix: "use lower-case letters, digits and hyphens, starting with a letter (for example 'carrier')."))
        continue
      }
      if EntityList.builtInTypes.contains(type) {
        findings.append(
          Finding(
            .warning, .parse, at: SourceLocation(file: path),
            "'\(type)' is a built-in class; these names are added to it as a class of their own.",
            fix: "name the file after what the names are, such as 'city-district.txt', or keep it if that is meant."))
      }
      switch ContentFile.read(path, in: root) {
      case .failure(let finding): findings.append(finding)
      case .success(let file):
        entityLists[language, default: []].append(EntityList.parse(file, type: type, findings: &findings))
      }
    }
  }

  mutating func readSchedule() {
    for name in entries(of: "KnowledgeBase") where name.hasPrefix("support.") {
      let path = "KnowledgeBase/\(name)"
      switch ContentFile.read(path, in: root) {
      case .failure(let finding): findings.append(finding)
      case .success(let file): schedule = SupportScheduleParser.parse(file, findings: &findings)
      }
    }
  }

  // MARK: Cross-checks

  mutating func crossCheck() {
    var articlesByKey: [Language: [IntentID: Article]] = [:]
    for article in articles {
      for id in article.intents {
        if let other = articlesByKey[article.language]?[id] {
          findings.append(
            Finding(
              .error, .duplicateArticle, at: article.location(of: "intents"),
              "The intent '\(id)' already has an article in '\(article.language)' (\(other.location.file)).",
              fix: "answer each intent with one article per language: remove '\(id)' from one of them."))
        } else {
          articlesByKey[article.language, default: [:]][id] = article
        }
      }
    }
    var intentsByLanguage: [Language: Set<IntentID>] = [:]
    for intent in intents { intentsByLanguage[intent.language, default: []].insert(intent.id) }
    let allIntents = intentsByLanguage.values.reduce(into: Set<IntentID>()) { $0.formUnion($1) }
    // An intent whose article file is there but could not be read, or whose KnowledgeBase/ folder is
    // missing, already has its finding: reporting "no article" too would send the editor looking for
    // a file that exists.
    let knowledgeBaseMissing = !isDirectory("KnowledgeBase")
    for intent in intents
    where intent.id != .outOfScope && articlesByKey[intent.language]?[intent.id] == nil
      && !knowledgeBaseMissing && !unreadableArticles.contains("\(intent.language)/\(intent.id)")
    {
      findings.append(
        Finding(
          .error, .missingArticle, at: SourceLocation(file: intent.file),
          "The intent '\(intent.id)' has no article in '\(intent.language)'.",
          fix: "add KnowledgeBase/\(intent.language)/\(intent.id).md with 'intents: \(intent.id)' in its header."))
    }
    for article in articles {
      for id in article.intents where id == .outOfScope {
        findings.append(
          Finding(
            .error, .parse, at: article.location(of: "intents"),
            "'out-of-scope' names the examples the bot must not answer; it has no article.",
            fix: "remove 'out-of-scope' from the header; the bot's refusal is the phrase 'out-of-scope' in phrases.txt."
          ))
      }
      for id in article.intents where intentsByLanguage[article.language]?.contains(id) != true {
        findings.append(
          Finding(
            .warning, .orphanArticle, at: article.location(of: "intents"),
            "The article answers '\(id)', which has no examples in '\(article.language)', so it is never shown.",
            fix: "add Intents/\(article.language)/\(id).txt with examples, or remove '\(id)' from the header."))
      }
      for (key, list) in [("follow-up", article.followUps), ("menu", article.menu)] {
        for id in list
        where articlesByKey[article.language]?[id] == nil && !unreadableArticles.contains("\(article.language)/\(id)") {
          let suggestion = Suggestion.closest(to: id.rawValue, in: allIntents.map(\.rawValue))
          findings.append(
            Finding(
              .error, .brokenFollowUp, at: article.location(of: key),
              "The \(key) '\(id)' has no article in '\(article.language)'.",
              fix: suggestion.map { "did you mean '\($0)'?" } ?? "name an intent that has an article in this language.")
          )
        }
      }
    }
    let languages = intentsByLanguage.keys.sorted()
    guard languages.count > 1 else { return }
    for language in languages {
      let missing = allIntents.subtracting(intentsByLanguage[language]!).sorted()
      for id in missing {
        let others = languages.filter { intentsByLanguage[$0]!.contains(id) }.map(\.rawValue).joined(separator: ", ")
        // Point at the examples to translate, so that the finding has a file and a line.
        let source = intents.filter { $0.id == id }.min { $0.language < $1.language }!
        findings.append(
          Finding(
            .warning, .missingIntentInLanguage, at: SourceLocation(file: source.file, line: 1),
            "The intent '\(id)' exists in \(others) but not in '\(language)'.",
            fix: "add Intents/\(language)/\(id).txt and KnowledgeBase/\(language)/\(id).md."))
      }
    }
  }
}
