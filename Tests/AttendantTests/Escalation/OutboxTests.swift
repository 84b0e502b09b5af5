import Foundation
import Testing

@testable import Attendant

struct OutboxTests {
  static func record() throws -> EscalationRecord {
    var conversation = ConversationDriver()
    return try #require(conversation.say("I would like to talk to a human, please", language: .en).escalation)
  }

  @Test func writesARecordThatReadsBackAndLeavesNoTemporaryFile() throws {
    let folder = Paths.temporaryFolder().appendingPathComponent("outbox/nested")
    let outbox = Outbox(folder: folder)
    let record = try Self.record()
    try outbox.write(record)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["\(record.id).json"])
    let read = try EscalationSchema.read(outbox.url(for: record.id))
    #expect(read == record)
  }

  @Test func aLaterRevisionReplacesTheFile() throws {
    let outbox = Outbox(folder: Paths.temporaryFolder())
    var record = try Self.record()
    try outbox.write(record)
    record.revision = 2
    record.customer.contact = ["+385 91 234 5678"]
    try outbox.write(record)
    let read = try EscalationSchema.read(outbox.url(for: record.id))
    #expect(read.revision == 2)
    #expect(read.customer.contact == ["+385 91 234 5678"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.folder.path).count == 1)
  }

  @Test func aFileWhereTheFolderShouldBeIsAnErrorNamingIt() throws {
    let blocked = Paths.temporaryFolder().appendingPathComponent("outbox")
    #expect(FileManager.default.createFile(atPath: blocked.path, contents: Data("not a folder".utf8)), "the file that blocks the folder could not be made")
    let outbox = Outbox(folder: blocked)
    let record = try Self.record()
    #expect {
      try outbox.write(record)
    } throws: { error in
      let description = "\(error)"
      return description.hasPrefix("Cannot write the escalation record '\(blocked.path)/\(record.id).json'")
        && description.contains("is a file, not a folder")
    }
  }

  @Test func aFolderUnderAFileCannotBeCreated() throws {
    let blocked = Paths.temporaryFolder().appendingPathComponent("file")
    #expect(FileManager.default.createFile(atPath: blocked.path, contents: Data()), "the file that blocks the folder could not be made")
    let outbox = Outbox(folder: blocked.appendingPathComponent("outbox"))
    #expect {
      try outbox.write(try Self.record())
    } throws: { error in
      "\(error)".contains("the folder cannot be created")
    }
  }
}
