/// The conversation basics every content gets from the language profiles: a hand-off when the customer
/// asks for a person, and replies to greetings, thanks and goodbyes. Each applies only where the content
/// has no article of its own for it, so that content can always override them.
extension Responder {
  /// The kinds of small talk with a built-in reply.
  enum SmallTalkKind {
    case greeting, thanks, goodbye

    var phrase: Phrases.Key {
      switch self {
      case .greeting: .greeting
      case .thanks: .thanks
      case .goodbye: .goodbye
      }
    }

    var rule: TurnRule {
      switch self {
      case .greeting: .builtInGreeting
      case .thanks: .builtInThanks
      case .goodbye: .builtInGoodbye
      }
    }
  }

  /// The most words a message may have and still be essentially a request for a person.
  static let humanRequestMaximumWords = 14

  /// The built-in reply to a fresh message that the content does not answer itself: a hand-off when it
  /// asks for a person, or the reply to a greeting, thanks or goodbye; `nil` otherwise.
  mutating func builtInBasics(_ match: IntentMatch?) -> Reply? {
    if contentIsSure(match) { return nil }
    if let handOff = builtInHandOff(match) { return handOff }
    if let handOff = humanRequestAtTheEnd(match) { return handOff }
    guard let kind = smallTalkKind() else { return closingStatement(match) }
    // A small-talk article of the content that matches answers instead, from the clarify threshold up:
    // the message is nothing but small talk ("thanks from both of us!", whose function words leave
    // the thanks examples a small share of it).
    if let top = match?.candidates.first, isSmallTalk(top.intent), top.confidence >= policy.clarifyThreshold {
      // Confident, it is answered as any article is (`confident-answer`).
      if top.confidence >= policy.answerThreshold { return nil }
      return answerOrEscalate(
        top.intent, match: match, reason: .smallTalk, rule: .smallTalkArticle,
        "the message is essentially a \(kind), and '\(top.intent)' (\(format(top.confidence))) is the content's small-talk article for it"
      )
    }
    // A greeting word once the conversation is under way may take leave (hr "aha kuzim. bok").
    if kind == .greeting, conversationIsUnderWay(), let (goodbye, _) = goodbyeAmongTopics() {
      return answerOrEscalate(
        goodbye, match: match, reason: .smallTalk, rule: .partingGreeting,
        "the message is essentially a greeting word, which '\(goodbye)' shares; the conversation is under way, so it takes leave"
      )
    }
    session.pending = nil
    session.nonAnswers = 0
    session.attemptsWithoutAnswer = 0
    return finish(
      .answer, reason: .smallTalk, intent: nil, text: phrases[kind.phrase], match: match, options: [], rule: kind.rule,
      "the message is essentially a \(kind), and no small-talk article of the content answers it")
  }

  /// The small-talk article for a statement that opens or closes with thanks or a goodbye and asks
  /// nothing, when the message's own topic is small talk but not surely (hr "dobro, pričekat ću. fala":
  /// fine, I'll wait, thanks): its other words name no topic, so it closes as its thanks does.
  private mutating func closingStatement(_ match: IntentMatch?) -> Reply? {
    guard let top = match?.candidates.first, isSmallTalk(top.intent), let remark = closingRemark(),
      let remarkMatch = engine.match(remark, in: matchLanguage), let closing = remarkMatch.candidates.first,
      isSmallTalk(closing.intent), closing.confidence >= policy.clarifyThreshold
    else { return nil }
    return answerOrEscalate(
      closing.intent, match: match, reason: .smallTalk, rule: .smallTalkArticle,
      "the message asks nothing and closes with '\(remark)'; its own topic is small talk ('\(top.intent)' \(format(top.confidence))), so its other words name none"
    )
  }

  /// A polite reply to a message that says the customer does not want a person ("no i dont need a
  /// person", vi "ko cần nhân viên đâu ạ", tr "temsilciye gerek yok") and whose topic is a request for
  /// one: it declines, it does not ask. `nil` otherwise; a message with another topic is read on it.
  mutating func personDeclined(_ match: IntentMatch?) -> Reply? {
    guard declinesAPerson() else { return nil }
    // A topic of its own, confidently, is read on ("i dont need a person, where is my parcel?").
    if let top = match?.candidates.first, top.confidence >= policy.answerThreshold, top.intent != .outOfScope,
      !isSmallTalk(top.intent), article(top.intent)?.escalation != .humanRequested
    {
      return nil
    }
    session.pending = nil
    return finish(
      .clarify, reason: .declined, intent: nil, text: phrases[.reset], match: match, options: [],
      rule: .personDeclined, "the message says the customer does not want a person")
  }

