/// Follow-ups: the questions customers ask right after an answer, about what it said, without naming
/// its topic again ("do I have to pay to send it back?" after a wrong item), written by the content in
/// `Intents/<language>/follow-ups/<intent-id>.txt` (AIML's `<that>`, RiveScript's `%previous`).
extension Engine {
  /// The indexes of the examples with the follow-ups, for the languages that have follow-ups.
  static func indexesWithFollowUps(of knowledgeBase: KnowledgeBase, parameters: ScoringParameters) -> [Language:
    LanguageIndex]
  {
    var indexes: [Language: LanguageIndex] = [:]
    for (language, followUps) in knowledgeBase.followUps where !followUps.isEmpty {
      guard let profile = knowledgeBase.profiles[language] else { continue }
      let extra = followUps.sorted { $0.key < $1.key }.map { id, examples in
        IntentDefinition(
          id: IntentID(followUpsOf: id), language: language, examples: examples,
          file: "Intents/\(language)/follow-ups/\(id).txt")
      }
      indexes[language] = LanguageIndex(
        intents: (knowledgeBase.intents[language] ?? []) + extra, profile: profile, parameters: parameters,
        entityLists: knowledgeBase.entityLists[language] ?? [])
    }
    return indexes
  }

  /// Whether `intent` has follow-ups in `language`.
  func hasFollowUps(_ intent: IntentID, in language: Language) -> Bool {
    knowledgeBase.followUps[language]?[intent]?.isEmpty == false
  }

  /// A message read in the turn right after `intent` was answered: matched against every intent's
  /// examples and every intent's follow-ups, with `intent`'s follow-ups as `intent` (the better of the
  /// two) and without the other intents' follow-ups; `intent` first when it scores within `margin` of
  /// the best. `nil` when `intent` has no follow-ups in the language, or scores lower.
  ///
  /// - Parameter detail: Whether to break each candidate's score down by signal (`match(_:in:detail:)`).
  package func followUpMatch(
    _ text: String, after intent: IntentID, in language: Language, margin: Double, detail: Bool = false
  ) -> IntentMatch? {
    guard hasFollowUps(intent, in: language),
      let match = followUpIndexes[language]?.match(budget.cut(text).text, detail: detail),
      let best = match.candidates.first,
      let own = match.candidates.filter({ $0.intent == intent || $0.intent.isFollowUps(of: intent) })
        .max(by: { $0.confidence < $1.confidence }),
      own.confidence >= best.confidence - margin
    else { return nil }
    let mine = IntentCandidate(
      intent: intent, confidence: own.confidence, coverage: own.coverage, signals: own.signals,
      nearestExamples: own.nearestExamples)
    let others = match.candidates.filter { $0.intent != intent && !$0.intent.isFollowUps }
    let confidence = IntentMatch.Confidence(
      value: own.confidence, absolute: match.confidence.absolute, coverage: own.coverage,
      margin: match.confidence.margin)
    return IntentMatch(
      language: match.language, terms: match.terms, entities: match.entities, corrections: match.corrections,
      unknownWords: match.unknownWords, coverage: match.coverage, candidates: [mine] + others,
      confidence: confidence)
  }
}
