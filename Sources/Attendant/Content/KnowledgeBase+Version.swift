/// The content version: a fingerprint of everything in a knowledge base that a reply can depend on.
///
/// `serve --stateless` writes it into each state it signs, so that a state made with other content
/// (another deploy, a reload) is recognised instead of being read against intents that may have
/// changed. It is computed from the loaded content, not from the files, so that two replicas with the
/// same content agree whatever their paths, and content built in memory has one too. It costs a pass
/// over the whole content, so only what needs it computes it: the engine store, once per content in
/// service (`EngineStore.versionedEngine`), when `serve --stateless` asks.
extension KnowledgeBase {
  /// 16 hex digits (64 bits of SHA-256) over every language's intents and examples, follow-ups, articles,
  /// phrases, topics, name lists and frustration phrases, and the support schedule.
  ///
  /// - Complexity: O(size of the content).
  public func contentVersion() -> String {
    var writer = FingerprintWriter()
    writer.add("attendant-content-1")
    for language in languages {
      writer.add("language", language.rawValue)
      for intent in intents[language] ?? [] {
        writer.add("intent", intent.id.rawValue)
        writer.add(intent.examples.count)
        for example in intent.examples { writer.add(example.text) }
      }
      for (id, examples) in (followUps[language] ?? [:]).sorted(by: { $0.key < $1.key }) {
        writer.add("follow-ups", id.rawValue)
        writer.add(examples.count)
        for example in examples { writer.add(example.text) }
      }
      for (id, article) in (articles[language] ?? [:]).sorted(by: { $0.key < $1.key }) {
        writer.add("article", id.rawValue, article.title, article.body, article.escalation?.rawValue ?? "")
        writer.add(article.isSmallTalk ? 1 : 0)
        for list in [article.intents, article.followUps, article.menu] {
          writer.add(list.count)
          for intent in list { writer.add(intent.rawValue) }
        }
      }
      for (key, value) in (phrases[language]?.values ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        writer.add("phrase", key.rawValue, value)
      }
      writer.add("topics")
      writer.add((topics[language] ?? []).count)
      for topic in topics[language] ?? [] { writer.add(topic) }
      for list in entityLists[language] ?? [] {
        writer.add("entities", list.type, list.matchingClass)
        for member in list.members {
          writer.add(member.value)
          writer.add(member.names.count)
          for name in member.names { writer.add(name) }
        }
      }
      for phrase in frustrationSignals[language]?.phrases ?? [] {
        writer.add("frustration", phrase.text, String(phrase.weight))
      }
    }
    writer.add("hand-off")
    for language in handOffArticleLanguages.sorted() { writer.add(language.rawValue) }
    for team in schedule?.teams ?? [] {
      writer.add("team", team.name, team.timeZone.identifier)
      writer.add(team.responseMinutes)
      for language in team.languages { writer.add(language.rawValue) }
      for shift in team.shifts {
        writer.add(shift.weekday)
        writer.add(shift.start)
        writer.add(shift.end)
      }
      for holiday in team.holidays.sorted() { writer.add(holiday.description) }
    }
    return writer.finish()
  }
}

/// Feeds values to SHA-256 with their lengths, so that no two different sequences of values give the
/// same bytes (`"ab", "c"` and `"a", "bc"` differ).
private struct FingerprintWriter {
  private var hash = SHA256()
  private var buffer: [UInt8] = []

  init() {
    buffer.reserveCapacity(1 << 16)
  }

  mutating func add(_ texts: String...) {
    for text in texts {
      add(text.utf8.count)
      buffer.append(contentsOf: text.utf8)
    }
    if buffer.count >= 1 << 15 { flush() }
  }

  mutating func add(_ number: Int) {
    let value = UInt64(bitPattern: Int64(number))
    for shift in stride(from: 56, through: 0, by: -8) {
      buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
  }

  private mutating func flush() {
    hash.update(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  mutating func finish() -> String {
    flush()
    return hash.finalize().prefix(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }
}
