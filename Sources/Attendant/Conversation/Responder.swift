import Foundation

/// One turn of a conversation: picks the language, reads what the bot was waiting for, matches,
/// decides, and writes the turn into the session.
struct Responder {
  let engine: Engine
  var session: Session
  let now: Date

  private var language: Language = .en
  private var languageSource: Explanation.LanguageSource = .default
  private var guess: LanguageGuess?
  private var text = ""
  private var frustration = FrustrationAssessment.none
  /// The text the topic was matched on (see `topicMatch`).
  private var matchedText: String?
  /// Customer messages before this one that got no answer since the last answer.
  private var earlierAttempts = 0

  init(engine: Engine, session: Session, now: Date) {
    self.engine = engine
    self.session = session
    self.now = now
  }

  private var phrases: Phrases { engine.phrases(for: language) }
  private var policy: Policy { engine.policy }
  private var profile: LanguageProfile { engine.knowledgeBase.profiles[language] ?? .english }

  // MARK: Turn

  mutating func respond(to message: Message) -> Reply {
    text = message.text.trimmedWhiteSpace
    earlierAttempts = session.attemptsWithoutAnswer
    if let zone = message.timeZone { session.timeZone = zone }
    let tokens = Tokenizer.tokenize(text)
    chooseLanguage(requested: message.language, tokens: tokens)
    let folded = tokens.map(\.folded)
    let signals = engine.knowledgeBase.frustrationSignals[language] ?? FrustrationSignals(profile: profile)
    frustration = FrustrationDetector.assess(
      text: text, folded: folded, signals: signals, earlier: session.recentCustomerMessages)
    // The last few messages, folded, for spotting a repeated one; kept short so a turn costs the same
    // however long the conversation has been.
    session.recentCustomerMessages.append(folded.joined(separator: " "))
    if session.recentCustomerMessages.count > 5 { session.recentCustomerMessages.removeFirst() }
    for signal in frustration.signals where !session.frustrationSignals.contains(signal) {
      session.frustrationSignals.append(signal)
    }
    let contacts = PersonalData.contacts(in: text)

    if session.escalation != nil {
      return continueEscalation(contacts: contacts)
    }
    if let reply = handlePending(contacts: contacts) {
      return reply
    }
    if frustration.score >= policy.frustrationThreshold {
      return escalate(.frustration, match: engine.match(text, in: language), lead: phrases[.frustration],
        rule: "frustration \(format(frustration.score)) ≥ threshold \(format(policy.frustrationThreshold))")
    }
    return decide(topicMatch(tokens: tokens))
  }

  /// The match of the message; when it holds frustration phrases ("this is the third time!!!") and is not
  /// confident, also the match of the message without them, whichever is surer. The phrases are read
  /// by the frustration check; for the topic they are noise, unless the message is a complaint, which
  /// the first match catches.
  private mutating func topicMatch(tokens: [RawToken]) -> Match? {
    let match = engine.match(text, tokens: tokens, in: language)
    guard !frustration.phraseSpans.isEmpty, (match?.confidence.value ?? 0) < policy.answerThreshold else { return match }
    var keep = [Bool](repeating: true, count: tokens.count)
    for span in frustration.phraseSpans { for index in span where index < keep.count { keep[index] = false } }
    let rest = zip(tokens, keep).filter(\.1).map(\.0.exact).joined(separator: " ")
    guard !rest.isEmpty, let calmer = engine.match(rest, in: language),
      calmer.confidence.value > (match?.confidence.value ?? 0)
    else { return match }
    matchedText = rest
    return calmer
  }

  private mutating func chooseLanguage(requested: Language?, tokens: [RawToken]) {
    let available = engine.languages
    if let requested, available.contains(requested) {
      language = requested
      languageSource = .request
    } else {
      let guess = engine.identifier.identify(
        text, tokens: tokens, current: session.language, fallback: engine.defaultLanguage)
      self.guess = guess
      if let detected = guess.language {
        language = detected
        languageSource = .detected
      } else if let current = session.language, available.contains(current) {
        language = current
        languageSource = .session
      } else {
        language = engine.defaultLanguage
        languageSource = .default
      }
    }
    session.language = language
  }

