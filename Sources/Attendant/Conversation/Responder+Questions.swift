/// Rules for a question the bot is unsure of, by who or what it asks about, and for the small talk or
/// story around it.
extension Responder {
  /// The topic of a question about the people who answer, when the bot is unsure between it and the
  /// request for a person: a question word asks about them (vi "ok, vậy mấy giờ thì chat được với
  /// nhân viên", at what time can I chat with staff; tr "bayramda da temsilci var mı"), it does not
  /// ask for one now. `nil` unless one of the two is the article that hands over for a request for a
  /// person and the other an article that does not hand over, worth a question itself.
  func questionAboutPeople(_ top: IntentCandidate, _ second: IntentCandidate) -> (IntentID, String)? {
    let pair = [top, second]
    guard let request = pair.first(where: { article($0.intent)?.escalation == .humanRequested }),
      let other = pair.first(where: { $0.intent != request.intent }), other.intent != .outOfScope,
      other.confidence >= policy.clarifyThreshold,
      !isSmallTalk(other.intent), article(other.intent)?.escalation == nil,
      let word = tokens.first(where: profile.isQuestionWord), !asksForPersonApart()
    else { return nil }
    return (
      other.intent,
      "unsure between '\(top.intent)' (\(format(top.confidence))) and '\(second.intent)' (\(format(second.confidence))); the question word '\(word.exact)' asks about the people who answer, not for one now"
    )
  }

  /// Whether the last clause of the message asks for a person in the profile's words with no question
  /// word of its own: the question words are the story's (vi "vô trang theo dõi GHN rồi, làm gì có chỗ nào đổi
  /// đâu. trả lời như ko, cho gặp người thật đi", where "làm gì có" is "there is no").
  private func asksForPersonApart() -> Bool {
    let clauses = Self.clauses(of: text)
    guard clauses.count >= 2, let last = clauses.last else { return false }
    let words = TextAnalyzer.tokens(of: last)
    return !words.contains(where: profile.isQuestionWord) && holdsHumanRequest(expandedWords(of: words))
  }

  /// Unsure between a topic and small talk, both worth a question, in a message that asks something with
  /// no greeting, thanks or goodbye word in what was matched ("is anyone from your team around tomorrow
  /// for thanksgiving?": support hours, not the greeting "anyone around?"; "anyone there during
  /// diwali?", where the greeting leads): a question is not small talk, so the topic is answered,
  /// whichever of the two leads, unless a third topic is as plausible. `nil` otherwise.
  func questionBesidesSmallTalk(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate) -> (
    IntentID, String
  )? {
    guard isSmallTalk(top.intent) != isSmallTalk(second.intent), second.confidence >= policy.clarifyThreshold
    else { return nil }
    let (topic, small) = isSmallTalk(top.intent) ? (second, top) : (top, second)
    guard topic.intent != .outOfScope, asksSomething(),
      article(topic.intent)?.escalation == nil, article(topic.intent)?.menu.isEmpty != false,
      !matchedWords().contains(where: {
        profile.greetings.contains($0) || profile.thanks.contains($0) || profile.goodbyes.contains($0)
      })
    else { return nil }
    let third = match.candidates.dropFirst(2).first { $0.intent != .outOfScope && !isSmallTalk($0.intent) }
    if let third, ambiguity(match, topic, third) != nil { return nil }
    return (
      topic.intent,
      "unsure between '\(topic.intent)' (\(format(topic.confidence))) and the small talk '\(small.intent)' (\(format(small.confidence))); the message asks something and holds no greeting, thanks or goodbye word, so it is no small talk"
    )
  }

  /// The folded words of the text the topic was matched on, chat spellings spelt out.
  private func matchedWords() -> [String] {
    guard let matchedText else { return expandedTokens }
    return TextAnalyzer.tokens(of: matchedText, turkishCasing: profile.turkishCasing).map(spelledOutWord)
  }

