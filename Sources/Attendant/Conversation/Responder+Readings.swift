/// The readings of a message's topic, and the short answers (yes, no, ok) it may be.
extension Responder {
  /// A match and the text it was made on.
  struct TopicReading {
    let match: IntentMatch?
    let text: String
    let kind: Reading
  }

  /// The topic of a fresh message: the surest of its readings. The message as it is; without its
  /// frustration phrases when it is not confident ("this is the third time!!! where is my refund");
  /// without the greeting or thanks around it ("hi, where is my order?"); after the previous question
  /// when it leans on it ("what about Germany?"). With `followUpsThatLean`, a reading after the
  /// previous question counts only when the message leans on it in its words (`leansOnPreviousTurn`)
  /// or alone considers its topic, from the clarify threshold up: after a hand-off, the person who
  /// takes over has the last topic.
  mutating func topicMatch(followUpsThatLean: Bool = false) -> IntentMatch? {
    var best = TopicReading(match: engine.match(text, tokens: tokens, in: matchLanguage), text: text, kind: .message)
    // A message that is an example word for word is read as typed: taking a part of it ("shop" as a
    // form of address in "shop có bán thẻ quà tặng không") would hide the example it is.
    exampleOwner = engine.exampleOwner(of: text, tokens: tokens, in: matchLanguage)
    if exampleOwner == nil {
      if let calmer = withoutFrustration(best) { best = calmer }
      if let inner = withoutSmallTalk(best) { best = inner }
      if let rest = withoutSmallTalkSentence(best) { best = rest }
      if let bare = withoutAskingPhrase(best) { best = bare }
      if let plain = withoutCourtesies(best) { best = plain }
      if let asking = partThatAsks(best) { best = asking }
    }
    if let followUp = followUp(after: best),
      !followUpsThatLean || leansOnPreviousTurn()
        || best.match?.candidates.contains(where: {
          $0.intent == followUp.match?.candidates.first?.intent && $0.confidence >= policy.clarifyThreshold
        }) == true
    {
      best = followUp
    }
    if let onTopic = followUpOfTheAnswer(best) { best = onTopic }
    matchedText = best.text == text ? nil : best.text
    reading = best.kind
    return best.match
  }

  /// The message without its frustration phrases, when that is surer than a reading that is not confident.
  private func withoutFrustration(_ current: TopicReading) -> TopicReading? {
    guard !frustration.phraseSpans.isEmpty, confidence(current.match) < policy.answerThreshold else { return nil }
    var keep = [Bool](repeating: true, count: tokens.count)
    for span in frustration.phraseSpans { for index in span where index < keep.count { keep[index] = false } }
    let rest = Self.text(of: zip(tokens, keep).filter(\.1).map(\.0))
    guard !rest.isEmpty, let calmer = engine.match(rest, in: matchLanguage),
      calmer.confidence.value > confidence(current.match)
    else { return nil }
    return TopicReading(match: calmer, text: rest, kind: .withoutFrustration)
  }

  /// The message without the greetings, thanks and goodbyes at its start and end, when something that
  /// carries meaning is left and is not itself small talk: they do not compete with the question.
  private func withoutSmallTalk(_ current: TopicReading) -> TopicReading? {
    withoutSmallTalk(current, strippingAskingPhrase: false) ?? withoutSmallTalk(current, strippingAskingPhrase: true)
  }

