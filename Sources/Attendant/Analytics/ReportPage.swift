import Foundation

/// The report as one self-contained page: headline figures, inline SVG charts each followed by the
/// table of its numbers (for screen readers, for print, and for copying), and the detail tables.
///
/// The page loads nothing and runs no script, so it can be mailed or attached to a ticket; it is
/// XHTML, like the test report (`HTMLReport`), and prints on white with the charts kept whole.
package enum ReportPage {
  /// A bar of a chart: its label, its value, and for the hours chart the part that was staffed.
  struct Bar {
    let label: String
    let value: Int
    var staffed: Int? = nil
  }

  /// The page for a report.
  ///
  /// - Parameters:
  ///   - report: The counted transcripts.
  ///   - subtitle: A line under the heading, such as the folders read.
  /// - Complexity: O(size of the report).
  public static func render(
    _ report: SupportReport, title: String = "Attendant support report", subtitle: String? = nil
  )
    -> String
  {
    var page = HTMLPage()
    page.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
    page.raw("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
    page.raw("<title>\(HTMLPage.escape(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n<main>\n")
    page.element("h1", title)
    let period = [
      report.since ?? report.from.map { String($0.prefix(10)) },
      report.until ?? report.to.map { String($0.prefix(10)) },
    ]
    .map { $0 ?? "…" }.joined(separator: " to ")
    page.element(
      "p", "\(period) (UTC), \(report.events) events" + (subtitle.map { ". \($0)" } ?? ""), class: "subtitle")
    headline(report, into: &page)

    page.section(
      "Conversations by language",
      note: "Each conversation counts in the language of its first message; messages in their own language.")
    chart(
      "languages", "Conversations by language",
      report.byLanguage.sorted { ($0.value.conversations, $1.key) > ($1.value.conversations, $0.key) }.map {
        Bar(label: $0.key, value: $0.value.conversations)
      }, into: &page)
    table(
      "languages-table", ["Language", "Conversations", "Messages"],
      report.byLanguage.sorted { $0.key < $1.key }.map {
        [$0.key, "\($0.value.conversations)", "\($0.value.messages)"]
      },
      into: &page)
    table(
      "channels-table", ["Channel", "Conversations", "Messages"],
      report.byChannel.sorted { $0.key < $1.key }.map {
        [$0.key, "\($0.value.conversations)", "\($0.value.messages)"]
      },
      into: &page)

    escalations(report, into: &page)
    satisfaction(report, into: &page)
    articles(report, into: &page)
    hours(report, into: &page)
    unanswered(report, into: &page)
    page.raw("</main>\n</body>\n</html>\n")
    return page.text
  }

  private static func headline(_ report: SupportReport, into page: inout HTMLPage) {
    let tiles: [(String, String, String)] = [
      ("conversations", "\(report.total.conversations)", "conversations, \(report.total.messages) messages"),
      ("containment", ReportText.percent(report.containment.rate), "contained by the bot"),
      ("escalation", ReportText.percent(report.escalations.conversations.rate), "handed to a person"),
      ("helpful", ReportText.percent(report.satisfaction.helpful.rate), "found the answer helpful"),
      ("wait", report.escalations.wait.medianMinutes.map(ReportText.minutes) ?? "—", "median wait for a person"),
      ("unanswered", "\(report.unanswered.total)", "unanswered questions"),
    ]
    page.raw("<ul class=\"tiles\" id=\"headline\">\n")
    for (id, figure, label) in tiles {
      page.raw(
        "<li data-figure=\"\(id)\"><strong>\(HTMLPage.escape(figure))</strong> <span>\(HTMLPage.escape(label))</span></li>\n"
      )
    }
    page.raw("</ul>\n")
  }

  private static func escalations(_ report: SupportReport, into page: inout HTMLPage) {
    let escalations = report.escalations
    page.section(
      "Escalations",
      note:
        "\(escalations.total) hand-offs; \(escalations.offShift) came in while no team was on shift. The expected wait is the time to the next shift, if any, plus the team's response time."
    )
    chart("escalation-reasons", "Escalations by reason", sortedBars(escalations.byReason), into: &page)
    table("escalation-reasons-table", ["Reason", "Escalations"], sortedRows(escalations.byReason), into: &page)
    table(
      "escalation-breakdown", ["By", "Value", "Escalations"],
      [("priority", escalations.byPriority), ("language", escalations.byLanguage), ("team", escalations.byTeam)].flatMap
      { name, counts in
        sortedRows(counts).map { [name] + $0 }
      }, into: &page)
    table(
      "escalation-rate-by-language", ["Language", "Conversations", "Escalated", "Escalated share"],
      escalations.rateByLanguage.sorted { $0.key < $1.key }.map {
        [$0.key, "\($0.value.total)", "\($0.value.count)", ReportText.percent($0.value.rate)]
      }, into: &page)
    let waits = [("all teams", escalations.wait)] + escalations.waitByTeam.sorted { $0.key < $1.key }
    table(
      "waits", ["Team", "Escalations", "Mean wait", "Median wait", "90% within"],
      waits.map { name, wait in
        [
          name, "\(wait.escalations)", wait.meanMinutes.map(ReportText.minutes) ?? "—",
          wait.medianMinutes.map(ReportText.minutes) ?? "—", wait.p90Minutes.map(ReportText.minutes) ?? "—",
        ]
      }, into: &page)
  }

  private static func satisfaction(_ report: SupportReport, into page: inout HTMLPage) {
    let satisfaction = report.satisfaction
    let average = satisfaction.ratingAverage.map { String(format: "%.2f", $0) } ?? "—"
    page.section(
      "Satisfaction",
      note:
        "\(satisfaction.feedback) pieces of feedback; \(ReportText.share(satisfaction.helpful)) helpful; average rating \(average) of \(satisfaction.ratings)."
    )
    let ratings = (1...5).map { Bar(label: "\($0) ★", value: satisfaction.distribution[String($0)] ?? 0) }
    chart("ratings", "Ratings", ratings, into: &page)
    table("ratings-table", ["Rating", "Customers"], ratings.map { [$0.label, "\($0.value)"] }, into: &page)
    table(
      "helpful-by-language", ["Language", "Feedback", "Helpful", "Helpful rate"],
      satisfaction.helpfulByLanguage.sorted { $0.key < $1.key }.map {
        [$0.key, "\($0.value.total)", "\($0.value.count)", ReportText.percent($0.value.rate)]
      }, into: &page)
    table(
      "helpful-by-intent", ["Intent", "Feedback", "Helpful", "Helpful rate"],
      satisfaction.helpfulByIntent.sorted { ($0.value.rate ?? 1, $0.key) < ($1.value.rate ?? 1, $1.key) }.map {
        [$0.key, "\($0.value.total)", "\($0.value.count)", ReportText.percent($0.value.rate)]
      }, into: &page)
    guard !satisfaction.comments.isEmpty else { return }
    page.element("h3", "Comments, by the intent answered before them")
    page.raw("<dl id=\"comments\">\n")
    for (intent, comments) in satisfaction.comments.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) })
    {
      page.element("dt", "\(intent) (\(comments.count))")
      for comment in comments.prefix(5) { page.element("dd", comment) }
    }
    page.raw("</dl>\n")
  }

  private static func articles(_ report: SupportReport, into page: inout HTMLPage) {
    page.section(
      "Articles to rewrite",
      note: "Answers followed by “not helpful”, by the same question again, or by an escalation; worst first.")
    chart(
      "articles", "Troubled answers by intent",
      report.articles.prefix(10).map { Bar(label: $0.intent, value: $0.troubles) }, into: &page)
    table(
      "articles-table", ["Intent", "Answers", "Not helpful", "Repeated", "Escalated", "Troubled share"],
      report.articles.map {
        [
          $0.intent, "\($0.answers)", "\($0.notHelpful)", "\($0.repeats)", "\($0.escalations)",
          ReportText.percent($0.rate),
        ]
      }, into: &page)
  }

  private static func hours(_ report: SupportReport, into page: inout HTMLPage) {
    page.section(
      "Hours against shifts",
      note:
        "Messages in each team's languages by hour of the day in the team's time zone. The dark part of a bar came while the team was on shift; the light part while it was off (nights, weekends, holidays): the gaps in coverage."
    )
    for team in report.hours {
      let bars = team.hours.map { Bar(label: String(format: "%02d", $0.hour), value: $0.messages, staffed: $0.staffed) }
      page.element("h3", "\(team.team) (\(team.timeZone); \(team.languages.joined(separator: ", ")))")
      hourChart("hours-\(slug(team.team))", "Messages by hour, \(team.team)", bars, into: &page)
      table(
        "hours-\(slug(team.team))-table", ["Hour", "Messages", "On shift", "Off shift", "Weekdays staffed"],
        team.hours.map {
          [
            String(format: "%02d:00", $0.hour), "\($0.messages)", "\($0.staffed)", "\($0.messages - $0.staffed)",
            "\($0.staffedWeekdays) of 7",
          ]
        }, into: &page, className: "hours")
    }
  }

  private static func unanswered(_ report: SupportReport, into page: inout HTMLPage) {
    let unanswered = report.unanswered
    page.section(
      "Unanswered questions, grouped by need",
      note:
        "\(unanswered.total) messages refused as out of scope, escalated for low confidence, or left without a pick after a clarification (\(ReportText.counts(unanswered.byReason))). 'attendant report --suggest DIR' drafts an intent for each group of two or more."
    )
    table(
      "clusters", ["Language", "Messages", "Representative", "Other wordings", "Nearest intent"],
      unanswered.clusters.prefix(40).map { cluster in
        [
          cluster.language, "\(cluster.size)", cluster.representative,
          cluster.samples.filter { $0 != cluster.representative }.prefix(3).joined(separator: " · "),
          cluster.nearestIntent.map { "\($0) (\(String(format: "%.2f", cluster.nearestConfidence ?? 0)))" } ?? "—",
        ]
      }, into: &page)
  }

  // MARK: Charts and tables

  static func sortedBars(_ counts: [String: Int]) -> [Bar] {
    counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { Bar(label: $0.key, value: $0.value) }
  }

  static func sortedRows(_ counts: [String: Int]) -> [[String]] {
    sortedBars(counts).map { [$0.label, "\($0.value)"] }
  }

  static func slug(_ text: String) -> String {
    String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
  }

  /// A horizontal bar chart; the table that follows it holds the same numbers.
  static func chart(_ id: String, _ title: String, _ bars: [Bar], into page: inout HTMLPage) {
    guard !bars.isEmpty else { return }
    let labelWidth = 190, barWidth = 420, rowHeight = 24
    let height = bars.count * rowHeight + 8
    let top = max(bars.map(\.value).max() ?? 1, 1)
    page.raw(
      "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" width=\"\(labelWidth + barWidth + 70)\" height=\"\(height)\">"
    )
    page.raw("<title id=\"\(id)-title\">\(HTMLPage.escape(title)) (the table below has the numbers)</title>")
    for (index, bar) in bars.enumerated() {
      let y = 4 + index * rowHeight
      let width = max(Int((Double(bar.value) / Double(top) * Double(barWidth)).rounded()), bar.value > 0 ? 1 : 0)
      page.raw(
        "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(HTMLPage.escape(bar.label))</text><rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" class=\"bar\"/><text x=\"\(labelWidth + width + 6)\" y=\"\(y + 16)\">\(bar.value)</text>"
      )
    }
    page.raw("</svg><figcaption>\(HTMLPage.escape(title))</figcaption></figure>\n")
  }

  /// 24 vertical bars, the staffed part dark and the rest light.
  static func hourChart(_ id: String, _ title: String, _ bars: [Bar], into page: inout HTMLPage) {
    let width = 24 * 26 + 50, height = 170, plot = 130
    let top = max(bars.map(\.value).max() ?? 1, 1)
    page.raw(
      "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
    )
    page.raw(
      "<title id=\"\(id)-title\">\(HTMLPage.escape(title)): on shift dark, off shift light (the table below has the numbers)</title>"
    )
    page.raw(
      "<text x=\"0\" y=\"12\" class=\"axis\">\(top)</text><line x1=\"40\" y1=\"\(plot + 6)\" x2=\"\(width)\" y2=\"\(plot + 6)\" class=\"axis\"/>"
    )
    for (index, bar) in bars.enumerated() {
      let x = 44 + index * 26
      let total = Int((Double(bar.value) / Double(top) * Double(plot)).rounded())
      let staffed = Int((Double(bar.staffed ?? 0) / Double(top) * Double(plot)).rounded())
      page.raw("<rect x=\"\(x)\" y=\"\(plot + 6 - total)\" width=\"20\" height=\"\(total - staffed)\" class=\"off\"/>")
      page.raw("<rect x=\"\(x)\" y=\"\(plot + 6 - staffed)\" width=\"20\" height=\"\(staffed)\" class=\"on\"/>")
      page.raw("<text x=\"\(x + 10)\" y=\"\(plot + 22)\" text-anchor=\"middle\" class=\"axis\">\(bar.label)</text>")
    }
    page.raw(
      "</svg><figcaption>\(HTMLPage.escape(title)): <span class=\"key on\">on shift</span> <span class=\"key off\">off shift</span></figcaption></figure>\n"
    )
  }

  static func table(
    _ id: String, _ headings: [String], _ rows: [[String]], into page: inout HTMLPage, className: String? = nil
  ) {
    page.raw("<table id=\"\(id)\"\(className.map { " class=\"\($0)\"" } ?? "")>\n<thead><tr>")
    for heading in headings { page.raw("<th scope=\"col\">\(HTMLPage.escape(heading))</th>") }
    page.raw("</tr></thead>\n<tbody>\n")
    for row in rows {
      page.raw("<tr>")
      for (index, cell) in row.enumerated() {
        let numeric = index > 0 && cell.first.map { $0.isNumber || $0 == "—" } == true && cell.count < 14
        page.raw(
          index == 0
            ? "<th scope=\"row\">\(HTMLPage.escape(cell))</th>"
            : "<td\(numeric ? " class=\"number\"" : "")>\(HTMLPage.escape(cell))</td>")
      }
      page.raw("</tr>\n")
    }
    page.raw("</tbody>\n</table>\n")
  }

  private static let style = """

    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #111; background: #fff; }
    h1 { margin-bottom: 0.2em; }
    h2 { margin-top: 1.8em; border-bottom: 1px solid #ccc; }
    .subtitle, .note { color: #444; }
    .tiles { display: flex; flex-wrap: wrap; gap: 0.8em; list-style: none; padding: 0; }
    .tiles li { border: 1px solid #bbb; border-radius: 6px; padding: 0.6em 0.9em; min-width: 9em; }
    .tiles strong { display: block; font-size: 1.7em; }
    figure.chart { margin: 0.5em 0; overflow-x: auto; }
    svg text { font: 12px system-ui, sans-serif; fill: #111; }
    svg text.axis { fill: #444; font-size: 11px; }
    svg line.axis { stroke: #888; }
    svg rect.bar { fill: #2463a6; }
    svg rect.on { fill: #1f4e8c; }
    svg rect.off { fill: #e8a33d; }
    figcaption { color: #444; font-size: 90%; }
    .key::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 0.6em; vertical-align: -0.05em; }
    .key.on::before { background: #1f4e8c; }
    .key.off::before { background: #e8a33d; }
    table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
    th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
    thead th { background: #f2f2f2; }
    tbody th { font-weight: normal; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    table.hours { font-size: 85%; }
    dd { margin-left: 1.5em; }
    @media print {
      body { margin: 0; max-width: none; font-size: 11pt; }
      figure.chart, table, .tiles { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      svg rect.on, svg rect.off, svg rect.bar, .key::before { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }

    """
}
