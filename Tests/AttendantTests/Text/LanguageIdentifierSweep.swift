import Foundation
import Testing

@testable import Attendant

/// How the language identifier's weights were chosen: a grid over `LanguageIdentifier.Parameters`,
/// scored on validation messages only (the demo's validation suites and the short chat messages in
/// `Fixtures/LanguageValidation`), never on the examples that `attendant eval content` measures.
/// Slow (minutes in a debug build), so it runs on request and prints its ranking:
///
///     ATTENDANT_SWEEP=1 swift test --filter languageIdentifierSweep
@Test(.enabled(if: ProcessInfo.processInfo.environment["ATTENDANT_SWEEP"] != nil))
func languageIdentifierSweep() throws {
  let knowledgeBase = Demo.knowledgeBase
  let (messages, alsoExamples, inSeveralLanguages) = try LanguageValidation.load()
  var samples: [Language: [String]] = [:]
  for language in knowledgeBase.languages {
    samples[language] = (knowledgeBase.intents[language] ?? []).flatMap { $0.examples.map(\.text) }
  }
  // The weights before the sweep: ties are broken towards them, so the outcome does not depend on
  // what `.default` is now.
  let base = LanguageIdentifier.Parameters(
    trigramSmoothing: 0.1, wordSmoothing: 0.2, trigramCap: 24, trigramsPerPoint: 6, functionWordWeight: 1,
    letterWeight: 3)
  struct Row {
    var typed: Int
    var folded: Int
    var changed: Int
    var parameters: LanguageIdentifier.Parameters
  }
  var rows: [Row] = []
  for trigramSmoothing: Float in [0.02, 0.05, 0.1, 0.2, 0.5, 1] {
    for wordSmoothing: Float in [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] {
      var smoothing = base
      smoothing.trigramSmoothing = trigramSmoothing
      smoothing.wordSmoothing = wordSmoothing
      let identifier = LanguageIdentifier(samples: samples, profiles: knowledgeBase.profiles, parameters: smoothing)
      let tallies = messages.map { message in
        let stripped = ContentEvaluation.strip(message.text)
        return (
          identifier.tally(message.text, tokens: Tokenizer.tokenize(message.text)),
          identifier.tally(stripped, tokens: Tokenizer.tokenize(stripped))
        )
      }
      for trigramCap in [12, 24, 48, 1000] {
        for trigramsPerPoint in [3.0, 4.0, 6.0, 8.0, 12.0] {
          for functionWordWeight in [0.0, 0.5, 1.0, 2.0] {
            var weights = smoothing
            weights.trigramCap = trigramCap
            weights.trigramsPerPoint = trigramsPerPoint
            weights.functionWordWeight = functionWordWeight
            var row = Row(typed: 0, folded: 0, changed: 0, parameters: weights)
            for (message, tally) in zip(messages, tallies) {
              if identifier.decide(tally.0, current: nil, weights: weights).language == message.language {
                row.typed += 1
              }
              if identifier.decide(tally.1, current: nil, weights: weights).language == message.language {
                row.folded += 1
              }
            }
            row.changed =
              [
                trigramSmoothing != base.trigramSmoothing, wordSmoothing != base.wordSmoothing,
                trigramCap != base.trigramCap, trigramsPerPoint != base.trigramsPerPoint,
                functionWordWeight != base.functionWordWeight,
              ].filter { $0 }.count
            rows.append(row)
          }
        }
      }
    }
  }
  // Best typed + folded; among equals, the fewest changes from the defaults, then grid order.
  let ranked = rows.enumerated().sorted {
    let (a, b) = ($0.element, $1.element)
    if a.typed + a.folded != b.typed + b.folded { return a.typed + a.folded > b.typed + b.folded }
    if a.changed != b.changed { return a.changed < b.changed }
    return $0.offset < $1.offset
  }.map(\.element)
  print(
    "language-id sweep over \(messages.count) validation messages (\(rows.count) weightings); left out: "
      + "\(alsoExamples) that are also an example, \(inSeveralLanguages.count) written for more than one language "
      + "(\(inSeveralLanguages.joined(separator: "; ")))")
  let top = ranked.filter { $0.typed + $0.folded == ranked[0].typed + ranked[0].folded }
  print(
    "\(top.count) weightings share the best score, \(top.filter { $0.changed == ranked[0].changed }.count) of them with the fewest changes"
  )
  for row in ranked.prefix(15) + ranked.filter({ $0.changed == 0 }) + ranked.filter({ $0.parameters == .default }) {
    let p = row.parameters
    print(
      "typed \(row.typed) folded \(row.folded) changed \(row.changed): trigramSmoothing \(p.trigramSmoothing)"
        + " wordSmoothing \(p.wordSmoothing) trigramCap \(p.trigramCap) trigramsPerPoint \(p.trigramsPerPoint)"
        + " functionWordWeight \(p.functionWordWeight)" + (p == .default ? " (the defaults)" : ""))
  }
  #expect(ranked.first?.parameters == .default, "the defaults are no longer the sweep's choice")
}

/// Messages with a known language that are not among the demo's examples: the validation suites'
/// questions and the short chat messages in `Fixtures/LanguageValidation/<language>.txt`. A text
/// written for more than one language (`ok`) is left out, as it has no one right answer.
enum LanguageValidation {
  struct Message {
    let text: String
    let language: Language
  }

  static func messages() throws -> [Message] {
    try load().messages
  }

  /// The messages, and what was left out: texts that are also an example, and texts written for more
  /// than one language.
  static func load() throws -> (messages: [Message], alsoExamples: Int, inSeveralLanguages: [String]) {
    let knowledgeBase = Demo.knowledgeBase
    var examples = Set<String>()
    for intents in knowledgeBase.intents.values {
      for intent in intents {
        for example in intent.examples { examples.insert(TextAnalyzer.foldPhrase(example.text)) }
      }
    }
    var messages: [Message] = []
    for suite in TestSuiteParser.load(from: Paths.repository).suites where suite.name == "validation" {
      messages += suite.cases.map { Message(text: $0.text, language: suite.language) }
    }
    for language in knowledgeBase.languages {
      let file = Paths.fixture("LanguageValidation/\(language.rawValue).txt")
      let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
      messages += lines.map { Message(text: String($0), language: language) }
    }
    var languagesOfText: [String: Set<Language>] = [:]
    for message in messages {
      languagesOfText[TextAnalyzer.foldPhrase(message.text), default: []].insert(message.language)
    }
    // A message that is also an example would be measured on its own counts.
    let notExamples = messages.filter { !examples.contains(TextAnalyzer.foldPhrase($0.text)) }
    let kept = notExamples.filter { languagesOfText[TextAnalyzer.foldPhrase($0.text)]?.count == 1 }
    let several = notExamples.filter { languagesOfText[TextAnalyzer.foldPhrase($0.text)]?.count != 1 }
    return (kept, messages.count - notExamples.count, several.map { "\($0.language): \($0.text)" })
  }
}
