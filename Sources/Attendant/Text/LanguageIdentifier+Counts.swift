extension LanguageIdentifier {
  /// How often each word and trigram occurs in each language's samples: what the identifier's
  /// log-likelihoods are worked out from, and what leave-one-out evaluation takes an example's own
  /// occurrences out of.
  struct Counts: Sendable {
    let languages: [Language]
    private(set) var words = Interner<String>()
    /// Flat: entry `id * languages.count + language`.
    private(set) var wordCounts: [Float] = []
    /// Each language's number of words.
    private(set) var wordTotals: [Float]
    private(set) var trigrams = Interner<UInt32>()
    /// Flat: entry `id * languages.count + language`.
    private(set) var trigramCounts: [Float] = []
    /// Each language's number of trigrams.
    private(set) var trigramTotals: [Float]

    /// Counts the words and trigrams of each language's texts.
    ///
    /// - Complexity: O(total length of the samples).
    init(samples: [Language: [String]]) {
      languages = samples.keys.sorted()
      let count = languages.count
      wordTotals = [Float](repeating: 0, count: count)
      trigramTotals = [Float](repeating: 0, count: count)
      // With one language there is nothing to tell apart: nothing is counted.
      for (index, language) in languages.enumerated() where count > 1 {
        for text in samples[language] ?? [] {
          for token in Tokenizer.tokenize(text) where !token.isNumber { add(token.folded, language: index) }
        }
      }
    }

    /// Counts one word of a language's samples, and its trigrams.
    private mutating func add(_ word: String, language index: Int) {
      let count = languages.count
      let known = words.count
      let id = Int(words.id(for: word))
      if id == known { wordCounts.append(contentsOf: [Float](repeating: 0, count: count)) }
      wordCounts[id * count + index] += 1
      wordTotals[index] += 1
      LanguageIdentifier.forEachTrigram(of: word) { trigram in
        let known = trigrams.count
        let id = Int(trigrams.id(for: trigram))
        if id == known { trigramCounts.append(contentsOf: [Float](repeating: 0, count: count)) }
        trigramCounts[id * count + index] += 1
        trigramTotals[index] += 1
      }
    }
  }

  /// The samples an engine's identifier learns from: each language's examples.
  static func samples(of knowledgeBase: KnowledgeBase) -> [Language: [String]] {
    var samples: [Language: [String]] = [:]
    for language in knowledgeBase.languages where knowledgeBase.profiles[language] != nil {
      samples[language] = (knowledgeBase.intents[language] ?? []).flatMap { $0.examples.map(\.text) }
    }
    return samples
  }
}
