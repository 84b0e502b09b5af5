/// The words and phrases that signal anger or frustration in one language, each with a weight.
///
/// The language profile gives the built-in list; a content folder changes it with
/// `KnowledgeBase/<language>/frustration.txt` (see `docs/content-format.md`): a line adds a phrase,
/// `phrase = 2` gives it a weight, `-phrase` removes a built-in phrase and `-*` removes them all.
public struct FrustrationSignals: Sendable, Hashable {
  /// A phrase, folded as messages are (lower case, no diacritics), and what it adds to the score.
  public struct Phrase: Sendable, Hashable {
    public let text: String
    public let weight: Double

    public init(_ text: String, weight: Double = 1) {
      self.text = TextAnalyzer.foldPhrase(text)
      self.weight = weight
    }
  }

  public let phrases: [Phrase]
  /// Each phrase's words, and the phrases by their first word: a message is scanned once, word by word.
  let words: [[Substring]]
  let byFirstWord: [Substring: [Int]]

  /// A list of phrases; of phrases that fold to the same words (`već`, `vec`), the last one counts.
  public init(_ phrases: [Phrase]) {
    var seen: Set<String> = []
    self.phrases = phrases.reversed().filter { seen.insert($0.text).inserted }.reversed()
    words = self.phrases.map { $0.text.split(separator: " ") }
    var index: [Substring: [Int]] = [:]
    for (number, phraseWords) in words.enumerated() {
      if let first = phraseWords.first { index[first, default: []].append(number) }
    }
    byFirstWord = index
  }

  public static func == (lhs: FrustrationSignals, rhs: FrustrationSignals) -> Bool { lhs.phrases == rhs.phrases }
  public func hash(into hasher: inout Hasher) { hasher.combine(phrases) }

  /// The phrases that occur in a message, as (phrase number, first word, word count), in order.
  /// - Complexity: O(words × phrases that start with each word).
  func occurrences(in folded: [String]) -> [(phrase: Int, start: Int, length: Int)] {
    var found: [(phrase: Int, start: Int, length: Int)] = []
    for start in folded.indices {
      guard let candidates = byFirstWord[Substring(folded[start])] else { continue }
      for number in candidates {
        let phraseWords = words[number]
        guard start + phraseWords.count <= folded.count else { continue }
        if zip(phraseWords, folded[start...]).allSatisfy({ $0 == $1 }) {
          found.append((number, start, phraseWords.count))
        }
      }
    }
    return found
  }

  /// The profile's built-in phrases, each of weight 1.
  public init(profile: LanguageProfile) {
    self.init(profile.frustrationSignals.map { Phrase($0) })
  }

  /// The heaviest weight a phrase may have; one phrase at most this heavy keeps scores readable.
  static let maximumWeight = 10.0

  /// Applies a `frustration.txt` file to a built-in list; problems are added to `findings`.
  ///
  /// - Returns: The changed list, or `base` unchanged apart from the lines that are valid.
  static func parse(_ file: ContentFile, base: FrustrationSignals, findings: inout [Finding]) -> FrustrationSignals {
    var phrases = base.phrases
    var added: [String: Int] = [:]
    for line in file.lines where !line.isBlankOrComment {
      let text = line.trimmed
      let location = file.location(line.number)
      if text.hasPrefix("-") {
        let target = String(text.dropFirst()).trimmedWhiteSpace
        if target == "*" {
          phrases.removeAll { base.phrases.contains($0) }
          continue
        }
        let folded = TextAnalyzer.foldPhrase(target)
        guard !folded.isEmpty else {
          findings.append(
            Finding(
              .error, .parse, at: location, "A removal line names no phrase.",
              fix: "write '-' and the built-in phrase to remove, such as '-damn', or '-*' to remove them all."))
          continue
        }
        let before = phrases.count
        phrases.removeAll { $0.text == folded && base.phrases.contains($0) }
        if phrases.count == before {
          findings.append(
            Finding(
              .warning, .parse, at: location,
              "'\(target)' is not a built-in frustration phrase, so there is nothing to remove.",
              fix: "check the spelling, or delete the line."))
        }
        continue
      }
      var phraseText = text
      var weight = 1.0
      if let equals = text.lastIndex(of: "=") {
        phraseText = text[..<equals].trimmedWhiteSpace
        let weightText = text[text.index(after: equals)...].trimmedWhiteSpace
        guard let value = Double(weightText), value > 0, value <= maximumWeight else {
          findings.append(
            Finding(
              .error, .parse, at: location, "'\(weightText)' is not a weight.",
              fix: "write a number above 0 and at most \(Int(maximumWeight)), such as 'you people are clowns = 2'."))
          continue
        }
        weight = value
      }
      let phrase = Phrase(phraseText, weight: weight)
      guard !phrase.text.isEmpty else {
        findings.append(
          Finding(
            .error, .parse, at: location, "The line holds no words.",
            fix: "write one phrase per line, such as 'still broken'."))
        continue
      }
      if let first = added[phrase.text] {
        findings.append(
          Finding(
            .warning, .parse, at: location,
            "The phrase '\(phraseText)' is already on line \(first); the later weight counts.",
            fix: "keep one line for it."))
      }
      added[phrase.text] = line.number
      // A listed phrase replaces a built-in one of the same words, so that a line can change its weight.
      phrases.removeAll { $0.text == phrase.text }
      phrases.append(phrase)
    }
    return FrustrationSignals(phrases)
  }
}
