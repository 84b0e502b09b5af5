import Foundation

extension SupportReport {
  /// Reads a transcript log and counts it.
  ///
  /// - Parameters:
  ///   - reader: The log's folder and period.
  ///   - engine: The content: its support schedule gives the shifts and the expected waits, its text
  ///     pipeline groups the unanswered questions, and its matcher names the nearest intent of each group.
  ///   - problem: Told of each line that cannot be read (the line is skipped and counted).
  /// - Throws: `TranscriptReader.Failure` when the folder cannot be read.
  /// - Complexity: O(events) time, memory in proportion to conversations and distinct unanswered
  ///   messages, plus the clustering (`QuestionClusterer`).
  public static func build(
    from reader: TranscriptReader, engine: Engine, problem: (TranscriptEvent.Problem) -> Void = { _ in }
  ) throws(TranscriptReader.Failure) -> SupportReport {
    var accumulator = ReportAccumulator(schedule: engine.knowledgeBase.schedule)
    var skipped = 0
    try reader.read(event: { accumulator.add($0) }) { found in
      skipped += 1
      problem(found)
    }
    var report = accumulator.finish(skippedLines: skipped, since: reader.since, until: reader.until)
    let clusterer = QuestionClusterer(engine: engine)
    for (code, messages) in accumulator.unanswered.sorted(by: { $0.key < $1.key }) {
      guard let language = Language(rawValue: code) else { continue }
      let distinct = messages.sorted { ($0.value.count, $1.value.order) > ($1.value.count, $0.value.order) }.map {
        QuestionClusterer.Message(text: $0.key, count: $0.value.count, reasons: $0.value.reasons)
      }
      report.unanswered.clusters += clusterer.clusters(of: distinct, in: language)
    }
    report.unanswered.clusters.sort {
      ($0.size, $1.language, $1.representative) > ($1.size, $0.language, $0.representative)
    }
    return report
  }

  /// The report as JSON, keys sorted, for `--format json` and for other tools.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
  }
}
