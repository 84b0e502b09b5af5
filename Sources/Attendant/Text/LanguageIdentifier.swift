import Foundation

/// Which of the content's languages a message is written in, with the evidence.
public struct LanguageGuess: Sendable, Hashable {
  /// What decided the guess, strongest first.
  public enum Evidence: String, Sendable, Hashable, Codable {
    /// Letters that point to one language more than to any other (`ş`, `ư`, `č`).
    case distinctiveLetters = "distinctive letters"
    /// Words that the content uses in one language only, or that the profile lists as function words.
    case words = "known words"
    /// Character trigrams, compared with profiles built from the content's examples.
    case trigrams = "character trigrams"
    /// Too little text, or too close a call: the caller keeps the session's language.
    case undetermined
  }

  /// The language, or `nil` when the message is too short or too unclear to tell.
  public let language: Language?
  public let evidence: Evidence
  /// Each language's log-likelihood score, best first; the difference between the first two is the margin.
  public let scores: [LanguageScore]
  /// The letters and words that pointed to the winner, for explanations.
  public let clues: [String]
}

/// A language and its identification score.
public struct LanguageScore: Sendable, Hashable, Codable {
  public let language: Language
  public let score: Double
}

/// A closed-set language identifier over the content's languages: distinctive letters first, then
/// words, then character-trigram profiles (Cavnar and Trenkle's idea, scored as naive Bayes log
/// likelihoods) built from the content's own examples.
struct LanguageIdentifier: Sendable {
  let languages: [Language]
  private let distinctive: [Unicode.Scalar: [Int]]
  private let functionWords: [String: [Int]]
  // Counts, flat: entry `id * languages.count + language`.
  private let trigramIDs: [UInt32: Int32]
  private let trigramCounts: [Float]
  private let trigramTotals: [Float]
  private let wordIDs: [String: Int32]
  private let wordCounts: [Float]
  private let wordTotals: [Float]
  // The same as log-likelihoods, worked out once: what a message in service looks up.
  private let trigramLogs: [Float]
  private let unseenTrigramLogs: [Float]
  private let wordLogs: [Float]
  /// The only language whose content uses a word, or -1.
  private let wordOwner: [Int8]

  let parameters: Parameters

  /// To leave the conversation's current language, a guess needs this margin and two words or more.
  static let switchMargin: Double = 1.5
  /// With no conversation language yet, a guess other than the fallback (the engine's default
  /// language) needs this margin over it: a near tie on a first "hi" keeps the default.
  static let fallbackMargin: Double = 0.25