  // MARK: Decisions

  /// The decision for a message that nothing pending has claimed.
  private mutating func decide(_ match: Match?) -> Reply {
    guard let match, let top = match.candidates.first else {
      return nonAnswer(match, rule: "the content has no intents in '\(language)'")
    }
    let confidence = top.confidence
    let second = runnerUp(match)
    let unknown = doubtfulWords(match).first
    if let rule = unknownWordRule(unknown, confidence: confidence) {
      return nonAnswer(match, rule: rule)
    }
    if confidence >= policy.answerThreshold {
      if let second, let rule = ambiguity(match, top, second) {
        // A third topic as plausible as the runner-up is offered too ("dostava": cost, time, abroad?).
        let third = match.candidates.dropFirst().first {
          $0.intent != second.intent && abs($0.confidence - second.confidence) < 0.01 && ambiguity(match, top, $0) != nil
        }
        return clarify([top.intent, second.intent] + (third.map { [$0.intent] } ?? []), match: match, reason: .ambiguous, rule: rule)
      }
      let rule = "confidence \(format(confidence)) ≥ answer threshold \(format(policy.answerThreshold))"
      if let escalation = engine.knowledgeBase.article(for: top.intent, in: language)?.escalation {
        return escalate(escalation, match: match, intent: top.intent, rule: rule)
      }
      return answer(top.intent, match: match, reason: .confident, rule: rule)
    }
    if confidence >= policy.clarifyThreshold, let second {
      return clarify([top.intent, second.intent], match: match, reason: .ambiguous,
        rule: "confidence \(format(confidence)) is between the clarify threshold \(format(policy.clarifyThreshold)) and the answer threshold \(format(policy.answerThreshold))")
    }
    // Out of scope: the message is about something the content does not know, either because one of
    // its content words appears in no example ("weather", "netflix"), or because most of its weight is
    // unknown. Known words with no clear intent are a question for a person instead.
    if let unknown {
      return nonAnswer(match,
        rule: "confidence \(format(confidence)) < clarify threshold \(format(policy.clarifyThreshold)) and '\(unknown)' appears in no example: out of scope")
    }
    if match.coverage < policy.outOfScopeCoverage {
      return nonAnswer(match,
        rule: "confidence \(format(confidence)) < clarify threshold \(format(policy.clarifyThreshold)) and coverage \(format(match.coverage)) < \(format(policy.outOfScopeCoverage)): out of scope")
    }
    // A message with no word that carries meaning ("1", "??", "ok so") is not worth a person's time:
    // the bot says it did not understand, and escalates only if that keeps happening.
    if !match.terms.contains(where: { $0.role == .content }) {
      return nonAnswer(match,
        rule: "confidence \(format(confidence)) < clarify threshold \(format(policy.clarifyThreshold)) and the message has no content word")
    }
    return escalate(.lowConfidence, match: match, lead: phrases[.lowConfidence],
      rule: "confidence \(format(confidence)) < clarify threshold \(format(policy.clarifyThreshold))")
  }

  private mutating func answer(_ intent: IntentID, match: Match?, reason: ReplyReason, rule: String) -> Reply {
    guard let article = engine.knowledgeBase.article(for: intent, in: language) else {
      return nonAnswer(match, rule: "'\(intent)' has no article in '\(language)'")
    }
    session.nonAnswers = 0
    session.attemptsWithoutAnswer = 0
    session.lastAnswered = intent
    session.pending = nil
    let options = article.followUps.compactMap { id in
      engine.knowledgeBase.article(for: id, in: language).map { Reply.Option(intent: id, title: $0.title) }
    }
    return finish(.answer, reason: reason, intent: intent, text: article.body, match: match, options: options, rule: rule)
  }

