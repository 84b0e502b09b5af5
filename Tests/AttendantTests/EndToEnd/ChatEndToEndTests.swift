import Foundation
import Testing

/// `attendant chat` driven through pipes, as a script would.
@Suite(.serialized) struct ChatEndToEndTests {
  @Test func answersInEveryLanguageAndExitsCleanlyAtEndOfInput() throws {
    let outbox = Paths.temporaryFolder()
    let run = try BinaryRun.run(
      ["chat", "--content", Paths.repository.path, "--outbox", outbox.path, "--no-transcripts", "--no-feedback"],
      input:
        "where is my order\ngdje je moja narudžba\nsiparişim nerede\ndi mana pesanan saya\nđơn hàng của tôi đâu rồi\n")
    #expect(run.status == 0)
    #expect(!run.stdout.contains("\u{1B}["), "no ANSI codes when stdout is a pipe")
    let blocks = run.stdout.components(separatedBy: "\n\n").filter {
      !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
    #expect(blocks.count == 6, "the welcome and one block per message: \(blocks)")
    #expect(blocks[1].contains("My orders"))
    #expect(blocks[2].contains("Moje narudžbe"))
    #expect(blocks[3].contains("Siparişlerim"))
    #expect(blocks[4].contains("Pesanan Saya"))
    #expect(blocks[5].contains("Đơn hàng của tôi"))
  }

  @Test func slashCommandsWork() throws {
    let run = try BinaryRun.run(
      ["chat", "--content", Paths.repository.path, "--no-transcripts", "--outbox", Paths.temporaryFolder().path],
      input: "/lang hr\n/why\n/lang xx\n/help\n/quit\nthis line is never read\n")
    #expect(run.status == 0)
    #expect(run.stdout.contains("hrvatskom"))
    #expect(run.stdout.contains("Nothing to explain yet"))
    #expect(run.stdout.contains("Usage: /lang"))
    #expect(!run.stdout.contains("never read"))
  }

  /// A question the content lists as asked right after the last answer stays on its topic, and `/why`
  /// names the rule and the reading.
  @Test func aFollowUpOfTheAnswerIsExplained() throws {
    let run = try BinaryRun.run(
      Self.chat(), input: "/lang tr\nnereye yazıyım, mail adresiniz ne\nmaile kaç saatte dönüyosunuz\n/why\n")
    #expect(run.status == 0)
    #expect(run.stdout.contains("Rule:       stays-on-topic"), "\(run.stdout)")
    #expect(run.stdout.contains("questions asked right after the last answer"))
  }

  /// `attendant chat` on the demo, with a fresh outbox, no transcripts and no feedback questions.
  static func chat(_ extra: [String] = []) -> [String] {
    let outbox = Paths.temporaryFolder().path
    return ["chat", "--content", Paths.repository.path, "--outbox", outbox, "--no-transcripts", "--no-feedback"] + extra
  }

  /// Issue 11: lines broke mid-word at the window's edge. Through a pipe, `COLUMNS` asks for wrapping.
  @Test func repliesAndWhyWrapAtColumnsAtSpaces() throws {
    let input = "where is my order\n/why\nhi there, I bought a lamp for my mum's birthday ten days ago, where is it?\n"
    let wrapped = try BinaryRun.run(Self.chat(), input: input, environment: ["COLUMNS": "40"])
    let whole = try BinaryRun.run(Self.chat(), input: input)
    #expect(wrapped.status == 0 && whole.status == 0)
    #expect(
      whole.stdout.split(separator: "\n").contains { $0.count > 40 }, "without COLUMNS a pipe gets whole paragraphs")
    for line in wrapped.stdout.split(separator: "\n") {
      #expect(line.count <= 40 || !line.trimmingCharacters(in: .whitespaces).contains(" "), "'\(line)'")
    }
    #expect(
      wrapped.stdout.split(whereSeparator: \.isWhitespace) == whole.stdout.split(whereSeparator: \.isWhitespace),
      "the same words, none broken")
    #expect(
      wrapped.stdout.components(separatedBy: "\n\n").count == whole.stdout.components(separatedBy: "\n\n").count,
      "the same blocks")
    #expect(
      wrapped.stdout.contains("Terms:      where [question]; is\n            [function]"), "/why hangs under its values"
    )
  }

  /// Issue 11: Ctrl-D left the shell's prompt on the `you>` line. A pipe gets no stray line.
  @Test func endOfInputThroughAPipeAddsNoStrayLine() throws {
    let run = try BinaryRun.run(Self.chat(), input: "where is my order\n")
    #expect(run.status == 0)
    #expect(
      run.stdout.hasSuffix("\n\n") && !run.stdout.hasSuffix("\n\n\n"), "\(run.stdout.suffix(40).debugDescription)")
  }

  /// At a terminal: the window's width (`TIOCGWINSZ`), continuation lines under the text after
  /// `bot> `, and a newline after the last `you> ` at Ctrl-D.
  @Test(.enabled(if: PseudoTerminal.isAvailable))
  func aTerminalWrapsAtItsWidthAndEndsThePromptLineAtEndOfInput() throws {
    let run = try PseudoTerminal.run(
      Self.chat(), input: "where is my order\n", columns: 44, environment: ["COLUMNS": "100"])
    #expect(run.status == 0)
    #expect(run.screen.hasSuffix("you> \n"), "\(run.screen.suffix(60).debugDescription)")
    let lines = run.screen.replacingOccurrences(of: "you> ", with: "").split(separator: "\n")
    #expect(lines.first?.hasPrefix("bot> Hi!") == true, "\(run.screen)")
    #expect(lines.contains { $0.hasPrefix("     Time zone: UTC") }, "the greeting wraps at 44 columns, not COLUMNS=100")
    for line in lines {
      #expect(line.count <= 44, "'\(line)'")
      #expect(line.hasPrefix("bot> ") || line.hasPrefix("     "), "'\(line)' is under the text")
    }
  }

  /// Issue 11: the chat said "(UTC)" whatever the system's time zone; `/tz` alone said nothing.
  @Test func theChatStartsInTZAndSlashTzShowsAndChangesIt() throws {
    let run = try BinaryRun.run(
      Self.chat(), input: "/tz\n/tz UTC\u{0}x\n/tz Europe/Zagrb\n/tz\n/tz Europe/Zagreb\n/tz\n",
      environment: ["TZ": "Asia/Tokyo"])
    #expect(run.status == 0)
    let blocks = run.stdout.components(separatedBy: "\n\n")
    #expect(blocks[0].hasSuffix("\nTime zone: Asia/Tokyo (from the TZ environment variable); /tz <zone> changes it."))
    #expect(blocks[1] == "Time zone: Asia/Tokyo (from the TZ environment variable).")
    #expect(
      blocks[2].hasPrefix(#"Unknown time zone 'UTC\u{0}x'. Use an IANA name"#), "junk is refused, and shown escaped")
    #expect(blocks[3].hasPrefix("Unknown time zone 'Europe/Zagrb'. Did you mean 'Europe/Zagreb'?"))
    #expect(blocks[4] == "Time zone: Asia/Tokyo (from the TZ environment variable).", "a refused zone changes nothing")
    #expect(blocks[5] == "Time zone: Europe/Zagreb (set with /tz).")
    #expect(blocks[6] == "Time zone: Europe/Zagreb (set with /tz).")
  }

  @Test func handOffTimesAreInTheSystemsZoneAndTheOptionWins() throws {
    let now = ["ATTENDANT_NOW": "2027-03-27T19:30:00Z"]
    let tokyo = try BinaryRun.run(
      Self.chat(), input: "talk to a person\n", environment: now.merging(["TZ": "Asia/Tokyo"]) { $1 })
    #expect(tokyo.stdout.contains("Monday, March 29 at 10:00 (Asia/Tokyo)"), "\(tokyo.stdout)")
    let option = try BinaryRun.run(
      Self.chat(["--time-zone", "America/New_York"]), input: "/tz\n", environment: ["TZ": "Asia/Tokyo"])
    #expect(option.stdout.contains("Time zone: America/New_York (set with --time-zone)."))
    let junk = try BinaryRun.run(Self.chat(["--time-zone", "UTC\u{1}x"]))
    #expect(junk.status == 64)
    #expect(junk.stderr.hasPrefix(#"Error: Unknown time zone 'UTC\u{1}x'."#), "\(junk.stderr)")
  }

  /// Issue 11: `/lang hr` promised Croatian, and the next English message was answered in English.
  @Test func langHoldsUntilLangAuto() throws {
    let run = try BinaryRun.run(
      Self.chat(), input: "/lang hr\ncancel my order\n/lang\n/lang auto\ncancel my order\n/lang\n")
    #expect(run.status == 0)
    let blocks = run.stdout.components(separatedBy: "\n\n")
    #expect(blocks[1] == Demo.engine.phrases(for: .hr)[.languageSwitched])
    #expect(blocks[2].contains("Otkaži narudžbu"), "an English message, a Croatian reply: \(blocks[2])")
    #expect(blocks[3].hasPrefix("Language: hr, chosen with /lang"))
    #expect(blocks[4] == "Language: detected from each message again.")
    #expect(blocks[5].contains("Cancel order"), "after /lang auto, an English reply: \(blocks[5])")
    #expect(blocks[6].hasPrefix("Language: en, detected from your messages"))
  }
}
