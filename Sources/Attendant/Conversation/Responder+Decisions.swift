/// The decision on a fresh message's topic: a menu, the out-of-scope examples, an answer, a
/// clarification, a refusal, or a hand-off for low confidence.
extension Responder {
  /// The decision for a message that nothing pending has claimed.
  mutating func decide(_ match: IntentMatch?) -> Reply {
    guard let match, let top = match.candidates.first else {
      return nonAnswer(match, rule: .missingContent, "the content has no intents in '\(language)'")
    }
    let confidence = top.confidence
    if let reply = decisionByExample(match, top) { return reply }
    if reading == .followUpOfTheAnswer, top.intent == session.lastAnswered, article(top.intent) != nil {
      return answerOrEscalate(
        top.intent, match: match, reason: .confident, rule: .staysOnTopic,
        "one of the questions asked right after the answer on '\(top.intent)': its follow-ups match the message at least as well as any topic's examples (confidence \(format(top.confidence)) ≥ clarify threshold), and as surely as the message alone matches any other topic"
      )
    }
    if let reply = decisionByHandOffTopic(match, top) { return reply }
    let second = runnerUp(match)
    if let (unknown, bar) = unknownWordBar(match), confidence < bar {
      return nonAnswer(
        match, rule: .unknownWord,
        "'\(unknown)' appears in no example and confidence \(format(confidence)) < \(format(bar)), the answer threshold for messages with unknown words"
      )
    }
    if let why = unknownStory(match, top) { return nonAnswer(match, rule: .unknownWord, why) }
    if let reply = decisionInContext(match, top, second) { return reply }
    if let reply = decisionByName(match, top, second) { return reply }
    if let reply = decisionByConfidence(match, top, second) { return reply }
    return decisionBelowClarifyThreshold(match, top)
  }

  /// An example typed word for word, or the out-of-scope examples: the decision whatever the scores.
  private mutating func decisionByExample(_ match: IntentMatch, _ top: IntentCandidate) -> Reply? {
    let confidence = top.confidence
    // A message that is one intent's example, word for word, is that intent's, whatever the scores
    // (adding an intent must not take its examples' own answers from others). The rule is named only
    // where it changes the outcome: where the scores answer the same intent anyway, they decide.
    if reading == .message, let owner = exampleOwner,
      !(top.intent == owner && confidence >= policy.answerThreshold
        && runnerUp(match).map({ ambiguity(match, top, $0) == nil }) ?? true)
    {
      if owner == .outOfScope {
        return nonAnswer(match, rule: .outOfScopeExample, "the message is one of the out-of-scope examples")
      }
      if article(owner) != nil {
        return answerOrEscalate(
          owner, match: match, reason: .confident, rule: .example, "the message is an example of '\(owner)'")
      }
    }
    if top.intent == .outOfScope && confidence >= policy.clarifyThreshold {
      return nonAnswer(
        match, rule: .outOfScopeExample,
        "the message is closest to the out-of-scope examples (confidence \(format(confidence)))")
    }
    // A name of a class that the topic's examples never hold, and the out-of-scope examples next to it
    // do, is about something the store does not cover: "do kad radi pošta u Ilici subotom?" asks about
    // the post office's hours, not the support hours.
    if let (name, outside) = nameOutOfScope(match, top) {
      return nonAnswer(
        match, rule: .outOfScopeExample,
        "'\(name.text)' names a \(name.type), which the examples of '\(top.intent)' never do, and the out-of-scope examples next to it (confidence \(format(outside.confidence))) do"
      )
    }
    return nil
  }

