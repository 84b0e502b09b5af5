/// The follow-up reading: a message read after the previous question, when it leans on it.
extension Responder {
  /// The message read after the previous question, when it leans on it and that reading is surer.
  ///
  /// A short message may lean on the last answer ("what about Germany?", "a za Sloveniju?", "peki
  /// ücreti?"). It is matched again after the text the last answer was matched on. When the message
  /// opens like a follow-up or points back ("and how much does that cost?"), that reading wins if its
  /// confidence plus a bonus is above the message's own, unless the message alone is sure of one of
  /// the last answer's follow-up topics ("and how long does delivery take?" after tracking). A message
  /// that does neither is read with the context only when alone it would not be answered at all.
  /// The steps, in order: whether the message may lean at all (`previousTextToLeanOn`), the reading
  /// after the previous question, what closes or leaves the last topic (`leavesLastTopic`), and the
  /// test of its kind of message (`holdsAfterPointingBack`, `holdsAsShortQuestion`, `holdsAsDetail`).
  func followUp(after current: TopicReading) -> TopicReading? {
    guard let previous = previousTextToLeanOn(current) else { return nil }
    let combined = previous + " " + current.text
    guard let context = engine.match(combined, in: matchLanguage), let top = context.candidates.first,
      top.intent != .outOfScope, !isSmallTalk(top.intent), top.confidence >= policy.clarifyThreshold,
      !leavesLastTopic(current, for: top)
    else { return nil }
    let own = confidence(current.match)
    let ownTop = current.match?.candidates.first?.intent
    // Anger that is unsure of its own topic is no follow-up: it says the answer did not help (id "gitu
    // doang jawabannya? rugi aku bayar 199rb!!" after the price of express shipping).
    if frustration.score >= policy.frustrationThreshold / 2 && own < policy.answerThreshold { return nil }
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
    let reading = TopicReading(match: context, text: combined, kind: .followUp)
    // A statement in the last answer's own words replies to it ("its stil processing" after "you can
    // change the address while your order is still Processing"), however sure it is of another topic.
    if top.intent == session.lastAnswered, repeatsLastAnswer(current.match) { return reading }
    if ownFollowUpTopicWins(current.match, against: top) { return nil }
    let holds =
      if leansOnPreviousTurn() {
        holdsAfterPointingBack(current, context: top)
      } else if top.intent == session.lastAnswered && asksSomething() && tokens.count <= 4 {
        holdsAsShortQuestion(current, context: top)
      } else {
        holdsAsDetail(current, context: context, menuOfLastTopic: menuOfLastTopic)
      }
    return holds ? reading : nil
  }

  /// The text the last answer was matched on, when the message may lean on it: a short message; a
  /// longer one only when calm and alone it would not be answered at all, or when it has few words of
  /// its own or opens like a follow-up. `nil` when it may not.
  private func previousTextToLeanOn(_ current: TopicReading) -> String? {
    // Interjections alone ("hmm") add nothing to the last question: read after it, they would repeat
    // its answer.
    if isOnlyInterjections() { return nil }
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
    // So does one that alone is unsure of the topic just answered and of no other more.
    let ownTop = current.match?.candidates.first?.intent
    let unsureOfLastTopic =
      ownTop != nil && ownTop == session.lastAnswered && confidence(current.match) < policy.answerThreshold
    guard let previous = contextText(),
      tokens.count <= followUpMaximumTokens * (unanswered ? 2 : 1)
        || (calm && tokens.count <= followUpMaximumTokens * 2
          && (Double(ownWords) <= Double(policy.newQuestionContentWords) * profile.tokensPerWord
            || leansOnPreviousTurn() || unsureOfLastTopic))
    else { return nil }
    return previous
  }

