import Foundation
import Synchronization
import Testing

@testable import Attendant

struct OutboxTests {
  static func record() throws -> EscalationRecord {
    var conversation = ConversationDriver()
    return try #require(conversation.say("I would like to talk to a human, please", language: .en).escalation)
  }

  /// A record of a session at a fixed moment, with a given id.
  static func record(id: String, session: String) throws -> EscalationRecord {
    let record = try record()
    return EscalationRecord(
      id: id, createdAt: record.createdAt, updatedAt: record.updatedAt, revision: 1, session: session,
      language: record.language, reason: record.reason, priority: record.priority, assignment: record.assignment,
      customer: record.customer, candidates: record.candidates, frustrationSignals: [], transcript: record.transcript)
  }

  /// Random bits from a list, in turn (the last one repeats).
  static func generator(_ values: [UInt32]) -> EscalationIDGenerator {
    let next = Mutex(0)
    return EscalationIDGenerator {
      let index = next.withLock { index in
        defer { index += 1 }
        return min(index, values.count - 1)
      }
      return (0, values[index])
    }
  }

  /// The names in a folder that do not start with a dot.
  static func visibleNames(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
  }

  static func permissions(_ file: URL) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
  }

  @Test func createsARecordThatOnlyItsOwnerCanReadAndLeavesNoTemporaryFile() throws {
    let folder = Paths.temporaryFolder().appendingPathComponent("outbox/nested")
    let outbox = FileOutbox(folder: folder)
    let record = try Self.record()
    #expect(try outbox.create(record) == record)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["\(record.id).json"])
    #expect(try EscalationSchema.read(outbox.url(for: record.id)) == record)
    #expect(try outbox.readRecord(id: record.id) == record)
    // Contacts are personal data, kept for the agent: the file is the owner's, like a transcript.
    #expect(try Self.permissions(outbox.url(for: record.id)) == 0o600)
  }

  @Test func idsAreTheTimeAnd96RandomBits() throws {
    let id = EscalationIDGenerator { (0x0123_4567_89ab_cdef, 0xfedc_ba98) }.make(at: .at("2027-03-27T19:30:05Z"))
    #expect(id == "esc-20270327T193005Z-0123456789abcdeffedcba98")
    #expect(EscalationIDGenerator.isWellFormed(id))
    let system = EscalationIDGenerator.system.make(at: .at("2027-03-27T19:30:05Z"))
    #expect(system.hasPrefix("esc-20270327T193005Z-") && system.count == id.count)
    #expect(EscalationIDGenerator.isWellFormed(system))
  }

  @Test(arguments: [
    ("esc-20270327T193000Z-3f9a1c2b", true), ("esc-20270327T193000Z-0123456789abcdeffedcba98", true),
    ("esc-20270327T193000Z-3F9A1C2B", false), ("esc-20270327T193000Z-3f9a1c2", false),
    ("../esc-20270327T193000Z-3f9a1c2b", false), ("esc-20270327T193000Z-3f9a1c2b/..", false),
    ("esc-2027032T1930000Z-3f9a1c2b", false), ("", false),
  ])
  func anIdNamesAFileInTheOutboxAndNothingElse(id: String, wellFormed: Bool) {
    #expect(EscalationIDGenerator.isWellFormed(id) == wellFormed)
  }

  @Test func twoRecordsGivenTheSameIdAreBothKept() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder(), ids: Self.generator([0xbbbb_bbbb]))
    let moment = try Self.record().createdAt
    let id = Self.generator([0xaaaa_aaaa]).make(at: moment)
    let first = try outbox.create(try Self.record(id: id, session: "first"))
    let second = try outbox.create(try Self.record(id: id, session: "second"))
    #expect(first.id == id)
    #expect(second.id == outbox.ids.make(at: moment), "a new id was drawn for the second")
    #expect(second.id != id)
    #expect(try Self.visibleNames(outbox.folder) == ["\(first.id).json", "\(second.id).json"])
    #expect(try outbox.readRecord(id: first.id).session == "first")
    #expect(try outbox.readRecord(id: second.id).session == "second")
  }

  @Test func aGeneratorThatRepeatsItselfFailsWithoutReplacingARecord() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder(), ids: Self.generator([0xaaaa_aaaa]))
    let id = outbox.ids.make(at: try Self.record().createdAt)
    _ = try outbox.create(try Self.record(id: id, session: "first"))
    #expect {
      _ = try outbox.create(try Self.record(id: id, session: "second"))
    } throws: { error in
      "\(error)".contains("were all taken")
    }
    #expect(try Self.visibleNames(outbox.folder) == ["\(id).json"])
    #expect(try outbox.readRecord(id: id).session == "first")
  }

  /// 20,000 records in one second, with ids from only 16 random bits: thousands of clashes, each one
  /// resolved by drawing again. (The syncs are left out: naming, not durability, is under test here.)
  @Test func twentyThousandRecordsInOneSecondLeaveTwentyThousandFiles() throws {
    let random = Mutex(SeededGenerator(seed: 13))
    var outbox = FileOutbox(
      folder: Paths.temporaryFolder(),
      ids: EscalationIDGenerator { random.withLock { (0, UInt32(truncatingIfNeeded: $0.next()) & 0xffff) } })
    outbox.syncFile = { _ in true }
    outbox.syncFolder = { _ in nil }
    let template = try Self.record()
    let moment = Date.at("2027-03-27T19:30:00Z")
    var ids = Set<String>()
    for number in 0..<20_000 {
      let record = EscalationRecord(
        id: outbox.ids.make(at: moment), createdAt: moment, updatedAt: moment, revision: 1, session: "s\(number)",
        language: .en, reason: template.reason, priority: template.priority, assignment: template.assignment,
        customer: template.customer, candidates: [], frustrationSignals: [], transcript: template.transcript)
      ids.insert(try outbox.create(record).id)
    }
    #expect(ids.count == 20_000)
    let names = try Self.visibleNames(outbox.folder)
    #expect(names.count == 20_000)
    // Every file holds the record it was written with: none replaced another.
    var sessions = Set<String>()
    for id in ids {
      let record = try JSONValue.parse(Array(try Data(contentsOf: outbox.url(for: id))))
      #expect(record["id"] == .string(id))
      if case .string(let session)? = record["session"] { sessions.insert(session) }
    }
    #expect(sessions.count == 20_000)
  }

  // MARK: Updates

  static func update(_ record: EscalationRecord, revision: Int, text: String, contact: [String] = [])
    -> EscalationRecord.Update
  {
    let at = record.createdAt.addingTimeInterval(Double(revision) * 60)
    return EscalationRecord.Update(
      id: record.id, revision: revision, updatedAt: at, language: .en, priority: .high, newContact: contact,
      newFrustrationSignals: [],
      newTurns: [
        TranscriptTurn(at: at, from: .customer, text: text, language: .en, intent: nil, confidence: nil, decision: nil),
        TranscriptTurn(
          at: at, from: .bot, text: "Noted.", language: .en, intent: nil, confidence: nil, decision: .escalate),
      ])
  }

  @Test func laterRevisionsAreAppendedAndTheRecordFileIsNeverRewritten() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder())
    let record = try outbox.create(try Self.record())
    let written = try Data(contentsOf: outbox.url(for: record.id))
    try outbox.append(
      Self.update(record, revision: 2, text: "my e-mail is ana@example.com", contact: ["ana@example.com"]))
    try outbox.append(Self.update(record, revision: 3, text: "hello?"))
    #expect(try Data(contentsOf: outbox.url(for: record.id)) == written)
    #expect(try Self.permissions(outbox.updatesURL(for: record.id)) == 0o600)
    let lines = try String(contentsOf: outbox.updatesURL(for: record.id), encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    let updateSchema = try JSONSchemaValidator(
      contentsOf: Paths.repository.appendingPathComponent("docs/escalation-update.schema.json"))
    for line in lines { #expect(updateSchema.validate(json: String(line)) == []) }

    let current = try outbox.readRecord(id: record.id)
    #expect(current.revision == 3)
    #expect(current.updatedAt == record.createdAt.addingTimeInterval(180))
    #expect(current.priority == .high)
    #expect(current.customer.contact == ["ana@example.com"])
    #expect(current.transcript.count == record.transcript.count + 4)
    #expect(current.transcript.suffix(4).map(\.text) == ["my e-mail is ana@example.com", "Noted.", "hello?", "Noted."])
    #expect(EscalationSchema.problems(current) == [])
  }

  @Test func aLineCutShortIsSkippedAndTheNextUpdateStartsOnALineOfItsOwn() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder())
    let record = try outbox.create(try Self.record())
    try outbox.append(Self.update(record, revision: 2, text: "first"))
    // A crash in the middle of the next line.
    let handle = try FileHandle(forWritingTo: outbox.updatesURL(for: record.id))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"id":"\#(record.id)","revision":3,"newTu"#.utf8))
    try handle.close()
    #expect(try outbox.readRecord(id: record.id).revision == 2)
    try outbox.append(Self.update(record, revision: 3, text: "again"))
    let current = try outbox.readRecord(id: record.id)
    #expect(current.revision == 3)
    #expect(current.transcript.suffix(4).map(\.text) == ["first", "Noted.", "again", "Noted."])
  }

  @Test func whenARevisionWasWrittenTwiceTheLaterLineCounts() throws {
    let record = try Self.record()
    let merged = record.merging([
      Self.update(record, revision: 2, text: "written, then reported as failed"),
      Self.update(record, revision: 2, text: "the retry"),
      Self.update(record, revision: 4, text: "after a gap: not applied"),
    ])
    #expect(merged.revision == 2)
    #expect(merged.transcript.suffix(2).first?.text == "the retry")
  }

  @Test func aVersion1RecordIsReadAsItIs() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder())
    var record = try Self.record(id: "esc-20261122T193000Z-3f9a1c2b", session: "old")
    record.schemaVersion = 1
    try FileManager.default.createDirectory(at: outbox.folder, withIntermediateDirectories: true)
    try Data(record.json.pretty).write(to: outbox.url(for: record.id))
    let v1 = try JSONSchemaValidator(
      contentsOf: Paths.repository.appendingPathComponent("docs/escalation-v1.schema.json"))
    #expect(v1.validate(json: String(decoding: record.json.pretty, as: UTF8.self)) == [])
    #expect(try outbox.readRecord(id: record.id) == record)
  }

  @Test func aNewerSchemaVersionIsRefused() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder())
    var record = try Self.record()
    record.schemaVersion = 3
    try FileManager.default.createDirectory(at: outbox.folder, withIntermediateDirectories: true)
    try Data(record.json.pretty).write(to: outbox.url(for: record.id))
    #expect {
      try outbox.readRecord(id: record.id)
    } throws: { error in
      "\(error)".contains("schema version 3 is newer")
    }
  }

  /// A caller that serves records by reference tells a malformed id, a missing record, a damaged one
  /// and one from a newer Attendant apart, and each still reads as one sentence.
  @Test func aRecordThatCannotBeReadSaysWhyByCase() throws {
    let outbox = FileOutbox(folder: Paths.temporaryFolder())
    try FileManager.default.createDirectory(at: outbox.folder, withIntermediateDirectories: true)
    let missing = "esc-20270327T193000Z-3f9a1c2b"
    #expect(throws: OutboxReadError.notAnID("../x", path: outbox.url(for: "../x").path)) {
      try outbox.readRecord(id: "../x")
    }
    #expect {
      try outbox.readRecord(id: missing)
    } throws: { error in
      guard case .missing(let path, _) = error as? OutboxReadError else { return false }
      return path == outbox.url(for: missing).path
        && "\(error)".hasPrefix("Cannot read the escalation record '\(path)': ")
    }
    let damaged = "esc-20270327T193000Z-0123abcd"
    try Data("{not json".utf8).write(to: outbox.url(for: damaged))
    #expect {
      try outbox.readRecord(id: damaged)
    } throws: { error in
      guard case .unreadable(_, let reason) = error as? OutboxReadError else { return false }
      return reason.hasPrefix("it is not a valid record")
    }
    var newer = try Self.record()
    newer.schemaVersion = 3
    try Data(newer.json.pretty).write(to: outbox.url(for: newer.id))
    #expect(throws: OutboxReadError.unsupportedSchemaVersion(3, path: outbox.url(for: newer.id).path)) {
      try outbox.readRecord(id: newer.id)
    }
  }

  // MARK: Failures

  @Test func aFolderThatCannotBeSyncedIsAWarningAndTheRecordCounts() throws {
    // An outbox that can be written but not read (chmod 0333) cannot be opened to sync it; root
    // ignores the mode, so the test makes the sync fail instead.
    let warnings = Mutex<[String]>([])
    var outbox = FileOutbox(folder: Paths.temporaryFolder()) { warning in
      warnings.withLock { $0.append(warning.description) }
    }
    outbox.syncFolder = { folder in "the folder '\(folder.path)' cannot be opened to sync it (Permission denied)" }
    let record = try outbox.create(try Self.record())
    #expect(try outbox.readRecord(id: record.id) == record)
    try outbox.append(Self.update(record, revision: 2, text: "hello?"))
    try outbox.append(Self.update(record, revision: 3, text: "anyone?"))
    #expect(try outbox.readRecord(id: record.id).revision == 3)
    let said = warnings.withLock { $0 }
    #expect(said.count == 2, "the record's file and the updates file were new entries of the folder: \(said)")
    #expect(
      said.first?.hasPrefix("The escalation record '\(outbox.url(for: record.id).path)' was written, but the folder")
        == true)
  }

  @Test func aFileThatCannotBeSyncedIsAFailureAndLeavesNothingBehind() throws {
    var outbox = FileOutbox(folder: Paths.temporaryFolder())
    let record = try outbox.create(try Self.record())
    outbox.syncFile = { _ in false }
    #expect(throws: Outbox.WriteError.self) { try outbox.append(Self.update(record, revision: 2, text: "lost")) }
    #expect(try Data(contentsOf: outbox.updatesURL(for: record.id)).isEmpty, "the unsynced line was removed")
    #expect(throws: Outbox.WriteError.self) { try outbox.create(try Self.record()) }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: outbox.folder.path).sorted()
        == ["\(record.id).json", "\(record.id).updates.jsonl"])
  }

  @Test func aFileWhereTheFolderShouldBeIsAnErrorNamingIt() throws {
    let blocked = Paths.temporaryFolder().appendingPathComponent("outbox")
    #expect(
      FileManager.default.createFile(atPath: blocked.path, contents: Data("not a folder".utf8)),
      "the file that blocks the folder could not be made")
    let outbox = FileOutbox(folder: blocked)
    let record = try Self.record()
    #expect {
      try outbox.create(record)
    } throws: { error in
      let description = "\(error)"
      return description.hasPrefix("Cannot write the escalation record '\(blocked.path)/\(record.id).json'")
        && description.contains("is a file, not a folder")
    }
  }

  @Test func aFolderUnderAFileCannotBeCreated() throws {
    let blocked = Paths.temporaryFolder().appendingPathComponent("file")
    #expect(
      FileManager.default.createFile(atPath: blocked.path, contents: Data()),
      "the file that blocks the folder could not be made")
    let outbox = FileOutbox(folder: blocked.appendingPathComponent("outbox"))
    #expect {
      try outbox.create(try Self.record())
    } throws: { error in
      "\(error)".contains("the folder cannot be created")
    }
  }
}
