import Foundation

/// Seeded customer traffic for the support report: conversations in five regions, at the hours and on
/// the weekdays people write, asking the content's held-out questions (some with a typo), questions
/// outside the content, needs the content lacks, angry messages and requests for a person; picking
/// clarification options, giving feedback and asking again after a poor answer. Each turn goes
/// through `Engine.respond` or `Engine.takeFeedback`, and into a `TranscriptLog` exactly as `chat`
/// and `serve` write it. The same seed gives the same transcripts.
package struct TrafficSimulator: Sendable {
  /// How much traffic, when, and with which seed.
  public struct Options: Sendable {
    public var days: Int
    public var seed: UInt64
    /// Midnight UTC of the first day.
    public var start: Date
    /// Conversations on an ordinary weekday; weekends and Mondays differ.
    public var conversationsPerDay: Int

    public init(days: Int, seed: UInt64, start: Date, conversationsPerDay: Int = 300) {
      self.days = days
      self.seed = seed
      self.start = start
      self.conversationsPerDay = conversationsPerDay
    }
  }

  /// What a run produced.
  public struct Summary: Sendable, Hashable {
    public var conversations = 0
    public var turns = 0
    public var feedback = 0
    public var escalations = 0
  }

  /// A region's customers: their language, time zone and share of the traffic.
  struct Region {
    let language: Language
    let timeZone: TimeZone
    let share: Double
  }

  static let regions: [Region] = [
    Region(language: .en, timeZone: TimeZone(identifier: "America/New_York")!, share: 0.30),
    Region(language: .hr, timeZone: TimeZone(identifier: "Europe/Zagreb")!, share: 0.20),
    Region(language: .tr, timeZone: TimeZone(identifier: "Europe/Istanbul")!, share: 0.18),
    Region(language: .vi, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, share: 0.16),
    Region(language: .id, timeZone: TimeZone(identifier: "Asia/Jakarta")!, share: 0.16),
  ]

  /// Relative traffic by local hour: quiet nights, a late-morning peak and a bigger evening one.
  static let hourWeights: [Double] = [
    0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 0.9, 1.3, 1.7, 1.9, 1.8, 1.5, 1.6, 1.7, 1.6, 1.5, 1.4, 1.5, 1.8, 2.0, 1.8, 1.2,
    0.6,
  ]
  /// Relative traffic by weekday, Sunday first: Monday is the busiest day, the weekend the quietest.
  static let weekdayWeights: [Double] = [0.7, 1.35, 1.1, 1.0, 1.0, 0.95, 0.75]

  public let engine: Engine
  public let options: Options
  /// The held-out questions of each language, with the intent each expects.
  let questions: [Language: [(text: String, intent: String)]]

  /// A simulator over a content folder's held-out questions (`Intents/<xx>/tests/heldout*.txt`).
  public init(engine: Engine, content: URL, options: Options) {
    self.engine = engine
    self.options = options
    var questions: [Language: [(String, String)]] = [:]
    for language in engine.languages {
      let folder = content.appendingPathComponent("Intents/\(language.rawValue)/tests")
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
        $0.hasPrefix("heldout") && $0.hasSuffix(".txt")
      }
      for name in names.sorted() {
        let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
          let parts = line.components(separatedBy: " => ")
          guard parts.count == 2, !line.hasPrefix("#"), !line.hasPrefix("@") else { continue }
          questions[language, default: []].append((parts[0].trimmedWhiteSpace, parts[1].trimmedWhiteSpace))
        }
      }
    }
    self.questions = questions
  }

  /// Runs every day of traffic.
  ///
  /// - Parameter log: The log of each channel; both may write to the same folder.
  /// - Complexity: O(conversations × turns), each turn one `Engine.respond`.
  public func run(log: (FileTranscriptLog.Channel) -> any TranscriptLog) -> Summary {
    var random = SeededGenerator(seed: options.seed)
    var summary = Summary()
    let logs = Dictionary(uniqueKeysWithValues: FileTranscriptLog.Channel.allCases.map { ($0, log($0)) })
    let regions = Self.regions.filter { engine.languages.contains($0.language) }
    for day in 0..<options.days {
      var starts: [(at: Date, region: Region)] = []
      for region in regions {
        let midnightUTC = options.start.addingTimeInterval(Double(day) * 86_400)
        let offset = Double(region.timeZone.secondsFromGMT(for: midnightUTC))
        let localDays = Int((midnightUTC.timeIntervalSince1970 / 86_400).rounded(.down))
        let weekday = CivilDate.weekday(localDays)
        let expected = Double(options.conversationsPerDay) * region.share * Self.weekdayWeights[weekday - 1]
        let count = Int((expected * Double.random(in: 0.85...1.15, using: &random)).rounded())
        for _ in 0..<count {
          let hour = Self.pick(Self.hourWeights, using: &random)
          let second = Double(hour * 3600 + Int.random(in: 0..<3600, using: &random))
          starts.append((midnightUTC.addingTimeInterval(second - offset), region))
        }
      }
      starts.sort { $0.at < $1.at }
      for (index, start) in starts.enumerated() {
        let channel: FileTranscriptLog.Channel = Double.random(in: 0..<1, using: &random) < 0.7 ? .serve : .chat
        var conversation = SimulatedConversation(
          simulator: self, region: start.region, log: logs[channel]!, now: start.at,
          session: ChatSession(id: "sim-\(options.seed)-\(day)-\(index)", timeZone: start.region.timeZone))
        // Each conversation draws from its own generator, so that the same customers ask the same
        // things on the next run, whatever the bot answered them or anyone before them.
        var conversationSeed = SeededGenerator(seed: options.seed ^ (UInt64(day) << 32 | UInt64(index)))
        var conversationRandom = SeededGenerator(seed: conversationSeed.next())
        var typos = TypoGenerator(seed: conversationSeed.next())
        conversation.run(random: &conversationRandom, typos: &typos, summary: &summary)
        summary.conversations += 1
      }
    }
    return summary
  }

  /// An index drawn with the given weights.
  static func pick(_ weights: [Double], using random: inout SeededGenerator) -> Int {
    var left = Double.random(in: 0..<weights.reduce(0, +), using: &random)
    for (index, weight) in weights.enumerated() {
      left -= weight
      if left < 0 { return index }
    }
    return weights.count - 1
  }
}
