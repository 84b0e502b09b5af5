/// A word that both greets and takes leave (hr "bok", "ćao"), typed once the conversation is under way;
/// thanks that acknowledge the answer just given.
extension Responder {
  /// The goodbye to answer instead of a greeting (`parting-greeting`), if the message is one: it asks
  /// nothing, the bot has already dealt with a topic in this conversation, and the small-talk topic
  /// that the language's goodbyes land on is worth a question too (hr "dobro, bok" after the opening
  /// hours: greeting 0.93, goodbye 0.78), or the message is nothing but greetings that take leave as
  /// well and other small talk (tr "iyi günler kolay gelsin", an example of the greeting, after a
  /// hand-off: the profile's `partingGreetings`). At the start of a conversation the greeting stands.
  func partingGoodbye(insteadOf intent: IntentID, _ match: IntentMatch?) -> IntentID? {
    guard isSmallTalk(intent), let match, let goodbye = smallTalkTopic(of: profile.goodbyes), goodbye != intent,
      smallTalkTopic(of: profile.greetings) == intent, conversationIsUnderWay(), !asksSomething()
    else { return nil }
    let worthAQuestion = match.candidates.contains {
      $0.intent == goodbye && $0.confidence >= policy.clarifyThreshold
    }
    return worthAQuestion || isOnlyPartingSmallTalk() ? goodbye : nil
  }

  /// Whether the message is greetings that take leave as well, with nothing but small talk and function
  /// words besides and no greeting that only greets (tr "iyi günler kolay gelsin", vi "chào shop nha";
  /// not "merhaba").
  private func isOnlyPartingSmallTalk() -> Bool {
    guard !profile.partingGreetings.isEmpty, isOnly([profile.smallTalk], allowingFunctionWords: true) else {
      return false
    }
    let words = spelledTokens
    let onlyGreets = profile.greetings.subtracting(profile.partingGreetings)
    guard !words.contains(where: onlyGreets.contains) else { return false }
    return words.indices.contains { phraseLength(in: words, from: $0, among: profile.partingGreetings) != nil }
  }

  /// The small-talk topic of the language's goodbyes and the message's match, when that topic is the
  /// message's first or second from the clarify threshold up: a yes to "did this answer your
  /// question?" that takes leave too (hr "aha kuzim. bok"), or a greeting word once the conversation
  /// is under way.
  func goodbyeAmongTopics() -> (goodbye: IntentID, match: IntentMatch)? {
    guard let goodbye = smallTalkTopic(of: profile.goodbyes), let match = engine.match(text, in: matchLanguage),
      match.candidates.prefix(2).contains(where: { $0.intent == goodbye && $0.confidence >= policy.clarifyThreshold })
    else { return nil }
    return (goodbye, match)
  }

  /// Whether the bot has answered, offered or handed over a topic other than small talk in this
  /// conversation.
  func conversationIsUnderWay() -> Bool {
    session.escalation != nil || session.omittedTurns > 0
      || session.transcript.contains { turn in
        turn.from == .bot && turn.intent.map { !isSmallTalk($0) } == true
      }
  }

  /// The small-talk topic whose examples hold most of some of the profile's phrases word for word (of
  /// equal counts, the first in their sorted order); `nil` when none does. A look-up per phrase, with
  /// no matching, so that content names its greeting and goodbye topics as it likes.
  private func smallTalkTopic(of phrases: Set<String>) -> IntentID? {
    var counts: [IntentID: Int] = [:]
    var order: [IntentID] = []
    for phrase in phrases.sorted() {
      guard let owner = engine.exampleOwner(ofPhrase: phrase, in: matchLanguage), isSmallTalk(owner) else {
        continue
      }
      if counts[owner] == nil { order.append(owner) }
      counts[owner, default: 0] += 1
    }
    let most = counts.values.max()
    return order.first { counts[$0] == most }
  }

  /// The small-talk article for thanks or a goodbye after a statement on the topic just answered, which
  /// asks nothing and says no answer failed (tr "tamam visa ile oderim o zaman tesekkurler", ok, I'll
  /// pay by Visa then, thanks, after the payment methods): the customer acknowledges the answer.
  /// `nil` otherwise.
  mutating func acknowledgementWithThanks(_ match: IntentMatch?) -> Reply? {
    guard let last = session.lastAnswered, !isSmallTalk(last), let top = match?.candidates.first,
      top.intent == last, frustration.score == 0, notHelpedPhrase() == nil, let remark = closingRemark(),
      let closing = engine.match(remark, in: matchLanguage)?.candidates.first, isSmallTalk(closing.intent),
      closing.confidence >= policy.clarifyThreshold
    else { return nil }
    return answerOrEscalate(
      closing.intent, match: match, reason: .smallTalk, rule: .smallTalkArticle,
      "the message asks nothing and closes with '\(remark)' after a statement on '\(last)', the topic just answered: it acknowledges the answer"
    )
  }
}
