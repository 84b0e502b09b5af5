import Foundation

/// One turn of a conversation: picks the language, reads what the bot was waiting for, matches,
/// decides by the first named rule that applies (`TurnRule`), and writes the turn into the session.
///
/// The rules, in order:
/// 1. after a hand-off: contact details, a polite close, the time a person replies, the article of a
///    request for a person or complaint not yet shown, a sure answer, or an addition to the record;
/// 2. what the bot asked: an option picked or declined, an offer of a person accepted or declined,
///    feedback; a reply that is a new question goes on to the next rules;
/// 3. frustration at or above the threshold;
/// 4. a bare yes, no or ok, or an interjection ("hmm"), with nothing asked;
/// 5. the topic, read from the message, or the message without its frustration phrases or its
///    greeting, or the message after the previous question as a follow-up, whichever is surer;
/// 6. a message that says the customer does not want a person: a polite reply, no hand-off;
/// 7. the built-in basics, where the content has no article for them and is not sure of another
///    answer: a hand-off when the customer asks for a person, a reply to a greeting, thanks or goodbye;
///    then, right after an answer, a message that says it did not help: an apology and a person;
/// 8. the decision on that reading: a menu, the out-of-scope examples, a confident answer, a
///    clarification, or a refusal, or a hand-off for low confidence.
struct Responder {
  let engine: Engine
  var session: ChatSession
  let now: Date

  /// The language of the reply.
  var language: Language = .en
  /// The language the message is read in: the reply's, unless the customer chose a language (`/lang`)
  /// and wrote in another one the content has, which is then read in its own language and answered in
  /// the chosen one.
  var matchLanguage: Language = .en
  var languageSource: Explanation.LanguageSource = .default
  var guess: LanguageGuess?
  var text = ""
  /// What the budget cut from a long message.
  var truncation: ConversationBudget.Truncation?
  /// The message's words, language-neutral, with personal data as class tokens.
  var tokens: [RawToken] = []
  /// Each of the message's tokens with the profile's chat spelling written out (`spelledOut`: tr "mrb"
  /// → "merhaba", vi "tks" → "cảm ơn"), one string per token, set with the profile: several rules read
  /// them in one turn.
  var spelledTokens: [String] = []
  /// The same words one by one (`expandedWords()`).
  var expandedTokens: [String] = []
  /// What the turn has worked out once and may need again: whether the message asks something
  /// (`asksSomething()`), found the first time a rule asks.
  let memo = Memo()

  /// A turn's answers to questions several rules ask, kept by reference so that the rules, which do not
  /// change the responder, can keep them.
  final class Memo {
    var asks: Bool?
  }
  var frustration = FrustrationAssessment.none
  /// The text the topic was matched on, and which reading it is.
  var matchedText: String?
  var reading = Reading.message
  /// The intent the message is an example of, word for word once folded (set when its topic is read).
  var exampleOwner: IntentID?
  /// Customer messages before this one that got no answer since the last answer.
  var earlierAttempts = 0

  init(engine: Engine, session: ChatSession, now: Date) {
    self.engine = engine
    self.session = session
    self.now = now
  }

  /// The reply language's sentences, and the message's language's rules (its small talk, yes and
  /// no, question words): looked up once when the language is chosen, not at every use.
  var phrases = LanguageProfile.english.phrases
  var profile = LanguageProfile.english
  /// The reply language's articles, by intent.
  var articles: [IntentID: Article] = [:]
  /// The reply language's policy.
  var policy = ReplyPolicy.default

  // MARK: Turn

