/// Turns a message into terms with one language's rules: tokenization, casing, apostrophes, hyphens,
/// reduplication, chat abbreviations and stemming.
struct TextAnalyzer: Sendable {
  let profile: LanguageProfile

  /// The terms of `text`.
  ///
  /// - Parameters:
  ///   - text: A message or an example, in any normalization form.
  ///   - knownStem: Says whether a stem occurs in the content; when a stemmer offers several roots
  ///     (Indonesian nasal prefixes), the first known one is used.
  /// - Complexity: O(n) in the length of the text.
  ///   - stems: Stems already worked out for folded words (the content's vocabulary), to skip stemming.
  func terms(of text: String, knownStem: (String) -> Bool = { _ in false }, stems: [String: String] = [:]) -> [Term] {
    terms(from: Tokenizer.tokenize(text, turkishCasing: profile.turkishCasing), knownStem: knownStem, stems: stems)
  }

  /// The terms of words that the tokenizer has already cut (with this profile's casing).
  func terms(from tokens: [RawToken], knownStem: (String) -> Bool = { _ in false }, stems: [String: String] = [:]) -> [Term] {
    normalizedWords(from: tokens).map { word in
      word.isNumber
        ? Term(exact: word.exact, folded: word.folded, stem: Term.numberStem, role: .number)
        : term(exact: word.exact, folded: word.folded, knownStem: knownStem, stems: stems)
    }
  }

  /// The words after the apostrophe, hyphen and reduplication rules and the chat abbreviations, before
  /// stemming: what both the index and the matcher see.
  func normalizedWords(from tokens: [RawToken]) -> [RawToken] {
    var result: [RawToken] = []
    result.reserveCapacity(tokens.count)
    for word in words(from: tokens) {
      if !word.isNumber, let expansion = profile.expansions[word.folded] {
        result.append(contentsOf: expansion)
      } else {
        result.append(word)
      }
    }
    return result
  }

  private func term(exact: String, folded: String, knownStem: (String) -> Bool, stems: [String: String]) -> Term {
    Term(exact: exact, folded: folded, stem: stems[folded] ?? stem(folded, knownStem: knownStem), role: role(of: folded))
  }

  /// The stem of a folded word; when the stemmer offers several roots, the first the content knows.
  func stem(_ folded: String, knownStem: (String) -> Bool) -> String {
    let candidates = profile.stemmer.candidates(for: folded)
    return candidates.count > 1 ? (candidates.first(where: knownStem) ?? candidates.last!) : candidates[0]
  }

  func role(of folded: String) -> Term.Role {
    if profile.negations.contains(folded) { return .negation }
    if profile.questionWords.contains(folded) { return .question }
    if profile.functionWords.contains(folded) { return .function }
    return .content
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
        if profile.apostrophe == .join {
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
