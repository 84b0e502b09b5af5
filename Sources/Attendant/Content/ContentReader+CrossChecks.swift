import Foundation

/// The checks that need every file read: articles against intents, menus and follow-ups.
extension ContentReader {
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
    checkNextTopicsAcrossLanguages(articlesByKey)
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
    checkFollowUps(intentsByLanguage, allIntents: allIntents)
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

  /// The topics an article offers next (its `follow-up:` and `menu:`) are the same in every language,
  /// as its facts are. An article whose topics differ from the most common choice among the languages
  /// (in a tie, the first language's) gets a warning on that key's line, or on `intents:` when it has
  /// none.
  private mutating func checkNextTopicsAcrossLanguages(_ articlesByKey: [Language: [IntentID: Article]]) {
    let languages = articlesByKey.keys.sorted()
    guard languages.count > 1 else { return }
    var reported = Set<String>()
    for id in Set(articlesByKey.values.flatMap(\.keys)).sorted() {
      let answering = languages.compactMap { language in articlesByKey[language]?[id] }
      guard answering.count > 1 else { continue }
      for (key, topics) in [("follow-up", \Article.followUps), ("menu", \Article.menu)] {
        let sets = answering.map { Set($0[keyPath: topics]) }
        var counts: [Set<IntentID>: Int] = [:]
        for set in sets { counts[set, default: 0] += 1 }
        guard counts.count > 1, let most = counts.values.max(),
          let reference = sets.first(where: { counts[$0] == most })
        else { continue }
        let holders = zip(answering, sets).filter { $0.1 == reference }.map { "'\($0.0.language)'" }
        for (article, set) in zip(answering, sets) where set != reference {
          let place = article.location(of: article.keyLines[key] == nil ? "intents" : key)
          guard reported.insert("\(place) \(key)").inserted else { continue }
          let listed = Self.list(reference)
          findings.append(
            Finding(
              .warning, .nextTopicsDiffer, at: place,
              "The \(key) topics of '\(id)' in '\(article.language)' (\(Self.list(set))) differ from those in \(holders.joined(separator: ", ")) (\(listed)).",
              fix: reference.isEmpty
                ? "offer the same next topics in every language: remove the '\(key):' line, or add it to the other languages if it is right."
                : "offer the same next topics in every language: write '\(key): \(listed)' in the header, or change the other languages if this one is right."
            ))
        }
      }
    }
  }

  private static func list(_ topics: Set<IntentID>) -> String {
    topics.isEmpty ? "none" : topics.map(\.rawValue).sorted().joined(separator: ", ")
  }

  /// Follow-ups (`Intents/<language>/follow-ups/`) named after no intent of their language.
  private mutating func checkFollowUps(_ intentsByLanguage: [Language: Set<IntentID>], allIntents: Set<IntentID>) {
    for followUp in followUps
    where followUp.id == .outOfScope || intentsByLanguage[followUp.language]?.contains(followUp.id) != true {
      let suggestion = Suggestion.closest(to: followUp.id.rawValue, in: allIntents.map(\.rawValue))
      findings.append(
        Finding(
          .error, .brokenFollowUp, at: SourceLocation(file: followUp.file),
          "The follow-ups are for '\(followUp.id)', which is no intent in '\(followUp.language)'.",
          fix: suggestion.map { "did you mean '\($0)'? Rename the file to '\($0).txt'." }
            ?? "name the file after an intent of Intents/\(followUp.language)/."))
    }
  }
}