  /// Whether the message closes the last topic or moves to its own, whatever the reading after the
  /// previous question (`top`) says: thanks or a goodbye, thanks before a new question, or a name of
  /// its own topic's class.
  private func leavesLastTopic(_ current: TopicReading, for top: IntentCandidate) -> Bool {
    let own = confidence(current.match)
    let ownTop = current.match?.candidates.first?.intent
    // Thanks or a goodbye that points back ("cheers for that") closes the topic; it does not continue it.
    if let ownTop, isSmallTalk(ownTop), own >= policy.answerThreshold { return true }
    // So does one that opens or closes with thanks or a goodbye and asks nothing, however unsure its
    // other words (hr "hvala, snaci cemo se", thanks, we'll manage; "dobro, pricekat cu. fala", fine,
    // I'll wait, thanks).
    if let ownTop, isSmallTalk(ownTop), closingRemark() != nil { return true }
    // Thanks at the start closes the last topic: the question after it is a new one, read on its own
    // when alone it has a topic to offer (id "oke makasih kak. oh ya fakturnya nanti dikirim ke email
    // kan?" after tracking is the invoice).
    if let ownTop, !isSmallTalk(ownTop), ownTop != .outOfScope, own >= policy.clarifyThreshold, thanksFirst() {
      return true
    }
    // So does a phrase that brings a new question along ("by the way"), when the message alone has a
    // topic to offer (tr "faturasini da kaybettim bu arada, tekrar nerden alirim" after the warranty is
    // the invoice, 0.52 alone).
    if let ownTop, ownTop != .outOfScope, !isSmallTalk(ownTop), own >= policy.clarifyThreshold, announcesNewTopic() {
      return true
    }
    // A name of a class that is the message's own topic's, not the last one's, moves to it with a word
    // of its own ("she'd pay in euros, right?" after shipping to Croatia; "who delivers over there,
    // fedex?"); a name alone is a detail of the last topic ("and to canada then?" after its price).
    // A name's topic tied with the first counts as the first (hr "…, podrska radi i na engleskom?":
    // the languages and the support hours 0.46 each).
    // So does a name that would decide the message alone (`name-decides`), unsure of its first topic
    // (vi, switching to English after the prices in pounds: "ok, and who delivers in the UK, Royal
    // Mail?" is the couriers, 0.42 beside shipping abroad at 0.69).
    if let ownMatch = current.match, ownMatch.contentWordCount > 0, let (named, nameClass) = topicOfName(ownMatch),
      named.intent == ownTop || named.confidence > own - policy.clarifyMargin || own < policy.answerThreshold,
      named.intent != top.intent,
      engine.nameShare(of: top.intent, nameClass, in: matchLanguage) * 4
        <= engine.nameShare(of: named.intent, nameClass, in: matchLanguage)
    {
      return true
    }
    return false
  }

  /// A message that opens like a follow-up or points back: the reading in context holds if, with the
  /// marker's bonus, it is surer than the message alone, and the message names no topic of its own.
  private func holdsAfterPointingBack(_ current: TopicReading, context top: IntentCandidate) -> Bool {
    let own = confidence(current.match)
    // A message that names its own topic, one of the last answer's follow-ups, moves to it ("and how
    // long does delivery take?" after tracking); "how long?" alone stays with the topic.
    // An objection is the other way round: it stays when its words name a follow-up ("but it has
    // already shipped" after a change of address is not a tracking question), and moves when they
    // confidently name something else ("but how do I pay with PayPal?").
    // A message that confidently names a topic of its own in words that are not a property of the
    // last one ("can I get an invoice for it?" after the warranty) moves to it too; "and how much
    // does that cost?" after a return asks about the return.
    let contentWords = current.match?.contentWordCount ?? 0
    if contentWords > 0, let ownTop = current.match?.candidates.first?.intent, own >= policy.answerThreshold,
      let last = session.lastAnswered
    {
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
        return false
      }
    }
    return top.confidence + policy.followUpMarkerBonus > own
  }

  /// A short question right after an answer: the reading in context holds when it is confidently the
  /// topic just answered and the message alone does not name another.
  private func holdsAsShortQuestion(_ current: TopicReading, context top: IntentCandidate) -> Bool {
    let own = confidence(current.match)
    let ownTop = current.match?.candidates.first?.intent
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
    return top.confidence >= policy.answerThreshold && top.confidence + policy.followUpMarkerBonus / 2 > own
      && !(named
        && ((own >= policy.answerThreshold && own >= top.confidence)
          || (!considersLast && ownTop != .outOfScope && own >= policy.clarifyThreshold)))
  }

  /// Any other message: the reading in context holds when alone it would not be answered at all, or
  /// when it is a detail of the topic just answered that the context reading is confident of.
  private func holdsAsDetail(_ current: TopicReading, context: IntentMatch, menuOfLastTopic: Bool) -> Bool {
    guard let top = context.candidates.first else { return false }
    let own = confidence(current.match)
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
    return
      (own < policy.clarifyThreshold || current.match?.candidates.first?.intent == .outOfScope
      || detailOfLastTopic)
      && top.confidence >= (leadsWithLastTopic ? policy.clarifyThreshold : policy.answerThreshold)
  }

  /// Whether the message holds a phrase that brings a new question along (the profile's
  /// `newTopicPhrases`: "by the way", tr "bu arada").
  func announcesNewTopic() -> Bool {
    let words = tokens.map(\.folded)
    return profile.newTopicPhrases.contains { phrase in
      !phrase.isEmpty && words.count >= phrase.count
        && (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }
  }
}
