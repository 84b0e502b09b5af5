import Foundation

/// Counts the events of a log, one at a time, into a `SupportReport`. Events of a conversation must
/// come in the order they were written; conversations may interleave.
struct ReportAccumulator {
  /// What the report remembers of a conversation while its events are read.
  private struct Conversation {
    var language: String
    var channel: String
    var escalated = false
    var lastTurnUnanswered = false
    /// The intent answered most recently in the conversation.
    var lastAnswered: String?
    /// The intent answered by the conversation's previous turn, if it answered one.
    var previousTurnAnswered: String?
    /// A question the bot answered with "which of these?", until the next turn shows whether the
    /// customer picked one.
    var pendingClarification: (text: String, language: String)?
  }

  /// How often an intent's answer was followed by trouble.
  private struct Troubles {
    var answers = 0, notHelpful = 0, repeats = 0, escalations = 0
  }

  /// Helpful feedback out of all feedback.
  private struct Tally {
    var helpful = 0, total = 0
    var share: SupportReport.Share { .init(count: helpful, total: total) }
  }

  /// A distinct unanswered message.
  struct Unanswered {
    var count = 0
    var reasons: [String: Int] = [:]
    /// Where it was first seen, to keep the order of first appearance.
    var order: Int
  }

  private let schedule: SupportSchedule?
  private let teamsByLanguage: [String: [Int]]
  private var report = SupportReport()
  private var conversations: [String: Conversation] = [:]
  /// Conversations with an escalation event: the log writes it before the turn that escalated, so it
  /// may come before the conversation's first turn.
  private var escalatedSessions = Set<String>()
  private var firstAt: Date?
  private var lastAt: Date?
  private var ratingSum = 0
  private var troubles: [String: Troubles] = [:]
  private var helpful = Tally()
  private var helpfulByIntent: [String: Tally] = [:]
  private var helpfulByLanguage: [String: Tally] = [:]
  /// Per team, messages by local hour since 1970 (days × 24 + hour).
  private var hourCounts: [[Int: Int]]
  /// Per team, the zone's offset by UTC hour, since `secondsFromGMT` is looked up for every message.
  private var offsets: [[Int: Int]]
  private var waits: [String: [Double]] = [:]
  private(set) var unanswered: [String: [String: Unanswered]] = [:]
  private var unansweredOrder = 0

  init(schedule: SupportSchedule?) {
    self.schedule = schedule
    let teams = schedule?.teams ?? []
    var byLanguage: [String: [Int]] = [:]
    for (index, team) in teams.enumerated() {
      for language in team.languages { byLanguage[language.rawValue, default: []].append(index) }
    }
    teamsByLanguage = byLanguage
    hourCounts = Array(repeating: [:], count: teams.count)
    offsets = Array(repeating: [:], count: teams.count)
  }

  mutating func add(_ event: TranscriptEvent) {
    report.events += 1
    if firstAt.map({ event.at < $0 }) ?? true { firstAt = event.at }
    if lastAt.map({ event.at > $0 }) ?? true { lastAt = event.at }
    switch event.kind {
    case .turn: addTurn(event)
    case .escalation: addEscalation(event)
    case .feedback: addFeedback(event)
    case .outboxFailure: conversations[event.session]?.escalated = true
    }
  }

  private mutating func addTurn(_ event: TranscriptEvent) {
    let language = event.language ?? "?"
    var conversation =
      conversations[event.session]
      ?? {
        let channel = event.channel ?? "unknown"
        report.total.conversations += 1
        report.byLanguage[language, default: .init()].conversations += 1
        report.byChannel[channel, default: .init()].conversations += 1
        return Conversation(language: language, channel: channel)
      }()
    report.total.messages += 1
    report.byLanguage[language, default: .init()].messages += 1
    report.byChannel[conversation.channel, default: .init()].messages += 1
    countHour(of: event, language: language)

    if let pending = conversation.pendingClarification {
      conversation.pendingClarification = nil
      if event.reason != ReplyReason.clarified.rawValue {
        noteUnanswered(
          pending.text, language: pending.language, reason: EscalationReason.unresolvedClarification.rawValue)
      }
    }
    if let previous = conversation.previousTurnAnswered, event.intent == previous {
      troubles[previous, default: .init()].repeats += 1
    }
    let reason = event.reason ?? ""
    if reason == ReplyReason.outOfScope.rawValue || reason == ReplyReason.lowConfidence.rawValue {
      noteUnanswered(event.customer ?? "", language: language, reason: reason)
    }
    if event.decision == Decision.clarify.rawValue && reason == ReplyReason.ambiguous.rawValue {
      conversation.pendingClarification = (event.customer ?? "", language)
    }
    if event.decision == Decision.escalate.rawValue { conversation.escalated = true }
    conversation.lastTurnUnanswered = Self.isUnanswered(decision: event.decision, reason: reason)
    if event.decision == Decision.answer.rawValue, let answered = event.answered {
      conversation.lastAnswered = answered
      conversation.previousTurnAnswered = answered
      troubles[answered, default: .init()].answers += 1
    } else {
      conversation.previousTurnAnswered = nil
    }
    conversations[event.session] = conversation
  }