  /// Builds trigram and word profiles from examples.
  ///
  /// - Parameter samples: For each language, the texts to learn from (the content's examples).
  /// - Complexity: O(total length of the samples).
  init(samples: [Language: [String]], profiles: [Language: LanguageProfile], parameters: Parameters = .default) {
    self.parameters = parameters
    languages = samples.keys.sorted()
    let count = languages.count
    var distinctive: [Unicode.Scalar: [Int]] = [:]
    var functionWords: [String: [Int]] = [:]
    for (index, language) in languages.enumerated() {
      guard let profile = profiles[language] else { continue }
      for letter in profile.distinctiveLetters { distinctive[letter, default: []].append(index) }
      // Function words, chat abbreviations (`cya`, `gak`, `ko`), and the one-word yes, no, greetings and
      // thanks (`evet`, `hvala`, `makasih`) are the profile's own evidence.
      let replies = profile.yes.union(profile.no).union(profile.smallTalk).filter { !$0.contains(" ") }
      let listed = profile.functionWords.union(profile.negations).union(profile.questionWords)
        .union(profile.abbreviations.keys.filter { !$0.contains(" ") }).union(replies)
      for word in listed {
        functionWords[word, default: []].append(index)
      }
    }
    var trigramIDs: [UInt32: Int32] = [:]
    var trigramCounts: [Float] = []
    var trigramTotals = [Float](repeating: 0, count: count)
    var wordIDs: [String: Int32] = [:]
    var wordCounts: [Float] = []
    var wordTotals = [Float](repeating: 0, count: count)
    // With one language there is nothing to tell apart: no profiles are built.
    for (index, language) in languages.enumerated() where count > 1 {
      for text in samples[language] ?? [] {
        for token in Tokenizer.tokenize(text) where !token.isNumber {
          let word: Int32
          if let id = wordIDs[token.folded] {
            word = id
          } else {
            word = Int32(wordIDs.count)
            wordIDs[token.folded] = word
            wordCounts.append(contentsOf: [Float](repeating: 0, count: count))
          }
          wordCounts[Int(word) * count + index] += 1
          wordTotals[index] += 1
          Self.forEachTrigram(of: token.folded) { trigram in
            let id: Int32
            if let existing = trigramIDs[trigram] {
              id = existing
            } else {
              id = Int32(trigramIDs.count)
              trigramIDs[trigram] = id
              trigramCounts.append(contentsOf: [Float](repeating: 0, count: count))
            }
            trigramCounts[Int(id) * count + index] += 1
            trigramTotals[index] += 1
          }
        }
      }
    }
    let trigramVocabulary = Float(max(trigramIDs.count, 1))
    let a = parameters.trigramSmoothing
    let trigramDenominators = trigramTotals.map { $0 + a * trigramVocabulary }
    self.trigramLogs = trigramCounts.enumerated().map {
      log(($0.element + a) / trigramDenominators[$0.offset % max(count, 1)])
    }
    self.unseenTrigramLogs = trigramDenominators.map { log(a / $0) }
    let b = parameters.wordSmoothing
    let wordVocabulary = Float(max(wordIDs.count, 1))
    var wordLogs = [Float](repeating: 0, count: wordCounts.count)
    var wordOwner = [Int8](repeating: -1, count: wordIDs.count)
    for word in 0..<wordIDs.count {
      var mean: Float = 0
      var owners = 0
      for index in 0..<count {
        let value = log((wordCounts[word * count + index] + b) / (wordTotals[index] + b * wordVocabulary))
        wordLogs[word * count + index] = value
        mean += value
        if wordCounts[word * count + index] > 0 {
          owners += 1
          wordOwner[word] = Int8(index)
        }
      }
      mean /= Float(max(count, 1))
      for index in 0..<count { wordLogs[word * count + index] -= mean }
      if owners != 1 { wordOwner[word] = -1 }
    }
    self.wordLogs = wordLogs
    self.wordOwner = wordOwner
    self.distinctive = distinctive
    self.functionWords = functionWords
    self.trigramIDs = trigramIDs
    self.trigramCounts = trigramCounts
    self.trigramTotals = trigramTotals
    self.wordIDs = wordIDs
    self.wordCounts = wordCounts
    self.wordTotals = wordTotals
  }

  /// Guesses the language of a message.
  ///
  /// - Parameters:
  ///   - text: The message as typed (distinctive letters are read from it).
  ///   - tokens: Its tokens.
  ///   - current: The conversation's language so far: a short or unclear message keeps it (undetermined).
  ///   - fallback: With no conversation language, the language that a near tie leaves the message in
  ///     (undetermined when the best guess beats it by less than `fallbackMargin`). Without either,
  ///     the best-scoring language is the guess, unless the message has no words or ties exactly.
  ///   - heldOut: The language whose profile contains this very text, to take its own counts out
  ///     (leave-one-out measurement on the content's examples); `nil` in service.
  /// - Complexity: O(length of the message × languages).
  func identify(
    _ text: String, tokens: [RawToken], current: Language? = nil, fallback: Language? = nil, heldOut: Language? = nil
  ) -> LanguageGuess {
    guard languages.count > 1 else {
      return LanguageGuess(language: languages.first, evidence: .words, scores: [], clues: [])
    }
    return decide(tally(text, tokens: tokens, heldOut: heldOut), current: current, fallback: fallback)
  }