  private func withoutSmallTalk(_ current: TopicReading, strippingAskingPhrase: Bool) -> TopicReading? {
    // Chat spellings count as what they stand for (tr "mrb" is "merhaba").
    let words = spelledTokens
    // A chat spelling of several words (vi "tks": "cảm ơn") counts by its first and last words.
    guard let first = words.first?.split(separator: " ").first, let last = words.last?.split(separator: " ").last,
      profile.smallTalkWords.contains(String(first)) || profile.smallTalkWords.contains(String(last))
    else { return nil }
    let (opening, closing) = smallTalkEdges(of: words)
    let start = opening.last?.upperBound ?? 0
    let end = closing.last?.lowerBound ?? words.count
    let opensWithGreeting = opening.contains { profile.greetings.contains(words[$0].joined(separator: " ")) }
    guard start > 0 || end < words.count, start < end else { return nil }
    // A phrase that announces the question may go with the greeting (id "halo min, mau nanya soal
    // tagihan", a question about the bill, was the greeting): without it, when the rest with it is not
    // taken.
    let whole = Self.text(of: tokens[start..<end])
    let rest = strippingAskingPhrase ? withoutAskingPhraseAtAnEdge(whole) : whole
    // Without such a phrase, the second reading would be the first again: it is not matched twice.
    guard !strippingAskingPhrase || rest != whole, let inner = engine.match(rest, in: matchLanguage),
      inner.terms.contains(where: { $0.role == .content || $0.role == .entity }),
      let top = inner.candidates.first, !isSmallTalk(top.intent)
    else { return nil }
    // Read whole, the message is the content's small talk ("dạ em cám ơn ạ, trả lời nhanh quá"): what
    // is left after the thanks replaces it only when that is a confident question of its own.
    // A greeting before a statement of two content words or more that is about a topic
    // ("mrb, bugün gelen siparişte sorun var") gives way to it all the same.
    if let whole = current.match?.candidates.first, isSmallTalk(whole.intent) {
      if top.confidence < policy.answerThreshold {
        // So does a question announced after a form of address (vi "ad ơi hỏi xíu về vụ ship").
        let restWords = tokens[start..<end].map(\.folded)
        let announcesQuestion =
          profile.askingPhrases.contains { restWords.starts(with: $0) }
          || profile.closingAskingPhrase(of: restWords) != nil
        // And so does a question after the thanks (id "oke makasih kak. oh ya fakturnya nanti dikirim ke
        // email kan?"): it asks, so it is not praise.
        // Without the phrase, one word of a topic is enough (vi "ad ơi cho mình hỏi vụ thuế với", the tax).
        let statement =
          (opensWithGreeting || announcesQuestion || asksSomething())
          && inner.contentWordCount >= (strippingAskingPhrase ? 1 : 2)
          && top.intent != .outOfScope
          && top.confidence >= policy.clarifyThreshold
        if !statement { return nil }
      } else if !opensWithGreeting && whole.confidence >= policy.answerThreshold
        && !rest.utf8.contains(UInt8(ascii: "?"))
        && !inner.terms.contains(where: { $0.role == .question }) && !profile.asksByItsShape(tokens[start..<end])
      {
        // Thanks with praise that asks nothing ("oke kak terimakasih banyak, sangat membantu sekali")
        // stay thanks, though the praise alone reads like a complaint's words.
        return nil
      }
    }
    return TopicReading(
      match: inner, text: rest, kind: strippingAskingPhrase ? .withoutAskingPhrase : .withoutSmallTalk)
  }

