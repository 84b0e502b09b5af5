/// Puts exactly one typo into a text, deterministically: in one word of at least 4 letters it swaps
/// two adjacent letters, drops a letter, doubles a letter, or substitutes one.
package struct TypoGenerator: Sendable {
  private var generator: SeededGenerator

  public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  /// The text with one typo; unchanged when it has no word of 4 letters or more.
  public mutating func misspell(_ text: String) -> String {
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map { Array($0) }
    let candidates = words.indices.filter { words[$0].count >= 4 && words[$0].allSatisfy(\.isLetter) }
    guard let index = candidates.randomElement(using: &generator) else { return text }
    var word = words[index]
    let kind = Int.random(in: 0..<4, using: &generator)
    let position = Int.random(in: 0..<word.count, using: &generator)
    switch kind {
    case 0:
      let swaps = (0..<(word.count - 1)).filter { word[$0] != word[$0 + 1] }
      if let at = swaps.randomElement(using: &generator) {
        word.swapAt(at, at + 1)
      } else {
        word[position] = substitute(for: word[position])
      }
    case 1: word.remove(at: position)
    case 2: word.insert(word[position], at: position)
    default: word[position] = substitute(for: word[position])
    }
    words[index] = word
    return words.map { String($0) }.joined(separator: " ")
  }

  private mutating func substitute(for letter: Character) -> Character {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz").filter { $0 != letter }
    return alphabet.randomElement(using: &generator)!
  }
}
