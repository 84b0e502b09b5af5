import Foundation
import Synchronization
import Testing

@testable import Attendant

/// The desk makes a turn durable before its reply is released: the escalation record is on disk
/// first, and when it cannot be written the customer gets a polite reply and nothing is lost.
struct DeskTests {
  static func desk(outbox: URL, log: URL? = nil) -> Desk {
    Desk(
      store: EngineStore(engine: Demo.engine), outbox: FileOutbox(folder: outbox),
      log: log.map { FileTranscriptLog(folder: $0) },
      clock: { Demo.wednesdayMorning })
  }

  /// Turns a folder into a file, so that nothing can be written into it (chmod does not stop root).
  static func block(_ folder: URL) throws {
    try? FileManager.default.removeItem(at: folder)
    #expect(
      FileManager.default.createFile(atPath: folder.path, contents: Data("blocked".utf8)),
      "the file that blocks the folder could not be made")
  }

  static func unblock(_ folder: URL) throws {
    try FileManager.default.removeItem(at: folder)
  }

  @Test func theRecordIsOnDiskWhenTheReplyComesBack() throws {
    let outbox = Paths.temporaryFolder()
    let desk = Self.desk(outbox: outbox)
    var session = ChatSession(id: "s1")
    for (text, revision) in [("I would like to talk to a human, please", 1), ("it is about my parcel", 2)] {
      let outcome = desk.respondChecked(to: CustomerMessage(text, language: .en), in: &session)
      #expect(outcome.failure == nil)
      let record = try #require(outcome.reply.escalation)
      #expect(record.revision == revision)
      #expect(try desk.outbox.readRecord(id: record.id) == record)
      // The file written at the hand-off stays revision 1.
      #expect(try EscalationSchema.read(outbox.appendingPathComponent("\(record.id).json")).revision == 1)
    }
  }

  @Test func aLongConversationAfterTheHandOffAppendsALineATurn() throws {
    let outbox = Paths.temporaryFolder()
    let desk = Self.desk(outbox: outbox)
    var session = ChatSession(id: "s1")
    let first = try #require(
      desk.respondChecked(to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &session)
        .reply
        .escalation)
    let file = outbox.appendingPathComponent("\(first.id).json")
    let written = try Data(contentsOf: file)
    for number in 1...60 {
      let outcome = desk.respond(
        to: CustomerMessage("still waiting for parcel number \(number)", language: .en), in: &session)
      #expect(outcome.failure == nil)
    }
    #expect(try Data(contentsOf: file) == written, "the record's file is never rewritten")
    let lines = try String(contentsOf: FileOutbox(folder: outbox).updatesURL(for: first.id), encoding: .utf8).split(
      separator: "\n")
    #expect(lines.count == 60)
    // Each line holds one turn's worth, however long the conversation has grown.
    #expect(lines.map(\.utf8.count).max()! < 2 * lines[0].utf8.count)
    let current = try desk.outbox.readRecord(id: first.id)
    #expect(current.revision == 61)
    #expect(current.transcript.count == 2 + 120)
    #expect(current.transcript.last?.text == session.transcript.last?.text)
    #expect(current.transcript.filter { $0.from == .customer }.last?.text == "still waiting for parcel number 60")
  }

  @Test func anOutboxFolderThatCannotBeSyncedDoesNotFailTheHandOff() throws {
    let warnings = Mutex(0)
    var outbox = FileOutbox(folder: Paths.temporaryFolder()) { _ in warnings.withLock { $0 += 1 } }
    outbox.syncFolder = { folder in "the folder '\(folder.path)' cannot be opened to sync it (Permission denied)" }
    let desk = Desk(store: EngineStore(engine: Demo.engine), outbox: outbox, clock: { Demo.wednesdayMorning })
    var session = ChatSession(id: "s1")
    let outcome = desk.respondChecked(
      to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &session)
    #expect(outcome.failure == nil, "the record is on disk, so the customer is not asked to try again")
    let record = try #require(outcome.reply.escalation)
    #expect(try outbox.readRecord(id: record.id) == record)
    #expect(session.escalation?.id == record.id)
    #expect(warnings.withLock { $0 } == 1)
    // Another attempt would not write a second record: the conversation is already with a person.
    _ = desk.respondChecked(to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &session)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: outbox.folder.path).filter { $0.hasSuffix(".json") }.count
        == 1)
  }

  @Test func aRecordWhoseNameIsTakenGetsANewIdEverywhere() throws {
    let logFolder = Paths.temporaryFolder()
    // The outbox's generator names records; this one gives the second hand-off the first one's id.
    let draws = Mutex([UInt32(0xaaaa_aaaa), 0xaaaa_aaaa, 0xbbbb_bbbb])
    let ids = EscalationIDGenerator { (0, draws.withLock { $0.removeFirst() }) }
    let outbox = FileOutbox(folder: Paths.temporaryFolder(), ids: ids)
    let desk = Desk(
      store: EngineStore(engine: Demo.engine), outbox: outbox, log: FileTranscriptLog(folder: logFolder),
      clock: { Demo.wednesdayMorning })
    var first = ChatSession(id: "first")
    var second = ChatSession(id: "second")
    let a = try #require(
      desk.respondChecked(to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &first)
        .reply
        .escalation)
    let b = try #require(
      desk.respondChecked(to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &second)
        .reply
        .escalation)
    #expect(a.id.hasSuffix("aaaaaaaa") && b.id.hasSuffix("bbbbbbbb"))
    #expect(first.escalation?.id == a.id && second.escalation?.id == b.id)
    #expect(try outbox.readRecord(id: a.id).session == "first")
    #expect(try outbox.readRecord(id: b.id).session == "second")
    // The next turn appends to the record under its new name.
    _ = desk.respondChecked(to: CustomerMessage("hello?", language: .en), in: &second)
    #expect(try outbox.readRecord(id: b.id).revision == 2)
    let events = FileTranscriptLog.read(logFolder.appendingPathComponent("transcript-2026-11-25.jsonl"))
    #expect(events.filter { $0["event"] == .string("escalation") }.map { $0["id"] } == [.string(a.id), .string(b.id)])
    #expect(
      events.filter { $0["session"] == .string("second") }.allSatisfy {
        $0["event"] == .string("escalation") ? $0["id"] == .string(b.id) : $0["escalation"] == .string(b.id)
      })
  }

  @Test func anUnwritableOutboxGetsAPoliteReplyAndTheNextRequestWorks() throws {
    let outbox = Paths.temporaryFolder().appendingPathComponent("outbox")
    let logFolder = Paths.temporaryFolder()
    try Self.block(outbox)
    let desk = Self.desk(outbox: outbox, log: logFolder)
    var session = ChatSession(id: "s1")
    let failed = desk.respondChecked(
      to: CustomerMessage("želim razgovarati s djelatnikom", language: .hr), in: &session)
    let failure = try #require(failed.failure)
    #expect(failure.description.hasPrefix("Cannot write the escalation record '\(outbox.path)/esc-"))
    #expect(failed.failureText == Demo.engine.phrases(for: .hr)[.outboxFailure])
    #expect(session.escalation == nil, "the hand-off did not happen")
    #expect(
      session.transcript.map(\.text) == [
        "želim razgovarati s djelatnikom", Demo.engine.phrases(for: .hr)[.outboxFailure],
      ])

    let answered = desk.respondChecked(to: CustomerMessage("gdje je moja narudžba", language: .hr), in: &session)
    #expect(answered.failure == nil)
    #expect(answered.reply.intent == "order-status")

    try Self.unblock(outbox)
    let retried = desk.respondChecked(
      to: CustomerMessage("želim razgovarati s djelatnikom", language: .hr), in: &session)
    #expect(retried.failure == nil)
    let record = try desk.outbox.readRecord(id: try #require(retried.reply.escalation?.id))
    #expect(record.transcript.count == 6, "the failed turn is in the record, as the customer saw it")
    #expect(record.transcript[1].decision == nil)

    let events = FileTranscriptLog.read(logFolder.appendingPathComponent("transcript-2026-11-25.jsonl"))
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
    var session = ChatSession(id: "s1")
    let first = try #require(
      desk.respondChecked(to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &session)
        .reply
        .escalation
    )
    let saved = try Data(contentsOf: outbox.appendingPathComponent("\(first.id).json"))
    try Self.block(outbox)
    let failed = desk.respondChecked(
      to: CustomerMessage("the parcel number is ORB-48213579", language: .en), in: &session)
    #expect(failed.failure != nil)
    #expect(session.escalation?.revision == 1)
    try Self.unblock(outbox)
    try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
    try saved.write(to: outbox.appendingPathComponent("\(first.id).json"))
    let next = desk.respondChecked(to: CustomerMessage("hello?", language: .en), in: &session)
    #expect(next.failure == nil)
    let record = try desk.outbox.readRecord(id: first.id)
    #expect(record.revision == 2)
    #expect(record == next.reply.escalation)
    #expect(
      record.transcript.filter { $0.from == .customer }.map(\.text)
        == ["I would like to talk to a human, please", "the parcel number is ORB-48213579", "hello?"])
  }
}
