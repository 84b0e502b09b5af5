import Foundation

/// Generates content of any size for benchmarks: N intents with M examples each, in one language,
/// the same for the same specification on every machine.
///
/// The text looks like customers' questions where it matters for matching: words follow Zipf's law,
/// intents share their frequent words ("card", "order") and differ by rarer ones, questions start
/// with multi-word openers ("how do i", "možete li mi pomoći"), and some topics are two-word phrases
/// ("gift card") shared by many intents. Content words beyond a few dozen real ones are made up from
/// the language's syllables, so that any number of intents can have distinct words.
package enum SyntheticContent {
  /// What to generate.
  public struct Specification: Sendable, Hashable, Codable, CustomStringConvertible {
    public var intents: Int
    public var examplesPerIntent: Int
    public var language: Language
    public var seed: UInt64

    public init(intents: Int, examplesPerIntent: Int, language: Language = .en, seed: UInt64 = 1) {
      self.intents = intents
      self.examplesPerIntent = examplesPerIntent
      self.language = language
      self.seed = seed
    }

    /// Parses `NxM` (`1000x10`: 1,000 intents of 10 examples); `nil` unless both are positive numbers.
    public init?(_ text: String, language: Language = .en, seed: UInt64 = 1) {
      let parts = text.lowercased().split(separator: "x")
      guard parts.count == 2, let intents = Int(parts[0]), let examples = Int(parts[1]), intents > 0, examples > 0
      else {
        return nil
      }
      self.init(intents: intents, examplesPerIntent: examples, language: language, seed: seed)
    }

    /// `synthetic-1000x10-en`.
    public var description: String { "synthetic-\(intents)x\(examplesPerIntent)-\(language)" }
  }

  /// The languages the generator writes.
  public static var languages: [Language] { SyntheticVocabulary.languages }

  /// Generates the content.
  ///
  /// - Returns: Content ready to be written as a folder (`ImportedContent.write(to:)`), with an
  ///   article for every intent.
  /// - Complexity: O(intents × examples per intent).
  public static func generate(_ specification: Specification) -> ImportedContent {
    var generator = SeededGenerator(seed: specification.seed)
    let intentCount = specification.intents
    // The shared words are the head; each intent also gets one word of its own from the tail.
    let shared = max(200, intentCount * 2)
    let vocabulary = SyntheticVocabulary(
      language: specification.language, contentCount: shared + intentCount, generator: &generator)
    let sharedWords = ZipfDistribution(count: shared)
    let functionWords = ZipfDistribution(count: vocabulary.functionWords.count)
    let openers = ZipfDistribution(count: vocabulary.openers.count)
    let closers = ZipfDistribution(count: vocabulary.closers.count)
    // Two-word phrases made of shared words, themselves shared by many intents.
    let phraseCount = max(20, shared / 4)
    let phrases = (0..<phraseCount).map { _ in
      vocabulary.contentWords[sharedWords.sample(using: &generator)] + " "
        + vocabulary.contentWords[sharedWords.sample(using: &generator)]
    }
    let phraseDistribution = ZipfDistribution(count: phraseCount)
    let capitalizes = [.en, .hr, .id].contains(specification.language)

    var intents: [ImportedContent.ImportedIntent] = []
    intents.reserveCapacity(intentCount)
    let width = String(intentCount - 1).count
    for index in 0..<intentCount {
      // Topic units, the intent's own word first; each example keeps some of them.
      var topic = [vocabulary.contentWords[shared + index]]
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        topic.append(vocabulary.contentWords[sharedWords.sample(using: &generator)])
      }
      if Int.random(in: 0..<10, using: &generator) < 4 {
        topic.append(phrases[phraseDistribution.sample(using: &generator)])
      }
      var examples: [String] = []
      var seen = Set<String>()
      var attempts = 0
      while examples.count < specification.examplesPerIntent && attempts < specification.examplesPerIntent * 20 {
        attempts += 1
        var units = topic.enumerated().compactMap { position, unit in
          Int.random(in: 0..<10, using: &generator) < (position == 0 ? 8 : 7) ? unit : nil
        }
        if units.isEmpty { units = [topic[0]] }
        for _ in 0..<Int.random(in: 0...2, using: &generator) {
          let word = vocabulary.functionWords[functionWords.sample(using: &generator)]
          units.insert(word, at: Int.random(in: 0...units.count, using: &generator))
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
          let word = vocabulary.contentWords[sharedWords.sample(using: &generator)]
          units.insert(word, at: Int.random(in: 0...units.count, using: &generator))
        }
        if Int.random(in: 0..<20, using: &generator) < 17 {
          units.insert(vocabulary.openers[openers.sample(using: &generator)], at: 0)
        }
        if Int.random(in: 0..<4, using: &generator) == 0 {
          units.append(vocabulary.closers[closers.sample(using: &generator)])
        }
        var text = units.joined(separator: " ")
        if capitalizes && Int.random(in: 0..<10, using: &generator) < 3 {
          text = text.prefix(1).uppercased() + text.dropFirst()
        }
        if Int.random(in: 0..<10, using: &generator) < 4 { text += "?" }
        if seen.insert(text).inserted { examples.append(text) }
      }
      let number = String(index)
      let id = IntentID(rawValue: "intent-" + String(repeating: "0", count: width - number.count) + number)!
      let title = topic.joined(separator: " ")
      intents.append(
        ImportedContent.ImportedIntent(
          id: id, examples: examples, title: capitalizes ? title.prefix(1).uppercased() + title.dropFirst() : title,
          answer: "\(title).", sourceLabel: id.rawValue))
    }
    return ImportedContent(
      language: specification.language, intents: intents, suites: [],
      source: "the synthetic content generator (\(specification), seed \(specification.seed))")
  }
}
