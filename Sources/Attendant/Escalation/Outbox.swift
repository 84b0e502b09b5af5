import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder escalation records are written to, one JSON file per record, named by its id.
///
/// Each write is atomic and durable: the record goes to a temporary file, which is fsynced, renamed
/// over the final name, and then the folder is fsynced. A reader never sees half a record, and a
/// record that `write` returned for survives a crash of the process or the machine.
public struct Outbox: Sendable {
  public let folder: URL

  public init(folder: URL) { self.folder = folder }

  /// Why a record could not be written.
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "Cannot write the escalation record '\(path)': \(reason)." }
  }

  /// The file a record is written to.
  public func url(for id: String) -> URL { folder.appendingPathComponent("\(id).json") }

  /// Writes a record, replacing an earlier revision of it.
  ///
  /// - Throws: `WriteError` when the folder cannot be created or written (permissions, a full disk).
  public func write(_ record: EscalationRecord) throws(WriteError) {
    try write(Data(record.json.pretty), name: "\(record.id).json")
  }

  /// Writes bytes to a file in the folder atomically and durably.
  func write(_ data: Data, name: String) throws(WriteError) {
    let target = folder.appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw WriteError(path: target.path, reason: "the folder cannot be created (\(Self.describe(error)))")
      }
      // The new folder's own entry must survive a crash too.
      try Self.syncFolder(folder.deletingLastPathComponent(), target: target)
    } else if !isDirectory.boolValue {
      throw WriteError(path: target.path, reason: "'\(folder.path)' is a file, not a folder")
    }
    let temporary = folder.appendingPathComponent(".\(name).\(UInt32.random(in: .min ... .max)).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw WriteError(path: target.path, reason: Self.errnoText()) }
    var failure: String?
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = Self.errnoText()
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = Self.errnoText() }
    close(descriptor)
    if failure == nil, rename(temporary.path, target.path) != 0 { failure = Self.errnoText() }
    if let failure {
      unlink(temporary.path)
      throw WriteError(path: target.path, reason: failure)
    }
    // The rename is durable only once the folder is: until then a crash of the machine may undo it.
    try Self.syncFolder(folder, target: target)
  }

  /// Flushes a folder's entries to disk.
  static func syncFolder(_ folder: URL, target: URL) throws(WriteError) {
    let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else {
      throw WriteError(path: target.path, reason: "the folder cannot be opened (\(errnoText()))")
    }
    defer { close(directory) }
    // EINVAL: the file system does not sync folders (some network ones); its renames are as durable as it gets.
    guard fsync(directory) == 0 || errno == EINVAL else {
      throw WriteError(path: target.path, reason: "the folder cannot be synced (\(errnoText()))")
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }

  static func describe(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}

/// `write(2)`, named apart from the `write` methods in scope.
@inline(__always)
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
