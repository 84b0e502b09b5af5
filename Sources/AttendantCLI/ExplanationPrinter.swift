import Attendant
import Foundation

/// Renders an explanation for people: the REPL's `/why` and `attendant explain`.
enum ExplanationPrinter {
  static func render(_ explanation: Explanation, engine: Engine) -> String {
    var lines = languageLines(explanation)
    if let truncation = explanation.truncation {
      lines.append("Budget:     \(truncation) (at most \(engine.budget.maximumCharacters) characters are read)")
    }
    // A follow-up of the last answer was matched with the follow-ups (`Engine.followUpMatch`).
    let detailed =
      explanation.reading == .followUpOfTheAnswer
      ? explanation.match?.intent.flatMap {
        engine.followUpMatch(explanation.matchedText, after: $0, in: explanation.language, margin: 1, detail: true)
      }
      : engine.match(explanation.matchedText, in: explanation.language, detail: true)
    let match = detailed ?? explanation.match
    if let line = readingLine(explanation) { lines.append(line) }
    if let match { lines += matchLines(match) }
    if !explanation.frustration.signals.isEmpty {
      lines.append(
        "Frustration: \(format(explanation.frustration.score)) from "
          + explanation.frustration.signals.joined(separator: ", "))
    }
    if let calibration = engine.calibration[explanation.language] {
      lines.append("Policy:     \(calibration.summary)")
    }
    lines.append("Rule:       \(explanation.turnRule.rawValue)")
    lines.append("Decision:   \(explanation.decision.rawValue) (\(explanation.reason.rawValue)): \(explanation.detail)")
    return lines.joined(separator: "\n")
  }

  /// The language and where it came from, with the identifier's scores when it guessed.
  private static func languageLines(_ explanation: Explanation) -> [String] {
    var lines: [String] = []
    let languageLine: String
    switch explanation.languageSource {
    case .request: languageLine = "\(explanation.language) (asked for by the request)"
    case .chosen: languageLine = "\(explanation.language) (chosen with /lang; it holds until /lang auto)"
    case .detected:
      let guess = explanation.languageGuess
      let clues = guess.map { $0.clues.isEmpty ? "" : ": " + $0.clues.joined(separator: ", ") } ?? ""
      languageLine = "\(explanation.language) (detected from \(guess?.evidence.rawValue ?? "the text")\(clues))"
    case .session:
      languageLine = "\(explanation.language) (kept from the conversation; the message alone was undetermined)"
    case .default: languageLine = "\(explanation.language) (the default; the message alone was undetermined)"
    }
    lines.append("Language:   \(languageLine)")
    if let scores = explanation.languageGuess?.scores, !scores.isEmpty {
      lines.append("            scores " + scores.map { "\($0.language) \(format($0.score))" }.joined(separator: ", "))
    }
    return lines
  }

  /// What was matched when it was not the whole message.
  private static func readingLine(_ explanation: Explanation) -> String? {
    let text = explanation.matchedText
    switch explanation.reading {
    case .message: return nil
    case .withoutFrustration:
      return "Matched on: \"\(text)\" (the message without its frustration phrases was the surer reading)"
    case .withoutSmallTalk:
      return "Matched on: \"\(text)\" (the message without its greeting, thanks or forms of address)"
    case .withoutAskingPhrase:
      return "Matched on: \"\(text)\" (the message without the words that announce a question)"
    case .question: return "Matched on: \"\(text)\" (the part of the message that asks)"
    case .followUp:
      return "Matched on: \"\(text)\" (a follow-up, read after the previous question: the surer reading)"
    case .followUpOfTheAnswer:
      return
        "Matched on: \"\(text)\" (with the questions asked right after the last answer, Intents/<language>/follow-ups/: it is closest to them)"
    }
  }

  /// The match: its terms, names, typos and unknown words, the top candidates with their signals and
  /// nearest examples, and the confidence.
  private static func matchLines(_ match: IntentMatch) -> [String] {
    var lines: [String] = []
    let terms = match.terms.map { term -> String in
      var parts = [term.exact]
      if term.folded != term.exact { parts.append(term.folded) }
      if term.stem != term.folded { parts.append("stem \(term.stem)") }
      let role = term.role == .content ? "" : " [\(term.role)]"
      return parts.joined(separator: " → ") + role
    }
    lines.append("Terms:      " + (terms.isEmpty ? "(none)" : terms.joined(separator: "; ")))
    if !match.entities.isEmpty {
      lines.append(
        "Entities:   " + match.entities.map { "'\($0.text)' → \($0.type) \($0.value)" }.joined(separator: ", "))
    }
    if !match.corrections.isEmpty {
      lines.append(
        "Typos:      "
          + match.corrections.map {
            "'\($0.typed)' → '\($0.corrected)' (\($0.distance) edit\($0.distance == 1 ? "" : "s"))"
          }
          .joined(separator: ", "))
    }
    if !match.unknownWords.isEmpty {
      lines.append("Unknown:    " + match.unknownWords.joined(separator: ", "))
    }
    lines.append("Coverage:   \(format(match.coverage)) of the message's informative weight is known to the content")
    lines.append("Candidates:")
    for (rank, candidate) in match.candidates.prefix(3).enumerated() {
      lines.append("  \(rank + 1). \(candidate.intent)  confidence \(format(candidate.confidence))")
      for signal in candidate.signals {
        let detail = signal.detail.isEmpty ? "" : ": " + signal.detail.joined(separator: ", ")
        lines.append("       \(signal.name) \(format(signal.value))\(detail)")
      }
      for example in candidate.nearestExamples where example.similarity > 0 {
        lines.append("       ≈ \"\(example.text)\" (\(example.location), similarity \(format(example.similarity)))")
      }
    }
    let confidence = match.confidence
    lines.append(
      "Confidence: \(format(confidence.value)) from z-score \(format(confidence.absolute)), coverage by the top intent \(format(confidence.coverage)), margin \(format(confidence.margin))"
    )
    return lines
  }

  static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