  private mutating func clarify(_ intents: [IntentID], match: Match?, reason: ReplyReason, rule: String, again: Bool = false) -> Reply {
    let options = intents.compactMap { id in
      engine.knowledgeBase.article(for: id, in: language).map { Reply.Option(intent: id, title: $0.title) }
    }
    let attempts: Int
    if case .clarification(_, let previous) = session.pending, again { attempts = previous + 1 } else { attempts = 0 }
    session.pending = .clarification(options.map(\.intent), attempts: attempts)
    session.attemptsWithoutAnswer += 1
    let last = ["last": String(options.count)]
    var lines = [again ? phrases.text(.clarifyAgain, last) : phrases[.clarify]]
    for (number, option) in options.enumerated() { lines.append("\(number + 1). \(option.title)") }
    if !again { lines.append(phrases.text(.clarifyHint, last)) }
    return finish(.clarify, reason: reason, intent: nil, text: lines.joined(separator: "\n"), match: match, options: options, rule: rule)
  }

  /// A polite refusal for a message outside the content, with an offer of a person.
  private mutating func nonAnswer(_ match: Match?, rule: String) -> Reply {
    session.nonAnswers += 1
    session.attemptsWithoutAnswer += 1
    if session.nonAnswers >= policy.maximumNonAnswers {
      return escalate(.repeatedNonAnswers, match: match, lead: phrases[.repeatedNonAnswer],
        rule: rule + "; \(session.nonAnswers) non-answers in a row ≥ \(policy.maximumNonAnswers)")
    }
    session.pending = .humanOffer(.humanRequested)
    return finish(.clarify, reason: .outOfScope, intent: nil, text: phrases[.outOfScope], match: match, options: [], rule: rule)
  }

  // MARK: Pending questions

  private mutating func handlePending(contacts: [String]) -> Reply? {
    switch session.pending {
    case .clarification(let options, let attempts)?:
      if let chosen = choice(among: options) {
        return answerOrEscalate(chosen, match: nil, reason: .clarified, rule: "the customer picked '\(chosen)'")
      }
      if isNo() {
        session.pending = nil
        return finish(.clarify, reason: .declined, intent: nil, text: phrases[.reset], match: nil, options: [],
          rule: "the customer picked neither option")
      }
      let match = engine.match(text, in: language)
      if let match, let reply = confidentReply(match) { return reply }
      // A longer message, or one that points to other topics, is a new question, not a failed pick:
      // decide on it afresh.
      if let match,
        match.terms.filter({ $0.role == .content }).count >= 3 || match.coverage < policy.outOfScopeCoverage
          || (match.candidates.first.map { $0.confidence >= policy.clarifyThreshold && !options.contains($0.intent) } ?? false)
      {
        session.pending = nil
        return decide(match)
      }
      if attempts >= 1 {
        return escalate(.unresolvedClarification, match: match, lead: phrases[.lowConfidence],
          rule: "the clarification is still unresolved after one more try")
      }
      return clarify(options, match: match, reason: .ambiguous, rule: "the reply did not pick an option", again: true)
    case .humanOffer(let reason)?:
      if isYes() {
        return escalate(reason, match: nil, rule: "the customer accepted the offer of a person")
      }
      if isNo() {
        session.pending = nil
        return finish(.clarify, reason: .declined, intent: nil, text: phrases[.reset], match: nil, options: [],
          rule: "the customer declined the offer of a person")
      }
    case .feedback(let intent)?:
      if isYes() || isNo() {
        let helpful = isYes()
        session.pending = nil
        return feedbackReply(helpful: helpful, intent: intent, rule: "the customer answered the feedback question")
      }
    case .contact?, nil:
      break
    }
    session.pending = nil
    return nil
  }