  /// A menu that offers the runner-up, and the topic just answered read again.
  private mutating func decisionInContext(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate?)
    -> Reply?
  {
    let confidence = top.confidence
    // A menu that lists the other of the top two offers it anyway: the menu is the answer, with no
    // question between the two ("my account": the account menu, which offers deleting it).
    if let second, confidence >= policy.clarifyThreshold, second.confidence >= policy.clarifyThreshold {
      // The menu first, or a menu item that cannot be told apart from its menu.
      for (menu, item) in [(top, second), (second, top)]
      where article(menu.intent)?.menu.contains(item.intent) == true
        && (menu.intent == top.intent || confidence < policy.answerThreshold || ambiguity(match, top, second) != nil)
      {
        // Right after the answer on one of the menu's topics, the customer is past the menu: a short
        // message that reads as the menu or that topic stays with the topic (vi "em đặt từ tuần trước",
        // "I ordered it last week", after tracking is a detail, not "a problem with my order").
        if let stays = topicPastItsMenu(menu: menu, item: item) {
          return answerOrEscalate(
            item.intent, match: match, reason: .confident, rule: .contextDecides,
            "'\(menu.intent)' (\(format(menu.confidence))) is a menu that offers '\(item.intent)' (\(format(item.confidence))), \(stays)"
          )
        }
        return answerOrEscalate(
          menu.intent, match: match, reason: .menu, rule: .menu,
          "'\(menu.intent)' (\(format(menu.confidence))) is a menu that offers '\(item.intent)' (\(format(item.confidence)))"
        )
      }
    }
    // A follow-up read after the previous question that lands on the same topic is clear in context.
    // So is a short message that, read alone, lands on the topic just answered, when it leans on the
    // previous turn or is three words at most ("a u kunama?" after Swiss francs, "peki sterlin?").
    let leansOnLastTopic =
      reading == .message && tokens.count <= followUpMaximumTokens
      && (tokens.count <= 3 || leansOnPreviousTurn())
    let sameTopicInContext = (reading == .followUp || leansOnLastTopic) && top.intent == session.lastAnswered
    if sameTopicInContext && confidence >= policy.clarifyThreshold {
      return answerOrEscalate(
        top.intent, match: match, reason: .confident, rule: .confidentAnswer,
        "a follow-up on '\(top.intent)': confidence \(format(confidence)) ≥ clarify threshold \(format(policy.clarifyThreshold)) in context"
      )
    }
    return nil
  }

  /// An answer, a clarification or a question back, from the clarify threshold up.
  private mutating func decisionByConfidence(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate?)
    -> Reply?
  {
    let confidence = top.confidence
    // Answering or offering topics needs a word of the message that the content knows: when every
    // content word is unknown ("do you sell coffee", "do you have a cafe"), the candidates stand on
    // function words and shared letters only. (On small content those can look confident.)
    if confidence >= policy.clarifyThreshold, let unknown = allContentWordsUnknown(match) {
      return nonAnswer(
        match, rule: .unknownWord,
        "no content word of the message appears in an example ('\(unknown)'), so confidence \(format(confidence)) rests on function words and shared letters"
      )
    }
    if confidence >= policy.answerThreshold {
      if let second, let why = ambiguity(match, top, second) {
        if let (intent, why) = topicFromContext(match, top, second) {
          return answerOrEscalate(intent, match: match, reason: .confident, rule: .contextDecides, why)
        }
        // A third topic as plausible as the runner-up is offered too; after a bare topic name, any third
        // whose examples hold the name as fully ("dostavu": cost, abroad, and delivery times).
        let third = match.candidates.dropFirst().first {
          $0.intent != second.intent && $0.intent != .outOfScope
            && (abs($0.confidence - second.confidence) < policy.thirdOptionGap || isBareTopicName(match))
            && ambiguity(match, top, $0) != nil
        }
        return clarify(
          menusForBareName([top.intent, second.intent] + (third.map { [$0.intent] } ?? []), match),
          match: match, reason: .ambiguous, rule: .ambiguous, why)
      }
      return answerOrEscalate(
        top.intent, match: match, reason: .confident, rule: .confidentAnswer,
        "confidence \(format(confidence)) ≥ answer threshold \(format(policy.answerThreshold))")
    }
    // A menu that leads the others by the clarify margin is offered as it is: it asks which topic
    // itself, so a question between it and a weaker topic would only ask twice ("mrb, bugün gelen
    // siparişte sorun var": the order menu, not "the order menu or delivery times?").
    if confidence >= policy.clarifyThreshold, article(top.intent)?.menu.isEmpty == false,
      second.map({ top.confidence - $0.confidence >= policy.clarifyMargin && ambiguity(match, top, $0) == nil }) ?? true
    {
      return answerOrEscalate(
        top.intent, match: match, reason: .menu, rule: .menu,
        "'\(top.intent)' is a menu; confidence \(format(confidence)) ≥ clarify threshold \(format(policy.clarifyThreshold)) and ahead of the runner-up by the clarify margin \(format(policy.clarifyMargin))"
      )
    }
    if confidence >= policy.clarifyThreshold, let second {
      // Two small-talk topics are never worth a question when the message holds a greeting, thanks or
      // goodbye word (tr "tamam ben devam ediyorum, teşekkürler": thanks or goodbye?): the first is answered.
      if isSmallTalk(top.intent) && isSmallTalk(second.intent)
        && tokens.contains(where: {
          profile.greetings.contains($0.folded) || profile.thanks.contains($0.folded)
            || profile.goodbyes.contains($0.folded)
        })
      {
        return answerOrEscalate(
          top.intent, match: match, reason: .smallTalk, rule: .smallTalkArticle,
          "unsure between '\(top.intent)' (\(format(confidence))) and '\(second.intent)' (\(format(second.confidence))), both small talk, which is never worth a question"
        )
      }
      return decisionBetweenTwo(match, top, second)
    }
    return nil
  }

