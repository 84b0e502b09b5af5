import Foundation
import Testing

@testable import Attendant

/// The synthetic content generator: deterministic, the requested size, loadable, Zipf-shaped.
struct SyntheticContentTests {
  private func texts(_ content: ImportedContent) -> [[String]] { content.intents.map(\.examples) }

  @Test func theSameSeedGivesTheSameContent() {
    let specification = SyntheticContent.Specification(intents: 60, examplesPerIntent: 8, language: .en, seed: 7)
    let first = SyntheticContent.generate(specification)
    let second = SyntheticContent.generate(specification)
    #expect(first.intents.map(\.id) == second.intents.map(\.id))
    #expect(texts(first) == texts(second))
    #expect(first.intents.map(\.title) == second.intents.map(\.title))

    var other = specification
    other.seed = 8
    #expect(texts(SyntheticContent.generate(other)) != texts(first))
  }

  @Test(arguments: SyntheticContent.languages)
  func writesTheRequestedSizeAsLoadableContent(language: Language) throws {
    let specification = SyntheticContent.Specification(intents: 25, examplesPerIntent: 6, language: language, seed: 3)
    let content = SyntheticContent.generate(specification)
    #expect(content.intents.count == 25)
    for intent in content.intents {
      #expect(intent.examples.count == 6)
      #expect(Set(intent.examples).count == 6, "no example repeats within an intent")
    }
    let folder = Paths.temporaryFolder("synthetic")
    defer { try? FileManager.default.removeItem(at: folder) }
    try content.write(to: folder)
    let knowledgeBase = try ContentLoader().load(from: folder)
    #expect(knowledgeBase.languages == [language])
    #expect(knowledgeBase.intents[language]?.count == 25)
    #expect(knowledgeBase.exampleCount == 150)
  }

  @Test func parsesSizes() {
    #expect(SyntheticContent.Specification("1000x10") == .init(intents: 1000, examplesPerIntent: 10))
    #expect(SyntheticContent.Specification("100000X10", language: .hr)?.description == "synthetic-100000x10-hr")
    for text in ["1000", "x10", "0x10", "10x-1", "axb"] { #expect(SyntheticContent.Specification(text) == nil) }
  }

  @Test func theSamplerFollowsZipfsLaw() {
    let distribution = ZipfDistribution(count: 1000)
    // With exponent 1, p(rank r) ∝ 1/(r+1): rank 0 is twice rank 1 and ten times rank 9.
    #expect(abs(distribution.probability(of: 0) / distribution.probability(of: 1) - 2) < 1e-9)
    var generator = SeededGenerator(seed: 11)
    var counts = [Int](repeating: 0, count: 1000)
    for _ in 0..<200_000 { counts[distribution.sample(using: &generator)] += 1 }
    let ratio = Double(counts[0]) / Double(counts[9])
    #expect(abs(ratio - 10) < 1.5, "rank 1 / rank 10 frequency: \(ratio)")
    let expected = distribution.probability(of: 0) * 200_000
    #expect(abs(Double(counts[0]) - expected) < expected * 0.05)
  }

  @Test func wordFrequenciesHaveAZipfShape() {
    let content = SyntheticContent.generate(.init(intents: 300, examplesPerIntent: 10, seed: 5))
    var frequencies: [String: Int] = [:]
    for example in content.intents.flatMap(\.examples) {
      for word in example.lowercased().split(separator: " ") {
        frequencies[word.trimmingCharacters(in: ["?"]), default: 0] += 1
      }
    }
    let ranked = frequencies.values.sorted(by: >)
    #expect(ranked.count > 500, "a large vocabulary: \(ranked.count) words")
    // Zipf's law: log frequency falls about linearly in log rank, with a slope near −1. Fit the
    // slope over ranks 1…200 and accept a wide band around −1: a shape check, not a figure.
    let points = (1...200).map { (log(Double($0)), log(Double(ranked[$0 - 1]))) }
    let meanX = points.map(\.0).reduce(0, +) / 200, meanY = points.map(\.1).reduce(0, +) / 200
    let slope =
      points.map { ($0.0 - meanX) * ($0.1 - meanY) }.reduce(0, +)
      / points.map { ($0.0 - meanX) * ($0.0 - meanX) }.reduce(0, +)
    #expect(slope < -0.5 && slope > -2, "rank-frequency slope \(slope)")
    // Words are shared across intents: the most frequent content word appears in many intents.
    let intentsPerWord = content.intents.reduce(into: [String: Int]()) { counts, intent in
      for word in Set(intent.examples.flatMap { $0.lowercased().split(separator: " ").map(String.init) }) {
        counts[word, default: 0] += 1
      }
    }
    #expect(intentsPerWord.values.filter { $0 >= 30 }.count >= 10, "at least ten words shared by 10% of the intents")
  }

  @Test func messagesAreDeterministicAndMixed() {
    let first = BenchmarkMessage.make(from: Demo.knowledgeBase, count: 400, seed: 3)
    #expect(first == BenchmarkMessage.make(from: Demo.knowledgeBase, count: 400, seed: 3))
    #expect(first.count == 400)
    #expect(Set(first.map(\.kind)) == Set(BenchmarkMessage.Kind.allCases))
    #expect(Set(first.map(\.language)) == Set(Demo.knowledgeBase.languages))
    for message in first {
      #expect((message.kind == .outOfScope) == (message.intent == nil))
      if message.kind == .example, let intent = message.intent {
        let examples =
          Demo.knowledgeBase.intents[message.language]?.first { $0.id == intent }?.examples.map(\.text) ?? []
        #expect(examples.contains(message.text))
      }
    }
  }
}