  /// Whether the message declines a person: a phrase of the profile's `noNeed` right before a request
  /// for one ("no need for an agent"), or right after it (tr "müşteri temsilcisine gerek yok"), with only
  /// function words, or words of such requests, between; never a word of a request that refuses the bot
  /// (`botWords`): "I don't want a bot, get me a human" asks for one.
  func declinesAPerson() -> Bool {
    // Most messages hold no first word of a `noNeed` phrase, and are passed over at once.
    let words = expandedWords()
    guard words.contains(where: profile.noNeedFirstWords.contains) else { return false }
    return declinedSpan(in: words) != nil
  }

  /// Whether the message is nothing but such a decline, with small talk, yes or no, function words and
  /// particles around it ("no i dont need a person, thanks"; vi "đâu" in "ko cần nhân viên đâu ạ"), and
  /// asks nothing new (tr "yok temsilci istemem.
  /// alsam, halıda olmazsa iade edebiliyo muyum" asks about a return).
  func isOnlyADecline() -> Bool {
    let words = expandedWords()
    guard let span = declinedSpan(in: words) else { return false }
    return words.indices.allSatisfy { index in
      span.contains(index) || profile.shortReplyWords.contains(words[index]) || isGrammar(words[index])
    }
  }

  /// The words from the phrase of `noNeed` to the request for a person it declines, or back.
  private func declinedSpan(in words: [String]) -> ClosedRange<Int>? {
    guard !profile.noNeed.isEmpty else { return nil }
    func isRequest(_ range: Range<Int>) -> Bool {
      profile.humanRequests.contains(words[range].joined(separator: " "))
        || (range.count == 1 && profile.personWords.contains(words[range.lowerBound]))
    }
    func isFiller(_ word: String) -> Bool {
      profile.functionWords.contains(word)
        || (profile.humanRequestWords.contains(word) && !profile.botWords.contains(word))
    }
    var index = 0
    while index < words.count {
      guard let length = phraseLength(in: words, from: index, among: profile.noNeed) else {
        index += 1
        continue
      }
      // A request after the phrase, up to three filler words on.
      var start = index + length
      while start < words.count && start - (index + length) <= 3 {
        if let last = (start..<min(words.count, start + 4)).last(where: { isRequest(start..<($0 + 1)) }) {
          return index...last
        }
        guard isFiller(words[start]) else { break }
        start += 1
      }
      // A request before it, up to two filler words back, when the phrase closes the message (tr
      // "temsilciye gerek yok"); one that goes on declines what follows (id "panggilkan orang cs nya,
      // saya gak mau dijawab otomatis" asks for a person and declines the automatic answers).
      let closes = words[(index + length)...].allSatisfy {
        profile.functionWords.contains($0) || profile.shortReplyWords.contains($0)
      }
      var end = index
      while closes && end > 0 && index - end <= 2 {
        if let first = (max(0, end - 4)..<end).first(where: { isRequest($0..<end) }) {
          return first...(index + length - 1)
        }
        guard isFiller(words[end - 1]) else { break }
        end -= 1
      }
      index += length
    }
    return nil
  }

  /// The built-in hand-off, when the message is essentially a request for a person and the content
  /// has no article that hands over for it in this language; `nil` otherwise.
  mutating func builtInHandOff(_ match: IntentMatch?) -> Reply? {
    guard !engine.knowledgeBase.handOffArticleLanguages.contains(language), !contentIsSure(match), isHumanRequest()
    else { return nil }
    return escalate(
      .humanRequested, match: match, lead: phrases[.handoffRequested], rule: .builtInHandOff,
      "the message asks for a person, and no article of the content in '\(language)' hands over for 'human-requested'")
  }