  /// Why the top two candidates cannot be told apart, in words; `nil` when they can.
  ///
  /// Two reasons: their confidences are closer than the clarify margin, or the message is a bare topic
  /// name that both intents' examples contain as fully ("payment": failed, or methods?). Two small-talk
  /// topics are never worth a question ("bok" is hello and bye in Croatian).
  private func ambiguity(_ match: Match, _ top: Candidate, _ second: Candidate) -> String? {
    guard second.confidence >= policy.clarifyThreshold else { return nil }
    let articles = engine.knowledgeBase.articles[language]
    if articles?[top.intent]?.isSmallTalk == true && articles?[second.intent]?.isSmallTalk == true { return nil }
    if top.confidence - second.confidence < policy.clarifyMargin {
      return "confidences \(format(top.confidence)) and \(format(second.confidence)) differ by less than the clarify margin \(format(policy.clarifyMargin))"
    }
    // A bare topic name: a few content words and no question word ("payment", "hesabım"); "where is my
    // order" says what it wants and is not ambiguous.
    let contentWords = match.terms.filter { $0.role == .content }.count
    let asksSomething = match.terms.contains { $0.role == .question }
    if contentWords <= policy.shortMessageContentWords && !asksSomething && second.coverage >= top.coverage - 0.05
      && second.confidence >= policy.plausibleRunnerUp
    {
      return "the message's \(contentWords) content word\(contentWords == 1 ? "" : "s") appear in the examples of both '\(top.intent)' and '\(second.intent)' (coverage \(format(top.coverage)) and \(format(second.coverage)))"
    }
    return nil
  }

  /// The content words of the message that the content does not know: unknown words, and short words
  /// "corrected" into known ones (one edit turns `hava`, weather, into `hala`; for scoring that is a
  /// fair guess, for deciding whether the message is about the store at all it is not). Function and
  /// question words (`whose`, `whom`) do not count: they say nothing about the topic.
  private func doubtfulWords(_ match: Match) -> [String] {
    let grammatical = Set(match.terms.filter { $0.role != .content }.map(\.folded))
    return (match.unknownWords + match.corrections.filter { $0.typed.unicodeScalars.count <= 4 }.map(\.typed))
      .filter { !grammatical.contains($0) }
  }

  /// Why a message with a content word the content does not know is not answered at this confidence
  /// (`policy.answerThresholdWithUnknownWords`); `nil` when the bar does not apply.
  private func unknownWordRule(_ unknown: String?, confidence: Double) -> String? {
    guard let bar = policy.answerThresholdWithUnknownWords, let unknown, confidence < bar else { return nil }
    return "'\(unknown)' appears in no example and confidence \(format(confidence)) < \(format(bar)), the answer threshold for messages with unknown words: out of scope"
  }

  /// The strongest alternative to the best candidate: the most confident of the others (the ranking
  /// is by score, and a candidate whose examples cover the message better can rank lower yet be surer).
  private func runnerUp(_ match: Match) -> Candidate? {
    match.candidates.dropFirst().max { $0.confidence < $1.confidence }
  }

  /// Answers when the match is confident, clear and not an escalating article; otherwise `nil`.
  private mutating func confidentReply(_ match: Match) -> Reply? {
    guard let top = match.candidates.first, top.confidence >= policy.answerThreshold else { return nil }
    // The same bar as a fresh question: an unknown content word needs more confidence.
    if unknownWordRule(doubtfulWords(match).first, confidence: top.confidence) != nil {
      return nil
    }
    if let second = runnerUp(match), ambiguity(match, top, second) != nil {
      return nil
    }
    return answerOrEscalate(top.intent, match: match, reason: .confident,
      rule: "confidence \(format(top.confidence)) ≥ answer threshold \(format(policy.answerThreshold))")
  }

  private mutating func answerOrEscalate(_ intent: IntentID, match: Match?, reason: ReplyReason, rule: String) -> Reply {
    if let escalation = engine.knowledgeBase.article(for: intent, in: language)?.escalation {
      return escalate(escalation, match: match, intent: intent, rule: rule)
    }
    return answer(intent, match: match, reason: reason, rule: rule)
  }

