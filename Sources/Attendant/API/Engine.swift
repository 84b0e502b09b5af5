import Foundation
import Synchronization

/// The bot: a knowledge base, its indexes and a decision policy, turning messages into replies.
///
/// An engine is an immutable value: build it once from a `KnowledgeBase` and share it between
/// threads. It never prints, reads input or touches the clock; the caller passes the time in, so
/// that tests can fix it.
public struct Engine: Sendable {
  public let knowledgeBase: KnowledgeBase
  /// The policy given; a language may have its own thresholds (`policies`).
  public let policy: ReplyPolicy
  /// Each language's policy, where it differs from `policy` (chosen by `PolicyCalibration`).
  public private(set) var policies: [Language: ReplyPolicy]
  /// What calibration chose for each language, when the engine was calibrated.
  package private(set) var calibration: [Language: PolicyCalibration.Result]
  public let parameters: ScoringParameters
  /// How much of each message is read.
  public let budget: ConversationBudget
  /// The language used when nothing else says which.
  public let defaultLanguage: Language
  private(set) var indexes: [Language: LanguageIndex]
  /// For each language with follow-ups, an index of its intents with their follow-ups added to their
  /// examples (`followUpMatch`), built when a conversation first needs it; the matching of a fresh
  /// message never sees them.
  private(set) var followUpIndexes: FollowUpIndexes
  /// The stems of each article's content words, read by its own language's index (`articleStems`).
  private let articleStemCache: [Language: [IntentID: Set<String>]]
  let identifier: LanguageIdentifier

  /// Builds the indexes for a knowledge base.
  ///
  /// - Parameters:
  ///   - knowledgeBase: Validated content.
  ///   - policy: Thresholds for answering, clarifying and escalating.
  ///   - defaultLanguage: The language to start in; English when the content has it, else its first language.
  ///   - parameters: The scoring constants (`ScoringParameters.default` for product content).
  ///   - budget: How much of each message is read (`ConversationBudget.default`).
  /// - Complexity: O(total size of the examples), plus a sort of the typo index.
  public init(
    knowledgeBase: KnowledgeBase, policy: ReplyPolicy = .default, defaultLanguage: Language? = nil,
    parameters: ScoringParameters = .default, budget: ConversationBudget = .default
  ) {
    self.init(
      knowledgeBase: knowledgeBase, policy: policy, defaultLanguage: defaultLanguage, parameters: parameters,
      budget: budget, calibration: [:])
  }

  /// An engine with per-language policies chosen by `PolicyCalibration` (what loading does).
  package init(
    knowledgeBase: KnowledgeBase, policy: ReplyPolicy = .default, defaultLanguage: Language? = nil,
    parameters: ScoringParameters = .default, budget: ConversationBudget = .default,
    calibration: [Language: PolicyCalibration.Result]
  ) {
    self.knowledgeBase = knowledgeBase
    self.policy = policy
    self.calibration = calibration
    self.policies = calibration.mapValues(\.policy)
    self.parameters = parameters
    self.budget = budget
    let languages = knowledgeBase.languages
    self.defaultLanguage =
      defaultLanguage.flatMap { languages.contains($0) ? $0 : nil }
      ?? (languages.contains(.en) ? .en : languages.first ?? .en)
    var indexes: [Language: LanguageIndex] = [:]
    for language in languages {
      guard let profile = knowledgeBase.profiles[language] else { continue }
      indexes[language] = LanguageIndex(
        intents: knowledgeBase.intents[language] ?? [], profile: profile, parameters: parameters,
        entityLists: knowledgeBase.entityLists[language] ?? [])
    }
    self.indexes = indexes
    self.followUpIndexes = FollowUpIndexes(languages: indexes.keys)
    self.articleStemCache = knowledgeBase.articles.compactMapValues { articles in
      guard let index = articles.values.first.flatMap({ indexes[$0.language] }) else { return nil }
      return articles.mapValues { Self.contentStems(of: $0.body, index: index) }
    }
    self.identifier = LanguageIdentifier(
      samples: LanguageIdentifier.samples(of: knowledgeBase), profiles: knowledgeBase.profiles)
  }

  /// Loads content from a folder and builds an engine for it.
  ///
  /// - Throws: `ContentError` with every error in the content.
  public init(contentsOf folder: URL, policy: ReplyPolicy = .default, parameters: ScoringParameters = .default)
    throws(ContentError)
  {
    self.init(knowledgeBase: try ContentLoader().load(from: folder), policy: policy, parameters: parameters)
  }

