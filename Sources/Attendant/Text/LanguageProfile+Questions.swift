/// How a profile reads a question's shape and a word's chat spelling.
extension LanguageProfile {
  /// Whether a word asks a question (`role(of:exact:)`).
  func isQuestionWord(_ word: RawToken) -> Bool {
    role(of: word.folded, exact: word.exact) == .question
  }

  /// Whether words hold a question word that asks: one that is not the indefinite of a pair such as vi
  /// "chẳng ai" (nobody, `indefinitePairs`).
  func holdsAskingWord<Words: RandomAccessCollection<RawToken>>(_ words: Words) -> Bool where Words.Index == Int {
    words.indices.contains { index in
      isQuestionWord(words[index])
        && !(index > words.startIndex
          && indefinitePairs.contains(words[index - 1].folded + " " + words[index].folded))
    }
  }

  /// Whether a word is a closing particle (`finalParticles`), typed without diacritics or as the list
  /// writes it.
  func isFinalParticle(_ word: RawToken) -> Bool {
    finalParticles.contains(word.folded)
      && (word.exact == word.folded || finalParticleSpellings[word.folded]?.contains(word.exact) == true)
  }

  /// Whether a folded phrase (a chat spelling spelt out) holds a question word.
  func isQuestionWord(in phrase: String) -> Bool {
    phrase.split(separator: " ").contains { role(of: String($0), exact: String($0)) == .question }
  }

  /// Whether words ask by their shape: a question tag at their end (`endsWithQuestionTag(_:)`), or a
  /// question opener first, small talk before it aside ("ok can i just use paypal instead").
  func asksByItsShape<Words: BidirectionalCollection<RawToken>>(_ words: Words) -> Bool {
    if endsWithQuestionTag(words) || asksAnAlternative(words) { return true }
    if !questionPairs.isEmpty,
      zip(words, words.dropFirst()).contains(where: { first, second in
        questionPairs.contains(first.folded + " " + second.folded)
      })
    {
      return true
    }
    guard !questionOpeners.isEmpty, let first = words.first(where: { !smallTalk.contains($0.folded) }) else {
      return false
    }
    return questionOpeners.contains(first.folded)
  }

  /// Whether the last of some words, forms of address and courtesies after it aside ("… đc ko ad"),
  /// is a question tag: as the list writes it when typed with diacritics, by its folded form when
  /// typed without (vi `khong`, `chua`). With `particles`, closing particles after it count as
  /// courtesies too (vi "… ko ạ").
  func endsWithQuestionTag<Words: BidirectionalCollection<RawToken>>(_ words: Words, particles: Bool = false)
    -> Bool
  {
    guard !questionTags.isEmpty,
      let last = words.last(where: {
        !smallTalk.contains($0.folded) && !(particles && finalParticles.contains($0.folded))
      })
    else {
      return false
    }
    // A chat spelling counts as its word (vi `ko` is `không`).
    let expansion = expansion(of: last)
    let exact = expansion?.lowercased() ?? last.exact
    let folded = expansion.map { TextAnalyzer.foldPhrase($0) } ?? last.folded
    guard let written = questionTags[folded] else { return false }
    return exact == folded || written.contains(exact)
  }

  /// Whether a question tag is followed by a word for "or" and a second alternative of two words or
  /// more (vi "… đc ko hay phải nhắn tiếng Anh"). A shorter rest is no question: vi "ko hay lắm" is
  /// "not very good".
  func asksAnAlternative<Words: BidirectionalCollection<RawToken>>(_ words: Words) -> Bool {
    guard !questionAlternatives.isEmpty else { return false }
    let words = Array(words)
    guard words.count >= 5 else { return false }
    return (1..<(words.count - 3)).contains { index in
      guard let written = questionAlternatives[words[index + 1].folded],
        words[index + 1].exact == words[index + 1].folded || written.contains(words[index + 1].exact)
      else { return false }
      return endsWithQuestionTag(words[...index])
    }
  }

  /// The words a chat spelling stands for (tr "mrb" → "merhaba"), as the list writes them: typed
  /// without diacritics, by its folded form; typed with some, only as the list writes it (vi "ạ" is
  /// not "a", "anh"). `nil` for any other word.
  func expansion(of word: RawToken) -> String? {
    expandsAbbreviation(word) ? abbreviations[word.folded] : nil
  }

  /// The phrase that announces a question at the start of some folded words ("quick q about", tr
  /// "bir sorum var"), when words are left after it; `nil` otherwise.
  func openingAskingPhrase(of folded: [String]) -> [String]? {
    askingPhrases.first { $0.count < folded.count && folded.starts(with: $0) }
  }

  /// The same at the end of the words (tr "odeme hakkinda bisey soracaktim").
  func closingAskingPhrase(of folded: [String]) -> [String]? {
    askingPhrases.first { $0.count < folded.count && folded.suffix($0.count).elementsEqual($0) }
  }

  /// Whether a word stands for an abbreviation's words: typed without diacritics, by its folded form;
  /// typed with some, only as the list writes it.
  func expandsAbbreviation(_ word: RawToken) -> Bool {
    word.exact == word.folded || abbreviationSpellings[word.folded]?.contains(word.exact) == true
  }
}
