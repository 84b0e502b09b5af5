/// What a message says about the previous turn: whether it leans on it, objects to it, repeats its
/// answer's words, or asks something at all.
extension Responder {
  /// Whether a message that asks nothing is said in the last answer's words: three words or more, one
  /// of them grammar (a topic's bare name, "delivery" after returns, is a new question), and every
  /// content word that the content knows is a word of the article's text, one at least, and every name
  /// in it is in the text too.
  func repeatsLastAnswer(_ match: IntentMatch?) -> Bool {
    guard let match, tokens.count >= 3, match.terms.contains(where: { $0.role == .function }), !asksSomething(),
      let last = session.lastAnswered, let lastArticle = article(last)
    else {
      return false
    }
    // A name the article does not hold is news ("and can i pay for that in canadian dollars").
    let lowercasedBody = lastArticle.body.lowercased()
    guard match.entities.allSatisfy({ lowercasedBody.contains($0.text.lowercased()) }) else { return false }
    let unknown = Set(match.unknownWords)
    // Words that quote the page ("it still says processing") are no news: what they quote is.
    let known = match.terms.filter {
      $0.role == .content && !unknown.contains($0.folded) && !profile.quotingStems.contains($0.stem)
    }
    guard !known.isEmpty else { return false }
    let answerStems = engine.articleStems(of: lastArticle, answering: last, language: matchLanguage)
    return known.allSatisfy { term in
      if answerStems.contains(term.stem) { return true }
      // A corrected typo counts as the word it was taken for ("stil" is "still", a grammar word).
      guard let corrected = match.corrections.first(where: { $0.typed == term.folded })?.corrected else { return false }
      return engine.contentStems(of: corrected, language: matchLanguage).isSubset(of: answerStems)
    }
  }

  /// Whether the message opens like a follow-up ("and", "what about", hr "a za", tr "peki", vi "còn",
  /// id "trus"), objects to the last answer ("but", tr "… ama") or points back to the previous topic
  /// ("that", "it", id "ongkirnya").
  func leansOnPreviousTurn() -> Bool {
    let words = tokens.map(\.folded)
    guard !words.isEmpty else { return false }
    if objectsToPreviousTurn() { return true }
    for length in 1...min(3, words.count) {
      if profile.followUpOpeners.contains(words.prefix(length).joined(separator: " ")) { return true }
    }
    // An opener can close the message too (tr "Hollanda'ya peki?", id "ongkirnya berapa trus?").
    if words.count > 1, profile.followUpOpeners.contains(words.last!) && words.last!.utf8.count > 2 { return true }
    return pointsBack(words)
  }

  /// The text a follow-up is read after: what the last answer was matched on, or, when the customer
  /// has changed language since, the title of the last answer's article in the message's language
  /// (hr "kliknem zaborvljena lozinka i nista ne dodje na mail", then "how long is it valid?" in
  /// English is read after "Resetting your password"). `nil` when there is none.
  func contextText() -> String? {
    guard let previous = session.lastReading else { return nil }
    if session.lastReadingLanguage == matchLanguage { return previous }
    guard let last = session.lastAnswered, !isSmallTalk(last) else { return nil }
    return engine.knowledgeBase.articles[matchLanguage]?[last]?.title
  }

  /// Whether the words point back to the previous topic ("that", "it", id "ongkirnya").
  func pointsBack(_ words: [String]) -> Bool {
    if words.contains(where: profile.anaphora.contains) { return true }
    if let suffix = profile.anaphoricSuffix {
      return words.contains {
        $0.count > suffix.count + 2 && $0.hasSuffix(suffix) && !profile.notPointingBack.contains($0)
      }
    }
    return false
  }

