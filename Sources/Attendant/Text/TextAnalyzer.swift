/// Turns a message into terms with one language's rules: tokenization, casing, apostrophes, hyphens,
/// reduplication, chat abbreviations, names of known classes (entities) and stemming.
struct TextAnalyzer: Sendable {
  let profile: LanguageProfile
  /// Names of places, languages, currencies and the content's own classes; `nil` leaves names as words.
  let entities: EntityRecognizer?

  /// An analyzer for a language.
  ///
  /// - Parameters:
  ///   - profile: The language's rules.
  ///   - entityLists: The content's own classes of names; with them (even none), the built-in classes
  ///     are recognized too. `nil` recognizes no names (for analyses of the examples' words alone).
  init(profile: LanguageProfile, entityLists: [EntityList]? = nil) {
    self.profile = profile
    self.entities = entityLists.map { lists in
      let plain = TextAnalyzer(profile: profile)
      return EntityRecognizer(
        lists: EntityList.builtIn(for: profile) + lists,
        words: {
          plain.normalizedWords(from: Tokenizer.tokenize($0, turkishCasing: profile.turkishCasing)).map(\.folded)
        },
        stem: { profile.stemmer.stem($0) }, ambiguous: profile.ambiguousNames, cues: profile.placeCues,
        spellings: profile.ambiguousNameSpellings, accentedOnly: profile.accentedOnlyNames,
        endings: profile.nameEndings,
        notNamesByStem: profile.wordsNotNamesByStem,
        stemsKeepTheirStart: !(profile.stemmer is IndonesianStemmer))
    }
  }

  /// The terms of `text`.
  ///
  /// - Parameters:
  ///   - text: A message or an example, in any normalization form.
  ///   - knownStem: Says whether a stem occurs in the content; when a stemmer offers several roots
  ///     (Indonesian nasal prefixes), the first known one is used.
  ///   - stems: Stems already worked out for folded words (the content's vocabulary), to skip stemming.
  /// - Complexity: O(n) in the length of the text.
  func terms(of text: String, knownStem: (String) -> Bool = { _ in false }, stems: [String: String] = [:])
    -> [AnalyzedTerm]
  {
    var found: [Entity] = []
    return terms(from: tokens(of: text), knownStem: knownStem, stems: stems, entities: &found)
  }

  /// The tokens of a text with this language's casing, each piece of personal data as one class token.
  func tokens(of text: String) -> [RawToken] {
    Self.tokens(of: text, turkishCasing: profile.turkishCasing)
  }

  /// The tokens of a text, with each e-mail address, phone number, card number and IBAN as one class
  /// token (`@email`): matching reads what kind of thing the customer wrote, never its characters.
  static func tokens(of text: String, turkishCasing: Bool = false) -> [RawToken] {
    tokens(of: text, spans: PersonalData.find(in: text), turkishCasing: turkishCasing)
  }

  /// The same, with the personal data already found.
  static func tokens(of text: String, spans: [PersonalData.Span], turkishCasing: Bool = false) -> [RawToken] {
    guard !spans.isEmpty else { return Tokenizer.tokenize(text, turkishCasing: turkishCasing) }
    let scalars = Array(text.unicodeScalars)
    var tokens: [RawToken] = []
    var position = 0
    func tokenize(_ range: Range<Int>) {
      guard !range.isEmpty else { return }
      tokens += Tokenizer.tokenize(String(String.UnicodeScalarView(scalars[range])), turkishCasing: turkishCasing)
    }
    for span in spans {
      tokenize(position..<span.scalars.lowerBound)
      tokens.append(RawToken.classToken(span.kind.rawValue, exact: span.text))
      position = span.scalars.upperBound
    }
    tokenize(position..<scalars.count)
    return tokens
  }

  /// The terms of words that the tokenizer has already cut (with this profile's casing); the names
  /// and personal data among them are added to `entities`.
  func terms(
    from tokens: [RawToken], knownStem: (String) -> Bool = { _ in false }, stems: [String: String] = [:],
    entities: inout [Entity]
  ) -> [AnalyzedTerm] {
    normalizedWords(from: tokens, stems: stems, entities: &entities).map { word in
      if word.isNumber {
        return AnalyzedTerm(exact: word.exact, folded: word.folded, stem: AnalyzedTerm.numberStem, role: .number)
      }
      if EntityRecognizer.isClassToken(word.folded) {
        return AnalyzedTerm(exact: word.folded, folded: word.folded, stem: word.folded, role: .entity)
      }
      return term(exact: word.exact, folded: word.folded, knownStem: knownStem, stems: stems)
    }
  }

  /// The words after the apostrophe, hyphen and reduplication rules and the chat abbreviations, before
  /// stemming: what both the index and the matcher see.
  func normalizedWords(from tokens: [RawToken]) -> [RawToken] {
    var found: [Entity] = []
    return normalizedWords(from: tokens, stems: [:], entities: &found)
  }