  /// Unsure between two topics, worth a question each: a rule that decides for one of them, the
  /// hand-off for anger right after an answer, or the question which is meant.
  private mutating func decisionBetweenTwo(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate)
    -> Reply
  {
    let confidence = top.confidence
    if let (intent, why) = topicFromContext(match, top, second) {
      return answerOrEscalate(intent, match: match, reason: .confident, rule: .contextDecides, why)
    }
    if let (intent, why) = questionAboutPeople(top, second) {
      return answerOrEscalate(intent, match: match, reason: .confident, rule: .questionAboutPeople, why)
    }
    if let (intent, why) = questionBesidesSmallTalk(match, top, second) {
      return answerOrEscalate(intent, match: match, reason: .confident, rule: .questionNotSmallTalk, why)
    }
    if let why = clearLead(match, top, second) {
      return answerOrEscalate(top.intent, match: match, reason: .confident, rule: .clearLead, why)
    }
    if let why = wideLead(match, top, second) {
      return answerOrEscalate(top.intent, match: match, reason: .confident, rule: .wideLead, why)
    }
    if let reply = angerInsteadOfAQuestion(match, "unsure between '\(top.intent)' and '\(second.intent)'") {
      return reply
    }
    return clarify(
      [top.intent, second.intent], match: match, reason: .ambiguous, rule: .unsure,
      "confidence \(format(confidence)) is between the clarify threshold \(format(policy.clarifyThreshold)) and the answer threshold \(format(policy.answerThreshold))"
    )
  }

  /// Below the clarify threshold: a refusal as out of scope, "I did not understand", or a hand-off.
  private mutating func decisionBelowClarifyThreshold(_ match: IntentMatch, _ top: IntentCandidate) -> Reply {
    let confidence = top.confidence
    // Out of scope: the message is about something the content does not know, either because one of
    // its content words appears in no example ("weather", "netflix"), or because most of its weight is
    // unknown. Known words with no clear intent are a question for a person instead.
    let below = "confidence \(format(confidence)) < clarify threshold \(format(policy.clarifyThreshold))"
    if let unknown = doubtfulWords(match).first {
      return nonAnswer(match, rule: .unknownWord, "\(below) and '\(unknown)' appears in no example")
    }
    if match.coverage < policy.outOfScopeCoverage {
      return nonAnswer(
        match, rule: .mostlyUnknown,
        "\(below) and coverage \(format(match.coverage)) < \(format(policy.outOfScopeCoverage))")
    }
    // A message with no word that carries meaning ("1", "??", "ok so") is not worth a person's time:
    // the bot says it did not understand, and escalates only if that keeps happening.
    if !match.terms.contains(where: { $0.role == .content || $0.role == .entity }) {
      return nonAnswer(match, rule: .noContentWord, "\(below) and the message has no content word")
    }
    return escalate(.lowConfidence, match: match, lead: phrases[.lowConfidence], rule: .lowConfidence, below)
  }

