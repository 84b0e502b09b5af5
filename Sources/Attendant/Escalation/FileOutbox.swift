import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outbox `attendant` uses, and the default one for a host: a folder of escalation records,
/// `<id>.json` written once when the bot hands over, and `<id>.updates.jsonl`, one line appended for
/// every later turn.
///
/// Each write is durable before it returns. A record goes to a temporary file, which is fsynced and
/// then linked to its final name, which fails if the name is taken (a new id is drawn then, so no
/// record ever replaces another), and the folder is fsynced. An update is one `write(2)` of one line
/// to the updates file opened with `O_APPEND`, then fsynced. A reader never sees half a record, and at
/// most the last line of an updates file cut short by a crash, which `readRecord(id:)` skips.
public struct FileOutbox: Outbox {
  public let folder: URL
  /// Names new records, and draws another id when a record's name is taken.
  public let ids: EscalationIDGenerator
  /// Told when a write landed but may not survive a crash of the machine.
  let onWarning: (@Sendable (DurabilityWarning) -> Void)?
  /// Flushes a file to disk; `false` when it could not. The id bench leaves it out; tests make it fail.
  var syncFile: @Sendable (Int32) -> Bool = { fsync($0) == 0 }
  /// Flushes a folder's entries to disk; returns why it could not. Tests make it fail, which chmod
  /// cannot do when they run as root.
  var syncFolder: @Sendable (URL) -> String? = FileOutbox.fsyncFolder

  /// Creates an outbox; the folder is created at the first write.
  ///
  /// - Parameters:
  ///   - folder: Where the records go.
  ///   - ids: Where new ids come from (for new records, and when a record's name is taken).
  ///   - onWarning: Told when a record or update was written but the folder could not be synced, so
  ///     that an operator hears of it; the write still counts, since the record is there to read.
  public init(
    folder: URL, ids: EscalationIDGenerator = .system, onWarning: (@Sendable (DurabilityWarning) -> Void)? = nil
  ) {
    self.folder = folder
    self.ids = ids
    self.onWarning = onWarning
  }

