import Foundation

/// Yes, no and small talk: whether a message is only an answer to what the bot asked, or a
/// greeting, thanks or goodbye.
extension Responder {
  /// A message that is only a yes, a no or an ok (with "please", "thanks"), when nothing was asked.
  func isBareYesOrNo() -> Bool {
    let words = tokens.map(\.folded)
    guard words.count <= policy.yesNoMaximumWords,
      words.allSatisfy({ profile.shortReplyWords.contains($0) || profile.functionWords.contains($0) })
    else { return false }
    // "Still no good" (vi "vẫn không được", id "masih gak bisa") says the last answer did not help.
    guard notHelpedPhrase() == nil else { return false }
    guard
      words.contains(where: { profile.yes.contains($0) || profile.no.contains($0) })
        || isOnly([profile.yes, profile.no])
    else { return false }
    // "ok thanks" is thanks, answered by the content's article or the built-in reply, not a bare ok.
    return isOnly([profile.yes, profile.no, profile.smallTalk], allowingFunctionWords: true) && !isOnlySmallTalkTopic()
      && smallTalkKind() == nil
  }

  /// Whether the message is interjections alone, with function words at most ("hmm", "uh", "oh", hr
  /// "uf", id "aduh", vi "haizz"), in at most `yesNoMaximumWords` words, asks nothing and is no small
  /// talk: the bot asks how it can help, counts no attempt, and reads it after nothing.
  func isBareInterjection() -> Bool {
    tokens.count <= policy.yesNoMaximumWords && isOnlyInterjections() && smallTalkKind() == nil
  }

  /// Whether the message holds an interjection and otherwise only function words, and asks nothing:
  /// read after the last question, it would only repeat that answer. "is it out yet?" asks, and is
  /// read so.
  func isOnlyInterjections() -> Bool {
    guard tokens.contains(where: { profile.interjections.contains($0.folded) }) else { return false }
    return tokens.allSatisfy { !$0.isNumber && profile.role(of: $0.folded, exact: $0.exact) == .function }
      && !asksSomething()
  }

  /// Whether the message is made only of phrases from these sets (and, if allowed, function words),
  /// in at most `yesNoMaximumWords` words.
  func isOnly(_ sets: [Set<String>], allowingFunctionWords: Bool = false) -> Bool {
    let words = tokens.map(\.folded)
    guard !words.isEmpty, words.count <= policy.yesNoMaximumWords else { return false }
    let run = phraseRun(words, among: sets, allowingFunctionWords: allowingFunctionWords)
    return run.end == words.count && run.sawPhrase
  }

  /// How far the words, from the start, are phrases of these sets (longest first) and, if allowed,
  /// function words; and whether a phrase was among them.
  private func phraseRun(_ words: [String], among sets: [Set<String>], allowingFunctionWords: Bool) -> (
    end: Int, sawPhrase: Bool
  ) {
    var index = 0
    var sawPhrase = false
    while index < words.count {
      if let length = longestPhrase(in: words, from: index, among: sets)?.length {
        sawPhrase = true
        index += length
      } else if allowingFunctionWords && profile.functionWords.contains(words[index]) {
        index += 1
      } else {
        break
      }
    }
    return (index, sawPhrase)
  }

  /// Whether the words are themselves a small-talk topic the content answers ("thanks", "bye"): those
  /// are answered, not met with a question.
  private func isOnlySmallTalkTopic() -> Bool {
    // Matched as typed, diacritics and all: folded, the Vietnamese particle `ạ` would read as `a`, `anh`.
    let nonAnswers = tokens.filter { !profile.yes.contains($0.folded) && !profile.no.contains($0.folded) }
    guard !nonAnswers.isEmpty, let match = engine.match(Self.text(of: nonAnswers), in: language),
      let top = match.candidates.first
    else { return false }
    return isSmallTalk(top.intent) && top.confidence >= policy.answerThreshold
  }