  /// Answers with the intent's article; hands over when the article escalates; offers the menu when
  /// the article is a menu.
  mutating func answerOrEscalate(
    _ intent: IntentID, match: IntentMatch?, reason: ReplyReason, rule: TurnRule, _ detail: String
  )
    -> Reply
  {
    if let goodbye = partingGoodbye(insteadOf: intent, match) {
      return answerOrEscalate(
        goodbye, match: match, reason: reason, rule: .partingGreeting,
        "'\(intent)' and '\(goodbye)' share the words; the conversation is under way, so it takes leave")
    }
    guard let article = article(intent) else {
      return nonAnswer(match, rule: .missingContent, "'\(intent)' has no article in '\(language)'")
    }
    if let escalation = article.escalation {
      return escalate(escalation, match: match, intent: intent, rule: rule, detail)
    }
    if !article.menu.isEmpty {
      return clarify(
        article.menu, match: match, reason: .menu, rule: .menu, "\(detail); '\(intent)' is a menu", lead: article.body,
        intent: intent)
    }
    if let reply = angerAtTheSameAnswer(intent, match: match) { return reply }
    session.nonAnswers = 0
    session.attemptsWithoutAnswer = 0
    session.lastAnswered = intent
    session.lastReading = String((matchedText ?? text).suffix(ChatSession.followUpContextCharacters))
    session.lastReadingLanguage = matchLanguage
    session.pending = nil
    let options = article.followUps.compactMap { id in
      self.article(id).map { Reply.Option(intent: id, title: $0.title) }
    }
    return finish(
      .answer, reason: reason, intent: intent, text: article.body, match: match, options: options, rule: rule, detail)
  }

  /// Asks which of the topics the customer means; a menu puts its own text (`lead`) above them.
  mutating func clarify(
    _ intents: [IntentID], match: IntentMatch?, reason: ReplyReason, rule: TurnRule, _ detail: String,
    again: Bool = false,
    lead: String? = nil, intent: IntentID? = nil
  ) -> Reply {
    let options = intents.compactMap { id in
      article(id).map { Reply.Option(intent: id, title: $0.title) }
    }
    let attempts: Int
    if case .clarification(_, let previous) = session.pending, again { attempts = previous + 1 } else { attempts = 0 }
    session.pending = .clarification(options.map(\.intent), attempts: attempts)
    session.attemptsWithoutAnswer += 1
    let last = ["last": String(options.count)]
    var lines = [lead ?? (again ? phrases.text(.clarifyAgain, last) : phrases[.clarify])]
    for (number, option) in options.enumerated() { lines.append("\(number + 1). \(option.title)") }
    if !again { lines.append(phrases.text(.clarifyHint, last)) }
    return finish(
      .clarify, reason: reason, intent: intent, text: lines.joined(separator: "\n"), match: match, options: options,
      rule: rule, detail)
  }

  /// A polite refusal for a message outside the content, with an offer of a person.
  mutating func nonAnswer(_ match: IntentMatch?, rule: TurnRule, _ detail: String) -> Reply {
    // Anger that names no topic, right after an answer, says the answer did not help: a person, not
    // the offer of one. Half the threshold is enough, as after a reply that did not help.
    if let reply = angerInsteadOfAQuestion(match, "\(rule.rawValue): \(detail)") { return reply }
    session.nonAnswers += 1
    session.attemptsWithoutAnswer += 1
    if session.nonAnswers >= policy.maximumNonAnswers {
      return escalate(
        .repeatedNonAnswers, match: match, lead: phrases[.repeatedNonAnswer], rule: .repeatedNonAnswers,
        "\(rule.rawValue): \(detail); \(session.nonAnswers) non-answers in a row ≥ \(policy.maximumNonAnswers)")
    }
    session.pending = .humanOffer(.humanRequested)
    return finish(
      .clarify, reason: .outOfScope, intent: nil, text: phrases[.outOfScope], match: match, options: [], rule: rule,
      detail)
  }