  /// A write that landed, but whose folder could not be synced: readers see it, and a crash of the
  /// machine (not of the process) may still undo it.
  public struct DurabilityWarning: Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String {
      "The escalation record '\(path)' was written, but \(reason); a power cut may lose it. Check the outbox folder's permissions and disk."
    }
  }

  /// How many ids `create` tries before it gives up: with 96 random bits, a second is already a rarity.
  static let attempts = 16

  /// The file a record is written to when it is created.
  public func url(for id: String) -> URL { folder.appendingPathComponent("\(id).json") }

  /// The file a record's later revisions are appended to.
  public func updatesURL(for id: String) -> URL { folder.appendingPathComponent("\(id).updates.jsonl") }

  // MARK: Writing

  /// Writes a new record under a name no other record has.
  ///
  /// - Returns: The record as written: the same, or with a new id when its name was taken.
  /// - Throws: `WriteError` when the folder cannot be created or written (permissions, a full disk).
  public func create(_ record: EscalationRecord) throws(WriteError) -> EscalationRecord {
    try prepareFolder(for: url(for: record.id))
    var record = record
    for _ in 0..<Self.attempts {
      let target = url(for: record.id)
      let temporary = try writeTemporary(record.json.pretty, for: target)
      // link(2), unlike rename(2), fails when the name exists: a clash can never replace a record.
      let linked = link(temporary.path, target.path) == 0
      let error = errno
      unlink(temporary.path)
      if linked {
        warnUnlessSynced(folder, target: target)
        return record
      }
      guard error == EEXIST else { throw WriteError(path: target.path, reason: Self.text(error)) }
      record.id = ids.make(at: record.createdAt)
    }
    throw WriteError(
      path: url(for: record.id).path,
      reason: "the \(Self.attempts) ids drawn were all taken; the id generator repeats itself")
  }

  /// Appends a later revision to its record's updates file.
  ///
  /// - Throws: `WriteError` when the line could not be written and synced; it was removed again then,
  ///   so that a retry of the same revision is the only one readers see.
  public func append(_ update: EscalationRecord.Update) throws(WriteError) {
    let target = updatesURL(for: update.id)
    try prepareFolder(for: target)
    var created = true
    var descriptor = open(target.path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 && errno == EEXIST {
      created = false
      descriptor = open(target.path, O_RDWR | O_APPEND | O_CLOEXEC)
    }
    guard descriptor >= 0 else { throw WriteError(path: target.path, reason: Self.text(errno)) }
    defer { close(descriptor) }
    var line = Array(update.json.serialized.utf8)
    line.append(0x0A)
    let size = lseek(descriptor, 0, SEEK_END)
    var last: UInt8 = 0x0A
    // A line that a crash cut short stays one unreadable line: this one starts on a line of its own.
    if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A { line.insert(0x0A, at: 0) }
    var written: Int
    repeat {
      // One write(2): a reader sees the whole line, or a cut one it skips.
      written = line.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress!, $0.count) }
    } while written < 0 && errno == EINTR
    var failure: String?
    if written != line.count {
      failure = written < 0 ? Self.text(errno) : "only \(written) of \(line.count) bytes could be written"
    } else if !syncFile(descriptor) {
      failure = "the file cannot be synced (\(Self.text(errno)))"
    }
    if let failure {
      if size >= 0 { _ = ftruncate(descriptor, size) }
      throw WriteError(path: target.path, reason: failure)
    }
    if created { warnUnlessSynced(folder, target: target) }
  }

  /// Creates the folder when it is missing (and syncs its parent, so that the new folder's entry
  /// survives a crash too).
  private func prepareFolder(for target: URL) throws(WriteError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw WriteError(path: target.path, reason: "'\(folder.path)' is a file, not a folder")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: target.path, reason: "the folder cannot be created (\(Self.describe(error)))")
    }
    warnUnlessSynced(folder.deletingLastPathComponent(), target: target)
  }

  /// Writes bytes to a new hidden file next to `target` and syncs it.
  private func writeTemporary(_ bytes: [UInt8], for target: URL) throws(WriteError) -> URL {
    var temporary = folder
    var descriptor: Int32 = -1
    for _ in 0..<Self.attempts {
      temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UInt64.random(in: .min ... .max)).tmp")
      descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else { throw WriteError(path: target.path, reason: Self.text(errno)) }
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = Self.text(errno)
          return
        }
        offset += written
      }
    }
    if failure == nil, !syncFile(descriptor) { failure = "the file cannot be synced (\(Self.text(errno)))" }
    close(descriptor)
    if let failure {
      unlink(temporary.path)
      throw WriteError(path: target.path, reason: failure)
    }
    return temporary
  }

  /// Syncs a folder after a write landed in it; a failure is a warning, not an error, since the
  /// record is there for every reader and a retry would only write it twice.
  private func warnUnlessSynced(_ folder: URL, target: URL) {
    guard let reason = syncFolder(folder) else { return }
    onWarning?(DurabilityWarning(path: target.path, reason: reason))
  }

  /// `fsync(2)` on a folder; returns why it could not be done.
  static func fsyncFolder(_ folder: URL) -> String? {
    let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else { return "the folder '\(folder.path)' cannot be opened to sync it (\(text(errno)))" }
    defer { close(directory) }
    // EINVAL: the file system does not sync folders (some network ones); its links are as durable as it gets.
    guard fsync(directory) == 0 || errno == EINVAL else {
      return "the folder '\(folder.path)' cannot be synced (\(text(errno)))"
    }
    return nil
  }

  // MARK: Reading

  /// The current record: the file written at the hand-off with every later revision applied.
  ///
  /// Reads records of schema version 1 too (rewritten whole, without an updates file). A line of the
  /// updates file that does not parse (cut short by a crash) is skipped.
  ///
  /// - Parameter id: The record's id.
  /// - Throws: `ReadError` when the id is not one, the record is missing or unreadable, or its schema
  ///   version is newer than this reader.
  /// - Complexity: O(size of the record and its updates).
  public func readRecord(id: String) throws(ReadError) -> EscalationRecord {
    let file = url(for: id)
    guard EscalationIDGenerator.isWellFormed(id) else { throw .notAnID(id, path: file.path) }
    let record: EscalationRecord
    do {
      record = try EscalationRecord.makeDecoder().decode(EscalationRecord.self, from: Data(contentsOf: file))
    } catch {
      throw Self.isMissingFile(error)
        ? .missing(path: file.path, reason: Self.describe(error))
        : .unreadable(path: file.path, reason: Self.describe(error))
    }
    guard (1...EscalationRecord.currentSchemaVersion).contains(record.schemaVersion) else {
      throw .unsupportedSchemaVersion(record.schemaVersion, path: file.path)
    }
    let updatesFile = updatesURL(for: id)
    guard record.schemaVersion >= 2, FileManager.default.fileExists(atPath: updatesFile.path) else { return record }
    let data: Data
    do {
      data = try Data(contentsOf: updatesFile)
    } catch {
      throw .unreadable(path: updatesFile.path, reason: Self.describe(error))
    }
    let decoder = EscalationRecord.makeDecoder()
    let updates = [UInt8](data).split(separator: 0x0A).compactMap {
      try? decoder.decode(EscalationRecord.Update.self, from: Data($0))
    }
    return record.merging(updates)
  }

  /// Whether reading a file failed because there is no such file.
  private static func isMissingFile(_ error: any Error) -> Bool {
    guard let error = error as? CocoaError else { return false }
    return error.code == .fileReadNoSuchFile || error.code == .fileNoSuchFile
  }

  static func text(_ code: Int32) -> String { String(cString: strerror(code)) }

  static func describe(_ error: any Error) -> String {
    if error is DecodingError { return "it is not a valid record (\(error))" }
    return (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}

/// `write(2)`, named apart from the `write` methods in scope.
@inline(__always)
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