  /// Whether a question's own reading is a topic the last answer offers next, and the context makes it
  /// as likely as the last topic: it gets the follow-up bonus too ("who delivers it?" after tracking is
  /// the courier, 0.68 alone against tracking's 0.88 in context). Only a question that alone does not
  /// consider the last topic, that the bonus would get answered, and that names nothing of a class the
  /// last topic's examples name at least a quarter as often as the message's own topic's: such a name
  /// is a detail of the last topic ("còn ship ra Hà Nội?" after delivery times). Tr "telefon numaranız
  /// ne" after the hours is the contact channels: "telefon" is a product by its stem, and the contact
  /// channels' examples name one far more often than the hours' do.
  func ownFollowUpTopicWins(_ own: IntentMatch?, against context: IntentCandidate) -> Bool {
    guard let own, let ownTop = own.candidates.first, ownTop.intent != context.intent, own.contentWordCount > 0,
      let last = session.lastAnswered, article(last)?.followUps.contains(ownTop.intent) == true,
      ownTop.confidence + policy.followUpMarkerBonus >= policy.answerThreshold,
      !own.terms.contains(where: {
        $0.role == .entity
          && engine.nameShare(of: last, $0.stem, in: matchLanguage) * 4
            > engine.nameShare(of: ownTop.intent, $0.stem, in: matchLanguage)
      }),
      asksSomething(), !objectsToPreviousTurn()
    else { return false }
    // Read alone, a message that considers the last topic too moves on only when it says something
    // new to its answer; one that does not weighs its own topic against the last one in context.
    let considersLast = own.candidates.contains {
      $0.intent == last && $0.confidence >= policy.clarifyThreshold
    }
    if considersLast {
      return ownTop.confidence >= (own.candidates.first { $0.intent == last }?.confidence ?? 0)
        && saysNews(own, to: last, of: ownTop.intent)
    }
    // The context reading holds the last question's words too, so it may well be surer; news that does
    // not point back moves on all the same ("can i just use paypal instead" after a declined card;
    // "how long do i have to report that" after a wrong item stays).
    return ownTop.confidence + policy.followUpMarkerBonus >= context.confidence
      || (saysNews(own, to: last, of: ownTop.intent) && !pointsBack(tokens.map(\.folded)))
  }

  /// The topic a short message that the bot is unsure of has right after an answer: the topic just
  /// answered, when it is one of the two and at least half as likely as the first ("perlu kirim foto
  /// ga" after a broken item: wrong item or broken item?), or the first, when it is one of the follow-up
  /// topics of the article just shown ("berapa lama sampenya" after shipping abroad: delivery times).
  /// `nil` elsewhere: the bot asks which of the two is meant.
  func topicFromContext(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate) -> (IntentID, String)?
  {
    // Read after the last question, the message has had the context already; unless it points back
    // to the topic just answered and that is one of the two ("kolko dana imam da to prijavim?" after a
    // wrong item picked from a menu: warranty 0.44, the wrong item 0.29).
    let pointsBackToLast =
      [top, second].contains { $0.intent == session.lastAnswered } && pointsBack(tokens.map(\.folded))
    guard reading != .followUp || top.intent == session.lastAnswered || pointsBackToLast,
      let last = session.lastAnswered, !isSmallTalk(last),
      session.transcript.last(where: { $0.from == .bot })?.decision == .answer
    else { return nil }
    let unsure =
      "unsure between '\(top.intent)' (\(format(top.confidence))) and '\(second.intent)' (\(format(second.confidence)))"
    // A longer message says more of its own: the context decides only for a first topic that is the
    // last one or one its article offers next, with no other topic worth a question (hr "a jel bi
    // dostava bila besplatna da dodam još štapni mikser pa prijeđem 50 eura?" after delivery times).
    // An objection in words of a topic offered next stays with the last one (hr "al paket je već
    // otpremljen jučer, ima li ikakve šanse?" after a change of address is not a tracking question).
    guard readingLength <= followUpMaximumTokens else {
      // The topic just answered may lead the runner-up by the clarify margin instead (vi "hay đổi sang
      // giao tới chỗ làm của e ở quận 7 luôn cho chắc đc ko shop" after a change of address).
      let alone =
        second.confidence < policy.clarifyThreshold
        || (top.intent == last && top.confidence - second.confidence >= policy.clarifyMargin)
      guard alone, top.intent == last || article(last)?.followUps.contains(top.intent) == true
      else { return nil }
      if top.intent == last || objectsToPreviousTurn() {
        return (last, "\(unsure), a longer message right after the answer on '\(last)', which stays the topic")
      }
      return (
        top.intent,
        "\(unsure), a longer message right after the answer on '\(last)', whose article offers '\(top.intent)' next"
      )
    }
    // A message that names another topic in two content words or more, confidently, is not kept on the
    // last one (id "kalo pake kartu kredit bisa?" after paying in dollars asks about cards).
    let namesAnother = top.intent != last && top.confidence >= policy.answerThreshold && match.namesATopic
    if let same = [top, second].first(where: { $0.intent == last }), same.confidence >= top.confidence / 2,
      !namesAnother, !movesToFollowUpTopic(match, from: same)
    {
      return (last, "\(unsure), right after the answer on '\(last)', which stays the topic")
    }
    if article(last)?.followUps.contains(top.intent) == true {
      return (top.intent, "\(unsure), right after the answer on '\(last)', whose article offers '\(top.intent)' next")
    }
    return nil
  }

