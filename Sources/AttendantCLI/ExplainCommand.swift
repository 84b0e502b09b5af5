import Attendant
import Foundation

/// `attendant explain "question"`: why the bot would answer a question as it does.
enum ExplainCommand: Command {
  static let name = "explain"
  static let abstract = "Show how a question is understood and why the bot would answer as it does."
  static let usage = """
    USAGE: attendant explain "<question>" [--language <xx>] [--content <dir>]

    OPTIONS:
      --language <xx>   Match in this language instead of detecting it.
      --content <dir>   The content folder (default: the bundled demo).
    """

  static func run(_ arguments: [String]) throws -> Int32 {
    let arguments = try Arguments(arguments, options: ["language", "content"], flags: [])
    guard !arguments.positionals.isEmpty else { throw UsageError("Missing the question to explain.") }
    let store = try CLI.loadStore(arguments["content"])
    let engine = store.engine
    let language = try CLI.language(arguments["language"], in: engine)
    var session = ChatSession(id: "explain")
    let reply = engine.respond(
      to: CustomerMessage(arguments.positionals.joined(separator: " "), language: language), in: &session, at: Date())
    Terminal.print(ExplanationPrinter.render(reply.explanation, engine: engine))
    return ExitCode.success
  }
}
