import Foundation

/// The files of a language besides its intents and articles: phrases, frustration signals and entity
/// lists; and the support schedule.
extension ContentReader {
  /// `Intents/<language>/follow-ups/<intent-id>.txt`: questions asked right after the intent's answer.
  mutating func readFollowUps(_ language: Language) {
    let folder = "Intents/\(language)/follow-ups"
    for name in entries(of: folder) {
      let path = "\(folder)/\(name)"
      if skipsFolder(name, in: folder, expected: false, fix: "put follow-up files directly in \(folder)/.") {
        continue
      }
      guard
        isTextFile(
          name, at: path, holding: "follow-ups",
          fix: "rename it to <intent-id>.txt, after the intent whose answer these questions follow.")
      else { continue }
      guard let id = IntentID(rawValue: String(name.dropLast(4))) else {
        findings.append(
          Finding(
            .error, .invalidIntentID, at: SourceLocation(file: path), "'\(name)' is not named <intent-id>.txt.",
            fix: IntentID.fix(for: String(name.dropLast(4))) {
              "rename the file to '\($0).txt', after the intent whose answer these questions follow"
            }))
        continue
      }
      switch ContentFile.read(path, in: root) {
      case .failure(let finding): findings.append(finding)
      case .success(let file):
        followUps.append(IntentDefinition(id: id, language: language, examples: Self.examples(in: file), file: path))
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
        warn(
          path, "Only .txt files hold names; this is ignored.",
          fix: "name a list of names <type>.txt, such as carrier.txt.")
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
        warn(
          path, "'\(type)' is a built-in class; these names are added to it as a class of their own.",
          fix: "name the file after what the names are, such as 'city-district.txt', or keep it if that is meant.")
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
}