  /// The reading without a phrase that announces a question at its start or end ("quick q about
  /// delivery", tr "teslimat ile ilgili bir sorum var"): the phrase names no topic, though the examples
  /// of a vague opener hold it ("I have a question about my account"). After a phrase at the start,
  /// the closing particles at the end go too (vi "cho e hỏi về thời gian với ạ" is "thời gian").
  /// Taken when what is left has a content word and is not small talk or out of scope.
  private func withoutAskingPhrase(_ current: TopicReading) -> TopicReading? {
    let words = current.kind == .message ? tokens : TextAnalyzer.tokens(of: current.text)
    // A chat spelling of one word counts as that word (tr "bi sorum var" is "bir sorum var").
    let folded = words.map(spelledOutWord)
    guard
      let phrase = profile.askingPhrases.first(where: { phrase in
        phrase.count < folded.count
          && (folded.starts(with: phrase) || folded.suffix(phrase.count).elementsEqual(phrase))
      })
    else { return nil }
    let rest =
      folded.starts(with: phrase)
      ? withoutClosingParticles(words.dropFirst(phrase.count)) : words.dropLast(phrase.count)
    let text = Self.text(of: rest)
    guard let bare = engine.match(text, in: matchLanguage),
      bare.terms.contains(where: { $0.role == .content || $0.role == .entity }),
      let top = bare.candidates.first, top.intent != .outOfScope, !isSmallTalk(top.intent)
    else { return nil }
    // A menu read confidently on the whole that offers the topic left stays ("kak mau nanya soal akun
    // aku": the account menu), as a menu wins over its own items.
    if let whole = current.match?.candidates.first, whole.confidence >= policy.answerThreshold,
      article(whole.intent)?.menu.contains(top.intent) == true
    {
      return nil
    }
    return TopicReading(match: bare, text: text, kind: .withoutAskingPhrase)
  }

  /// The reading without the forms of address and courtesies inside it ("do you guys deliver to
  /// Australia?", tr "abi kargo ücreti ne kadar"): words that the profile lists both as small talk and as
  /// function words carry no topic, though the examples that happen to hold them lend them one. Taken
  /// only when surer than a reading that is not confident, and not small talk itself.
  private func withoutCourtesies(_ current: TopicReading) -> TopicReading? {
    guard confidence(current.match) < policy.answerThreshold else { return nil }
    let words = current.kind == .message ? tokens : TextAnalyzer.tokens(of: current.text)
    let rest = words.filter { !(profile.smallTalk.contains($0.folded) && profile.functionWords.contains($0.folded)) }
    guard !rest.isEmpty, rest.count < words.count else { return nil }
    let text = Self.text(of: rest)
    guard let plain = engine.match(text, in: matchLanguage), confidence(plain) > confidence(current.match),
      let top = plain.candidates.first, !isSmallTalk(top.intent)
    else { return nil }
    return TopicReading(match: plain, text: text, kind: .withoutSmallTalk)
  }