  /// The hand-off when the message's last sentence, after another, is essentially a request for a
  /// person (hr "broj sam vam poslala još u ponedjeljak i NIŠTA. opet isti tekst?! dajte čovjeka"): the
  /// story before it dilutes the request, so no topic reads it. The content's article that hands over
  /// for the request answers, when the language has one.
  mutating func humanRequestAtTheEnd(_ match: IntentMatch?, inLastClause: Bool = false) -> Reply? {
    guard let last = requestForAPersonAtTheEnd(inLastClause: inLastClause) else { return nil }
    let why = "the message's last \(inLastClause ? "clause" : "sentence") '\(last)' asks for a person"
    if let intent = humanRequestArticle {
      return answerOrEscalate(intent, match: match, reason: .confident, rule: .humanRequestAtTheEnd, why)
    }
    return escalate(.humanRequested, match: match, lead: phrases[.handoffRequested], rule: .humanRequestAtTheEnd, why)
  }

  /// The message's last sentence, after another, when it is essentially a request for a person; with
  /// `inLastClause`, the last clause of that sentence (vi "…. trả lời như ko, cho gặp người thật đi",
  /// answers like nothing, let me see a real person).
  func requestForAPersonAtTheEnd(inLastClause: Bool) -> String? {
    // Most messages hold no word of such a request: they are not cut into sentences at all.
    guard expandedWords().contains(where: profile.humanRequestWords.contains) else { return nil }
    let sentences = Self.sentences(of: text)
    guard sentences.count >= 2, let sentence = sentences.last,
      let last = (inLastClause ? Self.clauses(of: sentence).last : sentence),
      isHumanRequest(expandedWords(of: TextAnalyzer.tokens(of: last)))
    else { return nil }
    return last
  }

  /// The content's article that hands over when the customer asks for a person (`escalate:
  /// human-requested`) in this language, if it has one.
  var humanRequestArticle: IntentID? {
    articles.filter({ $0.value.escalation == .humanRequested }).keys.min()
  }

  /// A text cut into sentences at sentence punctuation (".", "?", "!", ";", a line break), each
  /// keeping its mark (`clauses(of:at:)`).
  static func sentences(of text: String) -> [String] { clauses(of: text, at: ".?!;\n") }

  /// Whether the content answers the message itself: it is sure of an intent that is not small talk and
  /// knows every word of the message. On small content a request in words it has never seen ("I want
  /// to talk to a human") can still score high on its function words alone, so confidence by itself is
  /// not enough.
  func contentIsSure(_ match: IntentMatch?) -> Bool {
    guard let match, let top = match.candidates.first else { return false }
    return top.intent != .outOfScope && !isSmallTalk(top.intent) && top.confidence >= policy.answerThreshold
      && doubtfulWords(match).isEmpty
  }

  /// The message's words, folded, with the language's abbreviations written out (`pls` → `please`,
  /// id `cs` → `customer service`).
  /// Spelt out once per message, when its language is settled (`Responder.settleLanguage`).
  func expandedWords() -> [String] { expandedTokens }

  /// The same for some other words (a sentence of the message).
  func expandedWords(of words: [RawToken]) -> [String] {
    words.flatMap { spelledOut($0).split(separator: " ").map(String.init) }
  }

  /// A word, folded, with a chat spelling spelt out (tr "mrb" → "merhaba", vi "đh" → "đơn hàng"); typed
  /// with diacritics, only as the list writes it (vi "ạ" is not "a", "anh").
  func spelledOut(_ token: RawToken) -> String {
    profile.expansion(of: token).map { TextAnalyzer.foldPhrase($0) } ?? token.folded
  }

  /// A word, folded, with a chat spelling of one word spelt out (id "dr" → "dari"); a spelling of
  /// several words stays as typed, so the words keep their positions.
  func spelledOutWord(_ token: RawToken) -> String {
    let word = spelledOut(token)
    return word.utf8.contains(UInt8(ascii: " ")) ? token.folded : word
  }

