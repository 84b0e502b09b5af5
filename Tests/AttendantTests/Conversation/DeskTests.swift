import Foundation
import Testing

@testable import Attendant

/// The desk makes a turn durable before its reply is released: the escalation record is on disk
/// first, and when it cannot be written the customer gets a polite reply and nothing is lost.
struct DeskTests {
  static func desk(outbox: URL, log: URL? = nil) -> Desk {
    Desk(
      store: EngineStore(engine: Demo.engine), outbox: Outbox(folder: outbox),
      log: log.map { TranscriptLog(folder: $0) },
      clock: { Demo.wednesdayMorning })
  }

  /// Turns a folder into a file, so that nothing can be written into it (chmod does not stop root).
  static func block(_ folder: URL) throws {
    try? FileManager.default.removeItem(at: folder)
    #expect(FileManager.default.createFile(atPath: folder.path, contents: Data("blocked".utf8)), "the file that blocks the folder could not be made")
  }

  static func unblock(_ folder: URL) throws {
    try FileManager.default.removeItem(at: folder)
  }

  @Test func theRecordIsOnDiskWhenTheReplyComesBack() throws {
    let outbox = Paths.temporaryFolder()
    let desk = Self.desk(outbox: outbox)
    var session = Session(id: "s1")
    for (text, revision) in [("I would like to talk to a human, please", 1), ("it is about my parcel", 2)] {
      let outcome = desk.respondChecked(to: Message(text, language: .en), in: &session)
      #expect(outcome.failure == nil)
      let record = try #require(outcome.reply.escalation)
      #expect(record.revision == revision)
      let onDisk = try EscalationSchema.read(outbox.appendingPathComponent("\(record.id).json"))
      #expect(onDisk == record)
    }
  }

  @Test func anUnwritableOutboxGetsAPoliteReplyAndTheNextRequestWorks() throws {
    let outbox = Paths.temporaryFolder().appendingPathComponent("outbox")
    let logFolder = Paths.temporaryFolder()
    try Self.block(outbox)
    let desk = Self.desk(outbox: outbox, log: logFolder)
    var session = Session(id: "s1")
    let failed = desk.respondChecked(to: Message("želim razgovarati s djelatnikom", language: .hr), in: &session)
    let failure = try #require(failed.failure)
    #expect(failure.description.hasPrefix("Cannot write the escalation record '\(outbox.path)/esc-"))
    #expect(failed.failureText == Demo.engine.phrases(for: .hr)[.outboxFailure])
    #expect(session.escalation == nil, "the hand-off did not happen")
    #expect(
      session.transcript.map(\.text) == [
        "želim razgovarati s djelatnikom", Demo.engine.phrases(for: .hr)[.outboxFailure],
      ])

    let answered = desk.respondChecked(to: Message("gdje je moja narudžba", language: .hr), in: &session)
    #expect(answered.failure == nil)
    #expect(answered.reply.intent == "order-status")

    try Self.unblock(outbox)
    let retried = desk.respondChecked(to: Message("želim razgovarati s djelatnikom", language: .hr), in: &session)
    #expect(retried.failure == nil)
    let record = try EscalationSchema.read(
      outbox.appendingPathComponent("\(try #require(retried.reply.escalation?.id)).json"))
    #expect(record.transcript.count == 6, "the failed turn is in the record, as the customer saw it")
    #expect(record.transcript[1].decision == nil)

    let events = TranscriptLog.read(logFolder.appendingPathComponent("transcript-2026-11-25.jsonl"))
    #expect(
      events.map { $0["event"] } == [
        .string("outbox-failure"), .string("turn"), .string("escalation"), .string("turn"),
      ])
    // What the customer saw, redacted like every text in the log (the phrase holds an e-mail address).
    #expect(events[0]["bot"] == .string(PersonalData.redact(Demo.engine.phrases(for: .hr)[.outboxFailure])))
    #expect(
      events[0]["error"].map { if case .string(let text) = $0 { text.hasPrefix("Cannot write") } else { false } }
        == true)
  }

  @Test func aLaterRevisionThatCannotBeWrittenIsWrittenWithTheNext() throws {
    let outbox = Paths.temporaryFolder().appendingPathComponent("outbox")
    let desk = Self.desk(outbox: outbox)
    var session = Session(id: "s1")
    let first = try #require(
      desk.respondChecked(to: Message("I would like to talk to a human, please", language: .en), in: &session).reply
        .escalation
    )
    let saved = try Data(contentsOf: outbox.appendingPathComponent("\(first.id).json"))
    try Self.block(outbox)
    let failed = desk.respondChecked(to: Message("the parcel number is ORB-48213579", language: .en), in: &session)
    #expect(failed.failure != nil)
    #expect(session.escalation?.revision == 1)
    try Self.unblock(outbox)
    try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
    try saved.write(to: outbox.appendingPathComponent("\(first.id).json"))
    let next = desk.respondChecked(to: Message("hello?", language: .en), in: &session)
    #expect(next.failure == nil)
    let record = try EscalationSchema.read(outbox.appendingPathComponent("\(first.id).json"))
    #expect(record.revision == 2)
    #expect(
      record.transcript.filter { $0.from == .customer }.map(\.text)
        == ["I would like to talk to a human, please", "the parcel number is ORB-48213579", "hello?"])
  }
}