  /// The part of a message of several clauses that asks, when the whole is not answered with
  /// confidence: a story, an apology for the language, a greeting before the question. The last
  /// clause with a question mark or a question word is read alone and with the clause before it; the
  /// surer reading wins if it is confident.
  private func partThatAsks(_ current: TopicReading, keepingOwnLanguage: Bool = false) -> TopicReading? {
    let needed =
      confidence(current.match) < policy.answerThreshold
      || current.match.map { match in unknownWordBar(match).map { confidence(current.match) < $0.1 } ?? false } ?? false
    guard needed else { return nil }
    var clauses = Self.clauses(of: text).flatMap { splitAtConjunctions($0) }
    guard clauses.count >= 2 else { return nil }
    // A clause that asks for the language the message is written in ("…, boleh pakai bahasa
    // indonesia aja? pesanan saya belum sampai") is answered by the reply being in it: the question
    // is in the other clauses.
    let rest = keepingOwnLanguage ? clauses : clauses.filter { !asksForItsOwnLanguage($0) }
    let dropped = rest.count < clauses.count
    if !rest.isEmpty { clauses = rest }
    let asking = Self.askingClause(of: clauses, profile: profile) ?? clauses.count - 1
    var candidates = [clauses[asking]]
    if asking > 0 { candidates.append(clauses[asking - 1] + " " + clauses[asking]) }
    if asking > 1 { candidates.append(clauses[(asking - 2)...asking].joined(separator: " ")) }
    // The part must be confident; when the whole is not even worth a question, a part worth one that
    // names a topic in two content words or more will do (hr "evo mene opet: kad stigne račun na
    // mail?": a question about the invoice, not a hand-off; "…, whom do I ask" names none).
    // So will such a part when the whole reads as small talk ("hey there! quick q, is anyone from your
    // team around tomorrow for thanksgiving? im in columbus ohio": the greeting's "anyone around").
    let wholeIsSmallTalk = current.match?.candidates.first.map { isSmallTalk($0.intent) } == true
    let wholeIsWeak = confidence(current.match) < policy.clarifyThreshold || wholeIsSmallTalk
    // When that small talk is unsure, a part worth a question in one content word will do ("ok forget
    // it. got a question about payment then").
    let wholeIsUnsureSmallTalk = wholeIsSmallTalk && confidence(current.match) < policy.answerThreshold
    var best: TopicReading?
    for candidate in candidates.map(withoutLeadingAskingPhrase) {
      guard let match = engine.match(candidate, in: matchLanguage), let top = match.candidates.first,
        top.intent != .outOfScope,
        !isSmallTalk(top.intent),
        top.confidence
          >= ((wholeIsWeak && match.namesATopic) || (wholeIsUnsureSmallTalk && match.contentWordCount >= 1)
            ? policy.clarifyThreshold : policy.answerThreshold),
        unknownWordBar(match).map({ top.confidence >= $0.1 }) ?? true,
        top.confidence > confidence(best?.match)
      else { continue }
      best = TopicReading(match: match, text: candidate, kind: .question)
    }
    guard var best, confidence(best.match) > confidence(current.match) || unknownWordBar(current.match!) != nil else {
      // When nothing else asks, that request is the question (tr "Pardon, Hırvatçam çok iyi değil.
      // Türkçe yazabilir miyim?": the languages).
      return dropped ? partThatAsks(current, keepingOwnLanguage: true) : nil
    }
    // A clause that asks for a person outranks a part on another topic, wherever it stands: after a
    // story of what went wrong, it is what the customer wants now (vi "…, trả lời toàn văn mẫu, cho
    // mình gặp người thật đi", where "ai" in "chả ai liên lạc" made an earlier clause the question).
    // Without a part the content is sure of, the rules for a request among other words decide
    // (`human-request-at-the-end`, `hand-off-topic`).
    // Most messages hold no word of such a request: their clauses are not read again.
    if contentIsSure(best.match), let top = best.match?.candidates.first, article(top.intent)?.escalation == nil,
      expandedWords().contains(where: profile.humanRequestWords.contains),
      let person = clauses.lastIndex(where: { holdsHumanRequest(expandedWords(of: TextAnalyzer.tokens(of: $0))) }),
      !candidates.contains(clauses[person]),
      let match = engine.match(clauses[person], in: matchLanguage), let request = match.candidates.first,
      article(request.intent)?.escalation != nil, request.confidence >= policy.answerThreshold
    {
      best = TopicReading(match: match, text: clauses[person], kind: .question)
    }
    return best
  }

  /// Whether a clause names the language the message is read in (a request to be answered in it), and
  /// no other: tr "türkçesi pek iyi değil vietnamca yazabilir mi" (her Turkish is poor, may she write
  /// in Vietnamese) asks about Vietnamese.
  private func asksForItsOwnLanguage(_ clause: String) -> Bool {
    let languages = engine.entities(in: clause, language: matchLanguage).filter { $0.type == "language" }
    return languages.contains { $0.value == matchLanguage.rawValue }
      && languages.allSatisfy { $0.value == matchLanguage.rawValue }
  }

  func confidence(_ match: IntentMatch?) -> Double { match?.candidates.first?.confidence ?? 0 }

  /// Some of the message's words as text again, joined as they were (`don't`, `e-mail`), for matching.
  static func text<Tokens: Collection<RawToken>>(of tokens: Tokens) -> String {
    var result = ""
    for token in tokens {
      if !result.isEmpty {
        switch token.joinedBy {
        case .none: result += " "
        case .apostrophe: result += "'"
        case .hyphen: result += "-"
        }
      }
      result += token.exact
    }
    return result
  }

  func isSmallTalk(_ intent: IntentID) -> Bool {
    article(intent)?.isSmallTalk == true
  }
}
