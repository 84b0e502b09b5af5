/// What the bot asked and the customer's reply to it: options, an offer of a person, feedback.
extension Responder {
  /// The reply to what the bot waits for; `nil` when the message is a new question.
  mutating func handlePending() -> Reply? {
    switch session.pending {
    case .clarification(let options, let attempts)?:
      return replyToOptions(options, attempts: attempts)
    case .humanOffer(let reason)?:
      // Yes to the offer asks for a person: the content's article for that request hands over, as it
      // does when asked outright, and the record keeps the reason the offer was made.
      // A yes that takes leave ("ya udh, dadah kak", alright then, bye) closes the conversation instead.
      if isYes() && !takesLeave() {
        return escalate(
          reason, match: nil, intent: humanRequestArticle, rule: .offerAccepted,
          "the customer accepted the offer of a person")
      }
      if isNo() || isOnlyADecline() {
        session.pending = nil
        return finish(
          .clarify, reason: .declined, intent: nil, text: phrases[.reset], match: nil, options: [],
          rule: .offerDeclined,
          "the customer declined the offer of a person")
      }
    case .feedback(let intent)?:
      if isYes() || isNo() {
        let helpful = isYes()
        session.pending = nil
        // A yes that takes leave as well ("aha kuzim. bok") is answered as the goodbye.
        if helpful, let (goodbye, match) = goodbyeAmongTopics() {
          return answerOrEscalate(
            goodbye, match: match, reason: .confident, rule: .feedback,
            "the customer answered the feedback question, and took leave")
        }
        return feedbackReply(helpful: helpful, intent: intent, "the customer answered the feedback question")
      }
    case .contact?, nil:
      break
    }
    session.pending = nil
    return nil
  }

  /// Whether the message holds a goodbye, or a greeting that takes leave (hr "bok"), chat spellings
  /// spelt out.
  func takesLeave() -> Bool {
    let words = expandedWords()
    return words.indices.contains {
      longestPhrase(in: words, from: $0, among: [profile.goodbyes, profile.partingGreetings]) != nil
    }
  }

  /// The option the customer picked: by number, by title, or by a message that matches one of them.
  func choice(among options: [IntentID]) -> IntentID? {
    let words = tokens.map(\.folded)
    // `indices`, not `1...count`: a session sent back by a host may hold a clarification with no options.
    // A negative number counts from the end ("the last one": -1).
    if let picked = pickedNumber(words) {
      let number = picked < 0 ? options.count + picked + 1 : picked
      if options.indices.contains(number - 1) { return options[number - 1] }
    }
    if let option = options.first(where: isTitle(of:)) { return option }
    guard let match = engine.match(text, in: matchLanguage) else { return nil }
    let ranked = match.candidates.filter { options.contains($0.intent) }
    guard let best = ranked.first, best.confidence >= policy.clarifyThreshold else { return nil }
    if let runnerUp = ranked.dropFirst().first, best.confidence - runnerUp.confidence < policy.clarifyMargin {
      return nil
    }
    // A confident question on another topic is a new question, not a pick in its words ("a kad mi se
    // lova vrati? platila sam paypalom" after "returns or wrong item?" asks about the refund); a topic
    // named in words answers the question (vi "vụ giao sai hàng", "the wrong-delivery thing", is the
    // wrong item, though alone it reads as a complaint).
    if asksSomething(), let top = match.candidates.first, !options.contains(top.intent), top.intent != .outOfScope,
      top.confidence >= policy.answerThreshold, top.confidence - best.confidence >= policy.clarifyMargin
    {
      return nil
    }
    return best.intent
  }