  /// A turn that leaves the customer without an answer: the bot asked back, or refused.
  static func isUnanswered(decision: String?, reason: String) -> Bool {
    decision == Decision.clarify.rawValue || reason == ReplyReason.outOfScope.rawValue
  }

  private mutating func addEscalation(_ event: TranscriptEvent) {
    let language = event.language ?? "?"
    report.escalations.total += 1
    report.escalations.byReason[event.reason ?? "?", default: 0] += 1
    report.escalations.byPriority[event.priority ?? "?", default: 0] += 1
    report.escalations.byLanguage[language, default: 0] += 1
    report.escalations.byTeam[event.team ?? "(none)", default: 0] += 1
    if event.onShift == true { report.escalations.onShift += 1 } else { report.escalations.offShift += 1 }
    escalatedSessions.insert(event.session)
    if let intent = conversations[event.session]?.lastAnswered {
      troubles[intent, default: .init()].escalations += 1
    }
    guard let schedule, let code = Language(rawValue: language) else {
      report.escalations.uncovered += 1
      return
    }
    switch schedule.availability(for: code, at: event.at) {
    case .onShift(let team, _):
      waits[team.name, default: []].append(Double(team.responseMinutes))
    case .offShift(let team, let next):
      waits[team.name, default: []].append(next.timeIntervalSince(event.at) / 60 + Double(team.responseMinutes))
    case .uncovered:
      report.escalations.uncovered += 1
    }
  }

  private mutating func addFeedback(_ event: TranscriptEvent) {
    let helpful = event.helpful ?? false
    let conversation = conversations[event.session]
    let intent = conversation?.lastAnswered ?? "(no answer)"
    let language = conversation?.language ?? "?"
    report.satisfaction.feedback += 1
    self.helpful.total += 1
    helpfulByIntent[intent, default: .init()].total += 1
    helpfulByLanguage[language, default: .init()].total += 1
    if helpful {
      self.helpful.helpful += 1
      helpfulByIntent[intent]!.helpful += 1
      helpfulByLanguage[language]!.helpful += 1
    } else if let answered = conversation?.lastAnswered {
      troubles[answered, default: .init()].notHelpful += 1
    }
    if let rating = event.rating {
      report.satisfaction.ratings += 1
      ratingSum += rating
      report.satisfaction.distribution[String(rating), default: 0] += 1
    }
    if let comment = event.comment, !comment.trimmedWhiteSpace.isEmpty {
      report.satisfaction.comments[intent, default: []].append(PersonalData.redact(comment))
    }
  }

  private mutating func noteUnanswered(_ text: String, language: String, reason: String) {
    let shown = PersonalData.redact(text.trimmedWhiteSpace)
    guard !shown.isEmpty else { return }
    report.unanswered.total += 1
    report.unanswered.byReason[reason, default: 0] += 1
    report.unanswered.byLanguage[language, default: 0] += 1
    var entry = unanswered[language, default: [:]][shown] ?? Unanswered(order: unansweredOrder)
    unansweredOrder += 1
    entry.count += 1
    entry.reasons[reason, default: 0] += 1
    unanswered[language, default: [:]][shown] = entry
  }

  private mutating func countHour(of event: TranscriptEvent, language: String) {
    guard let schedule, let teams = teamsByLanguage[language] else { return }
    let seconds = Int(event.at.timeIntervalSince1970.rounded(.down))
    let utcHour = Int((Double(seconds) / 3600).rounded(.down))
    for index in teams {
      let offset =
        offsets[index][utcHour]
        ?? {
          let offset = schedule.teams[index].timeZone.secondsFromGMT(for: event.at)
          offsets[index][utcHour] = offset
          return offset
        }()
      let local = Int((Double(seconds + offset) / 3600).rounded(.down))
      hourCounts[index][local, default: 0] += 1
    }
  }