  /// Whether the message is essentially a request for a person: it holds one of the profile's phrases
  /// that ask for one ("real person", hr "s osobom", tr "müşteri temsilcisi"), and its other words are
  /// words of such phrases, function words, question words, negations, or small talk, yes and no. "I
  /// want to talk to a human" is; "can I talk to someone about parking" is a question about parking.
  func isHumanRequest(_ words: [String]? = nil) -> Bool {
    let words = words ?? expandedWords()
    guard !words.isEmpty, words.count <= Self.humanRequestMaximumWords,
      words.allSatisfy({
        profile.humanRequestWords.contains($0) || isGrammar($0) || profile.shortReplyWords.contains($0)
      })
    else { return false }
    return holdsHumanRequest(words)
  }

  /// Whether a folded word is grammar: a function, question or negation word of the profile.
  func isGrammar(_ word: String) -> Bool {
    profile.functionWords.contains(word) || profile.questionWords.contains(word) || profile.negations.contains(word)
  }

  /// Whether the words (as `expandedWords` gives them) hold one of the profile's phrases that ask for a
  /// person, anywhere ("… connect me to a real person").
  func holdsHumanRequest(_ words: [String]) -> Bool {
    words.indices.contains { phraseLength(in: words, from: $0, among: profile.humanRequests) != nil }
  }

  /// What kind of small talk the message is, when it is essentially a greeting, thanks or goodbye
  /// (with "ok", "please", a form of address, function words): a goodbye when it holds one ("thanks,
  /// bye"), else thanks, else a greeting; `nil` for anything else, and for a bare yes or no.
  func smallTalkKind() -> SmallTalkKind? {
    let words = expandedWords()
    guard !words.isEmpty, words.count <= policy.yesNoMaximumWords else { return nil }
    let sets = [profile.goodbyes, profile.thanks, profile.greetings, profile.smallTalk, profile.yes, profile.no]
    let setKinds: [SmallTalkKind?] = [.goodbye, .thanks, .greeting, nil, nil, nil]
    var kinds: [SmallTalkKind] = []
    var index = 0
    while index < words.count {
      if let longest = longestPhrase(in: words, from: index, among: sets) {
        // The longest phrase decides ("no thanks" is a no, not thanks); of equal ones, every kind counts.
        kinds += longest.sets.compactMap { setKinds[$0] }
        index += longest.length
      } else if profile.functionWords.contains(words[index]) {
        index += 1
      } else {
        return nil
      }
    }
    return [SmallTalkKind.goodbye, .thanks, .greeting].first(where: kinds.contains)
  }

  /// Why an unsure topic is answered with no question (`clear-lead`), if it is: near the answer
  /// threshold, no other topic worth a question, and `leadMayBeAnswered` (in a short message an unknown
  /// word is most often the real topic: "koliko je sati sada u tokiju").
  func clearLead(
    _ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate,
    from threshold: Double? = nil
  ) -> String? {
    let threshold = threshold ?? policy.clearLeadThreshold
    guard top.confidence >= threshold, second.confidence < policy.clarifyThreshold, leadMayBeAnswered(match, top)
    else { return nil }
    return
      "confidence \(format(top.confidence)) ≥ \(format(threshold)), with no other topic worth a question ('\(second.intent)' \(format(second.confidence)) < clarify threshold \(format(policy.clarifyThreshold)))"
  }

  /// Why an unsure topic far ahead of a runner-up worth a question is answered (`wide-lead`), if it is:
  /// past the wide-lead threshold and `wideLeadGap` ahead, in a message of two content words or more
  /// (a bare topic name is asked about), and `leadMayBeAnswered`.
  func wideLead(_ match: IntentMatch, _ top: IntentCandidate, _ second: IntentCandidate) -> String? {
    guard top.confidence >= policy.wideLeadThreshold, second.confidence >= policy.clarifyThreshold,
      top.confidence - second.confidence >= policy.wideLeadGap, match.contentWordCount >= 2,
      leadMayBeAnswered(match, top)
    else { return nil }
    return
      "confidence \(format(top.confidence)) ≥ \(format(policy.wideLeadThreshold)), \(format(top.confidence - second.confidence)) ahead of '\(second.intent)' (\(format(second.confidence))), at least the wide-lead gap \(format(policy.wideLeadGap))"
  }