  /// The reply to a question about which of `options` the customer means: a pick, a decline, a new
  /// question, anger, or the options asked again (and, after one more try, a person).
  private mutating func replyToOptions(_ options: [IntentID], attempts: Int) -> Reply {
    if let chosen = choice(among: options) {
      // A pick by number or title ("2 please") carries no topic words: a follow-up after it is read
      // after the option's title ("will you keep my invoices after that?" after "Deleting your account").
      if pickedNumber(tokens.map(\.folded)) != nil || isTitle(of: chosen) { matchedText = article(chosen)?.title }
      return answerOrEscalate(
        chosen, match: nil, reason: .clarified, rule: .optionPicked, "the customer picked '\(chosen)'")
    }
    if isNo() {
      session.pending = nil
      return finish(
        .clarify, reason: .declined, intent: nil, text: phrases[.reset], match: nil, options: [],
        rule: .optionsDeclined,
        "the customer picked none of the options")
    }
    // A bare yes or ok ("boleh", "sure") picks no option and asks nothing: its few words are no new
    // question, however surely an example that holds them reads (id "boleh" is the languages' "can I
    // write in English?"). Nor does an interjection ("hmm"), which is no question out of scope either.
    let bare = isBareYesOrNo() || isBareInterjection()
    let match = bare ? nil : topicMatch()
    if let handOff = builtInHandOff(match) { return handOff }
    if let match, let reply = confidentReply(match, rule: .confidentAnswer) { return reply }
    // Anger in reply to a question back that asks for nothing the content answers ("wow this bot is
    // hopeless, 2 questions and nothing"): the question did not help, so half the threshold is
    // enough, as after a refusal.
    if frustration.score >= policy.frustrationThreshold / 2 && smallTalkKind() == nil {
      session.pending = nil
      return escalate(
        .frustration, match: match, lead: phrases[.frustration], rule: .frustration,
        "score \(format(frustration.score)) ≥ half the threshold, in reply to a question back")
    }
    // A longer message, or one that points to other topics, is a new question, not a failed pick:
    // decide on it afresh.
    if let match,
      match.terms.filter({ $0.role == .content }).count >= policy.newQuestionContentWords
        || match.coverage < policy.outOfScopeCoverage
        || (match.candidates.first.map { $0.confidence >= policy.clarifyThreshold && !options.contains($0.intent) }
          ?? false)
    {
      session.pending = nil
      return decide(match)
    }
    if attempts >= 1 {
      return escalate(
        .unresolvedClarification, match: match, lead: phrases[.lowConfidence], rule: .optionsUnresolved,
        "the options are still unpicked after one more try")
    }
    return clarify(
      options, match: match, reason: .ambiguous, rule: .optionsRepeated, "the reply picked no option", again: true)
  }

  /// Whether the message is an option's title or its id in words ("delete account").
  func isTitle(of option: IntentID) -> Bool {
    let folded = tokens.map(\.folded).joined(separator: " ")
    return folded == TextAnalyzer.foldPhrase(article(option)?.title ?? "")
      || folded == option.rawValue.replacingOccurrences(of: "-", with: " ")
  }

  /// The number a short reply picks: one number, in digits ("2", "2nd") or in words ("two", hr
  /// "druga", tr "ikincisi"), among words that only point at it ("number", "option", tr "numara",
  /// vi "số"), grammar and courtesies ("please", id "kak", vi "ạ"). "2 please", "no 2 kak" and
  /// "số 2 ạ" pick the second option; "2 weeks ago" picks none.
  func pickedNumber(_ words: [String]) -> Int? {
    guard words.count <= 5 else { return nil }
    var numbers: [(value: Int, word: String)] = []
    for word in words {
      if let value = Int(word) ?? Self.ordinalValue(word) ?? profile.numberWords[word] {
        numbers.append((value, word))
      } else if !(profile.optionWords.contains(word) || profile.functionWords.contains(word)
        || profile.shortReplyWords.contains(word))
      {
        return nil
      }
    }
    // "the second one": a number word that also points at an option counts only alone.
    if numbers.count > 1 { numbers.removeAll { profile.optionWords.contains($0.word) } }
    return numbers.count == 1 ? numbers[0].value : nil
  }

  /// The value of an ordinal in digits: "2nd", "3rd", "1st", "4th".
  static func ordinalValue(_ word: String) -> Int? {
    for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
      return Int(word.dropLast(2))
    }
    return nil
  }

  // MARK: Feedback

  mutating func feedback(helpful: Bool, rating: Int?, comment: String?) -> Reply {
    language = session.language ?? engine.defaultLanguage
    matchLanguage = language
    settleLanguage()
    languageSource = .session
    earlierAttempts = session.attemptsWithoutAnswer
    var detail = "feedback: \(helpful ? "helpful" : "not helpful")"
    if let rating { detail += ", rating \(rating)" }
    // The transcript shows the feedback as the customer's turn, so that an agent reads it in place.
    text = "[\(detail)]" + (comment.map { " " + $0 } ?? "")
    memo.asks = nil
    let intent = session.lastAnswered
    session.pending = nil
    return feedbackReply(helpful: helpful, intent: intent, detail)
  }

  mutating func feedbackReply(helpful: Bool, intent: IntentID?, _ detail: String) -> Reply {
    if helpful {
      return finish(
        .answer, reason: .feedback, intent: intent, text: phrases[.feedbackThanks], match: nil, options: [],
        rule: .feedback, detail)
    }
    if session.escalation != nil {
      // A person already has the conversation: the feedback goes into the record, and nothing is offered twice.
      return finish(
        .escalate, reason: .feedback, intent: intent, text: phrases[.stillEscalated], match: nil, options: [],
        rule: .feedback, detail + "; the conversation is already with a person")
    }
    session.pending = .humanOffer(.negativeFeedback)
    return finish(
      .clarify, reason: .feedback, intent: intent, text: phrases[.feedbackSorry], match: nil, options: [],
      rule: .feedback, detail)
  }
}
