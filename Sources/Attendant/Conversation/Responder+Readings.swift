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
    let rest = Self.text(of: tokens[start..<end])
    guard let inner = engine.match(rest, in: matchLanguage),
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
        let announcesQuestion = profile.askingPhrases.contains { restWords.starts(with: $0) }
        // And so does a question after the thanks (id "oke makasih kak. oh ya fakturnya nanti dikirim ke
        // email kan?"): it asks, so it is not praise.
        let statement =
          (opensWithGreeting || announcesQuestion || asksSomething()) && inner.contentWordCount >= 2
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
    return TopicReading(match: inner, text: rest, kind: .withoutSmallTalk)
  }

  /// The reading without a phrase that announces a question at its start or end ("quick q about
  /// delivery", tr "teslimat ile ilgili bir sorum var"): the phrase names no topic, though the examples
  /// of a vague opener hold it ("I have a question about my account"). Taken when what is left has a
  /// content word and is not small talk or out of scope.
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
    let rest = folded.starts(with: phrase) ? words.dropFirst(phrase.count) : words.dropLast(phrase.count)
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

  /// Whether a clause names the language the message is read in (a request to be answered in it).
  private func asksForItsOwnLanguage(_ clause: String) -> Bool {
    engine.entities(in: clause, language: matchLanguage).contains {
      $0.type == "language" && $0.value == matchLanguage.rawValue
    }
  }

  /// The message read after the previous question, when it leans on it and that reading is surer.
  ///
  /// A short message may lean on the last answer ("what about Germany?", "a za Sloveniju?", "peki
  /// ücreti?"). It is matched again after the text the last answer was matched on. When the message
  /// opens like a follow-up or points back ("and how much does that cost?"), that reading wins if its
  /// confidence plus a bonus is above the message's own, unless the message alone is sure of one of
  /// the last answer's follow-up topics ("and how long does delivery take?" after tracking). A message
  /// that does neither is read with the context only when alone it would not be answered at all.
  private func followUp(after current: TopicReading) -> TopicReading? {
    // A longer message leans on the last answer only when alone it would not be answered at all
    // ("can we get a new one rather than the money back" after a broken item), and it is not angry:
    // a shout after an answer is not a detail of it.
    let calm = frustration.score == 0
    let unanswered = confidence(current.match) < policy.clarifyThreshold && calm
    // Grammar words do not make a message long: "do I have to pay to send it back?" has three words
    // of its own.
    let ownWords =
      current.match.map { $0.terms.filter { $0.role == .content || $0.role == .entity }.count } ?? tokens.count
    // One that opens like a follow-up ("and if it hasn't reached my card in 10 days, what then?") says
    // so itself.
    guard let previous = contextText(),
      tokens.count <= followUpMaximumTokens * (unanswered ? 2 : 1)
        || (calm && tokens.count <= followUpMaximumTokens * 2
          && (Double(ownWords) <= Double(policy.newQuestionContentWords) * profile.tokensPerWord
            || leansOnPreviousTurn()))
    else { return nil }
    let combined = previous + " " + current.text
    guard let context = engine.match(combined, in: matchLanguage), let top = context.candidates.first,
      top.intent != .outOfScope, !isSmallTalk(top.intent), top.confidence >= policy.clarifyThreshold
    else { return nil }
    let own = confidence(current.match)
    let ownTop = current.match?.candidates.first?.intent
    // Thanks or a goodbye that points back ("cheers for that") closes the topic; it does not continue it.
    if let ownTop, isSmallTalk(ownTop), own >= policy.answerThreshold { return nil }
    // So does one that opens or closes with thanks or a goodbye and asks nothing, however unsure its
    // other words (hr "hvala, snaci cemo se", thanks, we'll manage; "dobro, pricekat cu. fala", fine,
    // I'll wait, thanks).
    if let ownTop, isSmallTalk(ownTop), closingRemark() != nil { return nil }
    // Thanks at the start closes the last topic: the question after it is a new one, read on its own
    // when alone it has a topic to offer (id "oke makasih kak. oh ya fakturnya nanti dikirim ke email
    // kan?" after tracking is the invoice).
    if let ownTop, !isSmallTalk(ownTop), ownTop != .outOfScope, own >= policy.clarifyThreshold, thanksFirst() {
      return nil
    }
    // A name of a class that is the message's own topic's, not the last one's, moves to it with a word
    // of its own ("she'd pay in euros, right?" after shipping to Croatia; "who delivers over there,
    // fedex?"); a name alone is a detail of the last topic ("and to canada then?" after its price).
    // A name's topic tied with the first counts as the first (hr "…, podrska radi i na engleskom?":
    // the languages and the support hours 0.46 each).
    if let ownMatch = current.match, ownMatch.contentWordCount > 0, let (named, nameClass) = topicOfName(ownMatch),
      named.intent == ownTop || named.confidence > own - policy.clarifyMargin,
      named.intent != top.intent,
      engine.nameShare(of: top.intent, nameClass, in: matchLanguage) * 4
        <= engine.nameShare(of: named.intent, nameClass, in: matchLanguage)
    {
      return nil
    }
    // A menu that offers the topic just answered, with that topic next in context, counts as that
    // topic (`topicPastItsMenu` keeps it): "em đặt từ tuần trước" after tracking is "a problem with my
    // order" alone, and tracking is next only when read after the tracking question.
    let menuOfLastTopic =
      article(top.intent)?.menu.contains { $0 == session.lastAnswered } == true
      && context.candidates.dropFirst().first?.intent == session.lastAnswered
    // The same topic either way: the message's own reading does, unless it is unsure of it and the
    // reading after the last question is surer that it is the topic just answered.
    let surerOfSameTopic = own < policy.answerThreshold && top.confidence > own && top.intent == session.lastAnswered
    guard ownTop != top.intent || own < policy.clarifyThreshold || menuOfLastTopic || surerOfSameTopic else {
      return nil
    }
    // A statement in the last answer's own words replies to it ("its stil processing" after "you can
    // change the address while your order is still Processing"), however sure it is of another topic.
    if top.intent == session.lastAnswered, repeatsLastAnswer(current.match) {
      return TopicReading(match: context, text: combined, kind: .followUp)
    }
    if ownFollowUpTopicWins(current.match, against: top) { return nil }
    if leansOnPreviousTurn() {
      // A message that names its own topic, one of the last answer's follow-ups, moves to it ("and how
      // long does delivery take?" after tracking); "how long?" alone stays with the topic.
      // An objection is the other way round: it stays when its words name a follow-up ("but it has
      // already shipped" after a change of address is not a tracking question), and moves when they
      // confidently name something else ("but how do I pay with PayPal?").
      // A message that confidently names a topic of its own in words that are not a property of the
      // last one ("can I get an invoice for it?" after the warranty) moves to it too; "and how much
      // does that cost?" after a return asks about the return.
      let contentWords = current.match?.contentWordCount ?? 0
      if contentWords > 0, let ownTop, own >= policy.answerThreshold, let last = session.lastAnswered {
        let followUpTopic = article(last)?.followUps.contains(ownTop) == true
        // One such word does when the message alone is surer of its topic than the context is of
        // any ("vậy khi nào tiền về lại thẻ mình" after a broken item: the refund, 0.90 against 0.67).
        // A name counts as a word of its own ("and can i pay for that in canadian dollars" after
        // shipping to Canada names the currency).
        let names = current.match?.terms.filter { $0.role == .entity }.count ?? 0
        let ownWords = (current.match?.contentWordCount(besides: profile.attributeStems) ?? 0) + names
        // Words the last topic's examples hold as fully as the new topic's name no new topic when, read
        // after the last question, the message is still that topic: a step of its process ("do I have
        // to pay to send it back?" after a broken item, whose examples ask that too).
        let candidates = current.match?.candidates ?? []
        let lastCovers =
          top.intent == last
          && candidates.contains { $0.intent == last && $0.coverage >= (candidates.first?.coverage ?? 1) - 0.01 }
        let namesNewTopic =
          !lastCovers && (ownWords >= 2 || (ownWords == 1 && own > top.confidence && ownTop != .outOfScope))
        if objectsToPreviousTurn() ? !followUpTopic && contentWords >= 2 : followUpTopic || namesNewTopic {
          return nil
        }
      }
      guard top.confidence + policy.followUpMarkerBonus > own else { return nil }
    } else if top.intent == session.lastAnswered && asksSomething() && tokens.count <= 4 {
      // A short question that names no topic of its own ("ücreti ne kadar?", "how long?") is about the
      // topic just answered when, read after it, it is confidently that topic. One that names another
      // topic in two words or more is read on its own when that is the surer reading (tr "param iade
      // edilecek mi" after a broken item is the refund, 0.93 against 0.88 in context; "fotoğraf
      // göndermem gerekiyor mu" stays with it, 0.78 as warranty against 0.94).
      // So is one that, however unsure, does not consider the topic just answered at all (tr "hangi saatlerde
      // arayabilirim" after the contact channels: the hours, 0.59, and no channels from the clarify
      // threshold up); out of scope alone, it is still asked in context (tr "taksit yapıyor musunuz",
      // instalments, after the payment methods).
      let named = current.match?.namesATopic ?? false
      let considersLast =
        current.match?.candidates.contains {
          $0.intent == session.lastAnswered && $0.confidence >= policy.clarifyThreshold
        } ?? false
      guard top.confidence >= policy.answerThreshold, top.confidence + policy.followUpMarkerBonus / 2 > own,
        !(named
          && ((own >= policy.answerThreshold && own >= top.confidence)
            || (!considersLast && ownTop != .outOfScope && own >= policy.clarifyThreshold)))
      else {
        return nil
      }
    } else {
      // Alone it would not be answered at all; or it would only be asked about, and read after the
      // last answer it is confidently that topic again: a detail added to it ("em đặt từ tuần trước"
      // after tracking, "không thấy email gửi về" after a password reset). Three words or fewer are
      // more likely a new topic's name ("delivery" after returns), unless three make a sentence.
      // One the clear-lead rule would answer alone is not unsure of its topic (tr "neyse mastercard ile
      // denedim iki kere reddedildi" after the currency: a failed payment, 0.69 against 0.04).
      let isSentence = tokens.count > 3 || (tokens.count == 3 && current.match?.isJoinedByGrammar == true)
      let detailOfLastTopic =
        isSentence && own < policy.answerThreshold && !leadsClearlyAlone(current.match)
        && (top.intent == session.lastAnswered || menuOfLastTopic)
      // A detail that, read after the last question, still leads with the topic just answered by the
      // clarify margin is that topic ("udah seminggu lebih lho" after "paket saya belum nyampe").
      let leadsWithLastTopic =
        detailOfLastTopic && top.intent == session.lastAnswered
        && top.confidence - (context.candidates.dropFirst().first?.confidence ?? 0) >= policy.clarifyMargin
      guard own < policy.clarifyThreshold || ownTop == .outOfScope || detailOfLastTopic,
        top.confidence >= (leadsWithLastTopic ? policy.clarifyThreshold : policy.answerThreshold)
      else { return nil }
    }
    return TopicReading(match: context, text: combined, kind: .followUp)
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