  /// The length of the longest phrase of `phrases` that starts at `words[index]`.
  func phraseLength(in words: [String], from index: Int, among phrases: Set<String>) -> Int? {
    longestPhrase(in: words, from: index, among: [phrases])?.length
  }

  /// The longest phrase of up to four words, starting at `words[index]`, that one of the sets holds:
  /// its length, and which of the sets hold it. Each phrase is joined once, whatever the number of sets.
  func longestPhrase(in words: [String], from index: Int, among sets: [Set<String>]) -> (length: Int, sets: [Int])? {
    for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
      let phrase = length == 1 ? words[index] : words[index..<(index + length)].joined(separator: " ")
      let holders = sets.indices.filter { sets[$0].contains(phrase) }
      if !holders.isEmpty { return (length, holders) }
    }
    return nil
  }

  func isYes() -> Bool { answers(profile.yes) }
  func isNo() -> Bool { answers(profile.no) }

  /// Whether the message is essentially one of these answers: it starts with one, and what follows
  /// asks nothing new ("yes please, go ahead", but not "ok, how much is shipping then?").
  private func answers(_ phrases: Set<String>) -> Bool {
    // As typed, or with chat spellings of one word spelt out (id "gk usah": "tidak usah").
    guard !tokens.isEmpty, tokens.count <= policy.yesNoMaximumWords else { return false }
    let typed = tokens.map(\.folded)
    func spelledReading() -> ([String], Int)? {
      let spelled = tokens.map(spelledOutWord)
      return phraseLength(in: spelled, from: 0, among: phrases).map { (spelled, $0) }
    }
    guard
      let (words, length) = phraseLength(in: typed, from: 0, among: phrases).map({ (typed, $0) }) ?? spelledReading()
    else { return false }
    let rest = Array(tokens[length...])
    // "ok thanks" closes the conversation: an acknowledgement ("ok", which is small talk too) followed
    // by thanks or goodbye is not a yes.
    // Thanks of two words count as well, and chat spellings as their words (tr "tmm saolun": "tamam
    // sağ olun", ok thank you; "okay thank you").
    let opener = expandedWords(of: Array(tokens[..<length])).joined(separator: " ")
    let expandedRest = expandedWords(of: rest)
    if profile.smallTalk.contains(opener)
      && (rest.contains(where: { profile.smallTalk.contains($0.folded) && !phrases.contains($0.folded) })
        || expandedRest.indices.contains {
          longestPhrase(in: expandedRest, from: $0, among: [profile.thanks, profile.goodbyes]) != nil
        })
    {
      return false
    }
    // The rest made only of such answers, small talk and function words, phrase by phrase ("evet,
    // gayet açık": yes, quite clear; vi "dạ em thấy rồi ạ"), is still the answer.
    // Chat spellings count as their words ("yes pls").
    let restWords = Array(words[length...])
    let run = phraseRun(restWords, among: [phrases, profile.smallTalk], allowingFunctionWords: true)
    let spelledRun = phraseRun(expandedRest, among: [phrases, profile.smallTalk], allowingFunctionWords: true)
    guard run.end < restWords.count, spelledRun.end < expandedRest.count else { return true }
    // Something more: a new question when it matches a topic the bot could answer on its own.
    guard let match = engine.match(Self.text(of: rest), in: language), let top = match.candidates.first else {
      return true
    }
    if top.intent != .outOfScope, top.confidence >= policy.clarifyThreshold, !isSmallTalk(top.intent),
      article(top.intent)?.escalation == nil
    {
      return false
    }
    // Or a statement in words the content knows that is not small talk: id "udah seminggu lebih lho"
    // ("udah" is yes, and "already": "it's been over a week") after tracking is no answer to "did this
    // help?"; "yes it was helpful" reads as feedback, which is small talk.
    let known = Set(match.unknownWords)
    let statesSomething = match.terms.contains {
      ($0.role == .content || $0.role == .entity) && !known.contains($0.folded)
        && !profile.smallTalk.contains($0.folded)
        && !phrases.contains($0.folded)
    }
    return !statesSomething || isSmallTalk(top.intent)
  }
}
