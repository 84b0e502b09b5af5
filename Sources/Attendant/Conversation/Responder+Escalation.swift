import Foundation

/// Handing a conversation to a person, and writing a turn into the session.
extension Responder {
  /// A hand-off for frustration (`frustration`). A frustrated request for a person ("thats not helpful
  /// at all. is there a real human i can talk to?") is handed over with the article for that request,
  /// after the words of empathy; the record's reason stays frustration, which sets its priority.
  mutating func escalateForFrustration(_ detail: String) -> Reply {
    let match = engine.match(text, in: matchLanguage)
    if let top = match?.candidates.first, top.confidence >= policy.answerThreshold,
      article(top.intent)?.escalation == .humanRequested
    {
      return escalate(
        .frustration, match: match, intent: top.intent, rule: .frustration,
        "\(detail); the message asks for a person ('\(top.intent)', \(format(top.confidence)))")
    }
    // So does one whose last clause, after another sentence, is essentially such a request, however
    // long the story of what went wrong before it (vi "… bot tra loi hoai 1 kieu chan qua, cho minh gap
    // nhan vien that di"); "THIS IS RIDICULOUS!!! worst customer service ever" names the service only.
    if let request = humanRequestArticle, !declinesAPerson(), let last = requestForAPersonAtTheEnd(inLastClause: true) {
      return escalate(
        .frustration, match: match, intent: request, rule: .frustration,
        "\(detail); the message's last clause '\(last)' asks for a person ('\(request)')")
    }
    return escalate(.frustration, match: match, lead: phrases[.frustration], rule: .frustration, detail)
  }

  /// Hands the conversation to a person, writing a new escalation record into the session.
  mutating func escalate(
    _ reason: EscalationReason, match: IntentMatch?, intent: IntentID? = nil, lead: String? = nil, rule: TurnRule,
    _ detail: String
  ) -> Reply {
    var (parts, handoff) = handOffText(reason, intent: intent, lead: lead)
    // Contact details from any message so far, so that the customer is not asked for them again.
    var contacts: [String] = []
    for message in session.transcript.filter({ $0.from == .customer }).map(\.text) + [text] {
      for contact in PersonalData.contacts(in: message) where !contacts.contains(contact) { contacts.append(contact) }
    }
    session.pending = nil
    if !contacts.isEmpty {
      parts.append(phrases.text(.contactSaved, ["contact": contacts.joined(separator: ", ")]))
    } else if !handoff.isOnShift {
      parts.append(phrases[.askContact])
      session.pending = .contact
    }
    let attempts = earlierAttempts + 1
    session.attemptsWithoutAnswer = attempts
    let (priority, why) = EscalationPriority.assess(
      reason: reason, attempts: attempts, frustration: frustration.score,
      frustratedBefore: !session.frustrationSignals.isEmpty, threshold: policy.frustrationThreshold)
    let record = EscalationRecord(
      id: EscalationRecord.makeID(at: now), createdAt: now, updatedAt: now, revision: 1, session: session.id,
      language: language, reason: reason, priority: priority, assignment: handoff.assignment,
      customer: .init(
        timeZone: session.timeZone?.identifier, localTime: ISO8601.local(now, in: session.timeZone ?? .utc),
        contact: contacts),
      candidates: (match?.candidates ?? []).prefix(policy.candidateCount).map {
        CandidateScore(intent: $0.intent, confidence: $0.confidence)
      },
      frustrationSignals: session.frustrationSignals, transcript: [])
    session.escalation = record
    return finish(
      .escalate, reason: ReplyReason(reason), intent: intent, text: parts.joined(separator: "\n\n"), match: match,
      options: [], rule: rule, detail + "; priority \(priority): " + why.joined(separator: ", "))
  }

