/// The names in a message that decide what it is about.
extension Responder {
  /// The name (of a class such as `carrier`) that makes the out-of-scope examples the better reading:
  /// they come second from the clarify threshold up, and hold the name's class, which the first
  /// topic's examples never do. Only a class of the content's own lists.
  func nameOutOfScope(_ match: IntentMatch, _ top: IntentCandidate) -> (name: Entity, outside: IntentCandidate)? {
    guard top.intent != .outOfScope, let second = match.candidates.dropFirst().first, second.intent == .outOfScope,
      second.confidence >= policy.clarifyThreshold
    else { return nil }
    // Only the content's own classes (carriers, products): places, languages and currencies stand in
    // stories and apologies ("can I claim the warranty in Japan?", tr "affedersiniz hırvatça
    // bilmiyorum, kargo ücreti ne kadar?"), and the out-of-scope examples name them for the weather
    // or a translation.
    let names = match.entities.filter { !EntityList.builtInTypes.contains($0.type) }
    guard !names.isEmpty else { return nil }
    let topHolds = engine.nameClasses(of: top.intent, in: matchLanguage)
    let outsideHolds = engine.nameClasses(of: .outOfScope, in: matchLanguage)
    // Only a class that is one topic's own (carriers, the couriers'): a class no topic stands out for
    // (products: a broken kettle, a kettle to return, where the kettle is) is the store's everyday
    // matter, though the topic's examples happen not to name it ("mrb, dün akşam kulaklık siparişi
    // verdim, yola çıkmış mı" is a tracking question).
    let name = names.first {
      let token = EntityRecognizer.classToken($0.type)
      return !topHolds.contains(token) && outsideHolds.contains(token)
        && engine.nameHome(of: token, in: matchLanguage) != nil
    }
    return name.map { ($0, second) }
  }
}

extension Responder {
  /// A coverage that leaves nothing of the message out (coverage is a sum of weights, so not exactly 1).
  static let wholeMessage = 0.999

  /// The topic a name decides (`topicOfName`), when the message is not confident, or is confident in
  /// two topics, one of them the name's.
  mutating func decisionByName(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate?) -> Reply? {
    // The name decides between topics that the message's words point at: beside words the content does
    // not know only ("do you have a showroom in Bursa?"), it decides nothing.
    // Read after the last question, the names may be the last question's (`followUp` has weighed the
    // message's own).
    guard reading != .followUp, top.confidence >= policy.clarifyThreshold, hasKnownContentWord(match),
      let (topic, nameClass) = topicOfName(match)
    else { return nil }
    if top.confidence >= policy.answerThreshold {
      let decides =
        topic.intent == top.intent
        ? second.map { ambiguity(match, top, $0) != nil } ?? false
        : topic.confidence + policy.clarifyMargin >= top.confidence
          || (!EntityList.placeTokens.contains(nameClass)
            && engine.nameShare(of: top.intent, nameClass, in: matchLanguage) == 0
            && topic.coverage >= Self.wholeMessage)
      guard decides else { return nil }
    }
    let share = engine.nameShare(of: topic.intent, nameClass, in: matchLanguage)
    return answerOrEscalate(
      topic.intent, match: match, reason: .confident, rule: .nameDecides,
      "the message names a \(nameClass.dropFirst()), which \(format(share)) of the examples of '\(topic.intent)' do and the topics above it hardly ever; its confidence \(format(topic.confidence)) ≥ clarify threshold \(format(policy.clarifyThreshold))"
    )
  }

  /// The topic a name decides in a message unsure of its first topic, as `decisionByName` finds it.
  func topicOfNameWhenUnsure(_ match: IntentMatch) -> IntentCandidate? {
    guard reading != .followUp, let top = match.candidates.first, top.confidence >= policy.clarifyThreshold,
      top.confidence < policy.answerThreshold, hasKnownContentWord(match)
    else { return nil }
    return topicOfName(match)?.topic
  }

  /// Whether a word of the message that carries a topic is one the content knows.
  private func hasKnownContentWord(_ match: IntentMatch) -> Bool {
    let unknown = Set(match.unknownWords)
    return match.terms.contains { $0.role == .content && !unknown.contains($0.folded) }
  }

  /// The topic a name in the message decides (`LanguageIndex.homeShare`): the message names a thing
  /// of a class whose examples are mostly one topic's, its home ("can I pay in dollars?": a currency;
  /// "fedex?": a carrier), the home is among the candidates from the clarify threshold, and each topic
  /// ranked above it holds the class in a quarter of the home's share at most. Names of two homes
  /// among the candidates decide nothing, nor do names that out-of-scope examples in the running hold.
  /// When the clause that asks names things (`namedInTheQuestion`), only those names count.
  func topicOfName(_ match: IntentMatch) -> (topic: IntentCandidate, nameClass: String)? {
    var found: [(topic: IntentCandidate, nameClass: String)] = []
    for term in match.terms where term.role == .entity {
      guard let home = engine.nameHome(of: term.stem, in: matchLanguage),
        let position = match.candidates.firstIndex(where: { $0.intent == home }),
        match.candidates[position].confidence >= policy.clarifyThreshold
      else { continue }
      let share = engine.nameShare(of: home, term.stem, in: matchLanguage)
      let aboveHoldIt = match.candidates[..<position].contains {
        engine.nameShare(of: $0.intent, term.stem, in: matchLanguage) * 4 > share
      }
      // Out-of-scope examples in the running that name such things too may be what it is ("do you have
      // a showroom in Bursa?").
      let outsideHoldIt = match.candidates.contains {
        $0.intent == .outOfScope && $0.confidence >= policy.clarifyThreshold
          && engine.nameShare(of: .outOfScope, term.stem, in: matchLanguage) > 0
      }
      if aboveHoldIt || outsideHoldIt { return nil }
      found.append((match.candidates[position], term.stem))
    }
    guard !found.isEmpty else { return nil }
    // When the clause that asks names things that have a topic, only its names decide: the others
    // belong to the story around the question.
    let asked = namedInTheQuestion().filter { engine.nameHome(of: $0, in: matchLanguage) != nil }
    if !asked.isEmpty { found = found.filter { asked.contains($0.nameClass) } }
    return Set(found.map(\.topic.intent)).count == 1 ? found.first : nil
  }

  /// The classes of the names (`@currency`) in the clause that asks, when the message has several
  /// clauses and one asks: "narucujem iz Londona, jesu li cijene onda u funtama?" is about pounds, and
  /// London is where the customer orders from.
  func namedInTheQuestion() -> Set<String> {
    let clauses = Self.clauses(of: text)
    guard clauses.count >= 2, let asking = Self.askingClause(of: clauses, profile: profile) else { return [] }
    return Set(
      engine.entities(in: clauses[asking], language: matchLanguage).map { EntityRecognizer.classToken($0.type) })
  }
}
