/// Follow-ups: the questions customers ask right after an answer, about what it said, without naming
/// its topic again ("do I have to pay to send it back?" after a wrong item), written by the content in
/// `Intents/<language>/follow-ups/<intent-id>.txt` (AIML's `<that>`, RiveScript's `%previous`).
extension Engine {
  /// For the languages that have follow-ups, an index of every intent's examples with its follow-ups
  /// added: the intents as they read right after an answer.
  static func indexesWithFollowUps(of knowledgeBase: KnowledgeBase, parameters: ScoringParameters) -> [Language:
    LanguageIndex]
  {
    var indexes: [Language: LanguageIndex] = [:]
    for (language, followUps) in knowledgeBase.followUps where !followUps.isEmpty {
      guard let profile = knowledgeBase.profiles[language] else { continue }
      let intents = (knowledgeBase.intents[language] ?? []).map { intent in
        IntentDefinition(
          id: intent.id, language: language, examples: intent.examples + (followUps[intent.id] ?? []),
          file: intent.file)
      }
      indexes[language] = LanguageIndex(
        intents: intents, profile: profile, parameters: parameters,
        entityLists: knowledgeBase.entityLists[language] ?? [])
    }
    return indexes
  }

  /// Whether `intent` has follow-ups in `language`.
  func hasFollowUps(_ intent: IntentID, in language: Language) -> Bool {
    knowledgeBase.followUps[language]?[intent]?.isEmpty == false
  }

  /// A message read in the turn right after `intent` was answered: matched with every intent's
  /// examples and follow-ups, `intent` first. `nil` when `intent` has no follow-ups in the language,
  /// or scores more than `margin` below the best.
  ///
  /// - Parameter detail: Whether to break each candidate's score down by signal (`match(_:in:detail:)`).
  package func followUpMatch(
    _ text: String, after intent: IntentID, in language: Language, margin: Double, detail: Bool = false
  ) -> IntentMatch? {
    guard hasFollowUps(intent, in: language),
      let match = followUpIndexes[language]?.match(budget.cut(text).text, detail: detail),
      let best = match.candidates.first, let own = match.candidates.first(where: { $0.intent == intent }),
      own.confidence >= best.confidence - margin
    else { return nil }
    let confidence = IntentMatch.Confidence(
      value: own.confidence, absolute: match.confidence.absolute, coverage: own.coverage,
      margin: match.confidence.margin)
    return IntentMatch(
      language: match.language, terms: match.terms, entities: match.entities, corrections: match.corrections,
      unknownWords: match.unknownWords, coverage: match.coverage,
      candidates: [own] + match.candidates.filter { $0.intent != intent }, confidence: confidence)
  }
}
