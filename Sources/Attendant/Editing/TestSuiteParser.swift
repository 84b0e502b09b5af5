import Foundation

/// Reads test suites: single cases (`question => intent-id`, `question => out-of-scope`) and
/// conversations (blocks of `> message => decision` lines), reporting every mistake with its `file:line`.
package enum TestSuiteParser {
  /// The words that can follow `=>` in a conversation turn.
  static let decisions = ["answer", "clarify", "escalate", TestSuite.outOfScope]

  /// Reads every suite under `Intents/<language>/tests/` of a content folder.
  ///
  /// - Parameters:
  ///   - folder: The content folder.
  ///   - intents: Each language's intents; an expected intent that is not among them is an error.
  ///     When `nil`, intent ids are checked for their form only.
  ///   - languages: Only these languages' suites; all when `nil`.
  /// - Returns: The suites, in a stable order, and the findings (kind `test-suite`), sorted by place.
  ///   A case or conversation with an error is left out of its suite.
  public static func load(
    from folder: URL, intents: [Language: [IntentDefinition]]? = nil, languages: Set<Language>? = nil
  ) -> (suites: [TestSuite], findings: [Finding]) {
    let manager = FileManager.default
    var suites: [TestSuite] = []
    var findings: [Finding] = []
    let names = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent("Intents").path)) ?? []
    for code in names.sorted() {
      guard let language = Language(rawValue: code), languages?.contains(language) ?? true else { continue }
      let tests = "Intents/\(code)/tests"
      let files = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(tests).path)) ?? []
      for name in files.sorted() where name.hasSuffix(".txt") && !name.hasPrefix(".") {
        let path = "\(tests)/\(name)"
        switch ContentFile.read(path, in: folder) {
        case .failure(let finding):
          findings.append(Finding(.error, .suite, at: finding.location, finding.message, fix: finding.fix))
        case .success(let file):
          let known = intents.map { Set(($0[language] ?? []).map(\.id)) }
          suites.append(
            parse(file, name: String(name.dropLast(4)), language: language, intents: known, findings: &findings))
        }
      }
    }
    findings.sort { $0.location < $1.location }
    return (suites, findings)
  }

  /// Parses one suite file.
  ///
  /// - Parameter intents: The language's intent ids, or `nil` to check ids for their form only.
  static func parse(
    _ file: ContentFile, name: String, language: Language, intents: Set<IntentID>?, findings: inout [Finding]
  ) -> TestSuite {
    var parser = LineParser(file: file, language: language, intents: intents)
    var suite = TestSuite(name: name, language: language, file: file.path)
    var title: String?
    var open: TestSuite.Conversation?
    var openIsValid = true

    func close() {
      if let conversation = open, openIsValid, !conversation.turns.isEmpty { suite.conversations.append(conversation) }
      open = nil
      openIsValid = true
    }

    for line in file.lines {
      let trimmed = line.trimmed
      if trimmed.isEmpty {
        close()
        title = nil
      } else if trimmed.hasPrefix("#") {
        if open == nil {
          title = String(trimmed.drop { $0 == "#" }).trimmedWhiteSpace
        }
      } else if trimmed.hasPrefix("@") {
        close()
        title = nil
        parser.directive(trimmed, line: line.number, suite: &suite)
      } else if trimmed.hasPrefix(">") {
        if open == nil { open = TestSuite.Conversation(title: title.flatMap { $0.isEmpty ? nil : $0 }, turns: []) }
        let previous = open?.turns.last?.expectation
        if let turn = parser.turn(String(trimmed.dropFirst()), line: line.number, after: previous) {
          open?.turns.append(turn)
        } else {
          openIsValid = false
        }
      } else {
        close()
        title = nil
        let text =
          trimmed.hasPrefix("\\#") || trimmed.hasPrefix("\\>") || trimmed.hasPrefix("\\@")
          ? String(trimmed.dropFirst()) : trimmed
        if let testCase = parser.singleCase(text, line: line.number) { suite.cases.append(testCase) }
      }
    }
    close()
    findings += parser.findings
    return suite
  }

  /// Parses the lines of one file, collecting findings.
  private struct LineParser {
    let file: ContentFile
    let language: Language
    let intents: Set<IntentID>?
    var findings: [Finding] = []

    init(file: ContentFile, language: Language, intents: Set<IntentID>?) {
      self.file = file
      self.language = language
      self.intents = intents
    }

    /// `@minimum-accuracy 90%`: the share of single cases that must pass; `@minimum-turn-accuracy 90%`:
    /// the share of conversation turns.
    mutating func directive(_ text: String, line: Int, suite: inout TestSuite) {
      let parts = text.dropFirst().split(separator: " ", maxSplits: 1).map { String($0).trimmedWhiteSpace }
      let name = parts.first ?? ""
      guard name == "minimum-accuracy" || name == "minimum-turn-accuracy" else {
        findings.append(
          Finding(
            .error, .suite, at: file.location(line), "Unknown directive '\(text)'.",
            fix:
              "the directives are '@minimum-accuracy 90%' and '@minimum-turn-accuracy 90%'; write '\\@' to start a question with '@'."
          ))
        return
      }
      let value = parts.count == 2 ? parts[1] : ""
      let number = Double(value.hasSuffix("%") ? String(value.dropLast()) : value)
      guard let number, number > 0, number <= 100 else {
        findings.append(
          Finding(
            .error, .suite, at: file.location(line), "'\(value)' is not a share of cases.",
            fix: "write a percentage such as '@\(name) 90%'."))
        return
      }
      let share = value.hasSuffix("%") || number > 1 ? number / 100 : number
      if name == "minimum-accuracy" { suite.minimumAccuracy = share } else { suite.minimumTurnAccuracy = share }
    }

    /// An expectation without its trailing ` in <language>`, and that language.
    private mutating func language(of expectation: String, line: Int) -> (String, Language?)? {
      let words = expectation.split(separator: " ")
      guard words.count >= 2, words[words.count - 2].lowercased() == "in" else { return (expectation, nil) }
      guard let language = Language(rawValue: words.last!.lowercased()) else {
        fail(
          line, "'\(words.last!)' is not a language code.",
          fix: "end the expectation with 'in' and a language code, such as 'answer return-item in en'.")
        return nil
      }
      return (words.dropLast(2).joined(separator: " "), language)
    }

    mutating func singleCase(_ text: String, line: Int) -> TestSuite.Case? {
      guard let (question, full) = split(text, line: line, example: "where is my order => order-status"),
        let (expectation, replyLanguage) = language(of: full, line: line)
      else {
        return nil
      }
      if expectation.lowercased() == TestSuite.outOfScope {
        return TestSuite.Case(text: question, expected: nil, location: file.location(line), language: replyLanguage)
      }
      let first = expectation.split(separator: " ").first.map { $0.lowercased() } ?? ""
      if Self.decisionWords.contains(first), intents?.contains(IntentID(rawValue: first)!) != true {
        fail(
          line, "A single case expects an intent, not a decision ('\(expectation)').",
          fix: "write 'question => intent-id', or start the line with '>' to make it a conversation turn.")
        return nil
      }
      guard let id = intent(expectation, line: line) else { return nil }
      return TestSuite.Case(text: question, expected: id, location: file.location(line), language: replyLanguage)
    }

    static let decisionWords: Set<String> = ["answer", "clarify", "escalate"]

    mutating func turn(_ text: String, line: Int, after previous: TestSuite.Expectation?) -> TestSuite.Turn? {
      guard let (message, full) = split(text, line: line, example: "> where is my order => answer order-status"),
        let (expectation, replyLanguage) = language(of: full, line: line)
      else {
        return nil
      }
      return expect(message, expectation, line: line, after: previous).map {
        TestSuite.Turn(text: $0.text, expectation: $0.expectation, location: $0.location, language: replyLanguage)
      }
    }

    private mutating func expect(
      _ message: String, _ expectation: String, line: Int, after previous: TestSuite.Expectation?
    )
      -> TestSuite.Turn?
    {
      let words = expectation.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
      let decision = words[0].lowercased()
      let rest = Array(words.dropFirst())
      let location = file.location(line)
      switch decision {
      case "answer":
        guard rest.count <= 1 else { return tooMany(rest, after: decision, line: line) }
        guard let target = rest.first else {
          return TestSuite.Turn(text: message, expectation: .answer(nil), location: location)
        }
        if target.hasPrefix("#") {
          guard let number = Int(target.dropFirst()), number >= 1 else {
            fail(
              line, "'\(target)' is not an option number.",
              fix: "write '#1' for the first option offered, '#2' for the second.")
            return nil
          }
          guard case .clarify? = previous else {
            fail(
              line,
              "'answer \(target)' refers to the options of a clarification, but the turn before does not expect 'clarify'.",
              fix: "expect 'clarify' in the turn before, or name the intent: 'answer <intent-id>'.")
            return nil
          }
          return TestSuite.Turn(text: message, expectation: .answer(.option(number)), location: location)
        }
        guard let id = intent(target, line: line) else { return nil }
        return TestSuite.Turn(text: message, expectation: .answer(.intent(id)), location: location)
      case "clarify":
        var ids: [IntentID] = []
        for word in rest {
          guard let id = intent(word, line: line) else { return nil }
          ids.append(id)
        }
        return TestSuite.Turn(text: message, expectation: .clarify(ids), location: location)
      case "escalate":
        guard rest.count <= 1 else { return tooMany(rest, after: decision, line: line) }
        guard let word = rest.first else {
          return TestSuite.Turn(text: message, expectation: .escalate(nil), location: location)
        }
        guard let id = intent(word, line: line) else { return nil }
        return TestSuite.Turn(text: message, expectation: .escalate(id), location: location)
      case TestSuite.outOfScope:
        guard rest.isEmpty else {
          fail(
            line, "'out-of-scope' takes no intent, not '\(rest.joined(separator: " "))'.",
            fix: "write '> message => out-of-scope', or expect a decision such as 'answer <intent-id>'.")
          return nil
        }
        return TestSuite.Turn(text: message, expectation: .outOfScope, location: location)
      default:
        let hint = Suggestion.closest(to: decision, in: TestSuiteParser.decisions).map { "did you mean '\($0)'?" }
        fail(
          line, "Unknown decision '\(words[0])'; a turn expects answer, clarify, escalate or out-of-scope.",
          fix: hint ?? "write '> message => answer <intent-id>' (or clarify, escalate, out-of-scope).")
        return nil
      }
    }

    private mutating func tooMany(_ rest: [String], after decision: String, line: Int) -> TestSuite.Turn? {
      fail(
        line, "'\(decision)' takes at most one intent, not '\(rest.joined(separator: " "))'.",
        fix: "write '\(decision) <intent-id>'.")
      return nil
    }

    /// The question and the expectation on either side of the last `=>`.
    private mutating func split(_ text: String, line: Int, example: String) -> (String, String)? {
      guard let arrow = text.range(of: "=>", options: .backwards) else {
        fail(line, "A test line must read 'question => expectation'.", fix: "write, for example, '\(example)'.")
        return nil
      }
      let question = text[..<arrow.lowerBound].trimmedWhiteSpace
      let expectation = text[arrow.upperBound...].trimmedWhiteSpace
      guard !question.isEmpty else {
        fail(line, "The question before '=>' is empty.", fix: "write the customer's message before '=>'.")
        return nil
      }
      guard !expectation.isEmpty else {
        fail(line, "Nothing is expected after '=>'.", fix: "write, for example, '\(example)'.")
        return nil
      }
      return (question, expectation)
    }

    /// An intent id that the content has in this language.
    private mutating func intent(_ text: String, line: Int) -> IntentID? {
      guard let id = IntentID(rawValue: text) else {
        fail(
          line, "'\(text)' is not a valid intent id.",
          fix: "use lower-case letters, digits and hyphens (for example 'order-status'), or 'out-of-scope'.")
        return nil
      }
      if let intents, !intents.contains(id) {
        let hint = Suggestion.closest(to: text, in: intents.map(\.rawValue).sorted()).map { "did you mean '\($0)'?" }
        fail(
          line, "The intent '\(id)' has no examples in '\(language)'.",
          fix: hint ?? "name an intent of Intents/\(language)/, or 'out-of-scope'.")
        return nil
      }
      return id
    }

    private mutating func fail(_ line: Int, _ message: String, fix: String) {
      findings.append(Finding(.error, .suite, at: file.location(line), message, fix: fix))
    }
  }
}
