import Attendant
import Foundation
import Synchronization
import Testing

// An outbox and a transcript log as a host writes them, with the public API only (no @testable): the
// desk and the bridge write through the protocols, so records and events land where the host keeps
// them, and nothing is written to disk.

/// Escalation records kept in memory, as a host keeps them in its own store.
final class MemoryOutbox: Outbox {
  private let records = Mutex<[String: (record: EscalationRecord, updates: [EscalationRecord.Update])]>([:])
  /// When set, every write fails with this reason, as a host's store does when it is down.
  let failure: String?

  init(failing failure: String? = nil) {
    self.failure = failure
  }

  func create(_ record: EscalationRecord) throws(OutboxWriteError) -> EscalationRecord {
    if let failure { throw OutboxWriteError(path: "memory:\(record.id)", reason: failure) }
    records.withLock { $0[record.id] = (record, []) }
    return record
  }

  func append(_ update: EscalationRecord.Update) throws(OutboxWriteError) {
    if let failure { throw OutboxWriteError(path: "memory:\(update.id)", reason: failure) }
    records.withLock { $0[update.id]?.updates.append(update) }
  }

  func readRecord(id: String) throws(OutboxReadError) -> EscalationRecord {
    guard let stored = records.withLock({ $0[id] }) else {
      throw .missing(path: "memory:\(id)", reason: "no record has this id")
    }
    return stored.record.merging(stored.updates)
  }

  var ids: [String] { records.withLock { $0.keys.sorted() } }
}

/// Transcript events kept in memory, in the order they came.
final class MemoryTranscriptLog: TranscriptLog {
  private let events = Mutex<[TranscriptLog.Event]>([])

  func record(_ event: TranscriptLog.Event) {
    events.withLock { $0.append(event) }
  }

  /// Each event's kind, in order.
  var kinds: [String] {
    events.withLock { events in
      events.map { event in
        switch event {
        case .turn: "turn"
        case .escalation: "escalation"
        case .feedback: "feedback"
        case .outboxFailure: "outbox-failure"
        }
      }
    }
  }
}

struct HostSinkTests {
  static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let engine: Engine = {
    guard let engine = ContentValidation.load(content).engine else { fatalError("the demo content does not load") }
    return engine
  }()

  /// The files anywhere under a folder whose name contains `text` (folders that other tests remove
  /// meanwhile are passed over).
  static func files(under folder: URL, naming text: String) -> [URL] {
    let files = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: nil, errorHandler: { _, _ in true })
    return (files?.compactMap { $0 as? URL } ?? []).filter { $0.lastPathComponent.contains(text) }
  }

  @Test func theDeskWritesRecordsAndEventsToTheHostsSinks() throws {
    let outbox = MemoryOutbox()
    let log = MemoryTranscriptLog()
    let desk = Desk(store: EngineStore(engine: Self.engine), outbox: outbox, log: log)
    var session = ChatSession(id: "host-\(UUID().uuidString)")
    let handOff = desk.respond(
      to: CustomerMessage("I would like to talk to a human, please", language: .en), in: &session)
    let record = try #require(handOff.reply.escalation)
    #expect(handOff.failure == nil)
    let later = desk.respond(to: CustomerMessage("it is about my parcel", language: .en), in: &session)
    #expect(later.failure == nil)
    _ = desk.feedback(helpful: true, in: &session)

    #expect(outbox.ids == [record.id])
    let stored = try outbox.readRecord(id: record.id)
    #expect(stored.revision == 3)
    #expect(stored == session.escalation)
    #expect(stored.transcript.contains { $0.text == "it is about my parcel" })
    #expect(log.kinds == ["escalation", "turn", "turn", "feedback"])
    #expect(
      Self.files(under: FileManager.default.temporaryDirectory, naming: record.id).isEmpty,
      "the desk wrote the record to disk")
    #expect(!FileManager.default.fileExists(atPath: "outbox/\(record.id).json"))
  }

  @Test func theBridgeReadsTheWholeRecordFromTheHostsOutbox() throws {
    let outbox = MemoryOutbox()
    let bridge = Bridge(store: EngineStore(engine: Self.engine), outbox: outbox, log: MemoryTranscriptLog())
    _ = bridge.handle(Array(#"{"session": "s", "language": "en", "text": "I want to speak to a human"}"#.utf8))
    _ = bridge.handle(Array(#"{"session": "s", "language": "en", "text": "hello?"}"#.utf8))
    let line = bridge.handle(
      Array(#"{"session": "s", "language": "en", "text": "are you there?", "transcript": true}"#.utf8))
    let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let escalation = try #require(reply["escalation"] as? [String: Any])
    let id = try #require(escalation["id"] as? String)
    #expect(outbox.ids == [id])
    #expect((escalation["transcript"] as? [Any])?.count == 6)
    #expect(escalation["revision"] as? Int == 3)
  }

  @Test func aFailingHostOutboxIsTheOutboxUnwritableError() throws {
    let log = MemoryTranscriptLog()
    let bridge = Bridge(
      store: EngineStore(engine: Self.engine), outbox: MemoryOutbox(failing: "the database is down"), log: log)
    let line = bridge.handle(Array(#"{"session": "s", "language": "en", "text": "I want to speak to a human"}"#.utf8))
    let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let error = try #require(reply["error"] as? [String: Any])
    #expect(error["code"] as? String == "outbox_unwritable")
    #expect(
      (error["message"] as? String)?.hasPrefix(
        "Cannot write the escalation record 'memory:esc-") == true)
    #expect((error["message"] as? String)?.contains("': the database is down.") == true)
    #expect(log.kinds == ["outbox-failure"])
  }
}