  mutating func respond(to message: CustomerMessage) -> Reply {
    (text, truncation) = engine.budget.cut(message.text.trimmedWhiteSpace)
    earlierAttempts = session.attemptsWithoutAnswer
    let repliedBefore = !session.recentCustomerMessages.isEmpty
    if let zone = message.timeZone { session.timeZone = zone }
    let personalData = PersonalData.find(in: text)
    tokens = TextAnalyzer.tokens(of: text, spans: personalData)
    chooseLanguage(requested: message.language)
    let folded = tokens.map(\.folded)
    let signals = engine.knowledgeBase.frustrationSignals[language] ?? FrustrationSignals(profile: profile)
    // Chat spellings of one word count as that word ("dr tadi" is "dari tadi").
    let spelled = tokens.map(spelledOutWord)
    frustration = FrustrationDetector.assess(
      text: text, folded: folded, spelled: spelled, signals: signals, earlier: session.recentCustomerMessages)
    // The last few messages' fingerprints, for spotting a repeated one; kept short so a turn costs the
    // same however long the conversation has been.
    session.recentCustomerMessages.append(FrustrationDetector.fingerprint(of: folded))
    if session.recentCustomerMessages.count > 5 { session.recentCustomerMessages.removeFirst() }
    for signal in frustration.signals where !session.frustrationSignals.contains(signal) {
      session.frustrationSignals.append(signal)
    }
    let contacts = personalData.filter { $0.kind == .email || $0.kind == .phone }.map(\.text)

    if session.escalation != nil {
      return continueEscalation(contacts: contacts)
    }
    if let reply = handlePending() {
      return reply
    }
    if frustration.score >= policy.frustrationThreshold {
      return escalateForFrustration(
        "score \(format(frustration.score)) ≥ threshold \(format(policy.frustrationThreshold))")
    }
    // Anger after a reply that did not help: half the threshold is enough.
    if session.nonAnswers > 0 && frustration.score >= policy.frustrationThreshold / 2 {
      return escalateForFrustration(
        "score \(format(frustration.score)) ≥ half the threshold, after \(session.nonAnswers) unanswered message(s)")
    }
    // Anger after any earlier reply ("I TRIED FOUR TIMES AND NOTHING HAPPENS!!!" after an answer): the
    // reply did not help. Three quarters of the threshold are enough (more than one phrase: "still
    // nothing in my inbox" is a detail), unless the message is only small talk, thanks in capitals
    // ("THANK YOU SO MUCH!!!") or a bare yes.
    if repliedBefore && frustration.score >= policy.frustrationThreshold * 0.75 && smallTalkKind() == nil
      && !isBareYesOrNo()
    {
      return escalateForFrustration(
        "score \(format(frustration.score)) ≥ three quarters of the threshold, after an earlier reply")
    }
    if isBareYesOrNo() || isBareInterjection() {
      session.pending = nil
      return finish(
        .clarify, reason: .prompt, intent: nil, text: phrases[.prompt], match: nil, options: [], rule: .bareYesOrNo,
        "'\(text)' answers nothing the bot asked")
    }
    let match = topicMatch()
    if let declined = personDeclined(match) { return declined }
    if let basic = builtInBasics(match) { return basic }
    if let thanks = acknowledgementWithThanks(match) { return thanks }
    if let notHelped = answerDidNotHelp(match) { return notHelped }
    // A request for a person in the last clause of the last sentence comes after the rule for an
    // answer that did not help, which tells the person more.
    if !contentIsSure(match), let handOff = humanRequestAtTheEnd(match, inLastClause: true) { return handOff }
    return decide(match)
  }

  /// The language of the reply: the request's, the one the customer chose, the message's, the
  /// conversation's, or the content's default, in that order. A message in another of the content's
  /// languages than the one asked for is read in its own language and answered in the one asked for.
  private mutating func chooseLanguage(requested: Language?) {
    let available = engine.languages
    let chosen =
      requested.flatMap { available.contains($0) ? $0 : nil }
      ?? (session.languageLocked ? session.language.flatMap { available.contains($0) ? $0 : nil } : nil)
    if let chosen {
      // The host or the customer chose the reply's language; the message is still read in its own.
      language = chosen
      languageSource = requested == chosen ? .request : .chosen
      let guess = engine.identifier.identify(
        text, tokens: tokens.filter { !EntityRecognizer.isClassToken($0.folded) }, current: chosen,
        fallback: chosen)
      self.guess = guess
      matchLanguage = guess.language ?? chosen
      session.language = language
      settleLanguage()
      return
    } else {
      let guess = engine.identifier.identify(
        text, tokens: tokens.filter { !EntityRecognizer.isClassToken($0.folded) }, current: session.language,
        fallback: engine.defaultLanguage)
      self.guess = guess
      if let detected = guess.language {
        language = detected
        languageSource = .detected
      } else if let current = session.language, available.contains(current) {
        language = current
        languageSource = .session
      } else {
        language = engine.defaultLanguage
        languageSource = .default
      }
    }
    session.language = language
    matchLanguage = language
    settleLanguage()
  }

  /// Looks up the chosen languages' sentences and rules.
  mutating func settleLanguage() {
    phrases = engine.phrases(for: language)
    profile = engine.knowledgeBase.profiles[matchLanguage] ?? .english
    articles = engine.knowledgeBase.articles[language] ?? [:]
    policy = engine.policy(for: language)
    spelledTokens = tokens.map(spelledOut)
    expandedTokens = spelledTokens.flatMap { $0.split(separator: " ").map(String.init) }
    memo.asks = nil
  }

  /// The article that answers an intent in the reply's language.
  func article(_ intent: IntentID) -> Article? { articles[intent] }

  func format(_ value: Double) -> String { value.twoDecimals }
}
