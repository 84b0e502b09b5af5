/// A customer message for benchmarks, derived from the content so that any content can be measured.
package struct BenchmarkMessage: Sendable, Hashable {
  /// How the message was made.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An example of the content, as written.
    case example
    /// An example with one typo (`TypoGenerator`).
    case typo
    /// An example with its words in another order.
    case shuffled
    /// A question no customer-service content answers.
    case outOfScope = "out-of-scope"
  }

  public let text: String
  public let language: Language
  public let kind: Kind
  /// The intent whose example the message comes from; `nil` for out-of-scope messages.
  public let intent: IntentID?

  /// The share of each kind, out of 20: 7 examples, 7 with a typo, 3 shuffled, 3 out of scope.
  static let mix: [(Kind, Int)] = [(.example, 7), (.typo, 7), (.shuffled, 3), (.outOfScope, 3)]

  /// Derives messages from content, the same for the same content and seed.
  ///
  /// Each message picks a language among those with intents, then an intent and one of its examples
  /// (or an out-of-scope question of that language), and a kind at random with the shares of `mix`.
  ///
  /// - Parameters:
  ///   - knowledgeBase: The content; without intents, every message is out of scope, in English.
  ///   - count: How many messages.
  ///   - seed: The seed of the choices and of the typos.
  /// - Complexity: O(count × length of a message).
  public static func make(from knowledgeBase: KnowledgeBase, count: Int, seed: UInt64) -> [BenchmarkMessage] {
    var generator = SeededGenerator(seed: seed)
    var typos = TypoGenerator(seed: seed &+ 1)
    let languages = knowledgeBase.languages.filter { !(knowledgeBase.intents[$0] ?? []).isEmpty }
    let outOfScope = Dictionary(
      uniqueKeysWithValues: (languages.isEmpty ? [.en] : languages).map { ($0, OutOfScopeSentences.sentences(for: $0)) }
    )
    let total = mix.reduce(0) { $0 + $1.1 }
    var messages: [BenchmarkMessage] = []
    messages.reserveCapacity(count)
    for _ in 0..<count {
      var pick = Int.random(in: 0..<total, using: &generator)
      var kind = Kind.example
      for (candidate, share) in mix {
        if pick < share {
          kind = candidate
          break
        }
        pick -= share
      }
      let language = languages.randomElement(using: &generator) ?? .en
      let intents = knowledgeBase.intents[language] ?? []
      guard kind != .outOfScope, let intent = intents.randomElement(using: &generator),
        let example = intent.examples.randomElement(using: &generator)?.text
      else {
        let text = outOfScope[language]!.randomElement(using: &generator)!
        messages.append(BenchmarkMessage(text: text, language: language, kind: .outOfScope, intent: nil))
        continue
      }
      let text: String
      switch kind {
      case .typo: text = typos.misspell(example)
      case .shuffled: text = shuffle(example, using: &generator)
      default: text = example
      }
      messages.append(BenchmarkMessage(text: text, language: language, kind: kind, intent: intent.id))
    }
    return messages
  }

  /// The words of a text in another order (the same text when it has one word, or one word repeated).
  private static func shuffle(_ text: String, using generator: inout SeededGenerator) -> String {
    let words = text.split(separator: " ")
    for _ in 0..<4 {
      let shuffled = words.shuffled(using: &generator)
      if shuffled != words { return shuffled.joined(separator: " ") }
    }
    return text
  }
}
