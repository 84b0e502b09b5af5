/// The messages after a hand-off: added to the open record, answered as well when the bot is sure.
extension Responder {
  /// A message after the hand-off: added to the open record; answered as well when the bot is sure, or
  /// with the article of a request for a person or complaint that no reply has shown; a thanks,
  /// goodbye or interjection is answered politely and counts as no new attempt.
  mutating func continueEscalation(contacts: [String]) -> Reply {
    guard var record = session.escalation else {
      exampleOwner = engine.exampleOwner(of: text, tokens: tokens, in: matchLanguage)
      return decide(engine.match(text, in: matchLanguage))
    }
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
      return finish(
        .escalate, reason: .contact, intent: nil,
        text: phrases.text(.contactSaved, ["contact": contacts.joined(separator: ", ")]), match: nil, options: [],
        rule: .contactDetails, (["the customer gave contact details"] + why).joined(separator: "; "))
    }
    let whole = engine.match(text, in: matchLanguage)
    if frustration.score == 0, let close = politeClose(whole) { return close }
    // The question is read as any fresh message's is: without the words that bring it along while the
    // customer waits (id "sambil nunggu, petugasnya biasanya bales brp lama?"), the greeting or thanks
    // around it, or the story before it. Read after the last answer only when it leans on it ("how
    // many days have I got to report it") or alone considers that topic too, and then only when
    // confident: the last topic's words are not the message's (id "sambil nunggu, petugasnya biasanya
    // bales brp lama?" after a discount code is not the code).
    let match = topicMatch(followUpsThatLean: true)
    // A question the bot is sure of is answered too, and so is a statement or request it is surer
    // still of ("thôi xóa tk luôn đi, ko xài nữa": delete the account then); another statement ("it is
    // about the lamp I bought") is for the person who takes over.
    // A question whose topic leads alone is sure enough too, from the clarify threshold up: no other
    // topic, and no out-of-scope example, is worth a question beside it (vi "mình nhắn thêm qua
    // whatsapp cho nhanh đc ko", WhatsApp instead, after a complaint was handed over: 0.68, nothing
    // else near; "tiện hỏi luôn, nv áp lại mã đc thì e trả bằng MoMo đc ko": 0.34). A person follows
    // anyway, so the likely answer costs the customer less than no answer while they wait.
    let asks = asksSomething()
    if asks, let wait = waitForPerson(match, whole: whole) { return wait }
    if let handOff = handOffArticleAfterHandOff(match, why: why) { return handOff }
    let leadsAlone = asks && reading != .followUp && leadsClearlyAlone(match, from: policy.clarifyThreshold)
    if let match, let top = match.candidates.first, top.intent != .outOfScope,
      top.confidence >= (asks ? policy.answerThreshold : policy.statementAfterHandOffThreshold) || leadsAlone,
      answersPlainly(top.intent),
      runnerUp(match).map({ ambiguity(match, top, $0) == nil }) ?? true
    {
      return answerOrEscalate(
        top.intent, match: match, reason: .confident, rule: .answeredAfterHandOff,
        leadsAlone && top.confidence < policy.answerThreshold
          ? "already with a person; the question's topic leads alone: confidence \(format(top.confidence)) ≥ clarify threshold \(format(policy.clarifyThreshold)), with no other topic worth a question, so answered as well"
          : "already with a person; confidence \(format(top.confidence)) ≥ answer threshold, so answered as well")
    }
    if asks, let named = answerByNameAfterHandOff(match) { return named }
    if asks, let match, let (other, handOff) = topicBesidesTheHandOff(match) {
      return answerOrEscalate(
        other.intent, match: match, reason: .confident, rule: .answeredAfterHandOff,
        "already with a person; '\(other.intent)' (\(format(other.confidence))) is the question's topic besides the hand-off '\(handOff.intent)' (\(format(handOff.confidence))), which is under way, so answered as well"
      )
    }
    // Another message the bot cannot answer is another attempt: every second one raises the priority.
    let attempts = session.attemptsWithoutAnswer + 1
    session.attemptsWithoutAnswer = attempts
    if EscalationPriority.raises(forAttempts: attempts) > EscalationPriority.raises(forAttempts: attempts - 1) {
      record.priority = record.priority.raised
      session.escalation = record
      why.append("priority raised to \(record.priority) after \(attempts) unanswered messages")
    }
    var reply = phrases[.stillEscalated]
    if frustration.score >= policy.frustrationThreshold { reply = phrases[.frustration] + "\n\n" + reply }
    return finish(
      .escalate, reason: .alreadyEscalated, intent: nil, text: reply, match: match, options: [], rule: .addedToHandOff,
      (["the message was added to the record"] + why).joined(separator: "; "))
  }

  /// After a hand-off, a message that reads with confidence as an article that hands over, which no
  /// reply of the session has shown (`hand-off-article-after-hand-off`): "this is pointless. get me a
  /// real person pls" after the bot handed over for two messages it could not answer; hr "i da znate,
  /// ovo je katastrofa od usluge" after a request for a person. That article tells the customer what
  /// happens now (a complaint is reviewed within two business days), which the note that the message
  /// was added does not, followed by who takes over and when, as at the hand-off. A request for a person
  /// must hold the profile's words for one (tr "… orda bi yetkili yok mu", is there no agent there); a message
  /// that reads as one without them is added to the record. A question with another topic
  /// worth answering beside a complaint is that topic's (`topicBesidesTheHandOff`). The open record
  /// takes the message, with no attempt counted: the customer repeats what the record holds. Its
  /// priority rises to at least the article's reason's. `why` holds what the turn already changed.
  private mutating func handOffArticleAfterHandOff(_ match: IntentMatch?, why: [String]) -> Reply? {
    guard var record = session.escalation, let top = match?.candidates.first,
      top.confidence >= policy.answerThreshold, let reason = article(top.intent)?.escalation,
      !session.transcript.contains(where: { $0.from == .bot && $0.intent == top.intent }),
      reason != .humanRequested || holdsHumanRequest(expandedWords()),
      // A question with another topic worth answering is that topic's (hr "hvala. ako se danas nitko ne
      // javi, jel vas mogu nazvat?" reads as a complaint, 0.76, and as the contact channels).
      !(asksSomething() && match.flatMap(topicBesidesTheHandOff) != nil)
    else { return nil }
    var detail =
      [
        "already with a person; '\(top.intent)' (\(format(top.confidence))) hands over for \(reason.rawValue) and no reply has shown its article, so shown now; the message was added to the record"
      ]
      + why
    if record.priority < reason.basePriority {
      record.priority = reason.basePriority
      session.escalation = record
      detail.append("priority raised to \(record.priority) for \(reason.rawValue)")
    }
    let (parts, _) = handOffText(reason, intent: top.intent, lead: nil)
    return finish(
      .escalate, reason: .alreadyEscalated, intent: top.intent,
      text: (parts + [phrases[.stillEscalated]]).joined(separator: "\n\n"), match: match, options: [],
      rule: .handOffArticleAfterHandOff, detail.joined(separator: "; "))
  }

  /// Whether an article answers with its text alone after a hand-off: no small talk, no second
  /// hand-off, no menu.
  private func answersPlainly(_ intent: IntentID) -> Bool {
    !isSmallTalk(intent) && article(intent)?.escalation == nil && article(intent)?.menu.isEmpty != false
  }

  /// After a hand-off, a question about when the person who takes over replies (`wait-for-person`:
  /// "how long till they get back to me?", tr "kaç dakikada yazar biri", vi "nhân viên bao lâu mới rep
  /// vậy"): it is calm, holds a question word and one of the profile's `replyPhrases`, and, read
  /// whole, names nothing (tr "temsilci türkçe yazar mı" asks about a language) and holds no negation
  /// but a question tag at its end (vi "hỏi gì cũng ko trả lời đc", whatever I ask you cannot answer,
  /// is a complaint; "nv rep liền ko" asks). It is answered with the follow-up topic of the article
  /// for a request for a person that the message reads as from the clarify threshold up, else that
  /// article's first (the demo's support hours, which say how soon a person replies).
  private mutating func waitForPerson(_ match: IntentMatch?, whole: IntentMatch?) -> Reply? {
    let words = expandedWords()
    let negations = (whole?.terms.filter { $0.role == .negation }.count ?? 0)
    guard frustration.score == 0, holdsQuestionWord(),
      !(whole?.terms.contains { $0.role == .entity } ?? false),
      negations <= (profile.endsWithQuestionTag(tokens) ? 1 : 0),
      let (start, length) = replyPhrase(in: words), let request = humanRequestArticle.flatMap(article)
    else { return nil }
    // A question the bot is sure of is about that topic, unless its reply phrase has several words or
    // it names the people who answer: one word may be the customer's or anyone's (tr "takip numarası
    // nerede yazar?", where does it say the tracking number, is tracking), and "how long will they
    // take to get back to me?" is the wait, though "how long" reads as the delivery times.
    guard
      length > 1 || confidence(match) < policy.answerThreshold || words.contains(where: namesThePeople)
    else { return nil }
    let phrase = words[start..<(start + length)].joined(separator: " ")
    let topics = request.followUps.filter { answersPlainly($0) }
    let read = match?.candidates.first { topics.contains($0.intent) && $0.confidence >= policy.clarifyThreshold }
    guard let topic = read?.intent ?? topics.first else { return nil }
    return answerOrEscalate(
      topic, match: match, reason: .confident, rule: .waitForPerson,
      "already with a person; the question asks when a person replies ('\(phrase)'), so '\(topic)', a follow-up topic of the request for a person"
    )
  }

  /// Whether a word names the people who answer (`LanguageProfile.personWords`), also with the
  /// profile's pointing suffix (id "petugasnya", the agent).
  private func namesThePeople(_ word: String) -> Bool {
    if profile.personWords.contains(word) { return true }
    guard let suffix = profile.anaphoricSuffix, word.hasSuffix(suffix) else { return false }
    return profile.personWords.contains(String(word.dropLast(suffix.count)))
  }

  /// Where the first of the profile's `replyPhrases` stands in some words, and how many words it has.
  private func replyPhrase(in words: [String]) -> (start: Int, length: Int)? {
    for start in words.indices {
      if let length = phraseLength(in: words, from: start, among: profile.replyPhrases) { return (start, length) }
    }
    return nil
  }

  /// After a hand-off, the answer to a question whose topic a name decides (`name-decides`): "while i
  /// wait, who delivers over there, is it DPD?" is the couriers, 0.68 beside shipping abroad at 0.36.
  private mutating func answerByNameAfterHandOff(_ match: IntentMatch?) -> Reply? {
    guard let match, let named = topicOfNameWhenUnsure(match), answersPlainly(named.intent) else { return nil }
    return answerOrEscalate(
      named.intent, match: match, reason: .confident, rule: .answeredAfterHandOff,
      "already with a person; the question names a thing of the class that decides '\(named.intent)' (\(format(named.confidence))), so answered as well"
    )
  }

  /// After a hand-off, the topic of a question that also reads as a request for a person or a complaint,
  /// an article that hands over (vi "mà cho e hỏi nhân viên có nói tiếng Pháp ko ạ, mẹ e muốn hỏi
  /// chung", do the staff speak French: a person 0.39, the languages 0.30; "cho mình hỏi, nhân viên có
  /// nói tiếng Đức ko ạ": the languages 0.52, a person 0.50; hr "hvala. ako se danas nitko ne javi,
  /// jel vas mogu nazvat?", if nobody answers today, can I call you: a complaint 0.76, the contact
  /// channels 0.51): the customer already waits for a person, so the hand-off is no question now,
  /// however surely the message reads as one. `nil` unless the two lead, the other from the clarify
  /// threshold up and no third topic worth a question.
  private func topicBesidesTheHandOff(_ match: IntentMatch) -> (IntentCandidate, IntentCandidate)? {
    let ranked = match.candidates.filter { $0.intent != .outOfScope }
    guard ranked.count >= 2 else { return nil }
    let pair = Array(ranked.prefix(2))
    guard let handOff = pair.first(where: { article($0.intent)?.escalation != nil }),
      let other = pair.first(where: { $0.intent != handOff.intent }),
      answersPlainly(other.intent), other.confidence >= policy.clarifyThreshold,
      ranked.dropFirst(2).first.map({ $0.confidence < policy.clarifyThreshold }) ?? true,
      !match.candidates.contains(where: { $0.intent == .outOfScope && $0.confidence >= other.confidence })
    else { return nil }
    return (other, handOff)
  }

  /// "ok thanks", "bye", "ok" after a hand-off: the small-talk article when the content has one for
  /// it, else a reminder that a person will answer; no attempt is counted and the priority stays.
  private mutating func politeClose(_ whole: IntentMatch?) -> Reply? {
    var match = whole
    // Thanks before a question on a topic ("cheers. while i wait, … am i covered") close nothing: the
    // question is read as any other after the hand-off.
    let smallTalkTopic =
      match?.candidates.first.map { isSmallTalk($0.intent) && $0.confidence >= policy.answerThreshold } ?? false
      && !(asksSomething() && topicBesideSmallTalk())
    // An interjection ("hmm") acknowledges too.
    if !smallTalkTopic && !isOnly([profile.smallTalk, profile.yes, profile.no], allowingFunctionWords: true)
      && !isBareInterjection()
    {
      // A statement that opens or closes with thanks or a goodbye closes as they do ("dobro, pričekat
      // ću kolegu. fala"): what it says besides is for the person who takes over, unless it asks for a
      // person ("ok thanks, but i want a real person").
      guard let remark = closingRemark(), !holdsHumanRequest(expandedWords()) else { return nil }
      match = engine.match(remark, in: matchLanguage)
    }
    if let match, let top = match.candidates.first, isSmallTalk(top.intent), top.confidence >= policy.clarifyThreshold {
      // hr "dobro, bok" takes leave: the goodbye, not the greeting.
      let intent = partingGoodbye(insteadOf: top.intent, match) ?? top.intent
      if let article = article(intent) {
        return finish(
          .answer, reason: .closing, intent: intent, text: article.body, match: match, options: [],
          rule: intent == top.intent ? .closeAfterHandOff : .partingGreeting,
          "small talk after the hand-off; the record is unchanged")
      }
    }
    return finish(
      .escalate, reason: .closing, intent: nil, text: phrases[.stillEscalated], match: match, options: [],
      rule: .closeAfterHandOff, "an acknowledgement after the hand-off; the record is unchanged")
  }

  /// The thanks or goodbye that opens or closes a message that asks nothing, if it has one.
  func closingRemark() -> String? {
    guard !asksSomething() else { return nil }
    let words = spelledTokens
    let (opening, closing) = smallTalkEdges(of: words)
    return (opening + closing).lazy.map { words[$0].joined(separator: " ") }.first {
      profile.thanks.contains($0) || profile.goodbyes.contains($0)
    }
  }
}