  /// The parts of a hand-off's reply, and the hand-off they announce: the article for `intent` (or the
  /// `lead`), after words of empathy for an angry customer, then who takes over and when.
  func handOffText(_ reason: EscalationReason, intent: IntentID?, lead: String?) -> (parts: [String], handoff: Handoff)
  {
    let handoff = Handoff(
      schedule: engine.knowledgeBase.schedule, language: language, timeZone: session.timeZone, now: now)
    var parts: [String] = []
    if let intent, let article = article(intent) {
      parts.append(article.body)
    } else if let lead {
      parts.append(lead)
    }
    // The complaint article already apologises; elsewhere, a frustrated customer hears that we understand.
    // A hand-off for frustration without an article leads with that sentence already; one with an
    // article (a frustrated request for a person) gets it before the article.
    if (reason != .frustration || intent != nil) && reason != .complaint
      && frustration.score >= policy.frustrationThreshold / 2
    {
      parts.insert(phrases[.frustration], at: 0)
    }
    parts.append(handoff.text(phrases, locale: profile.localeIdentifier))
    return (parts, handoff)
  }

  /// Writes the turn into the session and makes the reply, with its explanation.
  mutating func finish(
    _ decision: Decision, reason: ReplyReason, intent: IntentID?, text reply: String, match: IntentMatch?,
    options: [Reply.Option], rule: TurnRule, _ detail: String
  ) -> Reply {
    let confidence = match?.candidates.first?.confidence ?? 0
    let customerTurn = TranscriptTurn(
      at: now, from: .customer, text: text, language: language, intent: match?.intent,
      confidence: match.map { _ in confidence }, decision: nil)
    let botTurn = TranscriptTurn(
      at: now, from: .bot, text: reply, language: language, intent: intent, confidence: nil, decision: decision)
    session.transcript.append(customerTurn)
    session.transcript.append(botTurn)
    session.trimTranscript(to: engine.budget)
    var escalation: EscalationRecord?
    if var record = session.escalation {
      // A new record starts with the conversation so far (also turns whose write failed earlier); a
      // later turn makes a new revision that adds this turn. Its transcript keeps no personal data: the
      // contacts the agent needs are in `customer.contact`.
      if record.transcript.isEmpty {
        record.transcript = session.transcript.map(\.redactedForRecord)
      } else {
        record.revision += 1
        record.updatedAt = now
        // Turns whose update could not be written go out with this one (the desk writes them too).
        record.transcript.append(contentsOf: session.unsavedRecordTurns)
        record.transcript.append(customerTurn.redactedForRecord)
        record.transcript.append(botTurn.redactedForRecord)
        let excess = ChatSession.excess(record.transcript, budget: engine.budget)
        if excess > 0 { record.transcript.removeFirst(excess) }
      }
      record.language = language
      session.escalation = record
      escalation = record
    }
    let explanation = Explanation(
      text: text, truncation: truncation, matchedText: matchedText ?? text, reading: reading, language: language,
      languageSource: languageSource, languageGuess: guess, match: match, frustration: frustration, decision: decision,
      reason: reason, turnRule: rule, detail: detail)
    session.lastExplanation = explanation
    return Reply(
      decision: decision, reason: reason, language: language, intent: intent, confidence: confidence, text: reply,
      candidates: (match?.candidates ?? []).prefix(policy.candidateCount).map {
        CandidateScore(intent: $0.intent, confidence: $0.confidence)
      },
      options: options, entities: match?.entities ?? [], escalation: escalation, explanation: explanation)
  }

