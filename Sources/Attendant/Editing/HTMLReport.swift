import Foundation

/// Renders a suite report as one self-contained page: accuracy per language, a confusion table per
/// language coloured as a heat map, and the failures.
///
/// The page has no scripts and loads nothing from elsewhere (the style is inline), so it can be mailed
/// or attached to a ticket. It is XHTML: well-formed XML that browsers read as HTML.
package enum HTMLReport {
  /// The page for a report.
  ///
  /// - Parameters:
  ///   - report: The results of `SuiteRunner.run`.
  ///   - title: The page's heading.
  ///   - subtitle: A line under the heading, such as the content folder and the time of the run.
  /// - Complexity: O(checks + the cells of the confusion tables).
  public static func render(_ report: SuiteReport, title: String = "Attendant content tests", subtitle: String? = nil)
    -> String
  {
    var page = HTMLPage()
    page.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
    page.raw("<meta charset=\"utf-8\"/>\n<title>\(escape(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n")
    page.element("h1", title)
    if let subtitle { page.element("p", subtitle, class: "subtitle") }
    // The same counts as the last line of `attendant test`, and why the run fails, when it does.
    let headline = "\(report.results.count) checks: \(report.tally)."
    page.element("p", headline, class: report.succeeded ? "summary pass" : "summary fail")
    let reasons = report.failureReasons
    if !reasons.isEmpty {
      page.element("p", "The run fails:", class: "verdict fail")
      page.raw("<ul id=\"reasons\">\n")
      for reason in reasons { page.element("li", reason) }
      page.raw("</ul>\n")
    }

    accuracy(report, into: &page)
    minimums(report, into: &page)
    if !report.findings.isEmpty {
      page.element("h2", "Mistakes in the suites")
      page.raw("<ul id=\"findings\">\n")
      for finding in report.findings { page.element("li", finding.description) }
      page.raw("</ul>\n")
    }
    confusions(report, into: &page)
    failures(report, into: &page)
    page.raw("</body>\n</html>\n")
    return page.text
  }

  // MARK: Sections

  private static func accuracy(_ report: SuiteReport, into page: inout HTMLPage) {
    page.element("h2", "Accuracy per language")
    page.raw("<table id=\"accuracy\">\n<thead><tr>")
    for heading in ["Language", "Questions passed", "Accuracy", "Conversations passed", "Turns passed"] {
      page.element("th", heading)
    }
    page.raw("</tr></thead>\n<tbody>\n")
    for summary in report.languages {
      page.raw("<tr data-language=\"\(summary.language)\">")
      page.element("th", summary.language.rawValue)
      page.element("td", "\(summary.passedCases) / \(summary.cases)", class: "number")
      page.element("td", summary.accuracy.map(percent) ?? "—", class: "number accuracy")
      page.element("td", "\(summary.passedConversations) / \(summary.conversations)", class: "number")
      page.element("td", "\(summary.passedTurns) / \(summary.turns)", class: "number")
      page.raw("</tr>\n")
    }
    page.raw("</tbody>\n</table>\n")
  }

  /// The suites with `@minimum-accuracy` or `@minimum-turn-accuracy`, and whether each met it.
  private static func minimums(_ report: SuiteReport, into page: inout HTMLPage) {
    let gates = report.gates
    guard !gates.isEmpty else { return }
    page.section(
      "Suites with a minimum accuracy",
      note:
        "A failed check in such a suite is a miss: it counts only towards the suite's minimum, and the run fails when the suite falls below it."
    )
    page.raw("<table id=\"minimums\">\n<thead><tr>")
    for heading in ["Suite", "Counts", "Passed", "Accuracy", "Minimum", "Met"] { page.element("th", heading) }
    page.raw("</tr></thead>\n<tbody>\n")
    for gate in gates {
      page.raw("<tr data-suite=\"\(escape(gate.suite))\" data-met=\"\(gate.met)\">")
      page.element("td", gate.suite, class: "where")
      page.element("td", gate.turns ? "conversation turns" : "questions")
      page.element("td", "\(gate.passedCases) / \(gate.cases)", class: "number")
      page.element("td", percent(gate.accuracy), class: "number")
      page.element("td", String(format: "%.0f%%", gate.minimum * 100), class: "number")
      page.element("td", gate.met ? "met" : "NOT met", class: gate.met ? "pass" : "fail")
      page.raw("</tr>\n")
    }
    page.raw("</tbody>\n</table>\n")
  }

  private static func confusions(_ report: SuiteReport, into page: inout HTMLPage) {
    let matrices = report.languages.compactMap { report.matrix(for: $0.language) }
    guard !matrices.isEmpty else { return }
    page.section(
      "Confusion tables",
      note:
        "Rows are the expected intents, columns what the bot answered. Three columns show no article: clarify (the bot asked which topic), hand-off (it passed the conversation to a person) and out-of-scope (it refused); each passes a question that expects out-of-scope. A cell's colour is its share of the row: green where the questions passed, red elsewhere."
    )
    for matrix in matrices {
      page.element("h3", "Language \(matrix.language)")
      page.raw("<div class=\"scroll\"><table class=\"confusion\" data-language=\"\(matrix.language)\">\n<thead><tr>")
      page.element("th", "expected ↓ / got →", class: "corner")
      for column in matrix.columns { page.raw("<th class=\"column\"><span>\(escape(column))</span></th>") }
      page.raw("</tr></thead>\n<tbody>\n")
      for (row, expected) in matrix.rows.enumerated() {
        let total = matrix.counts[row].reduce(0, +)
        page.raw("<tr>")
        page.element("th", expected, class: "row")
        for (column, got) in matrix.columns.enumerated() {
          let count = matrix.counts[row][column]
          guard count > 0 else {
            page.raw("<td class=\"cell\"></td>")
            continue
          }
          let share = Double(count) / Double(max(total, 1))
          let hue = matrix.passes(row: row, column: column) ? 140 : 0
          let lightness = Int((94 - 50 * share).rounded())
          let ink = lightness < 62 ? "#fff" : "#111"
          page.raw(
            "<td class=\"cell\" data-expected=\"\(escape(expected))\" data-got=\"\(escape(got))\" data-count=\"\(count)\" title=\"\(escape("expected \(expected), got \(got): \(count) of \(total)"))\" style=\"background-color: hsl(\(hue), 65%, \(lightness)%); color: \(ink)\">\(count)</td>"
          )
        }
        page.raw("</tr>\n")
      }
      page.raw("</tbody>\n</table></div>\n")
    }
  }

  private static func failures(_ report: SuiteReport, into page: inout HTMLPage) {
    let tally = report.tally
    let misses = tally.hasMinimums ? " and misses (\(tally.missed))" : ""
    page.element("h2", "Failures (\(tally.failed))\(misses)")
    guard !report.failures.isEmpty else {
      page.element("p", "None: every check passed.")
      return
    }
    page.raw("<table id=\"failures\">\n<thead><tr>")
    for heading in ["Where", "Message", "Expected", "Got", "Rule that decided", "Top candidates", "Verdict"] {
      page.element("th", heading)
    }
    page.raw("</tr></thead>\n<tbody>\n")
    for failure in report.failures {
      page.raw("<tr>")
      page.element("td", failure.location.description, class: "where")
      let message = failure.conversation.map { "\(failure.text) (in “\($0)”)" } ?? failure.text
      page.element("td", message)
      page.element("td", failure.expected)
      let language = failure.outcome.language == failure.language ? "" : " (in '\(failure.outcome.language)')"
      page.element("td", failure.outcome.description + language)
      page.element("td", failure.outcome.rule)
      page.element("td", failure.outcome.candidateSummary)
      page.element("td", report.isBlocking(failure) ? "fail" : "miss")
      page.raw("</tr>\n")
    }
    page.raw("</tbody>\n</table>\n")
  }

  /// Text made safe for XML content and attribute values.
  static func escape(_ text: String) -> String { HTMLPage.escape(text) }

  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

  private static let style = """

    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 120em; padding: 0 1em; color: #111; }
    h1 { margin-bottom: 0.2em; }
    .subtitle, .note { color: #555; }
    .summary { font-weight: 600; }
    .summary.pass { color: #1a7f37; }
    .summary.fail, .verdict.fail, td.fail { color: #b42318; }
    td.pass { color: #1a7f37; }
    .verdict { font-weight: 600; margin-bottom: 0.2em; }
    table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
    th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
    thead th { background: #f4f4f4; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .scroll { overflow-x: auto; }
    table.confusion td.cell { min-width: 1.6em; text-align: center; font-variant-numeric: tabular-nums; }
    table.confusion th.column { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: normal; }
    table.confusion th.row { white-space: nowrap; font-weight: normal; }
    td.where { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 90%; }

    """
}
