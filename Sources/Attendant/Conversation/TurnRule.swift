/// The named rules a turn is decided by, in the order the responder tries them.
///
/// Each reply's explanation names the rule that decided it (`/why`, `attendant explain`, the transcript
/// log's `rule`), followed by the figures that made it fire: `confident-answer: confidence 0.84 ≥ answer
/// threshold 0.70`. The names are stable, so that tools can count them.
public enum TurnRule: String, Sendable, Hashable, Codable, CaseIterable {
  // After a hand-off.
  /// The customer gave contact details; they go into the open record.
  case contactDetails = "contact-details"
  /// "ok thanks", "bye" after a hand-off: a polite close, with no new attempt counted.
  case closeAfterHandOff = "polite-close-after-hand-off"
  /// A question the bot is sure of, answered although a person has the conversation.
  case answeredAfterHandOff = "answered-after-hand-off"
  /// A question after a hand-off about when the person replies ("how long till they get back to
  /// me?"): a follow-up topic of the article for a request for a person, such as the support hours.
  case waitForPerson = "wait-for-person"
  /// After a hand-off, a message that reads with confidence as an article that hands over (a request for
  /// a person, a complaint), which no reply has shown ("get me a real person" after a hand-off for
  /// unanswered messages): that article and who takes over, and the message is added to the record.
  case handOffArticleAfterHandOff = "hand-off-article-after-hand-off"
  /// Anything else after a hand-off: added to the record.
  case addedToHandOff = "added-to-hand-off"

  // Answers to what the bot asked.
  /// The customer picked one of the offered topics (by number, by name, or by asking for it).
  case optionPicked = "option-picked"
  /// The customer picked none of the offered topics.
  case optionsDeclined = "options-declined"
  /// The reply picked no option; the bot asks once more.
  case optionsRepeated = "options-repeated"
  /// A second reply picked no option either: a person takes over.
  case optionsUnresolved = "options-unresolved"
  /// Essentially "yes" to the offer of a person.
  case offerAccepted = "offer-accepted"
  /// Essentially "no" to the offer of a person.
  case offerDeclined = "offer-declined"
  /// Yes or no to "Did this answer your question?", or the bridge's feedback line.
  case feedback