  /// The report, once every event is in; the clusters are left to `QuestionClusterer`.
  mutating func finish(skippedLines: Int, since: Date?, until: Date?) -> SupportReport {
    // A clarification at the very end of a conversation was never picked from.
    for (_, conversation) in conversations.sorted(by: { $0.key < $1.key }) {
      if let pending = conversation.pendingClarification {
        noteUnanswered(
          pending.text, language: pending.language, reason: EscalationReason.unresolvedClarification.rawValue)
      }
    }
    report.skippedLines = skippedLines
    report.from = firstAt.map(ISO8601.string(from:))
    report.to = lastAt.map(ISO8601.string(from:))
    report.since = since.map { String(ISO8601.string(from: $0).prefix(10)) }
    report.until = until.map { String(ISO8601.string(from: $0).prefix(10)) }
    report.containment = .init(
      count: conversations.filter {
        !$0.value.escalated && !$0.value.lastTurnUnanswered && !escalatedSessions.contains($0.key)
      }
      .count,
      total: report.total.conversations)
    report.escalations.conversations = .init(
      count: conversations.keys.filter(escalatedSessions.contains).count, total: report.total.conversations)
    var escalatedByLanguage: [String: Int] = [:]
    for (session, conversation) in conversations where escalatedSessions.contains(session) {
      escalatedByLanguage[conversation.language, default: 0] += 1
    }
    for (language, volume) in report.byLanguage {
      report.escalations.rateByLanguage[language] = .init(
        count: escalatedByLanguage[language] ?? 0, total: volume.conversations)
    }
    if report.satisfaction.ratings > 0 {
      report.satisfaction.ratingAverage = Double(ratingSum) / Double(report.satisfaction.ratings)
    }
    report.escalations.wait = Self.summary(waits.values.flatMap { $0 })
    report.escalations.waitByTeam = waits.mapValues(Self.summary)
    report.satisfaction.helpful = helpful.share
    report.satisfaction.helpfulByIntent = helpfulByIntent.mapValues(\.share)
    report.satisfaction.helpfulByLanguage = helpfulByLanguage.mapValues(\.share)
    report.articles = troubles.map {
      SupportReport.ArticleTrouble(
        intent: $0.key, answers: $0.value.answers, notHelpful: $0.value.notHelpful, repeats: $0.value.repeats,
        escalations: $0.value.escalations)
    }.filter { $0.troubles > 0 }.sorted {
      ($0.troubles, $0.rate, $1.intent) > ($1.troubles, $1.rate, $0.intent)
    }
    report.hours = hoursByTeam()
    return report
  }

  /// Mean, median (the lower middle value) and 90th percentile (nearest rank) of waits in minutes.
  static func summary(_ minutes: [Double]) -> SupportReport.Wait {
    guard !minutes.isEmpty else { return .init() }
    let sorted = minutes.sorted()
    let rank = Int((0.9 * Double(sorted.count)).rounded(.up)) - 1
    return .init(
      escalations: sorted.count, meanMinutes: sorted.reduce(0, +) / Double(sorted.count),
      medianMinutes: sorted[(sorted.count - 1) / 2], p90Minutes: sorted[max(rank, 0)])
  }

  private func hoursByTeam() -> [SupportReport.TeamHours] {
    guard let schedule else { return [] }
    return schedule.teams.enumerated().map { index, team in
      var hours = (0..<24).map { hour in
        SupportReport.Hour(
          hour: hour,
          staffedWeekdays: Set(team.shifts.filter { $0.start <= hour * 60 && hour * 60 < $0.end }.map(\.weekday)).count)
      }
      for (local, count) in hourCounts[index] {
        let days = Int((Double(local) / 24).rounded(.down))
        let hour = local - days * 24
        hours[hour].messages += count
        if Self.staffed(team, days: days, hour: hour) { hours[hour].staffed += count }
      }
      return .init(
        team: team.name, timeZone: team.timeZone.identifier, languages: team.languages.map(\.rawValue), hours: hours)
    }
  }

  /// Whether a shift covers the start of an hour of a local day, holidays being off.
  static func staffed(_ team: SupportSchedule.Team, days: Int, hour: Int) -> Bool {
    guard !team.holidays.contains(CivilDate.date(days)) else { return false }
    let weekday = CivilDate.weekday(days)
    return team.shifts.contains { $0.weekday == weekday && $0.start <= hour * 60 && hour * 60 < $0.end }
  }
}