  /// Whether the message, without the greetings, thanks and goodbyes at its edges, names a topic in two
  /// content words or more that is not small talk ("cheers. while i wait, if i buy a new phone on here
  /// and it dies after a year am i covered").
  func topicBesideSmallTalk() -> Bool {
    let (opening, closing) = smallTalkEdges(of: spelledTokens)
    let start = opening.last?.upperBound ?? 0
    let end = closing.last?.lowerBound ?? tokens.count
    guard start < end, start > 0 || end < tokens.count,
      let rest = engine.match(Self.text(of: tokens[start..<end]), in: matchLanguage),
      let top = rest.candidates.first
    else { return false }
    return rest.contentWordCount >= 2 && !isSmallTalk(top.intent) && top.intent != .outOfScope
  }

  /// Unsure, with three content words or more the content does not know, a large share of them, and a top
  /// topic that covers less than half of what the message says (id "kak orbita ada program affiliate
  /// gk? aku mau promosiin link produknya di tiktok trs dapet komisi"): the message is about something
  /// else, and no question between topics that miss it helps. `nil` otherwise.
  func unknownStory(_ match: IntentMatch, _ top: IntentCandidate) -> String? {
    guard top.confidence < policy.answerThreshold, top.coverage < policy.outOfScopeCoverage,
      unknownWordMayBeTheTopic(match) != nil
    else { return nil }
    let unknown = doubtfulWords(match)
    guard unknown.count >= policy.unknownStoryWords, reading != .followUp else { return nil }
    return
      "'\(unknown.joined(separator: "', '"))' appear in no example, and '\(top.intent)' (\(format(top.confidence))) covers \(format(top.coverage)) of the message"
  }

  /// The text without a phrase that announces a question at its start or, failing that, at its end
  /// (tr "odeme hakkinda bisey soracaktim", I wanted to ask something about payment).
  func withoutAskingPhraseAtAnEdge(_ part: String) -> String {
    let stripped = withoutLeadingAskingPhrase(part)
    guard stripped == part else { return stripped }
    let words = TextAnalyzer.tokens(of: part, turkishCasing: profile.turkishCasing)
    guard let phrase = profile.closingAskingPhrase(of: words.map(spelledOutWord)) else { return part }
    return Self.text(of: words.dropLast(phrase.count))
  }

  /// A part of a message without the phrase that announces a question at its start ("ok forget it. got a
  /// question about payment then": "payment then"), when something is left, and without the closing
  /// particles after the topic (the profile's `finalParticles`: vi "cho e hỏi về thời gian với ạ" is
  /// "thời gian", time).
  func withoutLeadingAskingPhrase(_ part: String) -> String {
    let words = TextAnalyzer.tokens(of: part, turkishCasing: profile.turkishCasing)
    guard let phrase = profile.openingAskingPhrase(of: words.map(spelledOutWord)) else { return part }
    return Self.text(of: withoutClosingParticles(words.dropFirst(phrase.count)))
  }

  /// Words without the closing particles at their end (the profile's `finalParticles`), one word kept.
  func withoutClosingParticles(_ words: ArraySlice<RawToken>) -> ArraySlice<RawToken> {
    var rest = words
    while rest.count > 1, let last = rest.last, profile.isFinalParticle(last) { rest = rest.dropLast() }
    return rest
  }

  /// The reading without a first sentence that alone is confidently small talk ("ok onda ništa. a mogu
  /// li platit amexom?": "ok, never mind then", a goodbye at 0.73), when that is not confident: what
  /// follows is the question, surer of a topic than the whole.
  func withoutSmallTalkSentence(_ current: TopicReading) -> TopicReading? {
    guard confidence(current.match) < policy.answerThreshold else { return nil }
    let sentences = Self.clauses(of: text, at: ".?!;\n")
    guard sentences.count >= 2, let opening = engine.match(sentences[0], in: matchLanguage),
      let first = opening.candidates.first, isSmallTalk(first.intent), first.confidence >= policy.answerThreshold
    else { return nil }
    let rest = sentences.dropFirst().joined(separator: " ")
    guard let match = engine.match(rest, in: matchLanguage), let top = match.candidates.first,
      !isSmallTalk(top.intent), top.intent != .outOfScope, match.contentWordCount >= 1,
      top.confidence > confidence(current.match)
    else { return nil }
    return TopicReading(match: match, text: rest, kind: .withoutSmallTalk)
  }
}
