import Foundation
import Testing

@testable import Attendant

/// Hand-off, feedback, the outbox and the transcript log through the built binary, at a fixed time
/// (`ATTENDANT_NOW`): Saturday 27 March 2027, 19:30 UTC, when nobody is on shift.
@Suite(.serialized) struct HandoffEndToEndTests {
  static let saturdayEvening = ["ATTENDANT_NOW": "2027-03-27T19:30:00Z"]

  static func replies(_ run: BinaryRun) throws -> [JSONValue] {
    try run.stdout.split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
  }

  /// The records in an outbox (not their updates files).
  static func outboxFiles(_ folder: URL) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
      !$0.hasPrefix(".") && $0.hasSuffix(".json")
    }.sorted()
      .map { folder.appendingPathComponent($0) }
  }

  @Test func anUnwritableOutboxGetsAnErrorLineAndServeKeepsGoing() throws {
    let blocked = Paths.temporaryFolder().appendingPathComponent("outbox")
    #expect(
      FileManager.default.createFile(atPath: blocked.path, contents: Data("not a folder".utf8)),
      "the file that blocks the folder could not be made")
    let run = try BinaryRun.run(
      ["serve", "--content", Paths.repository.path, "--outbox", blocked.path, "--no-transcripts"],
      input: """
        {"id": 1, "session": "s1", "text": "I would like to talk to a human, please"}
        {"id": 2, "session": "s1", "text": "where is my order"}
        {"id": 3, "type": "feedback", "session": "s1", "helpful": true}
        {"id": 4, "session": "s2", "text": "gdje je moja narudžba"}

        """, environment: Self.saturdayEvening)
    #expect(run.status == 0)
    let replies = try Self.replies(run)
    #expect(replies.count == 4)
    #expect(replies[0]["type"] == .string("error"))
    #expect(replies[0]["error"]?["code"] == .string("outbox_unwritable"))
    #expect(replies[0]["text"] == .string(Demo.engine.phrases(for: .en)[.outboxFailure]))
    guard case .string(let message)? = replies[0]["error"]?["message"] else {
      Issue.record("no error message")
      return
    }
    #expect(message.contains("'\(blocked.path)' is a file, not a folder"))
    #expect(replies[1]["type"] == .string("answer"))
    #expect(replies[1]["intent"] == .string("order-status"))
    #expect(replies[2]["text"] == .string(Demo.engine.phrases(for: .en)[.feedbackThanks]))
    #expect(replies[3]["language"] == .string("hr"))
  }

  @Test func theBridgeTellsTheNextShiftInTheRequestsTimeZone() throws {
    let outbox = Paths.temporaryFolder()
    let run = try BinaryRun.run(
      ["serve", "--content", Paths.repository.path, "--outbox", outbox.path, "--no-transcripts"],
      input: #"{"id": 1, "session": "s1", "text": "želim razgovarati s djelatnikom", "timeZone": "Europe/Zagreb"}"#
        + "\n",
      environment: Self.saturdayEvening)
    let reply = try #require(try Self.replies(run).first)
    guard case .string(let text)? = reply["text"] else {
      Issue.record("no text in \(run.stdout)")
      return
    }
    // Zagreb's next shift: Tuesday 30 March 08:00 CEST (summer time starts on the 28th; the 29th is Easter Monday).
    #expect(text.contains("utorak, 30. ožujka"), "\(text)")
    #expect(text.contains("08:00 (Europe/Zagreb)"))
    let files = Self.outboxFiles(outbox)
    #expect(files.count == 1)
    let record = try EscalationSchema.read(try #require(files.first))
    #expect(record.customer.timeZone == "Europe/Zagreb")
    #expect(record.assignment.nextShiftStart == .at("2027-03-30T06:00:00Z"))
  }

  @Test func theChatAsksForFeedbackAndNotHelpfulLeadsToAPerson() throws {
    let outbox = Paths.temporaryFolder()
    let run = try BinaryRun.run(
      ["chat", "--content", Paths.repository.path, "--outbox", outbox.path, "--no-transcripts"],
      input: "/tz Europe/Zagreb\ngdje je moja narudžba\nne\nda\n", environment: Self.saturdayEvening)
    #expect(run.status == 0)
    let phrases = Demo.engine.phrases(for: .hr)
    #expect(run.stdout.contains(phrases[.feedbackQuestion]))
    #expect(run.stdout.contains(phrases[.feedbackSorry]))
    #expect(run.stdout.contains("utorak, 30. ožujka"), "\(run.stdout)")
    let files = Self.outboxFiles(outbox)
    #expect(files.count == 1)
    let record = try EscalationSchema.read(try #require(files.first))
    #expect(record.reason == .negativeFeedback)
    #expect(record.language == .hr)
    #expect(run.stderr.contains("[escalation \(record.id), negative-feedback, priority normal"))
  }

  @Test func maxNonAnswersIsAnOption() throws {
    let input =
      ["maybe", "purple", "whatever"].enumerated().map {
        #"{"id": \#($0.offset), "session": "s1", "language": "en", "text": "\#($0.element)"}"#
      }.joined(separator: "\n") + "\n"
    var reasons: [[JSONValue?]] = []
    for extra in [[], ["--max-non-answers", "3"]] {
      let outbox = Paths.temporaryFolder()
      let run = try BinaryRun.run(
        ["serve", "--content", Paths.repository.path, "--outbox", outbox.path, "--no-transcripts"] + extra,
        input: input, environment: Self.saturdayEvening)
      reasons.append(try Self.replies(run).map { $0["reason"] })
      #expect(try EscalationSchema.checkFolder(outbox) == 1)
    }
    #expect(reasons[0] == [.string("out-of-scope"), .string("repeated-non-answers"), .string("already-escalated")])
    #expect(reasons[1] == [.string("out-of-scope"), .string("out-of-scope"), .string("repeated-non-answers")])
  }

  @Test func redactionIsChosenOnTheCommandLine() throws {
    let transcripts = Paths.temporaryFolder()
    let outbox = Paths.temporaryFolder()
    _ = try BinaryRun.run(
      [
        "serve", "--content", Paths.repository.path, "--outbox", outbox.path, "--transcripts",
        transcripts.path,
        "--redact", "email,card",
      ],
      input: #"{"session": "s1", "text": "I'm ana@example.com, +385 91 234 5678, card 4111 1111 1111 1111"}"# + "\n",
      environment: Self.saturdayEvening)
    let log = try String(contentsOf: transcripts.appendingPathComponent("transcript-2027-03-27.jsonl"), encoding: .utf8)
    #expect(log.contains("I'm [email], +385 91 234 5678, card [card]"))
    try EscalationSchema.checkFolder(outbox)
  }

  @Test func ibansAndPasswordsAreKindsOnTheCommandLine() throws {
    let transcripts = Paths.temporaryFolder()
    _ = try BinaryRun.run(
      [
        "serve", "--content", Paths.repository.path, "--outbox", Paths.temporaryFolder().path, "--transcripts",
        transcripts.path, "--redact", "iban,password",
      ],
      input: #"{"session": "s1", "text": "ana@example.com, IBAN HR1210010051863000160, lozinka je tajna123"}"# + "\n",
      environment: Self.saturdayEvening)
    let log = try String(contentsOf: transcripts.appendingPathComponent("transcript-2027-03-27.jsonl"), encoding: .utf8)
    #expect(log.contains("ana@example.com, IBAN [iban], lozinka je [password]"))
  }

  @Test(arguments: [
    (["--max-non-answers", "0"], "'--max-non-answers' must be a whole number of at least 1, not '0'."),
    (
      ["--frustration-threshold", "none"], "'--frustration-threshold' must be a number above 0, such as 2, not 'none'."
    ),
    (["--redact", "emails"], "Unknown kind of personal data 'emails'. Did you mean 'email'?"),
    (["--redact", "card", "--no-redact"], "Give '--redact' or '--no-redact', not both."),
    (
      ["--redact", "ibans"],
      "Unknown kind of personal data 'ibans'. Did you mean 'iban'? The kinds are email, phone, card, iban, password, or 'none'."
    ),
  ])
  func badOptionValuesAreUsageErrors(arguments: [String], message: String) throws {
    for command in ["serve", "chat"] {
      let run = try BinaryRun.run([command, "--content", Paths.repository.path, "--no-transcripts"] + arguments)
      #expect(run.status == 64)
      #expect(run.stderr.hasPrefix("Error: \(message)"), "\(run.stderr)")
    }
  }

  /// `--watch-interval` used to fall back to 1 second on any value it could not read.
  @Test(arguments: ["soon", "0", "-2", "86400"])
  func aBadWatchIntervalIsAUsageError(value: String) throws {
    let run = try BinaryRun.run(["serve", "--content", Paths.repository.path, "--watch", "--watch-interval", value])
    #expect(run.status == 64)
    #expect(
      run.stderr.hasPrefix(
        "Error: '--watch-interval' must be a number of seconds above 0 and at most 3600, not '\(value)'."),
      "\(run.stderr)")
  }

  @Test func aWatchIntervalWithoutWatchIsAUsageError() throws {
    let run = try BinaryRun.run(["serve", "--content", Paths.repository.path, "--watch-interval", "2"])
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("Error: '--watch-interval' only works with '--watch'."), "\(run.stderr)")
  }

  /// The smallest and largest intervals are accepted (below 0.05 s, the watcher checks every 0.05 s).
  @Test(arguments: ["0.01", "3600"])
  func aWatchIntervalInRangeIsAccepted(value: String) throws {
    let run = try BinaryRun.run(
      ["serve", "--content", Paths.repository.path, "--no-transcripts", "--watch", "--watch-interval", value],
      input: #"{"session": "s1", "text": "hello"}"# + "\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(#""type":"answer""#), "\(run.stdout)")
  }

  @Test func aBadFixedTimeIsAUsageError() throws {
    let run = try BinaryRun.run(
      ["serve", "--content", Paths.repository.path], environment: ["ATTENDANT_NOW": "tomorrow"])
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("Error: ATTENDANT_NOW must be an ISO 8601 time"))
  }
}
