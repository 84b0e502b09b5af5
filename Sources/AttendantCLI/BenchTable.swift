import Foundation

/// The table `attendant bench` prints without `--json`: a row per scenario with its targets and
/// details under it, then the growth between synthetic sizes.
enum BenchTable {
  static func render(_ summary: BenchCommand.Summary) -> String {
    var lines = [
      "Attendant bench: \(summary.build) build, \(summary.processors) processors, \(summary.runs) run(s) per scenario (medians), \(grouped(summary.messages)) messages, \(grouped(summary.serveLines)) serve lines",
      "",
      pad("scenario", 24, left: true) + pad("intents", 9) + pad("examples", 11) + pad("load+index", 12)
        + pad("engine p50 / p99 / max µs", 30) + pad("match p50", 11) + pad("serve msg/s", 13) + pad("peak RSS", 10),
    ]
    for result in summary.scenarios { lines += rows(result) }
    if !summary.growth.isEmpty {
      lines.append("")
      lines.append("Growth exponents k in figure ∝ examples^k (k < 1 is sublinear):")
      for growth in summary.growth {
        func text(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }
        lines.append(
          "  \(growth.from) → \(growth.to): load+index \(text(growth.loadAndIndex)), engine p50 \(text(growth.engineMedian)), "
            + "p99 \(text(growth.engineP99)), peak RSS \(text(growth.peakMemory))")
      }
    }
    if summary.build == "debug" { lines.append("\nNote: a debug build; measure with 'swift build -c release'.") }
    return lines.joined(separator: "\n")
  }

  /// A scenario's row, its targets and verdict when it has targets, and its details.
  private static func rows(_ result: BenchCommand.ScenarioResult) -> [String] {
    let latency = String(format: "%.1f / %.1f / %.0f", result.respond.median, result.respond.p99, result.respond.max)
    var lines = [
      pad(result.name, 24, left: true) + pad(grouped(result.intents), 9) + pad(grouped(result.examples), 11)
        + pad(String(format: "%.0f ms", result.loadAndIndexMilliseconds), 12) + pad(latency, 30)
        + pad(String(format: "%.1f", result.match.median), 11) + pad(grouped(Int(result.serve.messagesPerSecond)), 13)
        + pad(megabytes(result.peakResidentBytes), 10)
    ]
    if let targets = result.targets {
      var parts = [
        String(format: "load+index ≤ %.0f ms", targets.loadAndIndexMilliseconds),
        String(format: "p50 ≤ %.0f µs", targets.medianMicroseconds),
        String(format: "p99 ≤ %.0f µs", targets.p99Microseconds),
      ]
      if let rate = targets.messagesPerSecond { parts.append("serve ≥ \(grouped(Int(rate))) msg/s") }
      parts.append("RSS ≤ \(megabytes(targets.peakResidentBytes))")
      let verdict = result.missed.isEmpty ? "all met" : "missed: \(result.missed.joined(separator: ", "))"
      lines.append("    targets: \(parts.joined(separator: ", ")); \(verdict)")
    }
    let byDecision = result.respondByDecision.sorted { $0.key < $1.key }.map {
      "\($0.key) " + String(format: "%.1f / %.1f", $0.value.median, $0.value.p99)
    }
    lines.append(
      "    engine p50 / p99 µs by decision: \(byDecision.joined(separator: ", ")); match p99 \(String(format: "%.1f", result.match.p99)) µs"
    )
    let replies = result.serve.replyTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
      separator: ", ")
    lines.append(
      String(format: "    load %.0f ms + index %.0f ms; ", result.loadMilliseconds, result.indexMilliseconds)
        + "engine RSS \(megabytes(result.engineResidentBytes)), serve RSS \(megabytes(result.serveResidentBytes)); serve replies: \(replies)"
    )
    return lines
  }

  private static func megabytes(_ bytes: UInt64?) -> String {
    bytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "—"
  }

  /// A whole number with a comma every three digits: `20,000`.
  private static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    return String(
      digits.enumerated().flatMap { index, digit in
        index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
      })
  }

  private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + space : space + text
  }
}
