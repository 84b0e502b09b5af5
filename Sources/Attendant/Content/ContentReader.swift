import Foundation

/// One pass over a content folder, collecting findings as it goes: the folders, intents and articles
/// here; the language's other files in `ContentReader+LanguageFiles.swift`; the checks across files
/// in `ContentReader+CrossChecks.swift`.
struct ContentReader {
  let root: URL
  let profiles: [Language: LanguageProfile]
  var findings: [Finding] = []
  var intents: [IntentDefinition] = []
  /// Each intent's follow-up examples (`Intents/<language>/follow-ups/<intent-id>.txt`).
  var followUps: [IntentDefinition] = []
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
      intents: intents, followUps: followUps, articles: articles, phrases: phrases, profiles: usedProfiles,
      schedule: schedule,
      frustrationSignals: frustrationSignals, entityLists: entityLists, warnings: findings)
    return .init(knowledgeBase: knowledgeBase, findings: findings, intents: intents, articles: articles)
  }

  // MARK: Folders

  /// Adds a warning about a file or folder (most often: that it is ignored).
  mutating func warn(_ path: String, _ message: String, fix: String) {
    findings.append(Finding(.warning, .parse, at: SourceLocation(file: path), message, fix: fix))
  }

  /// Whether the entry `name` of `folder` is a folder, which a walk over files skips; one that is not
  /// `expected` there is reported as ignored.
  mutating func skipsFolder(_ name: String, in folder: String, expected: Bool, fix: @autoclosure () -> String)
    -> Bool
  {
    let path = "\(folder)/\(name)"
    guard isDirectory(path) else { return false }
    if !expected { warn(path + "/", "The folder '\(name)' is ignored.", fix: fix()) }
    return true
  }

  /// Whether a file of a folder of `.txt` files is one; another kind of file is ignored, with a
  /// warning that names what the folder holds, and a read-me silently.
  mutating func isTextFile(_ name: String, at path: String, holding what: String, fix: String) -> Bool {
    if name.hasSuffix(".txt") { return true }
    if !name.lowercased().hasPrefix("readme") {
      warn(path, "Only .txt files hold \(what); this file is ignored.", fix: fix)
    }
    return false
  }

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
      if skipsFolder(
        name, in: folder, expected: name == "tests" || name == "follow-ups",
        fix:
          "put intent files directly in \(folder)/, test suites in \(folder)/tests/ and follow-ups in \(folder)/follow-ups/."
      ) {
        if name == "follow-ups" { readFollowUps(language) }
        continue
      }
      guard isTextFile(name, at: path, holding: "examples", fix: "rename it to <intent-id>.txt if it holds examples.")
      else { continue }
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
        let examples = Self.examples(in: file)
        if examples.isEmpty {
          findings.append(
            Finding(
              .error, .emptyIntent, at: SourceLocation(file: path), "The intent '\(id)' has no examples.",
              fix: "write one example question per line, or delete the file."))
        }
        intents.append(IntentDefinition(id: id, language: language, examples: examples, file: path))
      }
    }
  }

  /// The examples of an intent file, one per line that is neither blank nor a comment.
  static func examples(in file: ContentFile) -> [IntentExample] {
    file.lines.filter { !$0.isBlankOrComment }.map { line in
      // `\#` starts an example that begins with `#`, which would otherwise be a comment.
      let text = line.trimmed.hasPrefix("\\#") ? String(line.trimmed.dropFirst()) : line.trimmed
      return IntentExample(text: text, location: file.location(line.number))
    }
  }

  // MARK: Articles

  mutating func readArticles(_ language: Language) {
    let folder = "KnowledgeBase/\(language)"
    for name in entries(of: folder) {
      let path = "\(folder)/\(name)"
      if skipsFolder(
        name, in: folder, expected: name == "entities",
        fix: "put articles directly in \(folder)/, and lists of names in \(folder)/entities/.")
      {
        continue
      }
      if name == "phrases.txt" || name == "frustration.txt" || name.lowercased().hasPrefix("readme") { continue }
      guard name.hasSuffix(".md") else {
        warn(
          path, "Only .md files hold articles; this file is ignored.",
          fix: "rename it to <name>.md if it is an article.")
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
}