  /// Answers when the match is confident, clear and not out of scope; otherwise `nil`.
  mutating func confidentReply(_ match: IntentMatch, rule: TurnRule) -> Reply? {
    guard let top = match.candidates.first, top.intent != .outOfScope, top.confidence >= policy.answerThreshold else {
      return nil
    }
    // The same bar as a fresh question: an unknown content word needs more confidence.
    if let (_, bar) = unknownWordBar(match), top.confidence < bar { return nil }
    if let second = runnerUp(match), ambiguity(match, top, second) != nil { return nil }
    return answerOrEscalate(
      top.intent, match: match, reason: .confident, rule: rule,
      "confidence \(format(top.confidence)) ≥ answer threshold \(format(policy.answerThreshold))")
  }

  /// The longest message, in tokens, that may lean on the previous turn: the policy's word limit in
  /// the language's tokens (Vietnamese writes a word as one to three syllables).
  var followUpMaximumTokens: Int { Int((Double(policy.followUpMaximumWords) * profile.tokensPerWord).rounded()) }

  /// The number of words the topic was read on: the message without its greeting or form of address
  /// ("… ko shop") when a reading left them out; the message itself for a follow-up, which adds the
  /// previous question.
  var readingLength: Int {
    guard let matchedText, reading != .followUp else { return tokens.count }
    return min(tokens.count, TextAnalyzer.tokens(of: matchedText).count)
  }

  /// Why a menu's topic stays the topic rather than the menu, when it was just answered and the message
  /// is short and at least half as likely to be about it as about the menu; `nil` otherwise.
  func topicPastItsMenu(menu: IntentCandidate, item: IntentCandidate) -> String? {
    guard item.intent == session.lastAnswered, item.confidence >= menu.confidence / 2,
      tokens.count <= followUpMaximumTokens, session.lastReadingLanguage == matchLanguage,
      session.transcript.last(where: { $0.from == .bot })?.decision == .answer
    else { return nil }
    return "right after the answer on '\(item.intent)', which stays the topic"
  }

  /// The content words of the message that the content does not know. Function and question words
  /// (`whose`, `whom`) do not count: they say nothing about the topic; a corrected typo is known.
  func doubtfulWords(_ match: IntentMatch) -> [String] {
    let grammatical = Set(match.terms.filter { $0.role != .content }.map(\.folded))
    return match.unknownWords.filter { !grammatical.contains($0) }
  }

  /// The first content word of a message whose content words are all unknown to the content (and that
  /// names no entity); `nil` when any content word is known.
  func allContentWordsUnknown(_ match: IntentMatch) -> String? {
    guard !match.terms.contains(where: { $0.role == .entity }) else { return nil }
    let contentWords = match.contentWordCount
    let unknown = doubtfulWords(match)
    return contentWords > 0 && unknown.count >= contentWords ? unknown.first : nil
  }

  /// The first unknown content word and the confidence a message with it needs to be answered
  /// (`policy.answerThresholdWithUnknownWords`); `nil` when the bar does not apply.
  ///
  /// In a short message an unknown word is most often the real topic ("netflix", "hava"). In a longer
  /// one, a few unknown words are its story or a detail ("I bought a lamp for my mum's birthday…"), and
  /// the bar applies only when a large share of its content words is unknown.
  func unknownWordBar(_ match: IntentMatch) -> (String, Double)? {
    guard let bar = policy.answerThresholdWithUnknownWords, let first = unknownWordMayBeTheTopic(match) else {
      return nil
    }
    return (first, bar)
  }
}
