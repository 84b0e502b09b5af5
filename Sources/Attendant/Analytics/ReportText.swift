import Foundation

/// The report as plain text for a terminal or an e-mail: the headline figures first, then the detail.
package enum ReportText {
  /// How many groups of unanswered questions the text lists.
  static let clusterLimit = 15

  /// The text of a report.
  ///
  /// - Complexity: O(size of the report).
  public static func render(_ report: SupportReport) -> String {
    let sections = [
      title(report), conversationSection(report), escalationSection(report), satisfactionSection(report),
      articleSection(report), hourSection(report), unansweredSection(report),
    ]
    return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
  }

  /// The period and how much was read.
  private static func title(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    let period = [
      report.since ?? report.from.map { String($0.prefix(10)) },
      report.until ?? report.to.map { String($0.prefix(10)) },
    ]
    .map { $0 ?? "…" }.joined(separator: " to ")
    lines.append(
      "Support report, \(period) (UTC): \(report.events) events read"
        + (report.skippedLines > 0 ? ", \(report.skippedLines) unreadable line(s) skipped" : "") + ".")
    return lines
  }

  /// The volumes and the containment.
  private static func conversationSection(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    lines.append("Conversations \(report.total.conversations), customer messages \(report.total.messages).")
    lines.append("  by language: " + volumes(report.byLanguage))
    lines.append("  by channel:  " + volumes(report.byChannel))
    lines.append(
      "Contained by the bot: \(share(report.containment)) of conversations (no escalation, last message answered).")
    return lines
  }

  /// Escalations: how many, why, whose, and the expected wait.
  private static func escalationSection(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    let escalations = report.escalations
    lines.append(
      "Escalations: \(escalations.total); \(share(escalations.conversations)) of conversations were handed to a person."
    )
    lines.append(
      "  off shift: \(escalations.offShift), on shift: \(escalations.onShift)"
        + (escalations.uncovered > 0 ? ", no team for the language: \(escalations.uncovered)" : ""))
    lines.append("  by reason:   " + counts(escalations.byReason))
    lines.append("  by priority: " + counts(escalations.byPriority))
    lines.append("  by language: " + counts(escalations.byLanguage))
    lines.append("  escalated conversations by language: " + shares(escalations.rateByLanguage))
    lines.append("  by team:     " + counts(escalations.byTeam))
    lines.append("  expected wait for a person: " + wait(escalations.wait))
    for (team, teamWait) in escalations.waitByTeam.sorted(by: { $0.key < $1.key }) {
      lines.append("    \(team): " + wait(teamWait))
    }
    return lines
  }

  /// Feedback and ratings, the least helpful intents, the comments.
  private static func satisfactionSection(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    let satisfaction = report.satisfaction
    lines.append("Satisfaction: \(satisfaction.feedback) feedback, helpful \(share(satisfaction.helpful)).")
    if let average = satisfaction.ratingAverage {
      let distribution = (1...5).map { "\($0)★ \(satisfaction.distribution[String($0)] ?? 0)" }.joined(separator: ", ")
      lines.append("  rating: \(String(format: "%.2f", average)) average of \(satisfaction.ratings) (\(distribution))")
    }
    lines.append("  helpful by language: " + shares(satisfaction.helpfulByLanguage))
    let weakest = satisfaction.helpfulByIntent.filter { $0.value.total >= 3 }.sorted {
      ($0.value.rate ?? 1, $0.key) < ($1.value.rate ?? 1, $1.key)
    }.prefix(5)
    if !weakest.isEmpty {
      lines.append("  least helpful intents: " + weakest.map { "\($0.key) \(share($0.value))" }.joined(separator: ", "))
    }
    for (intent, comments) in satisfaction.comments.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) })
      .prefix(5)
    {
      lines.append(
        "  comments on \(intent) (\(comments.count)): " + comments.prefix(3).map { "“\($0)”" }.joined(separator: " "))
    }
    return lines
  }

  /// The articles whose answers most often went wrong.
  private static func articleSection(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    lines.append("Articles to rewrite (answers followed by 'not helpful', the same question again, or an escalation):")
    for article in report.articles.prefix(8) {
      lines.append(
        "  \(article.intent): \(article.troubles) of \(article.answers) answers (\(percent(article.rate))): not helpful \(article.notHelpful), repeated \(article.repeats), escalated \(article.escalations)"
      )
    }
    return lines
  }

  /// Each team's messages against its shifts.
  private static func hourSection(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    lines.append("Hours against shifts (each team's local time; messages in its languages):")
    for team in report.hours {
      let messages = team.hours.reduce(0) { $0 + $1.messages }
      let staffed = team.hours.reduce(0) { $0 + $1.staffed }
      let gaps = team.hours.filter { $0.messages > $0.staffed }.sorted {
        ($0.messages - $0.staffed, $1.hour) > ($1.messages - $1.staffed, $0.hour)
      }
      .prefix(3).map { String(format: "%02d:00 (%d)", $0.hour, $0.messages - $0.staffed) }
      lines.append(
        "  \(team.team) (\(team.timeZone); \(team.languages.joined(separator: ", "))): \(share(.init(count: messages - staffed, total: messages))) of messages off shift"
          + (gaps.isEmpty ? "" : "; busiest unstaffed hours \(gaps.joined(separator: ", "))"))
    }
    return lines
  }

  /// The unanswered questions, grouped.
  private static func unansweredSection(_ report: SupportReport) -> [String] {
    var lines: [String] = []
    let unanswered = report.unanswered
    lines.append(
      "Unanswered questions: \(unanswered.total) (\(counts(unanswered.byReason))), in \(unanswered.clusters.count) group(s)."
    )
    for (number, cluster) in unanswered.clusters.prefix(clusterLimit).enumerated() {
      let nearest =
        cluster.nearestIntent.map {
          " nearest intent: \($0) (\(String(format: "%.2f", cluster.nearestConfidence ?? 0)))"
        } ?? ""
      lines.append("  \(number + 1). [\(cluster.language)] \(cluster.size) × “\(cluster.representative)”;\(nearest)")
      let others = cluster.samples.filter { $0 != cluster.representative }.prefix(3)
      if !others.isEmpty { lines.append("     also: " + others.map { "“\($0)”" }.joined(separator: " ")) }
    }
    return lines
  }

  static func percent(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

  static func share(_ share: SupportReport.Share) -> String {
    "\(percent(share.rate)) (\(share.count) of \(share.total))"
  }

  static func counts(_ counts: [String: Int]) -> String {
    counts.isEmpty
      ? "none"
      : counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(
        separator: ", ")
  }

  static func shares(_ shares: [String: SupportReport.Share]) -> String {
    shares.isEmpty
      ? "none" : shares.sorted { $0.key < $1.key }.map { "\($0.key) \(percent($0.value.rate))" }.joined(separator: ", ")
  }

  static func volumes(_ volumes: [String: SupportReport.Volume]) -> String {
    volumes.sorted { ($0.value.conversations, $1.key) > ($1.value.conversations, $0.key) }
      .map { "\($0.key) \($0.value.conversations) (\($0.value.messages) messages)" }.joined(separator: ", ")
  }

  static func wait(_ wait: SupportReport.Wait) -> String {
    guard let mean = wait.meanMinutes, let median = wait.medianMinutes, let p90 = wait.p90Minutes else {
      return "no escalations"
    }
    return
      "mean \(minutes(mean)), median \(minutes(median)), 90% within \(minutes(p90)) (\(wait.escalations) escalations)"
  }

  static func minutes(_ value: Double) -> String {
    value < 120 ? "\(Int(value.rounded())) min" : String(format: "%.1f h", value / 60)
  }
}
