/// Everything the engine knows about one language: how its words are cut, folded and stemmed, which
/// words carry grammar rather than meaning, and what the bot itself says in it.
///
/// Adding a language means adding one file with one profile (see `Profiles/`), listing it in
/// `LanguageProfile.builtIn`, and writing its tests; the rest of the engine is language-neutral.
public struct LanguageProfile: Sendable {
  /// What an apostrophe inside a word means.
  public enum ApostropheRule: Sendable {
    /// The parts are one word (`don't` → `dont`).
    case join
    /// The part after the apostrophe is a suffix on a name, and is dropped (`İstanbul'a` → `istanbul`).
    case dropSuffix
  }

  public let language: Language
  /// The language's name in English, for messages to editors.
  public let name: String
  /// The ICU locale used for dates and times (`hr_HR`).
  public let localeIdentifier: String
  /// `I` lower-cases to `ı` and `İ` to `i`.
  public let turkishCasing: Bool
  public let apostrophe: ApostropheRule
  /// Endings after an apostrophe that are words of their own, with the word each stands for (en `'d`
  /// → `would`, `'ll` → `will`): `she'd` is "she would", never the noun `shed`.
  public let clitics: [String: String]
  /// How many tokens make a word on average: 1, or more where the script writes syllables apart
  /// (Vietnamese `đơn hàng`, "order", is two tokens). Limits in words (`followUpMaximumWords`) are
  /// scaled by it.
  public let tokensPerWord: Double
  /// A digit 2 after a word marks reduplication (Indonesian `barang2` = `barang-barang`).
  public let digitTwoReduplicates: Bool
  public internal(set) var stemmer: any Stemmer
  /// Letters typical of this language among the built-in ones, folded away in ASCII text. A letter
  /// may belong to two profiles (`đ`: hr and vi); language id counts it for both.
  public let distinctiveLetters: Set<Unicode.Scalar>
  /// Frequent grammatical words, folded; they weigh less in matching and identify the language.
  public internal(set) var functionWords: Set<String>
  /// Interjections ("hmm", "ugh", hr "uf", tr "of", id "aduh", vi "haizz"), folded: function words
  /// that carry no topic, and a message of them alone asks nothing.
  public internal(set) var interjections: Set<String>
  /// Words that negate, folded; never treated as function words.
  public internal(set) var negations: Set<String>
  /// Question words, folded; never treated as function words.
  public internal(set) var questionWords: Set<String>
  /// Words that make a question of the clause they end (vi "… được không", id "… bisa gak"), as written,
  /// by their folded form (`endsWithQuestionTag(_:)`): elsewhere they are negations.
  var questionTags: [String: Set<String>]
  /// Words that make a question of the clause they open, by word order (en "can", "do", "is": "can i
  /// just use paypal instead"), folded: elsewhere they are ordinary words ("i can't log in").
  var questionOpeners: Set<String>
  /// Pairs of words that make a question wherever they stand, folded and joined by a space (vi "… gửi
  /// qua mail hay mình tự tải về", by mail or do I download it: "hay" before a person is "or").
  var questionPairs: Set<String>
  /// Pairs of words in which the question word is an indefinite, not a question, folded and joined by a
  /// space (vi "chẳng ai gọi lại", nobody called back): such a clause asks nothing by that word.
  var indefinitePairs: Set<String>
  /// Words for "or" that, after a question tag, open a second alternative (vi "nv nói tiếng Việt đc
  /// ko hay phải nhắn tiếng Anh", do the staff speak Vietnamese or must I write in English), as written,
  /// by their folded form (`asksAnAlternative(_:)`).
  var questionAlternatives: [String: Set<String>]
  /// Particles that may close a question after its tag, folded (vi "… có nói tiếng Anh ko ạ"): in a
  /// clause before the last (`Responder.asksSomething`).
  var finalParticles: Set<String>
  /// The closing particles as written, by folded form (vi "nhà", home, is not the particle "nha").
  var finalParticleSpellings: [String: Set<String>]
  /// The single-word entries of the negation, question and function lists as written (lower case, NFC,
  /// with their diacritics), by their folded form, in that order of precedence: `ve` → `về` (function).
  /// Where a word is typed with diacritics they decide its role (`vé`, a ticket, is not `về`).
  var roleForms: [String: [RoleForm]]
  /// Chat abbreviations and colloquial spellings, folded, mapped to the standard words.
  public internal(set) var abbreviations: [String: String]
  /// The same expansions, already cut into words (with this language's casing).
  var expansions: [String: [RawToken]]
  /// The abbreviations as written (lower case, NFC, with their diacritics), by their folded form. A
  /// word typed with diacritics is an abbreviation only if it is written as the list writes it:
  /// Vietnamese `a` is `anh`, but `ạ` is the polite particle.
  var abbreviationSpellings: [String: Set<String>]
  /// Answers meaning "yes" and "no", folded.
  public let yes: Set<String>
  public let no: Set<String>
  /// Words and phrases that signal anger or frustration, folded.
  public let frustrationSignals: [String]
  /// Greetings, thanks and goodbyes, and the words around them that carry no topic (apologies, forms of
  /// address, "ok", "please"), folded: around a question they are not the question ("hi, where is my
  /// order?"), and after a hand-off they close the conversation politely.
  public let smallTalk: Set<String>
  /// The greetings, thanks and goodbyes among the small talk, folded: a message that is essentially one
  /// of them gets the built-in reply when no small-talk article of the content answers it.
  public let greetings: Set<String>
  public let thanks: Set<String>
  public let goodbyes: Set<String>
  /// Greetings that take leave as well (hr "bok", tr "iyi günler", "kolay gelsin", vi "chào", id
  /// "selamat siang"), folded; they count among the greetings. Once the conversation is under way, a
  /// message of nothing else is a goodbye (`Responder.partingGoodbye`).
  public let partingGreetings: Set<String>
  /// Phrases that ask for a person ("talk to a human", "real person", hr "želim razgovarati s osobom",
  /// tr "müşteri temsilcisi"), folded: a message that is essentially one of them hands over when the
  /// content has no article for it.
  public let humanRequests: Set<String>
  /// Every word of the phrases that ask for a person: besides function and small-talk words, the only
  /// words such a request may hold ("I want to talk to a human" but not "…about parking").
  public let humanRequestWords: Set<String>
  /// Every word of the small-talk phrases, and of the yes and no phrases too: a message with a word
  /// outside these cannot be only small talk or only an answer (a quick test before the phrase look-up).
  public let smallTalkWords: Set<String>
  public let shortReplyWords: Set<String>
  /// Words and phrases that open a follow-up ("and", "what about", hr "a za", tr "peki", vi "còn",
  /// id "trus"), folded: such a message is read with the previous question as context.
  public let followUpOpeners: Set<String>
  /// Words that open (Turkish: also close) an objection to the previous answer ("but", hr "ali",
  /// tr "ama", vi "nhưng", id "tapi"), folded: "but it has already shipped" after a change of address
  /// stays with that topic rather than moving to tracking.
  public let contrastOpeners: Set<String>
  /// Words that join two clauses ("and", "but"), folded: a long message is cut at them to find the part
  /// that asks.
  public let clauseConjunctions: Set<String>
  /// Words that point back to the previous topic ("it", "that", hr "to", tr "bu", vi "đó", id "itu"), folded.
  public let anaphora: Set<String>
  /// Words that ask for a property any topic has: its price, its fee, who pays, how long it takes
  /// ("cost", hr "poštarina", tr "ücret", vi "phí", id "biaya"), as stems. "and how much does that
  /// cost?" after a return asks about the return; "can I get an invoice for it?" names a new topic.
  public let attributeStems: Set<String>
  /// Words that quote what a page or a status says ("says", "shows", tr "yazıyor", hr "piše"), as stems:
  /// "it still says processing" after an answer that names the Processing status repeats that answer.
  public let quotingStems: Set<String>
  /// Phrases that say the last answer did not help ("doesn't help", "I already checked", hr "ne
  /// pomaže", tr "işime yaramadı", id "gak ngebantu", vi "không giúp được gì"), folded, with chat
  /// spellings spelt out, up to four words.
  public let notHelped: Set<String>
  /// The first words of `notHelped`'s phrases: most messages hold none, and are passed over at once.
  public let notHelpedFirstWords: Set<String>
  /// Phrases that say the customer does not need or want something ("don't need", "no need", hr "ne
  /// treba", tr "gerek yok", vi "không cần", id "gak perlu"), folded, with chat spellings spelt out:
  /// beside a request for a person ("no i dont need a person"), they decline one.
  public let noNeed: Set<String>
  /// The first words of `noNeed`'s phrases: a message with none of them declines nothing.
  public let noNeedFirstWords: Set<String>
  /// The words of the requests for a person that refuse the bot (those with a negation or a `noNeed`
  /// phrase: "not a bot", hr "ne želim bota", tr "bot istemiyorum"), besides their function words and
  /// negations: "bot", "bota", "istemiyorum". A decline of a person never reaches across one.
  public let botWords: Set<String>
  /// The last words of the requests for a person ("person" in "talk to a person", hr "osobom"), besides
  /// `botWords`, function words and negations: a decline names the person in one of them ("no i dont
  /// need a person").
  public let personWords: Set<String>
  /// The words of the small-talk, frustration, not-helped and human-request phrases, folded: words of
  /// the language in their own right, which are never corrected into a content word (hr "dosta" in
  /// "dosta mi je" is not "kosta").
  public let phraseWords: Set<String>
  /// Numbers written as words, cardinal or ordinal ("two", "second", hr "dva", "drugi", tr "ikinci"),
  /// folded: the customer picks an option by one. A negative number counts from the end ("last": -1,
  /// hr "zadnji", tr "sonuncu", id "terakhir", vi "cuối").
  public let numberWords: [String: Int]
  /// Words around a number that picks an option ("number", "option", "the", hr "broj", tr "numara",
  /// vi "số", id "nomor"), folded: "2 please", "no 2 kak", "số 2 ạ" pick the second option.
  public let optionWords: Set<String>
  /// Phrases that announce a question without naming its topic ("quick question about", hr "imam
  /// pitanje za", tr "ile ilgili bir sorum var", vi "cho mình hỏi", id "mau nanya soal"), folded.
  public let askingPhrases: [[String]]
  /// The phrases among them that bring a new question along after another topic or thanks ("by the
  /// way", hr "usput", tr "bu arada", vi "nhân tiện", id "sekalian nanya"), folded: the message after
  /// them is not a detail of the last answer.
  public let newTopicPhrases: [[String]]
  /// How the person who takes over replies ("get back to me", tr "yazar", vi "rep"), folded.
  public let replyPhrases: Set<String>
  /// A word ending that points back, when the language marks it on the word (Indonesian `-nya`).
  public let anaphoricSuffix: String?
  /// Words that end in `anaphoricSuffix` and point back at nothing: adverbs it made long ago (id
  /// "biasanya", usually; "katanya", they say), folded.
  public let notPointingBack: Set<String>
  /// Names of places, languages and currencies that `Locale` does not give: the names customers use
  /// (`Turkey`, `USA`, `Amerika`, `Sài Gòn`) and the market's cities.
  public let entityAliases: [EntityList]
  /// The market's own country (an ISO 3166 code, hr `HR`), when the language has one: it and the
  /// cities the aliases list as home cities are `@home-place`, not `@place`, so that a delivery at
  /// home ("giao về Biên Hòa") is not a question about shipping abroad. `nil` for English.
  public let homeRegion: String?
  /// Words after which a name that is also an everyday word counts as a name (`to`, `u`, `sang`, `ke`), folded.
  public let placeCues: Set<String>
  /// Names that are also everyday words (vi `anh`: "you" and the United Kingdom), folded.
  public let ambiguousNames: Set<String>
  /// The ambiguous names as the list writes them, by their folded form: typed with diacritics, such a
  /// name counts only so written (vi `đó`, "that", is not `đô`, the dollar).
  var ambiguousNameSpellings: [String: Set<String>]
  /// Ambiguous names that count only typed with their diacritics, folded: typed without, the everyday
  /// word is far more often meant (vi `sip`, a chat spelling of "ship", and `Síp`, Cyprus).
  public let accentedOnlyNames: Set<String>
  /// Everyday words whose stem is a name's (tr `arası`, "between", stems to `aras`, the carrier Aras
  /// Kargo, with the accusative `-ı`), folded: they are never a name by their stem or a case ending; the
  /// name typed as it is still counts.
  public let wordsNotNamesByStem: Set<String>
  /// Endings that a one-word name may carry when typed without an apostrophe (Turkish case endings:
  /// `kanadaya`, `dolarla`), folded, longest first. A word is that name when what is left is the name.
  public let nameEndings: [String]
  /// The word before a language's name that makes it the language rather than the country
  /// (Indonesian `bahasa`), when the language needs one.
  public let languageNamePrefix: String?
  /// The bot's own sentences.
  public let phrases: Phrases

