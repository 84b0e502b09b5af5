import Foundation
import Testing

@testable import Attendant

/// The test suite format: single cases, conversations, and mistakes reported with their `file:line`.
struct TestSuiteParserTests {
  @Test func readsSingleCasesAndConversations() throws {
    let suite = try SuiteFixture.suite("passing")
    #expect(suite.file == "Intents/en/tests/passing.txt")
    #expect(suite.language == .en)
    #expect(suite.cases.map(\.text) == ["where is my order", "real person please", "xqzv plorf", "payment", "2"])
    #expect(suite.cases.map(\.expected) == ["order-status", "human-agent", nil, nil, nil])
    #expect(suite.cases.map(\.location.line) == [2, 3, 4, 5, 6])
    #expect(suite.conversations.map(\.turns.count) == [6, 2, 1])
    #expect(
      suite.conversations.map(\.title) == [
        "Greeting, a question, payment picked by number, a person, thanks", nil, nil,
      ])
    let first = suite.conversations[0].turns
    #expect(first.map(\.location.line) == Array(9...14))
    #expect(
      first.map(\.expectation) == [
        .answer(.intent("greeting")), .answer(.intent("order-status")),
        .clarify(["payment-methods", "payment-failed"]),
        .answer(.option(2)), .escalate("human-agent"), .answer(.intent("thanks")),
      ])
    #expect(suite.conversations[1].turns.map(\.expectation) == [.clarify([]), .answer(.option(1))])
    #expect(suite.conversations[2].turns.map(\.expectation) == [.outOfScope])
    #expect(suite.checkCount == 14)
  }

  @Test func loadsEverySuiteOfEveryLanguage() {
    let loaded = TestSuiteParser.load(from: Paths.repository, intents: Demo.knowledgeBase.intents)
    #expect(loaded.findings.isEmpty, "\(loaded.findings)")
    for language in Demo.knowledgeBase.languages {
      #expect(
        Set(loaded.suites.filter { $0.language == language }.map(\.name)) == [
          "conversations", "conversations-heldout", "conversations-heldout-2", "conversations-heldout-3", "heldout",
          "heldout-messages",
          "validation",
        ])
    }
    let onlyCroatian = TestSuiteParser.load(from: Paths.repository, languages: [.hr])
    #expect(Set(onlyCroatian.suites.map(\.language)) == [.hr])
  }

  @Test func mistakesAreReportedWithTheirPlace() throws {
    let loaded = TestSuiteParser.load(
      from: try Paths.copyOfFixture("check/test-suite"), intents: [.en: Demo.knowledgeBase.intents[.en]!])
    #expect(loaded.findings.map(\.location.description) == (2...5).map { "Intents/en/tests/mistakes.txt:\($0)" })
    #expect(loaded.findings.allSatisfy { $0.kind == .suite && $0.severity == .error })
    #expect(loaded.suites.first?.cases.map(\.location.line) == [6], "the valid line still runs")
  }

  @Test(arguments: [
    ("where is my order", "must read 'question => expectation'"),
    (" => order-status", "The question before '=>' is empty."),
    ("where is my order =>", "Nothing is expected after '=>'."),
    ("where is my order => Order_Status", "'Order_Status' is not a valid intent id."),
    ("where is my order => order-staus", "The intent 'order-staus' has no examples in 'en'."),
    ("where is my order => answer", "A single case expects an intent, not a decision ('answer')."),
    ("> where is my order => greet", "Unknown decision 'greet'"),
    ("> where is my order => answer order-status thanks", "'answer' takes at most one intent"),
    ("> where is my order => out-of-scope thanks", "'out-of-scope' takes no intent"),
    ("> where is my order => answer #0", "'#0' is not an option number."),
    ("> 2 => answer #2", "refers to the options of a clarification"),
    ("> payment => clarify payment-methods, nonsense", "The intent 'nonsense' has no examples in 'en'."),
  ])
  func eachMistakeIsExplained(line: String, message: String) throws {
    let parsed = TestSuiteParser.parse("# a comment\n" + line, intents: Set(Demo.knowledgeBase.intents[.en]!.map(\.id)))
    let finding = try #require(parsed.findings.first)
    #expect(parsed.findings.count == 1)
    #expect(finding.location.description == "Intents/en/tests/suite.txt:2")
    #expect(finding.message.contains(message), "\(finding.message)")
    #expect(parsed.suite.checkCount == 0, "a line with a mistake does not run")
  }

  @Test func aTypoInADecisionGetsASuggestion() throws {
    let parsed = TestSuiteParser.parse("> hi => anwser greeting")
    #expect(try #require(parsed.findings.first).fix == "did you mean 'answer'?")
  }

  @Test func aConversationWithAMistakeIsLeftOutAndTheOthersRun() {
    let parsed = TestSuiteParser.parse(
      """
      > hi => answer greeting
      > payment => clarfy

      > hello => answer greeting
      """)
    #expect(parsed.findings.map(\.location.line) == [2])
    #expect(parsed.suite.conversations.map { $0.turns.map(\.text) } == [["hello"]])
  }

  @Test func escapesAndArrowsInsideQuestions() {
    let parsed = TestSuiteParser.parse(
      """
      \\#1 best seller in stock? => order-status
      \\> quoted reply => order-status
      is a => b a question => out-of-scope
      """)
    #expect(parsed.findings.isEmpty, "\(parsed.findings)")
    #expect(parsed.suite.cases.map(\.text) == ["#1 best seller in stock?", "> quoted reply", "is a => b a question"])
  }

  @Test func aBlankLineOrASingleCaseEndsAConversation() {
    let parsed = TestSuiteParser.parse(
      """
      # first
      > hi => answer
      # a comment inside does not end it
      > bye => answer goodbye
      where is my order => order-status
      > hi => answer
      """)
    #expect(parsed.suite.conversations.map(\.turns.count) == [2, 1])
    #expect(parsed.suite.conversations.map(\.title) == ["first", nil])
    #expect(parsed.suite.cases.count == 1)
  }

  @Test func importedSuitesParse() throws {
    let content = ImportedContent(
      language: .en,
      intents: [
        .init(
          id: "order-status", examples: ["where is my order"], title: "Orders", answer: nil, sourceLabel: "order-status"
        )
      ],
      suites: [
        (
          "val",
          [.init(text: "# where\nis it", expected: "order-status"), .init(text: "tell me a joke", expected: nil)]
        )
      ],
      source: "a test")
    let folder = Paths.temporaryFolder()
    try content.write(to: folder)
    let loaded = TestSuiteParser.load(from: folder)
    #expect(loaded.findings.isEmpty, "\(loaded.findings)")
    #expect(loaded.suites.first?.cases.map(\.text) == ["# where is it", "tell me a joke"])
    #expect(loaded.suites.first?.cases.map(\.expected) == ["order-status", nil])
  }
}
