/// Validated, immutable content: intents with their examples, articles, the bot's phrases and the
/// support schedule, for every language the content has.
///
/// Create one with `ContentLoader`; a knowledge base that exists has no errors, only (possibly)
/// warnings.
public struct KnowledgeBase: Sendable {
  /// The languages, in a stable order.
  public let languages: [Language]
  /// Each language's intents, sorted by id.
  public let intents: [Language: [IntentDefinition]]
  /// Each language's follow-ups, by the intent whose answer they follow
  /// (`Intents/<language>/follow-ups/<intent-id>.txt`): read only in the turn right after it.
  public let followUps: [Language: [IntentID: [IntentExample]]]
  /// Each language's articles, by the intent they answer.
  public let articles: [Language: [IntentID: Article]]
  /// Each language's phrases: the profile's, with the content's overrides, and `{topics}` filled with
  /// the language's `topics`.
  public let phrases: [Language: Phrases]
  /// Each language's topics as the bot names them (`{topics}` in the phrases): the titles of the articles
  /// customers can be answered with, in file order, without small talk and articles that hand over.
  public let topics: [Language: [String]]
  /// The languages with an article that hands over when the customer asks for a person (`escalate:
  /// human-requested`); the others get the built-in hand-off on request.
  public let handOffArticleLanguages: Set<Language>
  public let profiles: [Language: LanguageProfile]
  /// Who answers when the bot hands over, and when; `nil` when the content has no `support.txt`.
  public let schedule: SupportSchedule?
  /// Warnings found while loading (errors prevent loading).
  public let warnings: [Finding]
  /// Each language's frustration phrases: the profile's, changed by `KnowledgeBase/<language>/frustration.txt`.
  public let frustrationSignals: [Language: FrustrationSignals]
  /// Each language's own classes of names (`KnowledgeBase/<language>/entities/<type>.txt`); the
  /// built-in classes (places, languages, currencies) come from the language profiles.
  public let entityLists: [Language: [EntityList]]

  public init(
    intents: [IntentDefinition], followUps: [IntentDefinition] = [], articles: [Article],
    phrases: [Language: Phrases], profiles: [Language: LanguageProfile],
    schedule: SupportSchedule? = nil, frustrationSignals: [Language: FrustrationSignals] = [:],
    entityLists: [Language: [EntityList]] = [:], warnings: [Finding] = []
  ) {
    var byLanguage: [Language: [IntentDefinition]] = [:]
    for intent in intents { byLanguage[intent.language, default: []].append(intent) }
    self.intents = byLanguage.mapValues { $0.sorted { $0.id < $1.id } }
    var followUpMap: [Language: [IntentID: [IntentExample]]] = [:]
    for followUp in followUps where !followUp.examples.isEmpty {
      followUpMap[followUp.language, default: [:]][followUp.id, default: []] += followUp.examples
    }
    self.followUps = followUpMap
    var articleMap: [Language: [IntentID: Article]] = [:]
    for article in articles {
      for id in article.intents { articleMap[article.language, default: [:]][id] = article }
    }
    self.articles = articleMap
    self.languages = Set(byLanguage.keys).union(articleMap.keys).sorted()
    // What matching can reach: the intents with examples.
    let matchable = self.intents.mapValues { Set($0.filter { !$0.examples.isEmpty }.map(\.id)) }
    var topics: [Language: [String]] = [:]
    for language in self.languages {
      topics[language] = Phrases.topicTitles(
        of: articles.filter { $0.language == language }, answerable: matchable[language] ?? [])
    }
    self.topics = topics
    self.phrases = Dictionary(
      uniqueKeysWithValues: phrases.map { ($0.key, $0.value.fillingTopics(topics[$0.key] ?? [])) })
    self.handOffArticleLanguages = Set(
      articles.filter { article in
        article.escalation == .humanRequested
          && article.intents.contains { matchable[article.language]?.contains($0) == true }
      }.map(\.language))
    self.profiles = profiles
    self.schedule = schedule
    self.warnings = warnings
    self.frustrationSignals = profiles.mapValues { FrustrationSignals(profile: $0) }
      .merging(frustrationSignals) { _, content in content }
    self.entityLists = entityLists
  }

  /// The intents of a language that customers can be answered with: all but the out-of-scope examples.
  public func answerableIntents(in language: Language) -> [IntentDefinition] {
    (intents[language] ?? []).filter { $0.id != .outOfScope }
  }

  /// The article that answers `intent` in `language`, if there is one.
  public func article(for intent: IntentID, in language: Language) -> Article? {
    articles[language]?[intent]
  }

  /// Every intent id in any language, sorted.
  public var intentIDs: [IntentID] {
    Set(intents.values.joined().map(\.id)).sorted()
  }

  /// The number of examples in all languages.
  public var exampleCount: Int { intents.values.joined().reduce(0) { $0 + $1.examples.count } }
}