  public init(
    language: Language, name: String, localeIdentifier: String, turkishCasing: Bool = false,
    apostrophe: ApostropheRule = .join, clitics: [String: String] = [:], tokensPerWord: Double = 1,
    digitTwoReduplicates: Bool = false, stemmer: any Stemmer,
    distinctiveLetters: String = "", functionWords: [String], interjections: [String] = [], negations: [String],
    questionWords: [String],
    abbreviations: [String: String] = [:], yes: [String], no: [String], frustrationSignals: [String],
    smallTalk: [String] = [], greetings: [String] = [], thanks: [String] = [], goodbyes: [String] = [],
    partingGreetings: [String] = [],
    humanRequests: [String] = [], followUpOpeners: [String] = [], contrastOpeners: [String] = [],
    anaphora: [String] = [], attributeWords: [String] = [], notHelped: [String] = [], noNeed: [String] = [],
    quotingWords: [String] = [],
    numberWords: [String: Int] = [:],
    optionWords: [String] = [], askingPhrases: [String] = [], newTopicPhrases: [String] = [],
    replyPhrases: [String] = [],
    clauseConjunctions: [String] = [], questionTags: [String] = [], questionOpeners: [String] = [],
    questionPairs: [String] = [], indefinitePairs: [String] = [], questionAlternatives: [String] = [],
    finalParticles: [String] = [],
    anaphoricSuffix: String? = nil, notPointingBack: [String] = [], entityAliases: [EntityList] = [],
    homeRegion: String? = nil,
    placeCues: [String] = [],
    ambiguousNames: [String] = [], accentedOnlyNames: [String] = [], wordsNotNamesByStem: [String] = [],
    nameEndings: [String] = [],
    languageNamePrefix: String? = nil, phrases: Phrases
  ) {
    func fold(_ words: [String]) -> [String] { words.map { TextAnalyzer.foldPhrase($0) } }
    self.language = language
    self.name = name
    self.localeIdentifier = localeIdentifier
    self.turkishCasing = turkishCasing
    self.apostrophe = apostrophe
    self.clitics = clitics
    self.tokensPerWord = tokensPerWord
    self.digitTwoReduplicates = digitTwoReduplicates
    self.stemmer = stemmer
    self.distinctiveLetters = Set(distinctiveLetters.unicodeScalars)
    self.negations = Set(fold(negations))
    self.questionWords = Set(fold(questionWords))
    self.questionTags = Self.spellings(of: questionTags, turkishCasing: turkishCasing)
    self.questionOpeners = Set(fold(questionOpeners))
    self.questionPairs = Set(fold(questionPairs))
    self.indefinitePairs = Set(fold(indefinitePairs))
    self.questionAlternatives = Self.spellings(of: questionAlternatives, turkishCasing: turkishCasing)
    self.finalParticles = Set(fold(finalParticles))
    self.finalParticleSpellings = Self.spellings(of: finalParticles, turkishCasing: turkishCasing)
    // A word that opens a follow-up or an objection, or points back, names no topic: it is a function
    // word too ("peki", "trus", "onda", "plus").
    let discourseWords = (followUpOpeners + contrastOpeners + anaphora).filter { !$0.contains(" ") }
    let allFunctionWords =
      functionWords + (interjections + discourseWords).filter { !functionWords.contains($0) }
    self.functionWords = Set(fold(allFunctionWords)).subtracting(self.negations).subtracting(self.questionWords)
    self.interjections = Set(fold(interjections)).intersection(self.functionWords)
    var roleForms: [String: [RoleForm]] = [:]
    for (words, role) in [
      (negations, AnalyzedTerm.Role.negation), (questionWords, .question), (allFunctionWords, .function),
    ] {
      for word in words where !word.contains(" ") {
        let written = Tokenizer.tokenize(word, turkishCasing: turkishCasing).first?.exact ?? word
        roleForms[TextAnalyzer.foldPhrase(word), default: []].append(RoleForm(written: written, role: role))
      }
    }
    self.roleForms = roleForms
    self.abbreviations = Dictionary(
      abbreviations.map { (TextAnalyzer.foldPhrase($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.expansions = self.abbreviations.mapValues { Tokenizer.tokenize($0, turkishCasing: turkishCasing) }
    self.abbreviationSpellings = Self.spellings(of: Array(abbreviations.keys), turkishCasing: turkishCasing)
    self.yes = Set(fold(yes))
    // Declining is a no too: "no need", id "gak usah", vi "không cần".
    self.no = Set(fold(no + noNeed))
    self.frustrationSignals = fold(frustrationSignals)
    self.partingGreetings = Set(fold(partingGreetings))
    self.greetings = Set(fold(greetings)).union(self.partingGreetings)
    self.thanks = Set(fold(thanks))
    self.goodbyes = Set(fold(goodbyes))
    self.smallTalk = Set(fold(smallTalk)).union(self.greetings).union(self.thanks).union(self.goodbyes)
    self.humanRequests = Set(fold(humanRequests))
    self.humanRequestWords = Set(self.humanRequests.flatMap { $0.split(separator: " ").map(String.init) })
    self.smallTalkWords = Set(self.smallTalk.flatMap { $0.split(separator: " ").map(String.init) })
    self.shortReplyWords = self.smallTalkWords.union(
      Set(fold(yes + no)).flatMap { $0.split(separator: " ").map(String.init) })
    self.followUpOpeners = Set(fold(followUpOpeners))
    self.contrastOpeners = Set(fold(contrastOpeners))
    self.anaphora = Set(fold(anaphora))
    self.attributeStems = Set(fold(attributeWords).map { stemmer.stem($0) })
    self.quotingStems = Set(fold(quotingWords).map { stemmer.stem($0) })
    // Read as a message's words are (`Responder.spelledOut`): a chat spelling typed as the list of
    // abbreviations writes it counts as the words it stands for, so "gak membantu" and "tidak membantu"
    // are one phrase whichever the list writes.
    let shortForms = self.abbreviations
    let spellings = self.abbreviationSpellings
    self.notHelped = Set(
      notHelped.map {
        Self.spelledOut($0, abbreviations: shortForms, spellings: spellings, turkishCasing: turkishCasing)
      })
    self.noNeed = Set(
      noNeed.map { Self.spelledOut($0, abbreviations: shortForms, spellings: spellings, turkishCasing: turkishCasing) })
    let declines = self.noNeed
    let refusals = self.negations
    let refusingRequests = self.humanRequests.filter { phrase in
      phrase.split(separator: " ").contains { refusals.contains(String($0)) }
        || declines.contains { " \(phrase) ".contains(" \($0) ") }
    }.map { $0.split(separator: " ").map(String.init) }
    self.botWords = Set(refusingRequests.joined()).subtracting(refusals).subtracting(self.functionWords)
    self.personWords = Set(
      self.humanRequests.compactMap { $0.split(separator: " ").last.map(String.init) }
    ).subtracting(self.botWords).subtracting(self.functionWords).subtracting(refusals)
    self.noNeedFirstWords = Set(self.noNeed.compactMap { $0.split(separator: " ").first.map(String.init) })
    self.notHelpedFirstWords = Set(self.notHelped.compactMap { $0.split(separator: " ").first.map(String.init) })
    self.phraseWords = self.smallTalkWords.union(self.humanRequestWords).union(
      (self.frustrationSignals + self.notHelped).flatMap { $0.split(separator: " ").map(String.init) })
    self.numberWords = Dictionary(
      numberWords.map { (TextAnalyzer.foldPhrase($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.optionWords = Set(fold(optionWords))
    self.askingPhrases = fold(askingPhrases + newTopicPhrases).map { $0.split(separator: " ").map(String.init) }
      .sorted { $0.count > $1.count }
    self.newTopicPhrases = fold(newTopicPhrases).map { $0.split(separator: " ").map(String.init) }
    self.replyPhrases = Set(fold(replyPhrases))
    self.clauseConjunctions = Set(fold(clauseConjunctions))
    self.anaphoricSuffix = anaphoricSuffix
    self.notPointingBack = Set(fold(notPointingBack))
    self.entityAliases = entityAliases
    self.homeRegion = homeRegion
    self.placeCues = Set(fold(placeCues))
    self.ambiguousNames = Set(fold(ambiguousNames))
    self.ambiguousNameSpellings = Self.spellings(of: ambiguousNames, turkishCasing: turkishCasing)
    self.accentedOnlyNames = Set(fold(accentedOnlyNames)).intersection(self.ambiguousNames)
    self.wordsNotNamesByStem = Set(fold(wordsNotNamesByStem))
    self.nameEndings = Set(fold(nameEndings)).sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) }
    self.languageNamePrefix = languageNamePrefix
    self.phrases = phrases
  }

  /// A phrase read as a message's words are (`Responder.spelledOut`): folded, and a chat spelling typed
  /// as the list of abbreviations writes it counts as the words it stands for.
  private static func spelledOut(
    _ phrase: String, abbreviations: [String: String], spellings: [String: Set<String>], turkishCasing: Bool
  ) -> String {
    Tokenizer.tokenize(phrase, turkishCasing: turkishCasing).map { token in
      guard let expansion = abbreviations[token.folded],
        token.exact == token.folded || spellings[token.folded]?.contains(token.exact) == true
      else { return token.folded }
      return TextAnalyzer.foldPhrase(expansion)
    }.joined(separator: " ")
  }

  /// Phrases as written (lower-cased, with their diacritics), by their folded form.
  private static func spellings(of phrases: [String], turkishCasing: Bool) -> [String: Set<String>] {
    var spellings: [String: Set<String>] = [:]
    for phrase in phrases {
      let tokens = Tokenizer.tokenize(phrase, turkishCasing: turkishCasing)
      spellings[tokens.map(\.folded).joined(separator: " "), default: []].insert(
        tokens.map(\.exact).joined(separator: " "))
    }
    return spellings
  }

  /// The role of a word that no list holds as folded, or of a class token (`@carrier`).
  private func role(of folded: String) -> AnalyzedTerm.Role {
    if EntityRecognizer.isClassToken(folded) { return .entity }
    if negations.contains(folded) { return .negation }
    if questionWords.contains(folded) { return .question }
    if functionWords.contains(folded) { return .function }
    return .content
  }

  /// The role of a word, read with its diacritics when it was typed with some.
  ///
  /// Folding makes ordinary words look like listed ones (Vietnamese `vé` "ticket" and `về` "about"
  /// are both `ve`; `cho` "for" and `chớ` "don't" both `cho`; `bảo` "to say" and the question word
  /// `bao` both `bao`). A word typed with diacritics has a listed role only if it is written as the
  /// list writes it. A word typed without diacritics may be any of the listed words that fold to
  /// it: one the list writes that way wins (`cho` is the function word, not the negation `chớ`), else
  /// the first in the order negation, question, function (`dung` may be `đừng`; Croatian `cu` is `ću`).
  func role(of folded: String, exact: String) -> AnalyzedTerm.Role {
    guard !EntityRecognizer.isClassToken(folded), let forms = roleForms[folded] else { return role(of: folded) }
    if exact != folded { return forms.first { $0.written == exact }?.role ?? .content }
    return (forms.first { $0.written == folded } ?? forms[0]).role
  }

  /// The profiles that ship with Attendant.
  public static let builtIn: [LanguageProfile] = [.english, .croatian, .vietnamese, .turkish, .indonesian]

  /// The built-in profile for a language, if there is one.
  public static func builtIn(for language: Language) -> LanguageProfile? {
    builtIn.first { $0.language == language }
  }
}

/// A word of one of a profile's role lists as written, and its role.
struct RoleForm: Sendable, Hashable {
  let written: String
  let role: AnalyzedTerm.Role
}
