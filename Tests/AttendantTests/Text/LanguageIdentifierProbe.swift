import Foundation
import Testing
@testable import Attendant

@Test(.enabled(if: ProcessInfo.processInfo.environment["LID_PROBE"] != nil)) func languageIdentifierProbe() {
  let engine = Demo.engine
  for language in engine.languages {
    for intent in engine.knowledgeBase.intents[language]! {
      for example in intent.examples {
        let g = engine.identifier.identify(example.text, tokens: Tokenizer.tokenize(example.text), heldOut: language)
        if g.language != language {
          print("MISS \(language) -> \(g.language?.rawValue ?? "und") [\(g.scores.prefix(2).map { "\($0.language) \(String(format: "%.1f", $0.score))" }.joined(separator: " "))] \(example.text)")
        }
      }
    }
  }
}
