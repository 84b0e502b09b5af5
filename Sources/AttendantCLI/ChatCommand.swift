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
                              Later messages are still detected; /lang <xx> in the chat holds a language.
      --time-zone <zone>      Your IANA time zone, for hand-off times (default: TZ, else the system's, else
                              UTC). Also /tz in the chat.
      --transcripts <dir>     Where the transcript log goes (default: ./transcripts).
      --no-transcripts        Keep no transcript log.
      --no-feedback           Do not ask whether an answer helped.
    \(HandoffOptions.usage)

    IN THE CHAT:
      /help  /lang [<xx> | auto]  /tz [<zone>]  /why  /reset  /reload  /quit
      /lang <xx> answers in that language until /lang auto; /tz alone shows the time zone.
    """

  static func run(_ rawArguments: [String]) throws -> Int32 {
    let arguments = try Arguments(
      rawArguments, options: ["content", "outbox", "language", "time-zone", "transcripts"] + HandoffOptions.options,
      flags: ["no-transcripts", "no-feedback"] + HandoffOptions.flags)
    let log = try CLI.transcriptLog(arguments, command: "attendant chat", channel: .chat)
    let store = try CLI.loadStore(arguments["content"], policy: try HandoffOptions.policy(arguments))
    let outbox = CLI.outbox(arguments, command: "attendant chat")
    let desk = Desk(store: store, outbox: outbox, log: log, clock: try HandoffOptions.clock())
    var timeZone = try ChatTimeZone.initial(
      option: arguments["time-zone"], environment: ProcessInfo.processInfo.environment,
      localtimeLink: ChatTimeZone.localtimeLink())
    var session = ChatSession(
      id: "chat-\(UUID().uuidString.prefix(8).lowercased())",
      language: try CLI.language(arguments["language"], in: store.engine),
      timeZone: timeZone.zone)
    let askFeedback = !arguments.has("no-feedback")

    say(store.engine.phrases(for: session.language ?? store.engine.defaultLanguage)[.welcome])
    note("Time zone: \(timeZone.description); /tz <zone> changes it.")
    Terminal.print()
    while true {
      if Terminal.inputIsTerminal { Terminal.print(Terminal.styled("you> ", .bold), terminator: "") }
      guard let line = readLine(strippingNewline: true) else {
        // End of input (Ctrl-D) leaves the cursor after the prompt: end that line, so that the
        // shell's prompt starts on its own. A pipe has no prompt to end.
        if Terminal.inputIsTerminal && Terminal.outputIsTerminal { Terminal.print() }
        break
      }
      let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if text.isEmpty { continue }
      if text.hasPrefix("/") {
        let next = try command(text, session: &session, timeZone: &timeZone, store: store)
        Terminal.print()
        if next == .quit { break }
        continue
      }
      let outcome = desk.respond(to: CustomerMessage(text), in: &session)
      if let failure = outcome.failure {
        Terminal.error(Terminal.styled("[\(failure)]", .red))
        say(outcome.failureText ?? "")
        Terminal.print()
        continue
      }
      show(outcome.reply, engine: store.engine, outbox: outbox)
      defer { Terminal.print() }
      if askFeedback, outcome.reply.asksForFeedback {
        session.awaitFeedback()
        say(store.engine.phrases(for: outcome.reply.language)[.feedbackQuestion])
      }
    }
    CLI.reportLostTranscriptEvents(log, command: "attendant chat")
    return ExitCode.success
  }

  private enum Next { case proceed, quit }

  private static func command(
    _ text: String, session: inout ChatSession, timeZone: inout ChatTimeZone, store: EngineStore
  )
    throws -> Next
  {
    let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
    let engine = store.engine
    let phrases = engine.phrases(for: session.language ?? engine.defaultLanguage)
    switch parts[0].lowercased() {
    case "/quit", "/exit", "/q":
      say(phrases[.goodbye])
      return .quit
    case "/help", "/?":
      say(phrases[.help])
      say(
        "/lang <xx> answers in that language until /lang auto; /tz <zone> sets your time zone, /tz alone shows it; /reload reads the content again."
      )
    case "/lang", "/language":
      chooseLanguage(parts.count == 2 ? parts[1] : nil, session: &session, engine: engine)
    case "/reset":
      session.reset()
      say(phrases[.reset])
    case "/why":
      guard let explanation = session.lastExplanation else {
        say("Nothing to explain yet: ask a question first.")
        return .proceed
      }
      let text = ExplanationPrinter.render(explanation, engine: engine)
      Terminal.print(Terminal.styled(wrap(text, indent: 0, hangsUnderLabels: true), .dim))
    case "/tz":
      guard parts.count == 2 else {
        say("Time zone: \(timeZone.description).")
        return .proceed
      }
      let name = parts[1].trimmingCharacters(in: .whitespaces)
      do {
        timeZone = ChatTimeZone(zone: try ChatTimeZone.zone(name), name: name, source: .command)
      } catch {
        say("\(error) /tz alone shows the current one.")
        return .proceed
      }
      session.timeZone = timeZone.zone
      say("Time zone: \(timeZone.description).")
    case "/reload":
      let outcome = store.reload()
      let warnings = outcome.findings.filter { $0.severity == .warning }.count
      if outcome.reloaded {
        say(
          "Reloaded: \(outcome.exampleCount) examples in service"
            + (warnings == 0 ? "." : ", \(warnings) warning(s): see 'attendant check'."))
      } else {
        say("The content has errors; the previous content stays in service:")
        for finding in outcome.findings where finding.severity == .error { Terminal.error(finding.description) }
      }
    default:
      say("Unknown command '\(parts[0])'. Type /help for the commands.")
    }
    return .proceed
  }

  /// `/lang` alone shows the language, `/lang xx` holds one until `/lang auto`, which detects it
  /// from each message again.
  private static func chooseLanguage(_ argument: String?, session: inout ChatSession, engine: Engine) {
    let codes = engine.languages.map(\.rawValue).joined(separator: ", ")
    switch argument?.lowercased() {
    case nil:
      guard let current = session.language?.rawValue else {
        say("Language: not known yet; your first message shows it. /lang <xx> holds one (\(codes)).")
        return
      }
      say(
        session.languageLocked
          ? "Language: \(current), chosen with /lang; /lang auto detects it from each message again."
          : "Language: \(current), detected from your messages; /lang <xx> holds one (\(codes)).")
    case "auto":
      session.unlockLanguage()
      say("Language: detected from each message again.")
    case let code?:
      guard let language = Language(rawValue: code), engine.languages.contains(language) else {
        say("Usage: /lang <xx> or /lang auto; the languages are \(codes).")
        return
      }
      session.switchLanguage(to: language, lock: true)
      say(engine.phrases(for: language)[.languageSwitched])
    }
  }

  /// Prints a reply (the caller ends the block with an empty line, so that scripts can read replies as blocks).
  private static func show(_ reply: Reply, engine: Engine, outbox: FileOutbox) {
    say(reply.text)
    if reply.decision == .answer, !reply.options.isEmpty {
      let phrases = engine.phrases(for: reply.language)
      say(phrases[.followUp] + " " + reply.options.map(\.title).joined(separator: " · "), style: .dim)
    }
    if let record = reply.escalation {
      Terminal.error(
        Terminal.styled(
          "[escalation \(record.id), \(record.reason.rawValue), priority \(record.priority): \(outbox.url(for: record.id).path)]",
          .dim))
    }
  }

  /// Prints the bot's words. Through pipes, a reply is a block of non-empty lines (paragraph breaks
  /// become single line breaks), and the caller ends each block with one empty line.
  private static func say(_ text: String, style: Terminal.Style = .cyan) {
    let prefix = Terminal.inputIsTerminal ? "bot> " : ""
    var rendered = Terminal.renderMarkdown(text)
    if !Terminal.inputIsTerminal || !Terminal.outputIsTerminal {
      rendered = rendered.split(separator: "\n", omittingEmptySubsequences: true)
        .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
    }
    Terminal.print(Terminal.styled(prefix, style) + wrap(rendered, indent: prefix.count))
  }

  /// A dim line in the column of the bot's words (the greeting's time zone).
  private static func note(_ text: String) {
    let indent = Terminal.inputIsTerminal ? "bot> ".count : 0
    Terminal.print(String(repeating: " ", count: indent) + Terminal.styled(wrap(text, indent: indent), .dim))
  }

  /// Text broken at spaces to the terminal's width (see `Terminal.wrapWidth()`), its later lines
  /// indented by `indent` columns to stay under the first.
  private static func wrap(_ text: String, indent: Int, hangsUnderLabels: Bool = false) -> String {
    TextWrapper(width: Terminal.wrapWidth() ?? .max, hangsUnderLabels: hangsUnderLabels).wrap(text, indent: indent)
  }
}
