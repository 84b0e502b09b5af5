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
  // The samples' words and trigrams, and their log-likelihoods, flat: entry `id * languages.count +
  // language`. The counts they were worked out from are not kept (leave-one-out evaluation counts
  // again: `LeaveOneOutIdentifier`).
  private let trigrams: Interner<UInt32>
  private let trigramLogs: [Float]
  private let unseenTrigramLogs: [Float]
  private let words: Interner<String>
  private let wordLogs: [Float]
  /// The only language whose content uses a word, or `noOwner`.
  private let wordOwner: [Int8]
  /// Each known word's trigram evidence, summed once when the identifier is built: the number of its
  /// trigrams, and their log-likelihoods' sum per language (entry `word * languages.count + language`).
  /// A message's known word then costs one look-up instead of one per trigram.
  private let wordTrigramCounts: [Int32]
  private let wordTrigramSums: [Double]

  let parameters: Parameters

  /// To leave the conversation's current language, a guess needs this margin and two words or more.
  static let switchMargin: Double = 1.5
  /// With no conversation language yet, a guess other than the fallback (the engine's default
  /// language) needs this margin over it: a near tie on a first "hi" keeps the default.
  static let fallbackMargin: Double = 0.25
  /// `wordOwner` of a word that no language, or several, use.
  static let noOwner: Int8 = -1
  /// Trigrams are of ` word `: the padding byte, and the bits of a byte in a packed trigram.
  static let trigramPad: UInt32 = 0x20
  static let byteBits: UInt32 = 8
  /// A guess shows at most this many distinctive letters, and this many words, as its clues.
  static let letterClueLimit = 4
  static let wordClueLimit = 3

  /// Builds trigram and word profiles from examples.
  ///
  /// - Parameter samples: For each language, the texts to learn from (the content's examples).
  /// - Complexity: O(total length of the samples).
  init(samples: [Language: [String]], profiles: [Language: LanguageProfile], parameters: Parameters = .default) {
    self.init(counts: Counts(samples: samples), profiles: profiles, parameters: parameters)
  }

  /// Builds the profiles from counts already made.
  init(counts: Counts, profiles: [Language: LanguageProfile], parameters: Parameters = .default) {
    self.parameters = parameters
    languages = counts.languages
    (distinctive, functionWords) = Self.listedEvidence(of: languages, profiles: profiles)
    trigrams = counts.trigrams
    words = counts.words
    (trigramLogs, unseenTrigramLogs) = Self.trigramLogs(counts, smoothing: parameters.trigramSmoothing)
    (wordLogs, wordOwner) = Self.wordLogs(counts, smoothing: parameters.wordSmoothing)
    (wordTrigramCounts, wordTrigramSums) = Self.wordTrigramEvidence(
      words: counts.words, trigrams: counts.trigrams, logs: trigramLogs, unseen: unseenTrigramLogs,
      languages: languages.count)
  }

  private static func wordTrigramEvidence(
    words: Interner<String>, trigrams: Interner<UInt32>, logs: [Float], unseen: [Float], languages count: Int
  ) -> (counts: [Int32], sums: [Double]) {
    var counts = [Int32](repeating: 0, count: words.count)
    var sums = [Double](repeating: 0, count: words.count * count)
    for word in 0..<words.count {
      counts[word] = Int32(
        addTrigramLogs(
          of: words.key(Int32(word)), trigrams: trigrams, logs: logs, unseen: unseen, into: &sums,
          at: word * count))
    }
    return (counts, sums)
  }

  /// Adds a word's trigram log-likelihoods, one per language, into `sums[offset...]` (an unseen
  /// trigram gets each language's smoothing), and returns the number of its trigrams.
  private static func addTrigramLogs(
    of word: String, trigrams: Interner<UInt32>, logs: [Float], unseen: [Float], into sums: inout [Double],
    at offset: Int
  ) -> Int {
    let count = unseen.count
    var found = 0
    forEachTrigram(of: word) { trigram in
      found += 1
      if let id = trigrams[trigram].map(Int.init) {
        for index in 0..<count { sums[offset + index] += Double(logs[id * count + index]) }
      } else {
        for index in 0..<count { sums[offset + index] += Double(unseen[index]) }
      }
    }
    return found
  }

  /// Each profile's distinctive letters, and its listed words, with the languages that list them.
  private static func listedEvidence(of languages: [Language], profiles: [Language: LanguageProfile]) -> (
    letters: [Unicode.Scalar: [Int]], words: [String: [Int]]
  ) {
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
    return (distinctive, functionWords)
  }

  /// Each trigram's log-likelihood in each language (Lidstone-smoothed), and an unseen trigram's.
  private static func trigramLogs(_ counts: Counts, smoothing a: Float) -> (seen: [Float], unseen: [Float]) {
    let count = counts.languages.count
    let trigramVocabulary = Float(max(counts.trigrams.count, 1))
    let trigramDenominators = counts.trigramTotals.map { $0 + a * trigramVocabulary }
    let seen = counts.trigramCounts.enumerated().map {
      log(($0.element + a) / trigramDenominators[$0.offset % max(count, 1)])
    }
    return (seen, trigramDenominators.map { log(a / $0) })
  }

  /// Each word's log-likelihood in each language (Lidstone-smoothed), centred on its mean over the
  /// languages, and the one language that uses the word (`noOwner` when none or several do).
  private static func wordLogs(_ counts: Counts, smoothing b: Float) -> (logs: [Float], owner: [Int8]) {
    let count = counts.languages.count
    let wordCounts = counts.wordCounts
    let wordVocabulary = Float(max(counts.words.count, 1))
    var wordLogs = [Float](repeating: 0, count: wordCounts.count)
    var wordOwner = [Int8](repeating: noOwner, count: counts.words.count)
    for word in 0..<counts.words.count {
      var mean: Float = 0
      var owners = 0
      for index in 0..<count {
        let value = log((wordCounts[word * count + index] + b) / (counts.wordTotals[index] + b * wordVocabulary))
        wordLogs[word * count + index] = value
        mean += value
        if wordCounts[word * count + index] > 0 {
          owners += 1
          wordOwner[word] = Int8(index)
        }
      }
      mean /= Float(max(count, 1))
      for index in 0..<count { wordLogs[word * count + index] -= mean }
      if owners != 1 { wordOwner[word] = noOwner }
    }
    return (wordLogs, wordOwner)
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
  /// - Complexity: O(length of the message × languages).
  func identify(_ text: String, tokens: [RawToken], current: Language? = nil, fallback: Language? = nil)
    -> LanguageGuess
  {
    guard languages.count > 1 else {
      return LanguageGuess(language: languages.first, evidence: .words, scores: [], clues: [])
    }
    return decide(tally(text, tokens: tokens), current: current, fallback: fallback)
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
  func tally(_ text: String, tokens: [RawToken]) -> Tally {
    let count = languages.count
    var tally = listedTally(text, tokens: tokens)
    for token in tokens where !token.isNumber {
      if let word = words[token.folded].map(Int.init) {
        for index in 0..<count { tally.wordLikelihood[index] += Double(wordLogs[word * count + index]) }
        if wordOwner[word] != Self.noOwner, tally.wordClues.count < Self.wordClueLimit {
          tally.wordClues.append(token.folded)
        }
        tally.trigrams += Int(wordTrigramCounts[word])
        for index in 0..<count { tally.trigramLikelihood[index] += wordTrigramSums[word * count + index] }
        continue
      }
      tally.trigrams += Self.addTrigramLogs(
        of: token.folded, trigrams: trigrams, logs: trigramLogs, unseen: unseenTrigramLogs,
        into: &tally.trigramLikelihood, at: 0)
    }
    return tally
  }

  /// The evidence that needs no counts: distinctive letters, listed words, and the number of words;
  /// the likelihoods are still 0.
  func listedTally(_ text: String, tokens: [RawToken]) -> Tally {
    let count = languages.count
    var tally = Tally(
      letters: [Int](repeating: 0, count: count), functionWords: [Int](repeating: 0, count: count),
      wordLikelihood: [Double](repeating: 0, count: count), trigramLikelihood: [Double](repeating: 0, count: count))
    // Distinctive letters are never ASCII. A name written with a capital inside the sentence (`Yurtiçi`,
    // `Zürich`, `Đà Nẵng` in an English one) does not tell the sentence's language: its letters count
    // only when it opens the message or the message is in capitals. One pass, with property look-ups
    // only for scalars outside the Latin table.
    var inNames: [(indices: [Int], lower: Unicode.Scalar)] = []
    var letters = 0
    var capitals = 0
    var words = 0
    var inWord = false
    var inName = false
    func record(_ indices: [Int], _ lower: Unicode.Scalar) {
      for index in indices { tally.letters[index] += 1 }
      if tally.letterClues.count < Self.letterClueLimit && !tally.letterClues.contains(String(lower)) {
        tally.letterClues.append(String(lower))
      }
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      var lower = scalar
      let isLetter: Bool
      if value < 0x80 {
        isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        if (0x41...0x5A).contains(value) { lower = Unicode.Scalar(value + 0x20)! }
      } else if let latin = FoldTable.latinLetter(value) {
        isLetter = latin.isLetter
        lower = latin.lower
      } else {
        isLetter = scalar.properties.isAlphabetic
        lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
      }
      if isLetter {
        letters += 1
        let isCapital = lower != scalar
        if isCapital { capitals += 1 }
        if !inWord {
          inWord = true
          words += 1
          inName = words > 1 && isCapital
        }
      } else if scalar != "'" && scalar != "’" {
        inWord = false
        inName = false
      }
      guard value >= 0x80, let indices = distinctive[lower] ?? distinctive[scalar] else { continue }
      if inName { inNames.append((indices, lower)) } else { record(indices, lower) }
    }
    if capitals * 2 > letters { for letter in inNames { record(letter.indices, letter.lower) } }
    for token in tokens where !token.isNumber {
      tally.words += 1
      if let hits = functionWords[token.folded] {
        for index in hits { tally.functionWords[index] += 1 }
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
    var a = trigramPad
    var b: UInt32 = 0
    var first = true
    for byte in word.utf8 {
      if first {
        b = UInt32(byte)
        first = false
        continue
      }
      body(a << (2 * byteBits) | b << byteBits | UInt32(byte))
      a = b
      b = UInt32(byte)
    }
    if !first { body(a << (2 * byteBits) | b << byteBits | trigramPad) }
  }
}
