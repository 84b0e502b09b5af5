/// How frustrated a message sounds, and why.
public struct FrustrationAssessment: Sendable, Hashable, Codable {
  /// The sum of the signals' weights; at or above the policy's threshold the bot escalates at once.
  public let score: Double
  /// The signals, in words: `word 'useless'`, `shouting in capitals`, `'!!!'`, `repeats an earlier message`.
  public let signals: [String]
  /// The positions of the frustration phrases in the message's folded words (first word, word count).
  public let phraseSpans: [Range<Int>]

  public init(score: Double, signals: [String], phraseSpans: [Range<Int>] = []) {
    self.score = score
    self.signals = signals
    self.phraseSpans = phraseSpans
  }

  public static let none = FrustrationAssessment(score: 0, signals: [])
}

/// Finds signs of frustration: the language's angry words and phrases (weighted, see
/// `FrustrationSignals`), shouting in capitals, repeated punctuation, angry emoji, and a message the
/// customer already sent.
enum FrustrationDetector {
  static let angryEmoji: Set<UInt32> = [0x1F621, 0x1F92C, 0x1F620, 0x1F47F, 0x1F4A2, 0x1F624]

  /// Assesses one message.
  ///
  /// - Parameters:
  ///   - text: The message as typed.
  ///   - folded: Its words, folded (language-neutral tokenization).
  ///   - spelled: The same words with each chat spelling of one word spelt out (id `dr` is `dari`), or
  ///     `nil`: a phrase counts typed either way ("dr tadi" is "dari tadi").
  ///   - signals: The language's frustration phrases.
  ///   - earlier: The fingerprints (`fingerprint(of:)`) of the customer's earlier messages in this
  ///     conversation.
  /// - Complexity: O(words × phrases that start with each word), linear in the text for a given list.
  /// The phrases found in the words as typed or spelt out, each once, ordered by start and the longer
  /// first.
  private static func occurrences(of signals: FrustrationSignals, in folded: [String], spelled: [String]?)
    -> [(phrase: Int, start: Int, length: Int)]
  {
    var occurrences = signals.occurrences(in: folded)
    guard let spelled, spelled.count == folded.count, spelled != folded else { return occurrences }
    let typed = Set(occurrences.map { [$0.phrase, $0.start, $0.length] })
    occurrences += signals.occurrences(in: spelled).filter { !typed.contains([$0.phrase, $0.start, $0.length]) }
    occurrences.sort { ($0.start, -$0.length, $0.phrase) < ($1.start, -$1.length, $1.phrase) }
    return occurrences
  }

  static func assess(
    text: String, folded: [String], spelled: [String]? = nil, signals: FrustrationSignals, earlier: [UInt64]
  ) -> FrustrationAssessment {
    var found: [String] = []
    var score = 0.0
    var spans: [Range<Int>] = []
    let occurrences = Self.occurrences(of: signals, in: folded, spelled: spelled)
    // A phrase inside a longer matched phrase ('third time' in 'this is the third time') counts once,
    // as the longer one; a phrase that occurs twice counts once. Occurrences come ordered by start, so
    // one sweep finds the covered ones: a span is inside a longer one when a phrase that starts earlier
    // reaches as far, or one that starts at the same word reaches further.
    var counted = Set<Int>()
    var furthestEarlierEnd = Int.min
    var groupStart = -1
    var groupEnd = Int.min
    var groupIndex = 0
    for occurrence in occurrences {
      let span = occurrence.start..<(occurrence.start + occurrence.length)
      if occurrence.start != groupStart {
        furthestEarlierEnd = max(furthestEarlierEnd, groupEnd)
        groupStart = occurrence.start
        groupEnd = occurrences[groupIndex...].prefix { $0.start == occurrence.start }
          .reduce(Int.min) { max($0, $1.start + $1.length) }
      }
      groupIndex += 1
      let inner = furthestEarlierEnd >= span.upperBound || groupEnd > span.upperBound
      guard !inner else { continue }
      spans.append(span)
      guard counted.insert(occurrence.phrase).inserted else { continue }
      let phrase = signals.phrases[occurrence.phrase]
      let weight = phrase.weight == 1 ? "" : " (weight \(phrase.weight.formatted))"
      found.append("phrase '\(phrase.text)'\(weight)")
      score += phrase.weight
    }
    var letters = 0
    var capitals = 0
    var run = 0
    var longestRun = 0
    var emoji = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        // ASCII without Unicode property look-ups, which cost more than the rest of this loop.
        if (0x41...0x5A).contains(value) {
          letters += 1
          capitals += 1
        } else if (0x61...0x7A).contains(value) {
          letters += 1
        }
      } else if scalar.properties.isAlphabetic {
        letters += 1
        if scalar.properties.isUppercase { capitals += 1 }
      }
      if scalar == "!" || scalar == "?" {
        run += 1
        longestRun = max(longestRun, run)
      } else if scalar != " " {
        run = 0
      }
      if angryEmoji.contains(scalar.value) { emoji = true }
    }
    if letters >= 8 && Double(capitals) >= 0.7 * Double(letters) {
      found.append("shouting in capitals")
      score += 1
    }
    if longestRun >= 3 {
      found.append("repeated punctuation")
      score += 0.5
    }
    if emoji {
      found.append("angry emoji")
      score += 1
    }
    if folded.count >= 2, earlier.suffix(5).contains(fingerprint(of: folded)) {
      found.append("repeats an earlier message")
      score += 1
    }
    return FrustrationAssessment(score: score, signals: found, phraseSpans: spans)
  }

  /// A message's words as a 64-bit FNV-1a hash, so that a session remembers its last messages in a few
  /// bytes each, the same in every process (a session's state may move between replicas).
  static func fingerprint(of folded: [String]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (index, word) in folded.enumerated() {
      if index > 0 {
        hash ^= 0x20
        hash &*= 0x100_0000_01b3
      }
      for byte in word.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
      }
    }
    return hash
  }
}

extension Double {
  /// `2`, `1.5`: a weight without needless decimals.
  fileprivate var formatted: String {
    self == rounded() ? String(Int(self)) : String(self)
  }
}