  // A new message.
  /// One message's frustration score reached the threshold.
  case frustration
  /// Right after an answer, the message says it did not help and names no other topic with
  /// confidence: no second copy of the answer, but an apology and the offer of a person (a hand-off
  /// when the message asks for one).
  case answerDidNotHelp = "answer-did-not-help"
  /// The message says the customer does not want a person ("no i dont need a person", tr "temsilciye
  /// gerek yok") and names no other topic: the bot asks how else it can help, and does not hand over.
  case personDeclined = "person-declined"
  /// A bare yes, no or ok with nothing asked, or interjections alone ("hmm"), asking nothing: the bot
  /// asks how it can help.
  case bareYesOrNo = "bare-yes-or-no"
  /// The customer asked for a person and the content has no article that hands over for it: the
  /// built-in hand-off, from the language profile's phrases that ask for a person.
  case builtInHandOff = "built-in-hand-off"
  /// The message's last sentence, after another, is essentially a request for a person (hr "… opet isti
  /// tekst?! dajte čovjeka"): a hand-off, with the content's article for it when it has one.
  case humanRequestAtTheEnd = "human-request-at-the-end"
  /// A greeting that no small-talk article of the content answers: the built-in reply.
  case builtInGreeting = "built-in-greeting"
  /// Thanks that no small-talk article of the content answers: the built-in reply.
  case builtInThanks = "built-in-thanks"
  /// A goodbye that no small-talk article of the content answers: the built-in reply.
  case builtInGoodbye = "built-in-goodbye"
  /// A message that is essentially a greeting, thanks or goodbye, and a small-talk article of the
  /// content that matches it from the clarify threshold up: that article. Also the first of two
  /// small-talk topics the bot is unsure between ("thanks, I'll carry on": thanks or goodbye?).
  case smallTalkArticle = "small-talk-article"
  /// A word that both greets and takes leave (hr "dobro, bok"), once the bot has dealt with a topic:
  /// the goodbye, when it is worth a question too.
  case partingGreeting = "parting-greeting"
  /// The topic's article is a menu of narrower topics ("I have a problem with my order").
  case menu
  /// The message is, word for word, an example of one intent: it answers that intent.
  case example = "an-example"
  /// The message is closest to the content's out-of-scope examples.
  case outOfScopeExample = "out-of-scope-example"
  /// Unsure, but the top topic is an article that hands over, with no other topic worth a question: a
  /// complaint (id "… gk bener nih orbita, aku mau ngajuin komplain"), or a request for a person in the
  /// profile's words (tr "… bi yetkiliye bağla beni"). The hand-off, with no question which is meant.
  case handOffTopic = "hand-off-topic"
  /// Confident in one intent.
  case confidentAnswer = "confident-answer"
  /// Confident, but the runner-up is as plausible: the bot asks which one is meant.
  case ambiguous
  /// Unsure between two topics right after an answer, in a short message: the topic just answered,
  /// or the article's next topic, decides instead of a question.
  case contextDecides = "context-decides"
  /// Unsure between the request for a person and another topic, and a question word asks about the
  /// people who answer (vi "mấy giờ thì chat được với nhân viên", at what time can I chat with staff):
  /// the other topic.
  case questionAboutPeople = "question-about-people"
  /// Unsure between a topic and small talk, and the message asks something with no greeting, thanks or
  /// goodbye word ("is anyone from your team around on thanksgiving?"): the topic.
  case questionNotSmallTalk = "question-not-small-talk"
  /// Not confident, or confident in two topics, and the message names a thing of a class (a currency,
  /// a carrier, a language) whose examples are mostly one of them: that topic.
  case nameDecides = "name-decides"
  /// Unsure, but near the answer threshold, with no other topic worth a question, every word known (or
  /// a name that says the topic) and no out-of-scope examples in the running: answered
  /// (`ReplyPolicy.clearLeadShare`).
  case clearLead = "clear-lead"
  /// Unsure, with the runner-up worth a question, but the top topic past `ReplyPolicy.wideLeadThreshold`
  /// and `ReplyPolicy.wideLeadGap` ahead of it, in a message of two content words or more, every word
  /// known (or a name that says the topic) and no out-of-scope examples in the running: answered.
  case wideLead = "wide-lead"
  /// Unsure, between the clarify and answer thresholds: the bot asks which of the top two.
  case unsure = "unsure-between-two"
  /// A content word the content does not know, below the bar for such messages.
  case unknownWord = "unknown-word"
  /// Most of the message is unknown to the content.
  case mostlyUnknown = "mostly-unknown"
  /// Nothing in the message carries meaning ("??", "1").
  case noContentWord = "no-content-word"
  /// About the store, but no intent is likely enough: a person takes over.
  case lowConfidence = "low-confidence"
  /// A question the content lists among those asked right after the last answer
  /// (`Intents/<language>/follow-ups/`), as surely as any topic: the last answer's topic again.
  case staysOnTopic = "stays-on-topic"
  /// Too many non-answers in a row: a person takes over.
  case repeatedNonAnswers = "repeated-non-answers"
  /// The content has no intents or no article for what matched.
  case missingContent = "missing-content"
}

/// Which text a message's topic was matched on.
public enum Reading: String, Sendable, Hashable, Codable {
  /// The message as it is.
  case message
  /// The message without its frustration phrases ("this is the third time!!! where is my refund").
  case withoutFrustration = "without-frustration-phrases"
  /// The message without the greeting or thanks around it ("hi, where is my order?"), or without the
  /// forms of address inside it ("do you guys deliver to Australia?").
  case withoutSmallTalk = "without-small-talk"
  /// The message without the words that announce a question ("quick question about delivery", hr
  /// "imam pitanje za dostavu", vi "cho mình hỏi vụ giao hàng"): they name no topic.
  case withoutAskingPhrase = "without-asking-phrase"
  /// The part of a longer message that asks ("…it still hasn't come, where is it?"), with the clause
  /// before it.
  case question = "the-part-that-asks"
  /// The message after the previous question, as a follow-up ("what about Germany?").
  case followUp = "follow-up"
  /// The message as one of the questions the content lists as asked right after the last answer
  /// ("do I have to pay to send it back?" after a wrong item: `Intents/<language>/follow-ups/`).
  case followUpOfTheAnswer = "follow-up-of-the-answer"
}