  /// Whether a message read alone, unsure between the topic just answered and one its article offers
  /// next, moves to that one (`ownFollowUpTopicWins`: it says something new that the other answer holds).
  func movesToFollowUpTopic(_ match: IntentMatch, from same: IntentCandidate) -> Bool {
    reading != .followUp && same.confidence >= policy.clarifyThreshold && ownFollowUpTopicWins(match, against: same)
  }

  /// Whether the message says something new to the last answer that `topic`'s answer holds: one of
  /// its words or names that the last answer does not have (hr "a apple pay onda?" after a failed
  /// payment names a way to pay that the payment methods list; "kalo udah dikirim gimana?" after
  /// cancelling asks about a case the answer covers).
  func saysNews(_ own: IntentMatch, to last: IntentID, of topic: IntentID) -> Bool {
    guard let lastArticle = article(last), let topicArticle = article(topic) else { return false }
    let lastBody = lastArticle.body.lowercased()
    let topicBody = topicArticle.body.lowercased()
    let lastStems = engine.articleStems(of: lastArticle, answering: last, language: matchLanguage)
    let topicStems = engine.articleStems(of: topicArticle, answering: topic, language: matchLanguage)
    return own.terms.contains { $0.role == .content && topicStems.contains($0.stem) && !lastStems.contains($0.stem) }
      || own.entities.contains {
        let name = $0.text.lowercased()
        return topicBody.contains(name) && !lastBody.contains(name)
      }
  }

  /// Whether the message opens with an objection to the last answer ("but", hr "ali", vi "nhưng",
  /// id "tapi"), or closes with one (tr "sipariş çoktan kargoya verildi ama").
  func objectsToPreviousTurn() -> Bool {
    let words = tokens.map(\.folded)
    guard let first = words.first, let last = words.last else { return false }
    if words.count >= 2 && profile.contrastOpeners.contains(first + " " + words[1]) { return true }
    return profile.contrastOpeners.contains(first) || (words.count > 1 && profile.contrastOpeners.contains(last))
  }

  /// The last of the clauses that asks: it ends with a question mark, asks by its shape (vi "… được
  /// không", en "can …"), or holds a question word.
  static func askingClause(of clauses: [String], profile: LanguageProfile) -> Int? {
    clauses.lastIndex { clause in
      let words = Tokenizer.tokenize(clause)
      return clause.hasSuffix("?") || profile.holdsAskingWord(words)
        || profile.asksByItsShape(words)
    }
  }

  /// Whether the small talk that opens the message holds thanks ("ok thanks, and …", id "oke makasih
  /// kak. …"), chat spellings spelt out.
  func thanksFirst() -> Bool {
    let words = spelledTokens
    return smallTalkEdges(of: words).opening.contains { profile.thanks.contains(words[$0].joined(separator: " ")) }
  }

  /// Whether the message asks something: a question mark, a question word, or its shape (a question tag
  /// at its end, or an opener such as en "can" first: `LanguageProfile.asksByItsShape`). Worked out the
  /// first time a rule asks, and kept for the turn (`memo`).
  func asksSomething() -> Bool {
    if let asks = memo.asks { return asks }
    let asks = readsAsAQuestion()
    memo.asks = asks
    return asks
  }

  /// What `asksSomething()` answers, from the text, its tokens and the profile.
  func readsAsAQuestion() -> Bool {
    text.utf8.contains(UInt8(ascii: "?")) || holdsQuestionWord()
      || profile.asksByItsShape(tokens) || asksAfterItsAskingPhrase() || asksInAnEarlierClause()
  }

