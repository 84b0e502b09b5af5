import Foundation

/// The language identifier as `attendant eval content` measures it on the content's own examples:
/// each example is identified with its own words and trigrams taken out of the counts (leave one
/// out), so that the measure says how the identifier does on text it has not seen.
///
/// The counts live here, not in the engine: an engine in service needs only the log-likelihoods.
struct LeaveOneOutIdentifier: Sendable {
  let identifier: LanguageIdentifier
  private let counts: LanguageIdentifier.Counts

  /// Counts the engine's samples again, as its identifier did when it was built.
  init(engine: Engine) {
    identifier = engine.identifier
    counts = LanguageIdentifier.Counts(samples: LanguageIdentifier.samples(of: engine.knowledgeBase))
  }

  /// Guesses the language of one of the content's examples, without that example's own counts.
  ///
  /// - Parameter heldOut: The language whose samples contain this very text.
  /// - Complexity: O(length of the text × languages).
  func identify(_ text: String, tokens: [RawToken], heldOut: Language) -> LanguageGuess {
    guard identifier.languages.count > 1, let held = identifier.languages.firstIndex(of: heldOut) else {
      return identifier.identify(text, tokens: tokens)
    }
    return identifier.decide(tally(text, tokens: tokens, held: held), current: nil)
  }

  /// The identifier's tally, with the word and trigram likelihoods of language `held` counted without
  /// the text's own words and trigrams.
  private func tally(_ text: String, tokens: [RawToken], held: Int) -> LanguageIdentifier.Tally {
    let count = identifier.languages.count
    let parameters = identifier.parameters
    var tally = identifier.listedTally(text, tokens: tokens)
    var ownWords: [String: Float] = [:]
    var ownTrigrams: [UInt32: Float] = [:]
    var ownTrigramTotal: Float = 0
    for token in tokens where !token.isNumber {
      ownWords[token.folded, default: 0] += 1
      LanguageIdentifier.forEachTrigram(of: token.folded) {
        ownTrigrams[$0, default: 0] += 1
        ownTrigramTotal += 1
      }
    }
    let a = Double(parameters.trigramSmoothing)
    let trigramVocabulary = Double(max(counts.trigrams.count, 1))
    for token in tokens where !token.isNumber {
      if let word = counts.words[token.folded].map(Int.init) {
        // The word's counts without this very example.
        let own = ownWords[token.folded] ?? 0
        let b = Double(parameters.wordSmoothing)
        var logs = [Double](repeating: 0, count: count)
        var owners: [Int] = []
        for index in 0..<count {
          var c = Double(counts.wordCounts[word * count + index])
          var total = Double(counts.wordTotals[index])
          if index == held {
            c -= Double(own)
            total -= Double(ownWords.values.reduce(0, +))
          }
          if c > 0 { owners.append(index) }
          logs[index] = log((max(c, 0) + b) / (total + b * Double(counts.words.count)))
        }
        let mean = logs.reduce(0, +) / Double(count)
        for index in 0..<count { tally.wordLikelihood[index] += logs[index] - mean }
        if owners.count == 1, tally.wordClues.count < LanguageIdentifier.wordClueLimit {
          tally.wordClues.append(token.folded)
        }
      }
      LanguageIdentifier.forEachTrigram(of: token.folded) { trigram in
        tally.trigrams += 1
        let id = counts.trigrams[trigram].map(Int.init)
        for index in 0..<count {
          var c = Double(id.map { counts.trigramCounts[$0 * count + index] } ?? 0)
          var total = Double(counts.trigramTotals[index])
          if index == held {
            c -= Double(ownTrigrams[trigram] ?? 0)
            total -= Double(ownTrigramTotal)
          }
          tally.trigramLikelihood[index] += log((max(c, 0) + a) / (total + a * trigramVocabulary))
        }
      }
    }
    return tally
  }
}
