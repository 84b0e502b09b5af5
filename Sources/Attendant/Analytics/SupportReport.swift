import Foundation

/// The support lead's report over a period of transcripts: volume, containment, escalations and the
/// wait for a person, satisfaction, the articles to rewrite, the hours against the shifts, and the
/// unanswered questions grouped by need. Every figure is defined in docs/analytics.md.
package struct SupportReport: Sendable, Codable, Hashable {
  /// Conversations and customer messages.
  public struct Volume: Sendable, Codable, Hashable {
    public var conversations = 0
    public var messages = 0
  }

  /// A count out of a total, and its share (`nil` when the total is 0).
  public struct Share: Sendable, Codable, Hashable {
    public let count: Int
    public let total: Int
    public let rate: Double?

    public init(count: Int, total: Int) {
      self.count = count
      self.total = total
      rate = total == 0 ? nil : Double(count) / Double(total)
    }
  }

  /// The expected wait for the first reply of a person, in minutes.
  public struct Wait: Sendable, Codable, Hashable {
    public var escalations = 0
    public var meanMinutes: Double?
    public var medianMinutes: Double?
    public var p90Minutes: Double?
  }

  public struct Escalations: Sendable, Codable, Hashable {
    /// Escalation events (new records).
    public var total = 0
    /// Conversations with at least one escalation, out of all conversations.
    public var conversations = Share(count: 0, total: 0)
    /// Per language: conversations with an escalation, out of the language's conversations.
    public var rateByLanguage: [String: Share] = [:]
    public var byReason: [String: Int] = [:]
    public var byPriority: [String: Int] = [:]
    public var byLanguage: [String: Int] = [:]
    public var byTeam: [String: Int] = [:]
    public var onShift = 0
    public var offShift = 0
    public var wait = Wait()
    public var waitByTeam: [String: Wait] = [:]
    /// Escalations in a language no team covers: no wait can be expected.
    public var uncovered = 0
  }

  public struct Satisfaction: Sendable, Codable, Hashable {
    public var feedback = 0
    public var helpful = Share(count: 0, total: 0)
    public var ratings = 0
    public var ratingAverage: Double?
    /// Ratings 1 to 5 and how many gave each.
    public var distribution: [String: Int] = [:]
    public var helpfulByIntent: [String: Share] = [:]
    public var helpfulByLanguage: [String: Share] = [:]
    /// Feedback comments (redacted), grouped by the intent last answered before them.
    public var comments: [String: [String]] = [:]
  }

  /// An intent whose answers too often fail.
  public struct ArticleTrouble: Sendable, Codable, Hashable {
    public let intent: String
    public let answers: Int
    public let notHelpful: Int
    public let repeats: Int
    public let escalations: Int
    /// `notHelpful + repeats + escalations`.
    public let troubles: Int
    /// `troubles / answers`, 0 without answers.
    public let rate: Double

    public init(intent: String, answers: Int, notHelpful: Int, repeats: Int, escalations: Int) {
      self.intent = intent
      self.answers = answers
      self.notHelpful = notHelpful
      self.repeats = repeats
      self.escalations = escalations
      troubles = notHelpful + repeats + escalations
      rate = answers == 0 ? 0 : Double(troubles) / Double(answers)
    }
  }

  /// One hour of the day in a team's time zone.
  public struct Hour: Sendable, Codable, Hashable {
    public var hour: Int
    /// Customer messages in the team's languages in this hour.
    public var messages = 0
    /// Those sent while the team had a shift (holidays are off).
    public var staffed = 0
    /// On how many weekdays (of 7) a shift covers the start of the hour.
    public var staffedWeekdays = 0
  }

  public struct TeamHours: Sendable, Codable, Hashable {
    public var team: String
    public var timeZone: String
    public var languages: [String]
    public var hours: [Hour]
  }

  /// Unanswered questions that express the same need.
  public struct Cluster: Sendable, Codable, Hashable {
    public var language: String
    public var size: Int
    public var representative: String
    public var samples: [String]
    /// Every distinct message of the cluster, most frequent first.
    public var members: [String]
    public var nearestIntent: String?
    public var nearestConfidence: Double?
    /// Why its messages went unanswered, and how many for each reason.
    public var reasons: [String: Int]
  }

  public struct Unanswered: Sendable, Codable, Hashable {
    public var total = 0
    public var byReason: [String: Int] = [:]
    public var byLanguage: [String: Int] = [:]
    public var clusters: [Cluster] = []
  }

  /// The first and last event times read (UTC), and the period asked for.
  public var from: String?
  public var to: String?
  public var since: String?
  public var until: String?
  public var events = 0
  public var skippedLines = 0
  public var total = Volume()
  public var byLanguage: [String: Volume] = [:]
  public var byChannel: [String: Volume] = [:]
  public var containment = Share(count: 0, total: 0)
  public var escalations = Escalations()
  public var satisfaction = Satisfaction()
  /// The intents most often followed by "not helpful", a repeat or an escalation, worst first.
  public var articles: [ArticleTrouble] = []
  public var hours: [TeamHours] = []
  public var unanswered = Unanswered()
}