  /// Whether a word of the message is a question word, typed or as a chat spelling spelt out (vi "bn",
  /// "bao nhiêu"); typed with diacritics, only as the list writes it (vi "bảo", says, is not "bao").
  func holdsQuestionWord() -> Bool {
    profile.holdsAskingWord(tokens)
      || tokens.contains { profile.expansion(of: $0) != nil && profile.isQuestionWord(in: spelledOut($0)) }
  }

  /// Whether a clause before the last ends with a question tag (vi "…, nhân viên có nói tiếng Anh ko
  /// ạ, bạn e người Đan Mạch muốn hỏi chung": do the staff speak English?, a friend of mine is Danish).
  private func asksInAnEarlierClause() -> Bool {
    guard !profile.questionTags.isEmpty, text.contains(where: { ",.;".contains($0) }) else { return false }
    return Self.clauses(of: text).dropLast().contains { clause in
      profile.endsWithQuestionTag(
        TextAnalyzer.tokens(of: clause, turkishCasing: profile.turkishCasing), particles: true)
    }
  }

  /// Whether what follows a phrase that brings a question along, at the start after any small talk,
  /// asks by its shape ("thanks! while i wait, is the 10% off … still a thing").
  private func asksAfterItsAskingPhrase() -> Bool {
    let words = tokens.drop { profile.smallTalk.contains($0.folded) }
    let folded = words.map(spelledOutWord)
    guard let phrase = profile.openingAskingPhrase(of: folded) else { return false }
    return profile.asksByItsShape(words.dropFirst(phrase.count))
  }

  /// A clause cut again at the language's conjunctions ("…and it still hasn't come"), each part keeping
  /// its conjunction.
  func splitAtConjunctions(_ clause: String) -> [String] {
    let words = clause.split(separator: " ")
    var parts: [String] = []
    var current: [Substring] = []
    for word in words {
      let folded = TextAnalyzer.foldPhrase(String(word))
      if !current.isEmpty && profile.clauseConjunctions.contains(folded) {
        parts.append(current.joined(separator: " "))
        current = []
      }
      current.append(word)
    }
    if !current.isEmpty { parts.append(current.joined(separator: " ")) }
    return parts
  }

  /// A text cut into clauses at sentence punctuation, commas and colons (or at `marks`), each clause
  /// keeping its own mark; a part with no letter ("?!" after "?") is left out.
  static func clauses(of text: String, at marks: String = ".?!;,:\n") -> [String] {
    // The marks are ASCII, so the text is cut at their bytes: a byte below 0x80 is never inside a
    // longer character's UTF-8, and walking bytes costs far less than walking characters.
    let markBytes = Array(marks.utf8)
    var clauses: [String] = []
    func add(_ part: Substring) {
      let clause = part.trimmedWhiteSpace
      if clause.contains(where: \.isLetter) { clauses.append(clause) }
    }
    var start = text.startIndex
    var index = text.utf8.startIndex
    while index != text.utf8.endIndex {
      let next = text.utf8.index(after: index)
      if markBytes.contains(text.utf8[index]) {
        add(text[start..<next])
        start = next
      }
      index = next
    }
    add(text[start...])
    return clauses
  }

  /// The reading as one of the questions customers ask right after the last answer
  /// (`Engine.followUpMatch`): when the reading so far is unsure of another topic (below the answer
  /// threshold), and the follow-ups match it at least as well as any intent's examples, from the
  /// clarify threshold up and at least as surely as that reading, the message stays on the last
  /// answer's topic (tr "maile kaç saatte dönüyosunuz" after the contact channels). A reading that
  /// already lands there keeps its own kind. `nil` when the last topic has no follow-ups.
  func followUpOfTheAnswer(_ current: TopicReading) -> TopicReading? {
    guard let last = session.lastAnswered, !isSmallTalk(last), current.match?.candidates.first?.intent != last,
      confidence(current.match) < policy.answerThreshold,
      let match = engine.followUpMatch(current.text, after: last, in: matchLanguage, margin: 0),
      confidence(match) >= max(policy.clarifyThreshold, confidence(current.match))
    else { return nil }
    return TopicReading(match: match, text: current.text, kind: .followUpOfTheAnswer)
  }
}
