import Attendant
import Foundation

/// `attendant simulate`: seeded customer traffic through the engine, into a transcript log.
enum SimulateCommand: Command {
  static let name = "simulate"
  static let abstract = "Write seeded, realistic transcripts by driving the engine with simulated customers."
  static let usage = """
    USAGE: attendant simulate --days <n> --seed <s> [--transcripts <dir>] [--content <dir>]
                              [--start <yyyy-mm-dd>] [--conversations-per-day <n>] [--redact <kinds> | --no-redact]

    Simulates customers in the five regions (New York, Zagreb, Istanbul, Ho Chi Minh City, Jakarta) at
    the hours and weekdays people write: the content's held-out questions, some with a typo, questions
    outside the content, needs it lacks (gift cards, loyalty points, a shop), angry customers, clarification
    picks, feedback and second tries. Every turn goes through the engine and into the transcript log as
    'chat' and 'serve' write it (70% of conversations on 'serve'). The same seed writes the same files.

    OPTIONS:
      --days <n>                   How many days of traffic (1 to 3660).
      --seed <s>                   The random seed, a whole number.
      --transcripts <dir>          Where the log goes (default: ./transcripts); it must hold no transcripts yet.
      --content <dir>              The content folder (default: the bundled demo).
      --start <yyyy-mm-dd>         The first day, UTC (default: 2027-03-01, a Monday).
      --conversations-per-day <n>  Conversations on an ordinary weekday (default: 300).
    \(HandoffOptions.usage)
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments,
      options: ["days", "seed", "transcripts", "content", "start", "conversations-per-day"] + HandoffOptions.options,
      flags: HandoffOptions.flags)
    guard arguments.positionals.isEmpty else { throw UsageError("Unexpected argument '\(arguments.positionals[0])'.") }
    guard let dayText = arguments["days"] else { throw UsageError("Missing '--days <n>'.") }
    guard let days = Int(dayText), (1...3660).contains(days) else {
      throw UsageError("'\(dayText)' is not a number of days. Write a whole number from 1 to 3660, such as '--days 7'.")
    }
    guard let seedText = arguments["seed"] else { throw UsageError("Missing '--seed <s>'.") }
    guard let seed = UInt64(seedText) else {
      throw UsageError("'\(seedText)' is not a seed. Write a whole number from 0, such as '--seed 42'.")
    }
    let perDayText = arguments["conversations-per-day"] ?? "300"
    guard let perDay = Int(perDayText), (1...1_000_000).contains(perDay) else {
      throw UsageError("'\(perDayText)' is not a number of conversations. Write a whole number from 1, such as 300.")
    }
    let startText = arguments["start"] ?? "2027-03-01"
    guard let start = TranscriptReader.day(startText) else {
      throw UsageError("'\(startText)' is not a date. Write it as YYYY-MM-DD, such as '2027-03-01'.")
    }
    let folder = URL(fileURLWithPath: arguments["transcripts"] ?? "transcripts")
    let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
      $0.hasPrefix("transcript-") && $0.hasSuffix(".jsonl")
    }
    guard existing.isEmpty else {
      throw UsageError(
        "The folder '\(folder.path)' already holds transcripts (\(existing.sorted()[0])). Simulate into an empty folder, so that simulated conversations never mix with real ones."
      )
    }
    let redacting = try HandoffOptions.redaction(arguments)
    let contentFolder = try ContentLocation.resolve(arguments["content"])
    let store = try CLI.loadStore(contentFolder.path, policy: try HandoffOptions.policy(arguments))
    let simulator = TrafficSimulator(
      engine: store.engine, content: contentFolder,
      options: .init(days: days, seed: seed, start: start, conversationsPerDay: perDay))
    let logs = FileTranscriptLog.Channel.allCases.map { channel in
      FileTranscriptLog(folder: folder, redacting: redacting, channel: channel) { health in
        Terminal.error("attendant simulate: \(health)")
      }
    }
    let summary = simulator.run { channel in logs.first { $0.channel == channel }! }
    let lost = logs.reduce(0) { $0 + $1.failures }
    Terminal.print(
      "Simulated \(summary.conversations) conversations over \(days) day(s) from \(startText): \(summary.turns) turns, \(summary.feedback) feedback, \(summary.escalations) escalations; \(summary.turns + summary.feedback + summary.escalations) events in '\(folder.path)'."
    )
    if lost > 0 {
      Terminal.error(
        "attendant simulate: \(lost) transcript event(s) could not be written to '\(folder.path)' and were lost.")
      return ExitCode.ioError
    }
    return ExitCode.success
  }
}