  /// An unsure reading of an article that hands over, with no other topic worth a question: a complaint
  /// (id "tp ini udh lewat 3 minggu loh sejak batal, gk bener nih orbita, aku mau ngajuin komplain"),
  /// or a request for a person in the profile's words (tr "ne demek yok, 8 bin verdim o dolaba. bi
  /// yetkiliye bağla beni"). The hand-off, with no question which topic is meant. A request for a person
  /// needs the words: "kamu robot ya, pernah bosen gak" is small talk; and another topic in the running
  /// is asked about (id "… dia bisa chat sama CS pake bahasa Korea gk?" asks about languages).
  ///
  /// Anger right after an answer that is unsure of a request for a person, without the words, says the
  /// answer did not help (id "gitu doang jawabannya? rugi aku bayar 199rb!!" after the price of express
  /// shipping, whose "jawabannya gitu" is in an example of asking for a person): the hand-off for
  /// frustration, as for anger that names no topic.
  mutating func decisionByHandOffTopic(_ match: IntentMatch, _ top: IntentCandidate) -> Reply? {
    guard top.confidence >= policy.clarifyThreshold, top.confidence < policy.answerThreshold,
      let reason = article(top.intent)?.escalation,
      (match.candidates.dropFirst().first?.confidence ?? 0) < policy.clarifyThreshold
    else { return nil }
    guard reason == .complaint || holdsHumanRequest(expandedWords()) else {
      return angerInsteadOfAQuestion(match, "'\(top.intent)' (\(format(top.confidence))) hands over")
    }
    return answerOrEscalate(
      top.intent, match: match, reason: .confident, rule: .handOffTopic,
      "'\(top.intent)' (\(format(top.confidence))) hands over, \(reason == .complaint ? "a complaint" : "and the message asks for a person in words the profile lists"), with no other topic worth a question"
    )
  }

  /// Anger right after an answer that the bot is unsure of, or that names no topic, says the answer did
  /// not help: the hand-off for frustration, not a question which topic is meant ("is that it??
  /// useless" after tracking, unsure between two topics alone) nor a refusal (id "gitu doang jawabannya?
  /// rugi aku bayar 199rb!!"). `nil` when the message is calm or the bot did not just answer.
  mutating func angerInsteadOfAQuestion(_ match: IntentMatch?, _ detail: String) -> Reply? {
    guard frustration.score >= policy.frustrationThreshold / 2,
      session.transcript.last(where: { $0.from == .bot })?.decision == .answer
    else { return nil }
    return escalate(
      .frustration, match: match, lead: phrases[.frustration], rule: .frustration,
      "\(detail); score \(format(frustration.score)) ≥ half the threshold, right after an answer")
  }

  /// Whether the message says nothing but its frustration phrases: every word outside them is grammar
  /// ("is that it?? useless"), where "still nothing in my inbox" names what is still missing.
  func isOnlyAnger() -> Bool {
    guard !frustration.phraseSpans.isEmpty else { return false }
    let inPhrase = Set(frustration.phraseSpans.flatMap { Array($0) })
    return tokens.indices.allSatisfy { index in
      let word = tokens[index].folded
      return inPhrase.contains(index) || isGrammar(word) || profile.smallTalkWords.contains(word)
    }
  }

  /// The hand-off for an angry message longer than a follow-up, right after the answer on `intent`,
  /// that would get that answer again: it tells the problem again, so the answer did not help, and
  /// giving it again does not either (hr "sve sam to provjerila, … opet piše nevažeći kod. već pola
  /// sata se zezam s ovim, dosta mi je!" after the discount codes). A short one is a detail of it
  /// ("still nothing in my inbox" after a password reset), unless it says nothing but its anger
  /// ("is that it?? useless": `isOnlyAnger`).
  mutating func angerAtTheSameAnswer(_ intent: IntentID, match: IntentMatch?) -> Reply? {
    guard intent == session.lastAnswered, frustration.score >= policy.frustrationThreshold / 2,
      tokens.count > followUpMaximumTokens || isOnlyAnger(),
      session.transcript.last(where: { $0.from == .bot })?.decision == .answer
    else { return nil }
    return escalate(
      .frustration, match: match, lead: phrases[.frustration], rule: .frustration,
      "score \(format(frustration.score)) ≥ half the threshold, and the reply would be the answer on '\(intent)' again"
    )
  }
}
