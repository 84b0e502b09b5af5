import Attendant
import Foundation

/// `attendant report`: the support lead's report over the transcript log, and drafts of new intents
/// from the questions the bot could not answer.
enum ReportCommand: Command {
  static let name = "report"
  static let abstract = "Report on the transcripts: volume, containment, escalations, satisfaction, gaps."
  static let usage = """
    USAGE: attendant report [--transcripts <dir>] [--since <yyyy-mm-dd>] [--until <yyyy-mm-dd>]
                            [--format text|json|html] [--output <file>] [--content <dir>] [--suggest <dir>]

    Reads the transcript log that 'chat', 'serve' and 'simulate' write and reports conversations and
    messages by language and channel, how many the bot contained, escalations by reason, priority,
    language and team with the expected wait for a person, satisfaction, the articles to rewrite,
    the hours of traffic against each team's shifts, and the unanswered questions grouped by need.
    Every figure is defined in docs/analytics.md. Personal data is hidden in every text shown.

    OPTIONS:
      --transcripts <dir>   The transcript folder (default: ./transcripts).
      --since <date>        The first day (UTC) to read, inclusive.
      --until <date>        The last day (UTC) to read, inclusive.
      --format <format>     text (default), json, or html: one self-contained page with charts.
      --output <file>       Write the report to a file instead of standard output.
      --content <dir>       The content: its support schedule and text rules (default: the bundled demo).
      --suggest <dir>       Also write each group of unanswered questions as a draft intent and a
                            placeholder article under <dir> (Intents/<xx>/, KnowledgeBase/<xx>/), for an
                            editor to review; never into the content folder itself.
    """

  enum Format: String, CaseIterable { case text, json, html }

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments, options: ["transcripts", "since", "until", "format", "output", "content", "suggest"], flags: [])
    guard arguments.positionals.isEmpty else { throw UsageError("Unexpected argument '\(arguments.positionals[0])'.") }
    let formatText = arguments["format"] ?? "text"
    guard let format = Format(rawValue: formatText) else {
      let hint =
        Arguments.closest(to: formatText, in: Format.allCases.map(\.rawValue)).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError("Unknown format '\(formatText)'.\(hint) The formats are text, json and html.")
    }
    let since = try day(arguments, "since")
    let until = try day(arguments, "until")
    if let since, let until, since > until {
      throw UsageError("'--since \(arguments["since"]!)' comes after '--until \(arguments["until"]!)'. Swap them.")
    }
    let contentFolder = try ContentLocation.resolve(arguments["content"])
    let suggest = arguments["suggest"].map { URL(fileURLWithPath: $0).standardizedFileURL }
    if let suggest, suggest.path == contentFolder.path {
      throw UsageError(
        "'--suggest \(arguments["suggest"]!)' is the content folder. Write drafts to a folder of their own; an editor reviews them before they go live."
      )
    }
    let engine = try CLI.loadStore(contentFolder.path).engine
    let reader = TranscriptReader(
      folder: URL(fileURLWithPath: arguments["transcripts"] ?? "transcripts"), since: since, until: until)
    let report: SupportReport
    do {
      report = try SupportReport.build(from: reader, engine: engine) { problem in
        Terminal.error(
          "\(problem.file):\(problem.line): warning: \(problem.message) The line was skipped. Fix: \(problem.fix)")
      }
    } catch {
      Terminal.error("Error: \(error.description)")
      return ExitCode.ioError
    }
    if report.events == 0 {
      Terminal.error(
        "attendant report: no events in '\(reader.folder.path)'\(since != nil || until != nil ? " in that period" : "")."
      )
    }
    let text: String
    switch format {
    case .text: text = ReportText.render(report)
    case .json: text = report.json + "\n"
    case .html:
      text = ReportPage.render(report, subtitle: "Transcripts: \(reader.folder.path); content: \(contentFolder.path)")
    }
    if let output = arguments["output"] {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        Terminal.error("Error: Cannot write '\(output)' (\(error.localizedDescription)).")
        return ExitCode.ioError
      }
      Terminal.error("attendant report: wrote '\(output)'.")
    } else {
      Terminal.print(text, terminator: "")
    }
    if let suggest {
      let drafts = DraftIntent.drafts(for: report.unanswered.clusters, engine: engine)
      do {
        for draft in drafts { try draft.write(to: suggest) }
      } catch {
        Terminal.error("Error: Cannot write the drafts to '\(suggest.path)' (\(error.localizedDescription)).")
        return ExitCode.ioError
      }
      Terminal.error(
        "attendant report: wrote \(drafts.count) draft intent(s) with placeholder articles to '\(suggest.path)'. Review them, write the answers, then copy them into the content and run 'attendant check'."
      )
    }
    return ExitCode.success
  }

  static func day(_ arguments: Arguments, _ option: String) throws(UsageError) -> Date? {
    guard let text = arguments[option] else { return nil }
    guard let date = TranscriptReader.day(text) else {
      throw UsageError("'--\(option) \(text)' is not a date. Write it as YYYY-MM-DD, such as '2027-03-01'.")
    }
    return date
  }
}
