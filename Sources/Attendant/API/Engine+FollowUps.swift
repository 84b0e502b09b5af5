import Synchronization

/// Follow-ups: the questions customers ask right after an answer, about what it said, without naming
/// its topic again ("do I have to pay to send it back?" after a wrong item), written by the content in
/// `Intents/<language>/follow-ups/<intent-id>.txt` (AIML's `<that>`, RiveScript's `%previous`).
extension Engine {
  /// The index of `language`'s intents with their follow-ups added to their examples: the intents as
  /// they read right after an answer, with the character weight of the language's own index. `nil`
  /// when the language has no follow-ups.
  func indexWithFollowUps(_ language: Language) -> LanguageIndex? {
    guard let followUps = knowledgeBase.followUps[language], !followUps.isEmpty,
      let profile = knowledgeBase.profiles[language]
    else { return nil }
    let intents = (knowledgeBase.intents[language] ?? []).map { intent in
      IntentDefinition(
        id: intent.id, language: language, examples: intent.examples + (followUps[intent.id] ?? []),
        file: intent.file)
    }
    let own = indexes[language]
    let index = LanguageIndex(
      intents: intents, profile: profile, parameters: parameters,
      entityLists: knowledgeBase.entityLists[language] ?? [], fitsModel: (own?.fittedWeight ?? 0) > 0)
    guard let own, own.characterWeight != index.characterWeight || own.fittedWeight != index.fittedWeight
    else { return index }
    return LanguageIndex(index, characterWeight: own.characterWeight, fittedWeight: own.fittedWeight)
  }

  /// Whether `intent` has follow-ups in `language`.
  private func hasFollowUps(_ intent: IntentID, in language: Language) -> Bool {
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
      let match = followUpIndexes.index(language, build: { indexWithFollowUps(language) })?
        .match(budget.cut(text).text, detail: detail),
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

/// The indexes read right after an answer (`Engine.indexWithFollowUps`), each built the first time a
/// conversation in its language needs it: content with follow-ups loads as fast as content without,
/// and the first such turn in a language pays for the build (the demo: an estimated 0.28 G
/// instructions, 50 to 100 ms, a language; `docs/performance.md`). Each language has a lock of its
/// own, held while its index is built: a second turn in that language waits for the build rather
/// than build it again, and a turn in another language does not wait.
final class FollowUpIndexes: Sendable {
  /// One language's index: `nil` until built, then the index or `nil` when it has none.
  private final class Slot: Sendable {
    let index = Mutex<LanguageIndex??>(nil)
  }

  private let slots: [Language: Slot]

  /// Empty slots for the languages of the content; a language outside them is built on every call.
  init(languages: some Sequence<Language>) {
    slots = Dictionary(uniqueKeysWithValues: Set(languages).map { ($0, Slot()) })
  }

  /// The index of `language`, built by `build` the first time it is asked for.
  func index(_ language: Language, build: () -> LanguageIndex?) -> LanguageIndex? {
    guard let slot = slots[language] else { return build() }
    return slot.index.withLock { index in
      if let built = index { return built }
      let built = build()
      index = .some(built)
      return built
    }
  }
}
