import Foundation
import Testing

@testable import Attendant

/// Signs of frustration: each kind of signal, in each language, configurable per content folder;
/// strong frustration escalates at once with an acknowledgement, weaker signs raise the priority.
struct FrustrationTests {
  static func assess(_ text: String, _ language: Language, earlier: [String] = []) -> FrustrationAssessment {
    let fold = { (text: String) in Tokenizer.tokenize(text).map(\.folded) }
    return FrustrationDetector.assess(
      text: text, folded: fold(text), signals: Demo.knowledgeBase.frustrationSignals[language]!,
      earlier: earlier.map { FrustrationDetector.fingerprint(of: fold($0)) })
  }

  @Test(arguments: [
    ("this is useless", Language.en, "phrase 'useless'"),
    ("this is the third time I ask", .en, "phrase 'this is the third time'"),
    ("ovo je treći put da pitam", .hr, "phrase 'ovo je treci put'"),
    ("ovo je katastrofa", .hr, "phrase 'katastrofa'"),
    ("lần thứ ba rồi đấy", .vi, "phrase 'lan thu ba roi'"),
    ("bot vô dụng", .vi, "phrase 'bot vo dung'"),
    ("üçüncü kez yazıyorum", .tr, "phrase 'ucuncu kez yaziyorum'"),
    ("BIKTIM", .tr, "phrase 'biktim'"),
    ("udah ketiga kalinya nanya", .id, "phrase 'udah ketiga kalinya'"),
    ("dasar goblok", .id, "phrase 'goblok'"),
  ])
  func findsTheLanguagesAngryWordsAndPhrases(text: String, language: Language, signal: String) {
    let assessment = Self.assess(text, language)
    #expect(assessment.signals.contains(signal), "\(assessment.signals)")
    #expect(assessment.score >= 1)
  }