  /// The same engine, with each language's thresholds, character weight and fitted weight from a
  /// calibration (`PolicyCalibration`).
  package func calibrated(_ results: [Language: PolicyCalibration.Result]) -> Engine {
    calibrated(results, fitted: [:])
  }

  /// The same, with models fitted before for the languages whose fitted weight is above 0
  /// (`FittedModelCache`, or another engine of the same content's `fittedModels`): a language without
  /// one is fitted now.
  func calibrated(_ results: [Language: PolicyCalibration.Result], fitted models: [Language: FittedModel]) -> Engine {
    var engine = self
    engine.calibration = results
    engine.policies = results.mapValues(\.policy)
    // The indexes read after an answer take each language's character weight when they are built.
    engine.followUpIndexes = FollowUpIndexes(languages: indexes.keys)
    var changed: [(language: Language, lambda: Double, mu: Double)] = []
    for (language, result) in results {
      guard let index = indexes[language] else { continue }
      let lambda = result.characterWeight ?? index.characterWeight
      let mu = result.fittedWeight ?? index.fittedWeight
      guard lambda != index.characterWeight || mu != index.fittedWeight else { continue }
      changed.append((language, lambda, mu))
    }
    let weights = changed
    // A fitted weight chosen for an index built without the model: the model is fitted now, the
    // languages side by side.
    let reweighted = Mutex<[Language: LanguageIndex]>([:])
    DispatchQueue.concurrentPerform(iterations: weights.count) { number in
      let (language, lambda, mu) = weights[number]
      guard let index = indexes[language] else { return }
      let needsModel = mu > 0 && !index.fitted.isFitted
      let model = needsModel ? models[language] : nil
      let base =
        needsModel && model == nil
        ? LanguageIndex(
          intents: knowledgeBase.intents[language] ?? [],
          profile: knowledgeBase.profiles[language] ?? index.analyzer.profile, parameters: parameters,
          entityLists: knowledgeBase.entityLists[language] ?? [], fitsModel: true)
        : index
      let weighted = LanguageIndex(base, characterWeight: lambda, fittedWeight: mu, model: model)
      reweighted.withLock { $0[language] = weighted }
    }
    engine.indexes.merge(reweighted.withLock { $0 }) { $1 }
    return engine
  }

  /// The models fitted for the languages that read one, to build another engine of the same content
  /// without fitting them again (`calibrated(_:fitted:)`).
  var fittedModels: [Language: FittedModel] {
    indexes.compactMapValues { $0.fittedWeight > 0 ? $0.fitted : nil }
  }

  /// The policy of a language: its calibrated thresholds, or the policy given.
  public func policy(for language: Language) -> ReplyPolicy { policies[language] ?? policy }

  /// The languages the engine answers in.
  public var languages: [Language] { knowledgeBase.languages }

  /// The fingerprint of the content (`KnowledgeBase.contentVersion()`): the same content gives the same
  /// version in every process, so that `serve --stateless` can tell a state made with other content.
  ///
  /// Computed at each use, since only `serve --stateless` needs it: take it once per engine
  /// (`EngineStore.versionedEngine` keeps it for the engine in service).
  ///
  /// - Complexity: O(size of the content): about 10 ms for the demo.
  public var contentVersion: String { knowledgeBase.contentVersion() }

  /// Guesses the language of a text among the content's languages, as for the first message of a
  /// conversation: a near tie with the default language leaves it undetermined.
  public func identifyLanguage(of text: String) -> LanguageGuess {
    let text = budget.cut(text).text
    return identifier.identify(text, tokens: Tokenizer.tokenize(text), fallback: defaultLanguage)
  }

  /// Scores a text against every intent of a language, without any conversation.
  ///
  /// - Returns: The candidates and the confidence, or `nil` when the content lacks the language.
  /// - Complexity: proportional to the postings of the text's features, not to the number of examples;
  ///   a text longer than the budget is read as its first and last parts.
  /// - Parameter detail: Whether to break each candidate's score down by signal and find its nearest
  ///   examples (for explanations; slower).
  public func match(_ text: String, in language: Language, detail: Bool = false) -> IntentMatch? {
    indexes[language]?.match(budget.cut(text).text, detail: detail)
  }

  /// The names, numbers and personal data in a text, read as `match` reads them, without scoring it.
  func entities(in text: String, language: Language) -> [Entity] {
    guard let index = indexes[language] else { return [] }
    var found: [Entity] = []
    _ = index.analyzer.terms(
      from: index.analyzer.tokens(of: budget.cut(text).text), knownStem: index.knownStems.contains,
      stems: index.stemCache, entities: &found)
    return found
  }