  /// The option the customer picked: by number, by title, or by a message that matches one of them.
  private func choice(among options: [IntentID]) -> IntentID? {
    let words = Tokenizer.tokenize(text).map(\.folded)
    if words.count == 1, let number = Int(words[0]), (1...options.count).contains(number) {
      return options[number - 1]
    }
    let folded = words.joined(separator: " ")
    for option in options {
      let title = engine.knowledgeBase.article(for: option, in: language)?.title ?? ""
      if folded == TextAnalyzer.foldPhrase(title) || folded == option.rawValue.replacingOccurrences(of: "-", with: " ") {
        return option
      }
    }
    guard let match = engine.match(text, in: language) else { return nil }
    let ranked = match.candidates.filter { options.contains($0.intent) }
    guard let best = ranked.first, best.confidence >= policy.clarifyThreshold else { return nil }
    if let runnerUp = ranked.dropFirst().first, best.confidence - runnerUp.confidence < policy.clarifyMargin { return nil }
    return best.intent
  }

  private func isYes() -> Bool { matchesPhrase(in: profile.yes) }
  private func isNo() -> Bool { matchesPhrase(in: profile.no) }

  /// Whether the message is one of the phrases, or starts with one followed by little else.
  private func matchesPhrase(in phrases: Set<String>) -> Bool {
    let words = Tokenizer.tokenize(text).map(\.folded)
    guard !words.isEmpty, words.count <= 6 else { return false }
    for length in stride(from: min(words.count, 4), through: 1, by: -1) {
      if phrases.contains(words.prefix(length).joined(separator: " ")) { return true }
    }
    return false
  }

  // MARK: Feedback

  mutating func feedback(helpful: Bool, rating: Int?, comment: String?) -> Reply {
    language = session.language ?? engine.defaultLanguage
    languageSource = .session
    earlierAttempts = session.attemptsWithoutAnswer
    var rule = "feedback: \(helpful ? "helpful" : "not helpful")"
    if let rating { rule += ", rating \(rating)" }
    // The transcript shows the feedback as the customer's turn, so that an agent reads it in place.
    text = "[\(rule)]" + (comment.map { " " + $0 } ?? "")
    let intent = session.lastAnswered
    session.pending = nil
    return feedbackReply(helpful: helpful, intent: intent, rule: rule)
  }

  private mutating func feedbackReply(helpful: Bool, intent: IntentID?, rule: String) -> Reply {
    if helpful {
      return finish(.answer, reason: .feedback, intent: intent, text: phrases[.feedbackThanks], match: nil, options: [], rule: rule)
    }
    if session.escalation != nil {
      // A person already has the conversation: the feedback goes into the record, and nothing is offered twice.
      return finish(
        .escalate, reason: .feedback, intent: intent, text: phrases[.stillEscalated], match: nil, options: [],
        rule: rule + "; the conversation is already with a person")
    }
    session.pending = .humanOffer(.negativeFeedback)
    return finish(.clarify, reason: .feedback, intent: intent, text: phrases[.feedbackSorry], match: nil, options: [], rule: rule)
  }

  // MARK: Escalation

