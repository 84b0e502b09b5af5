import Foundation

/// A content test suite: `Intents/<language>/tests/<name>.txt`, beside the content it tests.
///
/// It holds single questions, each with the intent expected (or the expectation that the question is
/// out of scope), and short conversations with the decision expected at each turn. The format is in
/// `docs/content-format.md`, "Test suites"; `TestSuiteParser` reads it.
package struct TestSuite: Sendable, Hashable {
  /// The file name without `.txt` (`heldout`, `conversations`, `val`).
  public let name: String
  public let language: Language
  /// The file, relative to the content folder.
  public let file: String
  public var cases: [Case]
  public var conversations: [Conversation]
  /// Set by `@minimum-accuracy 90%`: the single cases pass as a whole when at least this share (0…1)
  /// of them pass, rather than each on its own. Held-out suites, which measure rather than pin
  /// behaviour, use it; conversations still pass turn by turn.
  public var minimumAccuracy: Double?
  /// Set by `@minimum-turn-accuracy 90%`: the conversations pass as a whole when at least this share
  /// of their turns pass, rather than turn by turn (held-out conversations, which measure).
  public var minimumTurnAccuracy: Double?

  public init(name: String, language: Language, file: String, cases: [Case] = [], conversations: [Conversation] = []) {
    self.name = name
    self.language = language
    self.file = file
    self.cases = cases
    self.conversations = conversations
  }

  /// One question asked at the start of a conversation: `question => intent-id` or `question => out-of-scope`.
  public struct Case: Sendable, Hashable {
    public let text: String
    /// The intent whose article should answer, or `nil` when the question is out of scope.
    public let expected: IntentID?
    public let location: SourceLocation
    /// The language the reply must be in (`=> return-item in en`), when the case says.
    public let language: Language?

    public init(text: String, expected: IntentID?, location: SourceLocation, language: Language? = nil) {
      self.text = text
      self.expected = expected
      self.location = location
      self.language = language
    }
  }

  /// A conversation: customer messages in one session, each with the bot's expected decision.
  public struct Conversation: Sendable, Hashable {
    /// The comment right above the conversation, if any.
    public let title: String?
    public var turns: [Turn]

    public init(title: String?, turns: [Turn]) {
      self.title = title
      self.turns = turns
    }

    /// Where the conversation starts.
    public var location: SourceLocation { turns.first?.location ?? SourceLocation(file: "") }
  }

  /// One customer message of a conversation and what the bot should do with it.
  public struct Turn: Sendable, Hashable {
    public let text: String
    public let expectation: Expectation
    public let location: SourceLocation
    /// The language the reply must be in (`=> answer return-item in en`), when the turn says.
    public let language: Language?

    public init(text: String, expectation: Expectation, location: SourceLocation, language: Language? = nil) {
      self.text = text
      self.expectation = expectation
      self.location = location
      self.language = language
    }
  }

  /// What a turn expects of the reply.
  public enum Expectation: Sendable, Hashable, CustomStringConvertible {
    /// An answer; with a target, the answer to that intent.
    case answer(Target?)
    /// A question back to the customer; the intents listed must be among the options offered.
    case clarify([IntentID])
    /// A hand-off to a person; with an intent, after that intent's article.
    case escalate(IntentID?)
    /// No article is shown.
    case outOfScope

    public var description: String {
      switch self {
      case .answer(nil): "answer"
      case .answer(let target?): "answer \(target)"
      case .clarify(let options):
        (["clarify"] + [options.map(\.rawValue).joined(separator: ", ")]).filter { !$0.isEmpty }.joined(separator: " ")
      case .escalate(nil): "escalate"
      case .escalate(let intent?): "escalate \(intent)"
      case .outOfScope: TestSuite.outOfScope
      }
    }
  }

  /// The intent an answer should be about.
  public enum Target: Sendable, Hashable, CustomStringConvertible {
    case intent(IntentID)
    /// The n-th option (from 1) of the clarification in the turn before: `answer #2`.
    case option(Int)

    public var description: String {
      switch self {
      case .intent(let id): id.rawValue
      case .option(let number): "#\(number)"
      }
    }
  }

  /// The word that marks a question as out of scope.
  public static let outOfScope = "out-of-scope"

  /// The number of checks in the suite: one per case and one per conversation turn.
  public var checkCount: Int { cases.count + conversations.reduce(0) { $0 + $1.turns.count } }
}