  /// The stems of a text's content words, read as `match` reads them (an article's body, to see whether
  /// a message repeats its words).
  func contentStems(of text: String, language: Language) -> Set<String> {
    guard let index = indexes[language] else { return [] }
    return Self.contentStems(of: budget.cut(text).text, index: index)
  }

  /// The stems of the content words of an article's body, read by a language's index: taken from a
  /// cache built at load when it is the article's own language.
  func articleStems(of article: Article, answering intent: IntentID, language: Language) -> Set<String> {
    if article.language == language, let stems = articleStemCache[language]?[intent] { return stems }
    guard let index = indexes[language] else { return [] }
    return Self.contentStems(of: article.body, index: index)
  }

  private static func contentStems(of text: String, index: LanguageIndex) -> Set<String> {
    let terms = index.analyzer.terms(of: text, knownStem: index.knownStems.contains, stems: index.stemCache)
    return Set(terms.filter { $0.role == .content }.map(\.stem))
  }

  /// The classes of names (`@carrier`) an intent's examples hold.
  func nameClasses(of intent: IntentID, in language: Language) -> Set<String> {
    guard let index = indexes[language], let position = index.intents.firstIndex(of: intent) else { return [] }
    return Set(index.nameShares[position].keys)
  }

  /// The share of an intent's examples that hold a class of names (`@currency`).
  func nameShare(of intent: IntentID, _ nameClass: String, in language: Language) -> Double {
    guard let index = indexes[language], let position = index.intents.firstIndex(of: intent) else { return 0 }
    return index.nameShares[position][nameClass] ?? 0
  }

  /// The intent a class of names is the topic of, if one stands out (`LanguageIndex.homeShare`).
  func nameHome(of nameClass: String, in language: Language) -> IntentID? {
    guard let index = indexes[language], let position = index.nameHomes[nameClass] else { return nil }
    return index.intents[position]
  }

  /// The intent whose example a text is, word for word once folded, when exactly one intent has it.
  /// The words are the tokenizer's cut of the text; they are joined rather than cut again unless they
  /// hold personal data, which the examples spell out.
  func exampleOwner(of text: String, tokens: [RawToken], in language: Language) -> IntentID? {
    guard let index = indexes[language] else { return nil }
    if tokens.contains(where: { EntityRecognizer.isClassToken($0.folded) }) { return index.exampleOwner(of: text) }
    return index.exampleOwner(ofFolded: tokens.map(\.folded).joined(separator: " "))
  }

  /// The intent whose example a phrase is, word for word once folded, when exactly one intent has it
  /// (a profile's phrase, which holds no personal data).
  func exampleOwner(ofPhrase phrase: String, in language: Language) -> IntentID? {
    indexes[language]?.exampleOwner(of: phrase)
  }

  /// Matches words already cut by the language-neutral tokenizer, cutting again only when the language's
  /// casing differs (a capital `I` in Turkish).
  func match(_ text: String, tokens: [RawToken], in language: Language) -> IntentMatch? {
    guard let index = indexes[language] else { return nil }
    if index.analyzer.profile.turkishCasing && tokens.contains(where: \.hasCapitalI) { return index.match(text) }
    return index.match(tokens: tokens)
  }

  /// Answers one message, updating the session.
  ///
  /// - Parameters:
  ///   - message: The customer's message.
  ///   - session: The conversation; it is updated with the turn, the language and what the bot waits for.
  ///   - now: The current time, for escalation records and support shifts.
  /// - Returns: The reply, with its explanation; an escalation record when it escalates.
  public func respond(to message: CustomerMessage, in session: inout ChatSession, at now: Date) -> Reply {
    var responder = Responder(engine: self, session: session, now: now)
    var reply = responder.respond(to: message)
    reply.asksForFeedback = reply.deservesFeedbackQuestion(in: knowledgeBase)
    session = responder.session
    return reply
  }

  /// Takes feedback on the last answer (the bridge's feedback line, the REPL's yes/no).
  ///
  /// A helpful answer is thanked; an unhelpful one is met with an offer of a person.
  public func takeFeedback(
    helpful: Bool, rating: Int? = nil, comment: String? = nil, in session: inout ChatSession, at now: Date
  ) -> Reply {
    var responder = Responder(engine: self, session: session, now: now)
    let reply = responder.feedback(helpful: helpful, rating: rating, comment: comment)
    session = responder.session
    return reply
  }

  /// The phrases for a language, falling back to the default language's.
  public func phrases(for language: Language) -> Phrases {
    knowledgeBase.phrases[language] ?? knowledgeBase.phrases[defaultLanguage] ?? LanguageProfile.english.phrases
  }
}