  /// What a clear or wide lead needs besides its confidences: no unknown word that may be the topic
  /// unless a name says the topic (`namesItsTopic`), and no out-of-scope examples in the running.
  private func leadMayBeAnswered(_ match: IntentMatch, _ top: IntentCandidate) -> Bool {
    (unknownWordMayBeTheTopic(match) == nil || namesItsTopic(match, top.intent))
      && !match.candidates.contains(where: { $0.intent == .outOfScope && $0.confidence >= policy.clarifyThreshold })
  }

  /// Whether the message names something of a class whose topic is `intent` (`Engine.nameHome`): the
  /// name says what the message is about, so an unknown word beside it is not the topic (tr "USPS mi
  /// getirir": a carrier, and "getirir" is a verb the examples never use).
  func namesItsTopic(_ match: IntentMatch, _ intent: IntentID) -> Bool {
    match.terms.contains { $0.role == .entity && engine.nameHome(of: $0.stem, in: matchLanguage) == intent }
  }

  /// Whether the clear-lead rule would answer the message alone: unsure, but with no rival topic.
  func leadsClearlyAlone(_ match: IntentMatch?, from threshold: Double? = nil) -> Bool {
    guard let match, let top = match.candidates.first, top.intent != .outOfScope, let second = runnerUp(match)
    else { return false }
    return clearLead(match, top, second, from: threshold) != nil
  }

  /// The first unknown content word, when the unknown words may be what the message is about: in a
  /// message of at most two content words, or as a share of its content words of `unknownShareForBar`
  /// or more; `nil` when there is none or they are its story.
  func unknownWordMayBeTheTopic(_ match: IntentMatch) -> String? {
    let unknown = doubtfulWords(match)
    guard let first = unknown.first else { return nil }
    let contentWords = match.contentWordCount
    return contentWords <= 2 || Double(unknown.count) >= policy.unknownShareForBar * Double(contentWords)
      ? first : nil
  }

  /// The small-talk phrases at the start and at the end of the words, phrase by phrase from the outside
  /// in: the opening ones in order, then the closing ones from the last word back ("ok, hvala, … fala").
  func smallTalkEdges(of words: [String]) -> (opening: [Range<Int>], closing: [Range<Int>]) {
    var opening: [Range<Int>] = []
    var closing: [Range<Int>] = []
    var start = 0
    var end = words.count
    while let length = smallTalkPhrase(in: words, from: start, to: end, atStart: true) {
      opening.append(start..<(start + length))
      start += length
    }
    while end > start, let length = smallTalkPhrase(in: words, from: start, to: end, atStart: false) {
      closing.append((end - length)..<end)
      end -= length
    }
    return (opening, closing)
  }

  /// The length in words of the longest small-talk phrase at the start (or end) of `words[from..<to]`.
  /// A phrase counts as typed or with its chat spellings spelt out (vi "ad ơi" and "admin ơi").
  private func smallTalkPhrase(in words: [String], from: Int, to: Int, atStart: Bool) -> Int? {
    for length in stride(from: min(4, to - from), through: 1, by: -1) {
      let range = atStart ? from..<(from + length) : (to - length)..<to
      if profile.smallTalk.contains(words[range].joined(separator: " "))
        || profile.smallTalk.contains(tokens[range].map(\.folded).joined(separator: " "))
      {
        return length
      }
    }
    return nil
  }

  /// The topics to offer for a bare topic name, with a menu in the running in place of the first
  /// of its items offered: the name is as vague as the menu's openers (hr "imam pitanje oko racuna",
  /// the invoice or the account: "Your account", not "Deleting your account").
  func menusForBareName(_ intents: [IntentID], _ match: IntentMatch) -> [IntentID] {
    guard isBareTopicName(match) else { return intents }
    var offered = intents
    for candidate in match.candidates where candidate.confidence >= policy.clarifyThreshold {
      guard !offered.contains(candidate.intent), let menu = article(candidate.intent)?.menu, !menu.isEmpty,
        let item = offered.firstIndex(where: menu.contains)
      else { continue }
      offered[item] = candidate.intent
    }
    return offered
  }

  /// The strongest alternative to the best candidate: the most confident of the others that could be
  /// offered (not the out-of-scope examples).
  func runnerUp(_ match: IntentMatch) -> IntentCandidate? {
    match.candidates.dropFirst().filter { $0.intent != .outOfScope }.max { $0.confidence < $1.confidence }
  }
}
