import Attendant
import Foundation

/// `attendant chat`: the customer's REPL.
enum ChatCommand: Command {
  static let name = "chat"
  static let abstract = "Chat with the bot in the terminal."
  static let usage = """
    USAGE: attendant chat [--content <dir>] [--outbox <dir>] [--language <xx>] [--time-zone <zone>]
                          [--transcripts <dir> | --no-transcripts] [--redact <kinds> | --no-redact]
                          [--max-non-answers <n>] [--frustration-threshold <x>] [--no-feedback]

    OPTIONS:
      --content <dir>         The content folder (default: the bundled demo).
      --outbox <dir>          Where escalation records are written (default: ./outbox).
      --language <xx>         Start in this language (default: English, or detected from your first message).
      --time-zone <zone>      Your IANA time zone, for hand-off times (default: UTC). Also /tz in the chat.
      --transcripts <dir>     Where the transcript log goes (default: ./transcripts).
      --no-transcripts        Keep no transcript log.
      --no-feedback           Do not ask whether an answer helped.
    \(HandoffOptions.usage)

    IN THE CHAT:
      /help  /lang <xx>  /tz <zone>  /why  /reset  /reload  /quit
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments, options: ["content", "outbox", "language", "time-zone", "transcripts"] + HandoffOptions.options,
      flags: ["no-transcripts", "no-feedback"] + HandoffOptions.flags)
    let log = try CLI.transcriptLog(arguments, command: "attendant chat")
    let store = try CLI.loadStore(arguments["content"], policy: try HandoffOptions.policy(arguments))
    let outbox = CLI.outbox(arguments, command: "attendant chat")
    let desk = Desk(store: store, outbox: outbox, log: log, clock: try HandoffOptions.clock())
    var session = Session(
      id: "chat-\(UUID().uuidString.prefix(8).lowercased())", language: try CLI.language(arguments["language"], in: store.engine),
      timeZone: try CLI.timeZone(arguments["time-zone"]))
    let askFeedback = !arguments.has("no-feedback")

    var language = session.language ?? store.engine.defaultLanguage
    say(store.engine.phrases(for: language)[.welcome])
    Terminal.print()
    while true {
      if Terminal.inputIsTerminal { Terminal.print(Terminal.styled("you> ", .bold), terminator: "") }
      guard let line = readLine(strippingNewline: true) else { break }
      let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if text.isEmpty { continue }
      language = session.language ?? store.engine.defaultLanguage
      if text.hasPrefix("/") {
        let next = try command(text, session: &session, store: store)
        Terminal.print()
        if next == .quit { break }
        continue
      }
      let outcome = desk.respond(to: Message(text), in: &session)
      if let failure = outcome.failure {
        Terminal.error(Terminal.styled("[\(failure)]", .red))
        say(outcome.failureText ?? "")
        Terminal.print()
        continue
      }
      show(outcome.reply, engine: store.engine, outbox: outbox)
      defer { Terminal.print() }
      if askFeedback, outcome.reply.decision == .answer, outcome.reply.reason == .confident || outcome.reply.reason == .clarified,
        let intent = outcome.reply.intent,
        store.engine.knowledgeBase.article(for: intent, in: outcome.reply.language)?.isSmallTalk == false
      {
        session.awaitFeedback()
        say(store.engine.phrases(for: outcome.reply.language)[.feedbackQuestion])
      }
    }
    CLI.reportLostTranscriptEvents(log, command: "attendant chat")
    return ExitCode.success
  }

  private enum Next { case proceed, quit }

  private static func command(_ text: String, session: inout Session, store: EngineStore) throws -> Next {
    let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
    let engine = store.engine
    let phrases = engine.phrases(for: session.language ?? engine.defaultLanguage)
    switch parts[0].lowercased() {
    case "/quit", "/exit", "/q":
      say(phrases[.goodbye])
      return .quit
    case "/help", "/?":
      say(phrases[.help])
      say("/tz <zone> sets your time zone; /reload reads the content again.")
    case "/lang", "/language":
      guard parts.count == 2, let language = Language(rawValue: parts[1].lowercased()), engine.languages.contains(language) else {
        say("Usage: /lang <code>; the languages are \(engine.languages.map(\.rawValue).joined(separator: ", ")).")
        return .proceed
      }
      session.switchLanguage(to: language)
      say(engine.phrases(for: language)[.languageSwitched])
    case "/reset":
      session.reset()
      say(phrases[.reset])
    case "/why":
      guard let explanation = session.lastExplanation else {
        say("Nothing to explain yet: ask a question first.")
        return .proceed
      }
      Terminal.print(Terminal.styled(ExplanationPrinter.render(explanation, engine: engine), .dim))
    case "/tz":
      guard parts.count == 2 else {
        say("Usage: /tz <IANA time zone>, for example /tz Europe/Zagreb.")
        return .proceed
      }
      let zone: TimeZone
      do {
        zone = try TimeZone(ianaName: parts[1])
      } catch {
        say(error.description)
        return .proceed
      }
      session.timeZone = zone
      say("Time zone: \(zone.identifier).")
    case "/reload":
      let outcome = store.reload()
      let warnings = outcome.findings.filter { $0.severity == .warning }.count
      if outcome.reloaded {
        say("Reloaded: \(outcome.exampleCount) examples in service" + (warnings == 0 ? "." : ", \(warnings) warning(s): see 'attendant check'."))
      } else {
        say("The content has errors; the previous content stays in service:")
        for finding in outcome.findings where finding.severity == .error { Terminal.error(finding.description) }
      }
    default:
      say("Unknown command '\(parts[0])'. Type /help for the commands.")
    }
    return .proceed
  }

  /// Prints a reply (the caller ends the block with an empty line, so that scripts can read replies as blocks).
  private static func show(_ reply: Reply, engine: Engine, outbox: Outbox) {
    say(reply.text)
    if reply.decision == .answer, !reply.options.isEmpty {
      let phrases = engine.phrases(for: reply.language)
      say(phrases[.followUp] + " " + reply.options.map(\.title).joined(separator: " · "), style: .dim)
    }
    if let record = reply.escalation {
      Terminal.error(Terminal.styled("[escalation \(record.id), \(record.reason.rawValue), priority \(record.priority): \(outbox.url(for: record.id).path)]", .dim))
    }
  }

  /// Prints the bot's words. Through pipes, a reply is a block of non-empty lines (paragraph breaks
  /// become single line breaks), and the caller ends each block with one empty line.
  private static func say(_ text: String, style: Terminal.Style = .cyan) {
    let prefix = Terminal.inputIsTerminal ? Terminal.styled("bot> ", style) : ""
    var rendered = Terminal.renderMarkdown(text)
    if !Terminal.inputIsTerminal || !Terminal.outputIsTerminal {
      rendered = rendered.split(separator: "\n", omittingEmptySubsequences: true)
        .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
    }
    Terminal.print(prefix + rendered)
  }
}
