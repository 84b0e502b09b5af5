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
    let name = names.first {
      let token = EntityRecognizer.classToken($0.type)
      return !topHolds.contains(token) && outsideHolds.contains(token)
    }
    return name.map { ($0, second) }
  }
}