  /// The evidence a message gives for each language, before it is weighed.
  struct Tally: Sendable {
    /// Distinctive letters of each language.
    var letters: [Int]
    /// Listed function words, negations, question words and abbreviations of each language.
    var functionWords: [Int]
    /// The sum of the words' log-likelihoods, each centred on its mean over the languages.
    var wordLikelihood: [Double]
    /// The sum of the trigrams' log-likelihoods, and how many trigrams there are.
    var trigramLikelihood: [Double]
    var trigrams = 0
    var words = 0
    var letterClues: [String] = []
    var wordClues: [String] = []
  }

  /// Counts the evidence: distinctive letters, listed words, word and trigram log-likelihoods.
  func tally(_ text: String, tokens: [RawToken], heldOut: Language? = nil) -> Tally {
    let count = languages.count
    var tally = Tally(
      letters: [Int](repeating: 0, count: count), functionWords: [Int](repeating: 0, count: count),
      wordLikelihood: [Double](repeating: 0, count: count), trigramLikelihood: [Double](repeating: 0, count: count))
    let heldOutIndex = heldOut.flatMap { languages.firstIndex(of: $0) }
    var ownWords: [String: Float] = [:]
    var ownTrigrams: [UInt32: Float] = [:]
    var ownTrigramTotal: Float = 0
    if heldOutIndex != nil {
      for token in tokens where !token.isNumber {
        ownWords[token.folded, default: 0] += 1
        Self.forEachTrigram(of: token.folded) {
          ownTrigrams[$0, default: 0] += 1; ownTrigramTotal += 1
        }
      }
    }
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      let lower =
        FoldTable.latinLetter(scalar.value)?.lower ?? scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
      if let indices = distinctive[lower] ?? distinctive[scalar] {
        for index in indices { tally.letters[index] += 1 }
        if tally.letterClues.count < 4 && !tally.letterClues.contains(String(lower)) {
          tally.letterClues.append(String(lower))
        }
      }
    }
    let a = Double(parameters.trigramSmoothing)
    let trigramVocabulary = Double(max(trigramIDs.count, 1))
    for token in tokens where !token.isNumber {
      tally.words += 1
      if let hits = functionWords[token.folded] {
        for index in hits { tally.functionWords[index] += 1 }
      }
      if let word = wordIDs[token.folded].map(Int.init) {
        if let held = heldOutIndex {
          // Leave-one-out: the word's counts without this very example.
          let own = ownWords[token.folded] ?? 0
          let b = Double(parameters.wordSmoothing)
          var logs = [Double](repeating: 0, count: count)
          var owners: [Int] = []
          for index in 0..<count {
            var c = Double(wordCounts[word * count + index])
            var total = Double(wordTotals[index])
            if index == held {
              c -= Double(own)
              total -= Double(ownWords.values.reduce(0, +))
            }
            if c > 0 { owners.append(index) }
            logs[index] = log((max(c, 0) + b) / (total + b * Double(wordIDs.count)))
          }
          let mean = logs.reduce(0, +) / Double(count)
          for index in 0..<count { tally.wordLikelihood[index] += logs[index] - mean }
          if owners.count == 1, tally.wordClues.count < 3 { tally.wordClues.append(token.folded) }
        } else {
          for index in 0..<count { tally.wordLikelihood[index] += Double(wordLogs[word * count + index]) }
          if wordOwner[word] >= 0, tally.wordClues.count < 3 { tally.wordClues.append(token.folded) }
        }
      }
      Self.forEachTrigram(of: token.folded) { trigram in
        tally.trigrams += 1
        let id = trigramIDs[trigram].map(Int.init)
        if let held = heldOutIndex {
          for index in 0..<count {
            var c = Double(id.map { trigramCounts[$0 * count + index] } ?? 0)
            var total = Double(trigramTotals[index])
            if index == held {
              c -= Double(ownTrigrams[trigram] ?? 0)
              total -= Double(ownTrigramTotal)
            }
            tally.trigramLikelihood[index] += log((max(c, 0) + a) / (total + a * trigramVocabulary))
          }
        } else if let id {
          for index in 0..<count { tally.trigramLikelihood[index] += Double(trigramLogs[id * count + index]) }
        } else {
          for index in 0..<count { tally.trigramLikelihood[index] += Double(unseenTrigramLogs[index]) }
        }
      }
    }
    return tally
  }

  /// Weighs the evidence and runs the cascade.
  ///
  /// - Parameter weights: The weights to use instead of the identifier's own (the validation sweep
  ///   tries others); the smoothing in them is ignored, as it is part of the tally.
  func decide(_ tally: Tally, current: Language?, fallback: Language? = nil, weights: Parameters? = nil)
    -> LanguageGuess
  {
    let parameters = weights ?? self.parameters
    let count = languages.count
    // Trigram evidence is averaged so that long messages do not drown the other tiers, then scaled by
    // the amount of text (capped) so that one short word decides little.
    let weight = Double(min(tally.trigrams, parameters.trigramCap)) / parameters.trigramsPerPoint
    var wordScore = [Double](repeating: 0, count: count)
    var total = [Double](repeating: 0, count: count)
    for index in 0..<count {
      let average = tally.trigrams > 0 ? tally.trigramLikelihood[index] / Double(tally.trigrams) : 0
      wordScore[index] =
        tally.wordLikelihood[index] + parameters.functionWordWeight * Double(tally.functionWords[index])
      total[index] = average * weight + wordScore[index] + parameters.letterWeight * Double(tally.letters[index])
    }
    let ranked = (0..<count).sorted { total[$0] > total[$1] }
    let scores = ranked.map { LanguageScore(language: languages[$0], score: total[$0]) }
    let best = ranked[0]
    let margin = total[best] - total[ranked[1]]
    // The cascade's first tier: letters that point to one language more than to any other decide,
    // whatever the words say (`số whatsapp`, `gặp operator`: a Vietnamese customer with a loanword).
    let letterHits = tally.letters
    if let letters = letterHits.indices.max(by: { letterHits[$0] < letterHits[$1] }), letterHits[letters] > 0,
      letterHits.indices.allSatisfy({ $0 == letters || letterHits[$0] < letterHits[letters] })
    {
      return LanguageGuess(
        language: languages[letters], evidence: .distinctiveLetters, scores: scores, clues: tally.letterClues)
    }
    // A message with no words, or an exact tie, says nothing. Leaving the conversation's language
    // takes clear evidence and more than one word. With no conversation language (or one the content
    // no longer has), the best guess is taken, unless it only just beats the fallback language.
    let undetermined = LanguageGuess(language: nil, evidence: .undetermined, scores: scores, clues: [])
    if tally.words == 0 || margin <= 0 { return undetermined }
    if let currentIndex = current.flatMap({ languages.firstIndex(of: $0) }) {
      if currentIndex != best {
        guard tally.words >= 2, margin >= Self.switchMargin, total[best] - total[currentIndex] >= Self.switchMargin
        else {
          return undetermined
        }
      }
    } else if let fallbackIndex = fallback.flatMap({ languages.firstIndex(of: $0) }), fallbackIndex != best,
      total[best] - total[fallbackIndex] < Self.fallbackMargin
    {
      return undetermined
    }
    let byWords = wordScore[best] - wordScore[ranked[1]] >= margin / 2
    return LanguageGuess(
      language: languages[best], evidence: byWords ? .words : .trigrams, scores: scores,
      clues: byWords ? tally.wordClues : [])
  }

  /// Calls `body` with each trigram of ` word `, packed into 32 bits (UTF-8 bytes of folded text).
  static func forEachTrigram(of word: String, _ body: (UInt32) -> Void) {
    var a: UInt32 = 0x20
    var b: UInt32 = 0
    var first = true
    for byte in word.utf8 {
      if first {
        b = UInt32(byte)
        first = false
        continue
      }
      body(a << 16 | b << 8 | UInt32(byte))
      a = b
      b = UInt32(byte)
    }
    if !first { body(a << 16 | b << 8 | 0x20) }
  }
}
