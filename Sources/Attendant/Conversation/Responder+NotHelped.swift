/// A message that says the last answer did not help.
extension Responder {
  /// The phrase of the message that says the last answer did not help (`LanguageProfile.notHelped`),
  /// if it holds one, and the message without it.
  func notHelpedPhrase() -> (phrase: String, rest: String)? {
    // Each word as the profile reads it (a chat spelling spelt out), with the token it comes from.
    var words: [String] = []
    var owners: [Int] = []
    for (position, token) in tokens.enumerated() {
      for word in spelledOut(token).split(separator: " ") {
        words.append(String(word))
        owners.append(position)
      }
    }
    for index in words.indices where profile.notHelpedFirstWords.contains(words[index]) {
      guard let length = phraseLength(in: words, from: index, among: profile.notHelped) else { continue }
      let covered = Set(owners[index..<(index + length)])
      let rest = Self.text(of: tokens.enumerated().filter { !covered.contains($0.offset) }.map(\.element))
      return (words[index..<(index + length)].joined(separator: " "), rest)
    }
    return nil
  }

  /// Right after an answer, a message that says it did not help ("that doesn't help, I already looked
  /// there") and names no other topic with confidence does not get the same answer again: the bot
  /// apologises and offers a person, as after "no" to "did this answer your question?", or hands over
  /// at once when the message asks for one.
  mutating func answerDidNotHelp(_ match: IntentMatch?) -> Reply? {
    guard let last = session.lastAnswered, !isSmallTalk(last),
      session.transcript.last(where: { $0.from == .bot })?.decision == .answer,
      let (phrase, rest) = notHelpedPhrase()
    else { return nil }
    // A message that is confidently a request for a person or a complaint gets the article that hands
    // over ("to mi ništa ne pomaže … dajte mi nekog živog").
    if let top = match?.candidates.first, article(top.intent)?.escalation != nil,
      top.confidence >= policy.answerThreshold
    {
      return nil
    }
    // What the message says besides may be a new question ("that didn't help, how do I return it
    // then?"): read on its own, it decides whether another topic is named.
    // When the message as a whole still reads as the last topic, what it says besides is what the
    // customer tried (tr "tarihi geçmemiş, sepet de 2500 tl, … yine geçersiz kod diyo" after the
    // discount code: the basket's sum reads alone as the shipping price), unless it hands over.
    let why = "'\(phrase)' says the answer on '\(last)' did not help"
    let stillTheLastTopic = match?.candidates.first?.intent == last
    if let top = engine.match(rest, in: matchLanguage)?.candidates.first, top.intent != last,
      !stillTheLastTopic || article(top.intent)?.escalation != nil,
      top.intent != .outOfScope, !isSmallTalk(top.intent), top.confidence >= policy.answerThreshold
    {
      // A request for a person or a complaint besides is handed over ("gak ngebantu sama sekali, …
      // sambungin ke orang beneran dong"); another question is read as any message is.
      guard article(top.intent)?.escalation != nil else { return nil }
      return answerOrEscalate(
        top.intent, match: match, reason: .confident, rule: .answerDidNotHelp,
        why + ", and the rest of the message is '\(top.intent)' (\(format(top.confidence)))")
    }
    if holdsHumanRequest(expandedWords()) {
      // The content's article for a request for a person hands over when it is the message's topic.
      if let top = match?.candidates.first, article(top.intent)?.escalation == .humanRequested,
        top.confidence >= policy.clarifyThreshold
      {
        return answerOrEscalate(
          top.intent, match: match, reason: .confident, rule: .answerDidNotHelp,
          why + "; it asks for a person, and its topic is '\(top.intent)' (\(format(top.confidence)))")
      }
      return escalate(
        .humanRequested, match: match, lead: phrases[.handoffRequested], rule: .answerDidNotHelp,
        why + "; it asks for a person")
    }
    session.pending = .humanOffer(.negativeFeedback)
    return finish(
      .clarify, reason: .feedback, intent: last, text: phrases[.feedbackSorry], match: match, options: [],
      rule: .answerDidNotHelp, why + ", and the message names no other topic with confidence")
  }
}
