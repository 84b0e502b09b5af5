/// When two topics cannot be told apart.
extension Responder {
  /// Why the top two candidates cannot be told apart, in words; `nil` when they can.
  ///
  /// Two reasons: their confidences are closer than the clarify margin, or the message is a bare topic
  /// name that both intents' examples contain as fully ("payment": failed, or methods?). Two small-talk
  /// topics are never worth a question ("bok" is hello and bye in Croatian).
  func ambiguity(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate) -> String? {
    guard second.confidence >= policy.clarifyThreshold, second.intent != .outOfScope else { return nil }
    if isSmallTalk(top.intent) && isSmallTalk(second.intent) { return nil }
    if top.confidence - second.confidence < policy.clarifyMargin {
      return
        "confidences \(format(top.confidence)) and \(format(second.confidence)) differ by less than the clarify margin \(format(policy.clarifyMargin))"
    }
    let contentWords = match.contentWordCount
    // Small talk is no topic's bare name ("anyone there?": the greeting 0.91, the languages 0.61).
    if isBareTopicName(match) && !isSmallTalk(top.intent) && second.coverage >= top.coverage - 0.05
      && (second.confidence >= policy.plausibleRunnerUp || second.confidence >= top.confidence / 2)
    {
      return
        "the message's \(contentWords) content word\(contentWords == 1 ? "" : "s") appear in the examples of both '\(top.intent)' and '\(second.intent)' (coverage \(format(top.coverage)) and \(format(second.coverage)))"
    }
    return nil
  }

  /// A bare topic name: a few content words and no question word ("payment", "hesabım"); "where is my
  /// order" says what it wants, and a sentence is not a name ("pay with paypal?", "siparişim hala
  /// gelmedi": `isJoinedByGrammar`), nor is a negation (id "gak mau sama bot", I don't want the bot).
  func isBareTopicName(_ match: IntentMatch) -> Bool {
    match.contentWordCount <= policy.shortMessageContentWords
      && !match.terms.contains { $0.role == .question || $0.role == .negation } && !match.isJoinedByGrammar
  }
}
