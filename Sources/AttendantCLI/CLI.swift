import Attendant
import Foundation

/// A subcommand of `attendant`.
protocol Command: SendableMetatype {
  static var name: String { get }
  static var abstract: String { get }
  static var usage: String { get }
  /// Runs the command; returns the exit code.
  static func run(_ arguments: [String]) throws -> Int32
}

/// Exit codes, after BSD's sysexits where one fits.
enum ExitCode {
  static let success: Int32 = 0
  /// Findings, failed tests, missed targets.
  static let failure: Int32 = 1
  static let usage: Int32 = 64
  static let contentError: Int32 = 65
  static let ioError: Int32 = 74
}

enum CLI {
  /// A command's name, help and entry point. (A table of closures rather than `any Command.Type`:
  /// Swift 6.3 crashes compiling a throwing call through an existential metatype in `do`/`catch`.)
  struct Entry: Sendable {
    let name: String
    let abstract: String
    let usage: String
    let run: @Sendable ([String]) throws -> Int32

    init<C: Command>(_ command: C.Type) {
      name = C.name
      abstract = C.abstract
      usage = C.usage
      run = { try C.run($0) }
    }
  }

  static let commands: [Entry] = [
    Entry(ChatCommand.self), Entry(ServeCommand.self), Entry(ExplainCommand.self), Entry(EvalCommand.self),
    Entry(BenchCommand.self), Entry(ReportCommand.self), Entry(SimulateCommand.self),
    Entry(CheckCommand.self), Entry(TestCommand.self), Entry(ImportCommand.self),
  ]

  static var overview: String {
    let width = commands.map { $0.name.count }.max() ?? 0
    let lines = commands.map { "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.abstract)" }
    return """
      OVERVIEW: Attendant, a rule-based FAQ chatbot in five languages.

      USAGE: attendant <command> [options]

      COMMANDS:
      \(lines.joined(separator: "\n"))

      Run 'attendant <command> --help' for a command's options.
      """
  }

  static func run(_ arguments: [String]) -> Int32 {
    guard let name = arguments.first else {
      Terminal.error(overview)
      return ExitCode.usage
    }
    if name == "--help" || name == "-h" || name == "help" {
      Terminal.print(overview)
      return ExitCode.success
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      let hint = Arguments.closest(to: name, in: commands.map(\.name)).map { " Did you mean '\($0)'?" } ?? ""
      Terminal.error("Error: Unknown command '\(name)'.\(hint)\n\n\(overview)")
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      Terminal.print("OVERVIEW: \(command.abstract)\n\n\(command.usage)")
      return ExitCode.success
    }
    do {
      return try command.run(rest)
    } catch let error as UsageError {
      Terminal.error("Error: \(error)\n\n\(command.usage)")
      return ExitCode.usage
    } catch let error as ContentError {
      Terminal.error(error.description)
      return ExitCode.contentError
    } catch {
      Terminal.error("Error: \(error)")
      return ExitCode.failure
    }
  }

  /// Loads the content named by `--content` (or found by default) into an engine store.
  static func loadStore(_ option: String?, policy: ReplyPolicy = .default) throws -> EngineStore {
    let folder = try ContentLocation.resolve(option)
    let outcome = ContentValidation.load(folder, policy: policy)
    guard let engine = outcome.engine else { throw ContentError(findings: outcome.findings) }
    return EngineStore(engine: engine, folder: folder)
  }

  /// The transcript log asked for by `--transcripts DIR` / `--no-transcripts` / `--redact` / `--no-redact`.
  /// When events start to be lost, and when the log is written again, a line on standard error says so.
  static func transcriptLog(
    _ arguments: Arguments, command: String, channel: FileTranscriptLog.Channel
  ) throws(UsageError) -> FileTranscriptLog? {
    let redacting = try HandoffOptions.redaction(arguments)
    if arguments.has("no-transcripts") { return nil }
    let folder = URL(fileURLWithPath: arguments["transcripts"] ?? "transcripts")
    return FileTranscriptLog(folder: folder, redacting: redacting, channel: channel) { health in
      Terminal.error("\(command): \(health)")
    }
  }

  /// A line on standard error at exit when transcript events were lost.
  static func reportLostTranscriptEvents(_ log: FileTranscriptLog?, command: String) {
    guard let log, log.failures > 0 else { return }
    Terminal.error(
      "\(command): \(log.failures) transcript event(s) could not be written to '\(log.folder.path)' and were lost.")
  }

  /// The outbox of `--outbox DIR` (default `./outbox`); a record that was written but whose folder
  /// could not be synced gets a warning on standard error.
  static func outbox(_ arguments: Arguments, command: String) -> FileOutbox {
    FileOutbox(folder: URL(fileURLWithPath: arguments["outbox"] ?? "outbox")) { warning in
      Terminal.error("\(command): warning: \(warning)")
    }
  }

  static func language(_ code: String?, in engine: Engine) throws(UsageError) -> Language? {
    guard let code else { return nil }
    guard let language = Language(rawValue: code.lowercased()), engine.languages.contains(language) else {
      throw UsageError(
        "Unknown language '\(code)'. The languages are \(engine.languages.map(\.rawValue).joined(separator: ", ")).")
    }
    return language
  }

}