  /// The same, with each name of a known class replaced by its class token (`@place`), and every name,
  /// number and piece of personal data listed in `entities`.
  func normalizedWords(from tokens: [RawToken], stems: [String: String], entities found: inout [Entity]) -> [RawToken] {
    var result: [RawToken] = []
    result.reserveCapacity(tokens.count)
    for word in words(from: tokens) {
      if EntityRecognizer.isClassToken(word.folded) {
        found.append(Entity(type: String(word.folded.dropFirst()), text: word.exact, value: word.exact))
        result.append(RawToken.classToken(String(word.folded.dropFirst())))
      } else if !word.isNumber, let expansion = profile.expansions[word.folded], profile.expandsAbbreviation(word) {
        result.append(contentsOf: expansion)
      } else {
        if word.isNumber { found.append(Self.number(word, after: result.last)) }
        result.append(word)
      }
    }
    guard let entities, !entities.isEmpty, !result.isEmpty else { return result }
    let folded = result.map(\.folded)
    let words = result
    let names = entities.find(folded: folded, typed: { words[$0].exact }) { stems[$0] ?? profile.stemmer.stem($0) }
    guard !names.isEmpty else { return result }
    var collapsed: [RawToken] = []
    var position = 0
    for name in names {
      collapsed += result[position..<name.range.lowerBound]
      collapsed.append(RawToken.classToken(name.name.matchingClass))
      found.append(
        Entity(
          type: name.name.type, text: result[name.range].map(\.exact).joined(separator: " "), value: name.name.value))
      position = name.range.upperBound
    }
    collapsed += result[position...]
    return collapsed
  }

  /// A number as an entity: an order number when it has five digits or more and is joined by a hyphen
  /// to a prefix of three or four letters (`ORB-48120573`: the prefix stays a word for matching; the
  /// tokenizer keeps shorter parts joined), else a number.
  static func number(_ word: RawToken, after previous: RawToken?) -> Entity {
    if word.joinedBy == .hyphen, word.exact.utf8.count >= orderNumberDigits, let prefix = previous,
      (3...4).contains(prefix.folded.utf8.count), prefix.folded.utf8.allSatisfy({ (0x61...0x7A).contains($0) })
    {
      let text = prefix.exact + "-" + word.exact
      return Entity(type: "order-number", text: text, value: prefix.folded.uppercased() + "-" + word.exact)
    }
    return Entity(type: "number", text: word.exact, value: word.exact)
  }

  /// The fewest digits an order number has after its prefix.
  static let orderNumberDigits = 5

  private func term(exact: String, folded: String, knownStem: (String) -> Bool, stems: [String: String]) -> AnalyzedTerm
  {
    AnalyzedTerm(
      exact: exact, folded: folded, stem: stems[folded] ?? stem(folded, knownStem: knownStem),
      role: profile.role(of: folded, exact: exact))
  }

  /// The stem of a folded word; when the stemmer offers several roots, the first the content knows.
  func stem(_ folded: String, knownStem: (String) -> Bool) -> String {
    let candidates = profile.stemmer.candidates(for: folded)
    return candidates.count > 1 ? (candidates.first(where: knownStem) ?? candidates.last!) : candidates[0]
  }

  /// Whether a folded word is a word of the language in its own right, never a typo of a content word:
  /// yes and no, greetings and thanks, function, question and negation words (`yes` is not `yet`), and
  /// the words of the phrases the profile lists (`LanguageProfile.phraseWords`).
  func isProtected(_ folded: String) -> Bool {
    profile.yes.contains(folded) || profile.no.contains(folded) || profile.smallTalk.contains(folded)
      || profile.functionWords.contains(folded) || profile.questionWords.contains(folded)
      || profile.negations.contains(folded) || profile.phraseWords.contains(folded)
  }

  /// Applies the apostrophe, hyphen and reduplication rules, merging tokens into words.
  private func words(from tokens: [RawToken]) -> [RawToken] {
    var words: [RawToken] = []
    words.reserveCapacity(tokens.count)
    for var token in tokens {
      if profile.digitTwoReduplicates { token = removingReduplicationDigit(token) }
      guard var previous = words.last, token.joinedBy != .none else {
        words.append(token)
        continue
      }
      switch token.joinedBy {
      case .apostrophe:
        if let word = profile.clitics[token.folded] {
          words.append(RawToken(exact: word, folded: word, joinedBy: .none, isNumber: false, hasCapitalI: false))
        } else if profile.apostrophe == .join {
          previous.exact += token.exact
          previous.folded += token.folded
          previous.isNumber = false
          words[words.count - 1] = previous
        }
      case .hyphen:
        if token.folded == previous.folded {
          continue  // reduplication: `barang-barang`
        } else if previous.folded.utf8.count <= 2 || token.folded.utf8.count <= 2 {
          previous.exact += token.exact  // `e-mail`, `wi-fi`, `t-shirt`
          previous.folded += token.folded
          previous.isNumber = previous.isNumber && token.isNumber
          words[words.count - 1] = previous
        } else {
          words.append(token)  // `terus-menerus`, `follow-up`: two words
        }
      case .none:
        words.append(token)
      }
    }
    return words
  }

  private func removingReduplicationDigit(_ token: RawToken) -> RawToken {
    let bytes = Array(token.folded.utf8)
    guard bytes.count >= 4, bytes.last == 0x32, bytes.dropLast().allSatisfy({ (0x61...0x7A).contains($0) }) else {
      return token
    }
    var token = token
    token.folded.removeLast()
    token.exact.removeLast()
    return token
  }

  /// The folded form of a phrase: its words folded and joined by single spaces.
  static func foldPhrase(_ phrase: String) -> String {
    Tokenizer.tokenize(phrase).map(\.folded).joined(separator: " ")
  }
}