  /// A chat spelling of one word counts as the word in a phrase: id "dr tadi" is "dari tadi", "dr td" is
  /// too, and "niat jualan gk sih" is the list's "niat jualan tidak sih" (written in full). An angry
  /// message after an answer that did not help was answered with the same article again, and the
  /// second was asked about as a tracking question, with no sign of anger.
  @Test(arguments: [
    ("udh cek spam, tetep gk bisa masuk!! dr tadi jawabannya itu2 aja, percuma", ["phrase 'dari tadi'"]),
    (
      "dr td aku telpon gk diangkat2, email jg dicuekin. niat jualan gk sih kalian??",
      ["phrase 'dari tadi'", "phrase 'niat jualan tidak sih'"]
    ),
  ])
  func chatSpellingsCountAsTheirWords(text: String, signals: [String]) {
    let reply = ConversationDriver.reply(
      to: text, after: "link reset password gak nyampe ke email", answered: "password-reset", language: .id)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .frustration)
    for signal in signals {
      #expect(reply.explanation.frustration.signals.contains(signal), "\(reply.explanation.frustration)")
    }
  }

  @Test func aPhraseInsideALongerOneCountsOnce() {
    let assessment = Self.assess("this is the third time", .en)
    #expect(assessment.signals == ["phrase 'this is the third time'"])
    #expect(assessment.score == 1)
  }

  @Test func spellingsThatFoldAlikeCountOnce() {
    // The Croatian list has both 'već sam rekao' and 'vec sam rekao'.
    let assessment = Self.assess("već sam rekao", .hr)
    #expect(assessment.signals == ["phrase 'vec sam rekao'"])
  }

  @Test func phrasesMatchWholeWordsOnly() {
    #expect(Self.assess("I need scrap paper", .en).signals.isEmpty, "'crap' is not in 'scrap'")
    #expect(
      Self.assess("still nothing arrived", .en).signals == ["phrase 'still nothing'"],
      "'still not' is not in 'still nothing'")
  }

  @Test(arguments: [
    ("WHERE IS MY PARCEL", "shouting in capitals"), ("İADEMİ NE ZAMAN ALACAĞIM", "shouting in capitals"),
    ("where is my parcel???", "repeated punctuation"), ("where is my parcel!?!", "repeated punctuation"),
    ("where is my parcel 😡", "angry emoji"),
  ])
  func findsShoutingPunctuationAndEmoji(text: String, signal: String) {
    #expect(Self.assess(text, .en).signals == [signal])
  }

  @Test(arguments: ["OK", "I got my ORB-48213579", "where is my parcel?", "where is my parcel!", "DHL", "hvala 🙂"])
  func calmMessagesHaveNoSignals(text: String) {
    #expect(Self.assess(text, .en).signals.isEmpty)
  }

  @Test func repeatingAnEarlierMessageIsASignal() {
    let assessment = Self.assess("Where is my order", .en, earlier: ["hello", "where is my order"])
    #expect(assessment.signals == ["repeats an earlier message"])
    #expect(Self.assess("hello", .en, earlier: ["hello"]).signals.isEmpty, "a one-word greeting is not a repetition")
  }

  static let strong: [(Language, String)] = [
    (.en, "THIS IS RIDICULOUS!!! WHERE IS MY ORDER"),
    (.hr, "ovo je sramota, već sam rekao!!!"),
    (.vi, "bực mình quá, lừa đảo!!!"),
    (.tr, "REZALET, BIKTIM ARTIK!!!"),
    (.id, "payah, gak becus!!!"),
  ]

  @Test(arguments: strong)
  func strongFrustrationEscalatesAtOnceAndAcknowledgesTheFeelings(language: Language, text: String) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(text)
    #expect(reply.language == language)
    #expect(reply.decision == .escalate)
    #expect(reply.reason == .frustration)
    #expect(reply.text.hasPrefix(Demo.engine.phrases(for: language)[.frustration]))
    let record = try #require(reply.escalation)
    #expect(record.reason == .frustration)
    #expect(record.priority >= .high)
    #expect(record.frustrationSignals == reply.explanation.frustration.signals)
    #expect(reply.explanation.frustration.score >= ReplyPolicy.default.frustrationThreshold)
    #expect(reply.explanation.turnRule == .frustration)
    #expect(reply.explanation.rule.hasPrefix("frustration: score "))
  }

  @Test func weakSignsAreExplainedAndRaiseTheLaterPriority() throws {
    var calm = ConversationDriver()
    let calmRecord = try #require(calm.say("I would like to talk to a human, please", language: .en).escalation)
    var upset = ConversationDriver()
    let answered = upset.say("where is my order, this is the third time!!!", language: .en)
    #expect(answered.decision == .answer, "weak signs alone do not escalate")
    #expect(answered.explanation.frustration.signals == ["phrase 'this is the third time'", "repeated punctuation"])
    let upsetRecord = try #require(upset.say("I would like to talk to a human, please", language: .en).escalation)
    #expect(upsetRecord.priority == calmRecord.priority.raised)
    #expect(upsetRecord.frustrationSignals == ["phrase 'this is the third time'", "repeated punctuation"])
  }

  @Test func aLowerThresholdEscalatesSooner() {
    var policy = ReplyPolicy.default
    policy.frustrationThreshold = 1
    var conversation = ConversationDriver(engine: Engine(knowledgeBase: Demo.knowledgeBase, policy: policy))
    #expect(conversation.say("where is my order, this is useless", language: .en).reason == .frustration)
  }

  // MARK: KnowledgeBase/<language>/frustration.txt

  static let fixture = Paths.fixture("frustration")

  @Test func theContentFileAddsWeighsAndRemovesPhrases() throws {
    let knowledgeBase = try ContentLoader().load(from: Self.fixture)
    let signals = try #require(knowledgeBase.frustrationSignals[.en])
    let weights = Dictionary(signals.phrases.map { ($0.text, $0.weight) }, uniquingKeysWith: { $1 })
    #expect(weights["still broken"] == 1)
    #expect(weights["you people are clowns"] == 2)
    #expect(weights["not again"] == 0.5)
    #expect(weights["damn"] == nil && weights["crap"] == nil)
    #expect(weights["useless"] == 1, "the rest of the built-in list stays")
    #expect(knowledgeBase.warnings.isEmpty, "\(knowledgeBase.warnings)")
  }

  @Test func aHeavyPhraseAloneEscalatesAndARemovedOneIsIgnored() throws {
    let engine = Engine(knowledgeBase: try ContentLoader().load(from: Self.fixture))
    var removed = ConversationDriver(engine: engine)
    let calm = removed.say("damn, where is my order")
    #expect(calm.explanation.frustration.signals.isEmpty)
    #expect(calm.reason != .frustration)
    var heavy = ConversationDriver(engine: engine)
    let reply = heavy.say("you people are clowns")
    #expect(reply.reason == .frustration)
    #expect(reply.explanation.frustration.signals == ["phrase 'you people are clowns' (weight 2)"])
  }

  @Test func theDemoUsesEachProfilesBuiltInList() {
    for language in [Language.en, .hr, .vi, .tr, .id] {
      #expect(
        Demo.knowledgeBase.frustrationSignals[language]
          == FrustrationSignals(profile: Demo.knowledgeBase.profiles[language]!))
    }
  }

  @Test func mistakesInTheFileAreReportedWithTheirLine() throws {
    let folder = Paths.temporaryFolder()
    try FileManager.default.copyItem(at: Self.fixture, to: folder.appendingPathComponent("content"))
    let content = folder.appendingPathComponent("content")
    try "still broken\nso slow = lots\n-not a built-in phrase\nstill broken = 2\n= 3\n-*\nreally bad\n"
      .write(to: content.appendingPathComponent("KnowledgeBase/en/frustration.txt"), atomically: true, encoding: .utf8)
    let result = ContentLoader().read(from: content)
    let messages = result.findings.map(\.description)
    #expect(result.knowledgeBase == nil)
    #expect(messages.contains { $0.hasPrefix("KnowledgeBase/en/frustration.txt:2: error: 'lots' is not a weight.") })
    #expect(
      messages.contains {
        $0.hasPrefix("KnowledgeBase/en/frustration.txt:3: warning: 'not a built-in phrase' is not a built-in")
      })
    #expect(
      messages.contains {
        $0.hasPrefix("KnowledgeBase/en/frustration.txt:4: warning: The phrase 'still broken' is already on line 1")
      })
    #expect(messages.contains { $0.hasPrefix("KnowledgeBase/en/frustration.txt:5: error: The line holds no words.") })

    try "-*\nreally bad\n".write(
      to: content.appendingPathComponent("KnowledgeBase/en/frustration.txt"), atomically: true, encoding: .utf8)
    let replaced = try #require(ContentLoader().read(from: content).knowledgeBase)
    #expect(replaced.frustrationSignals[.en]?.phrases == [FrustrationSignals.Phrase("really bad")])
  }

  /// Anger in reply to a question back that asks for nothing the content answers hands over at half
  /// the threshold, as after a refusal: the question did not help.
  @Test(arguments: [
    ("quick q about delivery", "ugh this is pointless, you keep asking me things", Language.en),
    ("imam pitanje o dostavi", "ovo je beskorisno, samo me nešto pitaš", .hr),
  ])
  func angerInReplyToAQuestionBackHandsOver(question: String, anger: String, language: Language) {
    var conversation = ConversationDriver()
    #expect(conversation.say(question, language: language).decision == .clarify)
    let reply = conversation.say(anger, language: language)
    #expect(reply.decision == .escalate, "\(reply.explanation.rule)")
    #expect(reply.explanation.turnRule == .frustration)
  }
}
