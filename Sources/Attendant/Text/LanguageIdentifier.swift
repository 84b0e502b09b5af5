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

  /// With no language yet, a guess needs at least this margin over the runner-up (log-likelihood units).
  static let minimumMargin: Double = 0.25
  /// To leave the conversation's current language, a guess needs this margin and two words or more.
  static let switchMargin: Double = 1.5
  static let trigramSmoothing: Float = 0.1
  static let wordSmoothing: Float = 0.2

  /// Builds trigram and word profiles from examples.
  ///
  /// - Parameter samples: For each language, the texts to learn from (the content's examples).
  /// - Complexity: O(total length of the samples).
  init(samples: [Language: [String]], profiles: [Language: LanguageProfile]) {
    languages = samples.keys.sorted()
    let count = languages.count
    var distinctive: [Unicode.Scalar: [Int]] = [:]
    var functionWords: [String: [Int]] = [:]
    for (index, language) in languages.enumerated() {
      guard let profile = profiles[language] else { continue }
      for letter in profile.distinctiveLetters { distinctive[letter, default: []].append(index) }
      // Function words and chat abbreviations (`cya`, `gak`, `ko`) are the profile's own evidence.
      let listed = profile.functionWords.union(profile.negations).union(profile.questionWords)
        .union(profile.abbreviations.keys.filter { !$0.contains(" ") })
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
    let a = Self.trigramSmoothing
    let trigramDenominators = trigramTotals.map { $0 + a * trigramVocabulary }
    self.trigramLogs = trigramCounts.enumerated().map { log(($0.element + a) / trigramDenominators[$0.offset % max(count, 1)]) }
    self.unseenTrigramLogs = trigramDenominators.map { log(a / $0) }
    let b = Self.wordSmoothing
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
  ///   - heldOut: The language whose profile contains this very text, to take its own counts out
  ///     (leave-one-out measurement on the content's examples); `nil` in service.
  /// - Complexity: O(length of the message × languages).
  func identify(_ text: String, tokens: [RawToken], current: Language? = nil, heldOut: Language? = nil) -> LanguageGuess {
    let count = languages.count
    guard count > 1 else {
      return LanguageGuess(language: languages.first, evidence: .words, scores: [], clues: [])
    }
    let heldOutIndex = heldOut.flatMap { languages.firstIndex(of: $0) }
    var ownWords: [String: Float] = [:]
    var ownTrigrams: [UInt32: Float] = [:]
    var ownTrigramTotal: Float = 0
    if heldOutIndex != nil {
      for token in tokens where !token.isNumber {
        ownWords[token.folded, default: 0] += 1
        Self.forEachTrigram(of: token.folded) { ownTrigrams[$0, default: 0] += 1; ownTrigramTotal += 1 }
      }
    }
    var letterHits = [Int](repeating: 0, count: count)
    var clues: [String] = []
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      let lower = FoldTable.latinLetter(scalar.value)?.lower ?? scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
      if let indices = distinctive[lower] ?? distinctive[scalar] {
        for index in indices { letterHits[index] += 1 }
        if clues.count < 4 && !clues.contains(String(lower)) { clues.append(String(lower)) }
      }
    }
    var trigramScore = [Double](repeating: 0, count: count)
    var wordScore = [Double](repeating: 0, count: count)
    var trigramTotal = 0
    var wordCount = 0
    var wordClues: [String] = []
    let a = Double(Self.trigramSmoothing)
    let trigramVocabulary = Double(max(trigramIDs.count, 1))
    for token in tokens where !token.isNumber {
      wordCount += 1
      if let hits = functionWords[token.folded] {
        for index in hits { wordScore[index] += 1.0 }
      }
      if let word = wordIDs[token.folded].map(Int.init) {
        if let held = heldOutIndex {
          // Leave-one-out: the word's counts without this very example.
          let own = ownWords[token.folded] ?? 0
          let b = Double(Self.wordSmoothing)
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
          for index in 0..<count { wordScore[index] += logs[index] - mean }
          if owners.count == 1, wordClues.count < 3 { wordClues.append(token.folded) }
        } else {
          for index in 0..<count { wordScore[index] += Double(wordLogs[word * count + index]) }
          if wordOwner[word] >= 0, wordClues.count < 3 { wordClues.append(token.folded) }
        }
      }
      Self.forEachTrigram(of: token.folded) { trigram in
        trigramTotal += 1
        let id = trigramIDs[trigram].map(Int.init)
        if let held = heldOutIndex {
          for index in 0..<count {
            var c = Double(id.map { trigramCounts[$0 * count + index] } ?? 0)
            var total = Double(trigramTotals[index])
            if index == held {
              c -= Double(ownTrigrams[trigram] ?? 0)
              total -= Double(ownTrigramTotal)
            }
            trigramScore[index] += log((max(c, 0) + a) / (total + a * trigramVocabulary))
          }
        } else if let id {
          for index in 0..<count { trigramScore[index] += Double(trigramLogs[id * count + index]) }
        } else {
          for index in 0..<count { trigramScore[index] += Double(unseenTrigramLogs[index]) }
        }
      }
    }
    // Trigram evidence is averaged so that long messages do not drown the other tiers, then scaled by
    // the amount of text (capped) so that one short word decides little.
    let weight = Double(min(trigramTotal, 24)) / 6
    var total = [Double](repeating: 0, count: count)
    for index in 0..<count {
      let average = trigramTotal > 0 ? trigramScore[index] / Double(trigramTotal) : 0
      total[index] = average * weight + wordScore[index] + 3.0 * Double(letterHits[index])
    }
    let ranked = (0..<count).sorted { total[$0] > total[$1] }
    let scores = ranked.map { LanguageScore(language: languages[$0], score: total[$0]) }
    let best = ranked[0]
    let margin = total[best] - total[ranked[1]]
    // The cascade's first tier: letters that point to one language more than to any other decide,
    // whatever the words say (`số whatsapp`, `gặp operator`: a Vietnamese customer with a loanword).
    if let letters = letterHits.indices.max(by: { letterHits[$0] < letterHits[$1] }), letterHits[letters] > 0,
      letterHits.indices.allSatisfy({ $0 == letters || letterHits[$0] < letterHits[letters] })
    {
      return LanguageGuess(language: languages[letters], evidence: .distinctiveLetters, scores: scores, clues: clues)
    }
    // Leaving the conversation's language takes clear evidence and more than one word; with no
    // language yet, the best guess is taken once it stands out at all.
    let undetermined = LanguageGuess(language: nil, evidence: .undetermined, scores: scores, clues: [])
    if let current, let currentIndex = languages.firstIndex(of: current), currentIndex != best {
      guard wordCount >= 2, margin >= Self.switchMargin, total[best] - total[currentIndex] >= Self.switchMargin else {
        return undetermined
      }
    } else if current == nil, margin < Self.minimumMargin || wordCount == 0 {
      return undetermined
    }
    let byWords = wordScore[best] - wordScore[ranked[1]] >= margin / 2
    return LanguageGuess(
      language: languages[best], evidence: byWords ? .words : .trigrams, scores: scores, clues: byWords ? wordClues : [])
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
