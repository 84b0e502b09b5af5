/// What the matcher found for one message in one language, with every part of every score, so that
/// `attendant explain` and `/why` can show why the bot answered as it did.
public struct IntentMatch: Sendable, Hashable {
  public let language: Language
  /// The message's terms after normalization, stemming and typo correction.
  public let terms: [AnalyzedTerm]
  /// The names of known classes, numbers and pieces of personal data in the message.
  public let entities: [Entity]
  /// The words that were misspelt, and what they were taken for.
  public let corrections: [Correction]
  /// Content words of the message that the content does not know, even after typo correction.
  public let unknownWords: [String]
  /// The share of the message's informative weight that the content knows, 0…1.
  public let coverage: Double
  /// The intents considered, best first.
  public let candidates: [IntentCandidate]
  /// How the top confidence was put together.
  public let confidence: Confidence

  /// A misspelt word and the content word it was taken for.
  public struct Correction: Sendable, Hashable, Codable {
    public let typed: String
    public let corrected: String
    public let distance: Int
  }

  /// The parts of the calibrated confidence of the best candidate.
  public struct Confidence: Sendable, Hashable, Codable {
    /// The final confidence, 0…1.
    public let value: Double
    /// The raw evidence the top intent has, as a z-score against the other intents.
    public let absolute: Double
    /// The share of the message that the top intent's examples explain, 0…1.
    public let coverage: Double
    /// The difference between the top two intents' combined scores (not bounded by 1); the policy's
    /// `clarifyMargin` compares confidences instead.
    public let margin: Double
  }

  /// The best candidate's intent, if any.
  public var intent: IntentID? { candidates.first?.intent }
}

/// An intent the matcher considered, with its score broken down by signal.
public struct IntentCandidate: Sendable, Hashable {
  public let intent: IntentID
  /// The calibrated confidence, 0…1.
  public let confidence: Double
  /// The share of the message's informative weight that this intent's examples contain, 0…1.
  public let coverage: Double
  /// The scoring signals that add up to this candidate's score.
  public let signals: [MatchSignal]
  /// The examples of this intent closest to the message.
  public let nearestExamples: [ExampleMatch]
}

/// One part of a candidate's score.
public struct MatchSignal: Sendable, Hashable, Codable {
  /// The signal's name (`words`, `character n-grams`, `coverage`).
  public let name: String
  /// Its contribution to the score.
  public let value: Double
  /// The features behind it, for people: the words that matched, most weighty first.
  public let detail: [String]
}

/// An example and how similar the message is to it.
public struct ExampleMatch: Sendable, Hashable {
  public let text: String
  public let location: SourceLocation
  public let similarity: Double
}

extension IntentMatch {
  /// How many of the message's words carry a topic (`content` terms).
  var contentWordCount: Int { terms.filter { $0.role == .content }.count }

  /// Whether the message names a topic of its own: two content words or more.
  var namesATopic: Bool { contentWordCount >= 2 }

  /// Whether the message names a topic in two content words or more that ask for no property of one
  /// (its price, who pays, how long: `attributeStems`): "can I get an invoice for it?" does, "and how
  /// much does that cost?" does not.
  func namesATopic(besides attributeStems: Set<String>) -> Bool {
    contentWordCount(besides: attributeStems) >= 2
  }

  /// How many content words ask for no property of a topic (`attributeStems`).
  func contentWordCount(besides attributeStems: Set<String>) -> Int {
    terms.filter { $0.role == .content && !attributeStems.contains($0.stem) }.count
  }

  /// Two content words joined by grammar are a sentence, not a topic's name: "pay with paypal?",
  /// tr "bir haftadır bekliyorum"; one word with a pronoun is still a name ("akun saya").
  var isJoinedByGrammar: Bool { namesATopic && terms.contains { $0.role == .function } }
}