  /// Hands the conversation to a person, writing a new escalation record into the session.
  private mutating func escalate(
    _ reason: EscalationReason, match: Match?, intent: IntentID? = nil, lead: String? = nil, rule: String
  ) -> Reply {
    let handoff = Handoff(schedule: engine.knowledgeBase.schedule, language: language, timeZone: session.timeZone, now: now)
    var parts: [String] = []
    if let intent, let article = engine.knowledgeBase.article(for: intent, in: language) {
      parts.append(article.body)
    } else if let lead {
      parts.append(lead)
    }
    // The complaint article already apologises; elsewhere, a frustrated customer hears that we understand.
    if reason != .frustration && reason != .complaint && frustration.score >= policy.frustrationThreshold / 2 {
      parts.insert(phrases[.frustration], at: 0)
    }
    parts.append(handoff.text(phrases, locale: profile.localeIdentifier))
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
    let (priority, why) = Priority.assess(
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
    return finish(.escalate, reason: ReplyReason(reason), intent: intent, text: parts.joined(separator: "\n\n"),
      match: match, options: [], rule: rule + "; priority \(priority): " + why.joined(separator: ", "))
  }

  /// A message after the hand-off: added to the open record; answered as well when the bot is sure.
  private mutating func continueEscalation(contacts: [String]) -> Reply {
    guard var record = session.escalation else { return decide(engine.match(text, in: language)) }
    var why: [String] = []
    for contact in contacts where !record.customer.contact.contains(contact) { record.customer.contact.append(contact) }
    if frustration.score > 0 {
      record.priority = record.priority.raised
      why.append("priority raised to \(record.priority) for frustration")
    }
    record.frustrationSignals = session.frustrationSignals
    session.escalation = record
    if !contacts.isEmpty {
      session.pending = nil
      return finish(.escalate, reason: .contact, intent: nil,
        text: phrases.text(.contactSaved, ["contact": contacts.joined(separator: ", ")]), match: nil, options: [],
        rule: (["the customer gave contact details"] + why).joined(separator: "; "))
    }
    let match = engine.match(text, in: language)
    if let match, let top = match.candidates.first, top.confidence >= policy.answerThreshold,
      engine.knowledgeBase.article(for: top.intent, in: language)?.escalation == nil,
      (runnerUp(match).map { ambiguity(match, top, $0) == nil } ?? true)
    {
      return answer(top.intent, match: match, reason: .confident,
        rule: "already escalated; confidence \(format(top.confidence)) ≥ answer threshold, so answered as well")
    }
    // Another message the bot cannot answer is another attempt: every second one raises the priority.
    let attempts = session.attemptsWithoutAnswer + 1
    session.attemptsWithoutAnswer = attempts
    if Priority.raises(forAttempts: attempts) > Priority.raises(forAttempts: attempts - 1) {
      record.priority = record.priority.raised
      session.escalation = record
      why.append("priority raised to \(record.priority) after \(attempts) unanswered messages")
    }
    var reply = phrases[.stillEscalated]
    if frustration.score >= policy.frustrationThreshold { reply = phrases[.frustration] + "\n\n" + reply }
    let rule = ["the conversation is already with a person; the message was added to the record"] + why
    return finish(
      .escalate, reason: .alreadyEscalated, intent: nil, text: reply, match: match, options: [],
      rule: rule.joined(separator: "; "))
  }

  // MARK: Finishing a turn

  private mutating func finish(
    _ decision: Decision, reason: ReplyReason, intent: IntentID?, text reply: String, match: Match?,
    options: [Reply.Option], rule: String
  ) -> Reply {
    let confidence = match?.candidates.first?.confidence ?? 0
    let customerTurn = Turn(
      at: now, from: .customer, text: text, language: language, intent: match?.intent, confidence: match.map { _ in confidence },
      decision: nil)
    let botTurn = Turn(at: now, from: .bot, text: reply, language: language, intent: intent, confidence: nil, decision: decision)
    session.transcript.append(customerTurn)
    session.transcript.append(botTurn)
    var escalation: EscalationRecord?
    if var record = session.escalation {
      // A new record has no transcript yet; a later turn makes a new revision.
      if !record.transcript.isEmpty {
        record.revision += 1
        record.updatedAt = now
      }
      // The whole conversation, also turns whose write failed earlier; card numbers are never kept.
      record.transcript = session.transcript.map { $0.redacting([.card]) }
      record.language = language
      session.escalation = record
      escalation = record
    }
    let explanation = Explanation(
      text: text, matchedText: matchedText ?? text, language: language, languageSource: languageSource, languageGuess: guess, match: match,
      frustration: frustration, decision: decision, reason: reason, rule: rule)
    session.lastExplanation = explanation
    return Reply(
      decision: decision, reason: reason, language: language, intent: intent, confidence: confidence, text: reply,
      candidates: (match?.candidates ?? []).prefix(policy.candidateCount).map {
        CandidateScore(intent: $0.intent, confidence: $0.confidence)
      },
      options: options, escalation: escalation, explanation: explanation)
  }

  private func format(_ value: Double) -> String { value.twoDecimals }
}

extension TimeZone {
  static let utc = TimeZone(identifier: "UTC")!
}
