import Foundation

/// Where escalation records go: each record is created once, when the bot hands a conversation over,
/// and every later turn of that conversation appends an update to it.
///
/// `Desk` and `Bridge` write through this protocol. `FileOutbox` is the one `attendant` uses (a folder
/// of JSON files, every write fsynced); a host implements it to keep records elsewhere (its database,
/// its help desk's queue, memory in a test).
///
/// The desk releases the reply that tells the customer a person will answer only after `create` or
/// `append` returned, so both must make the write durable before they return. A write that throws
/// must leave nothing a reader would see: the desk keeps the turn in the session, and the customer's
/// retry writes it again.
public protocol Outbox: Sendable {
  typealias WriteError = OutboxWriteError
  typealias ReadError = OutboxReadError

  /// Where record ids come from: the desk names each new record with it before `create`.
  /// By default `EscalationIDGenerator.system`.
  var ids: EscalationIDGenerator { get }

  /// Stores a new record under an id no other record has.
  ///
  /// - Returns: The record as stored: the same, or with another id when its id was taken.
  /// - Throws: `WriteError` when the record could not be stored.
  func create(_ record: EscalationRecord) throws(WriteError) -> EscalationRecord

  /// Stores a later revision of a record: what changed, and the turns since the last update.
  ///
  /// - Throws: `WriteError` when the update could not be stored.
  func append(_ update: EscalationRecord.Update) throws(WriteError)

  /// The current record: as created, with every update stored since applied
  /// (`EscalationRecord.merging(_:)`).
  ///
  /// The bridge reads it for a request that asks for the whole record (`"transcript": true`); when
  /// it throws, the reply carries the session's copy of the record instead.
  ///
  /// - Throws: `ReadError` saying why the record could not be read.
  func readRecord(id: String) throws(ReadError) -> EscalationRecord
}

extension Outbox {
  public var ids: EscalationIDGenerator { .system }
}

/// Why an escalation record or an update could not be stored: nothing of it is there to read.
///
/// The desk reacts to every cause alike (the customer is asked to try again, the turn stays in the
/// session for the retry), so the cause is text for the operator, not a case to branch on.
public struct OutboxWriteError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where the record was to be stored: a file's path, or what names the place in the host's store.
  public let path: String
  public let reason: String

  /// - Parameters:
  ///   - path: Where the record was to be stored.
  ///   - reason: Why it could not be, as a clause: `the disk is full`.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "Cannot write the escalation record '\(path)': \(reason)." }
}

/// Why an escalation record could not be read, one case per cause: a caller that serves records (a
/// help desk's look-up by reference) answers a malformed id, a record that does not exist and one it
/// cannot read differently.
public enum OutboxReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The id is not an escalation id (`EscalationIDGenerator.isWellFormed(_:)`); nothing was read.
  case notAnID(String, path: String)
  /// No record has this id.
  case missing(path: String, reason: String)
  /// The record is there, but cannot be read or is not a valid record.
  case unreadable(path: String, reason: String)
  /// The record has a schema version this reader does not know (written by a newer Attendant).
  case unsupportedSchemaVersion(Int, path: String)

  /// Where the record was looked for.
  public var path: String {
    switch self {
    case .notAnID(_, let path), .missing(let path, _), .unreadable(let path, _), .unsupportedSchemaVersion(_, let path):
      path
    }
  }

  /// Why it could not be read, as a clause.
  public var reason: String {
    switch self {
    case .notAnID(let id, _): "'\(id)' is not an escalation id"
    case .missing(_, let reason), .unreadable(_, let reason): reason
    case .unsupportedSchemaVersion(let version, _):
      "its schema version \(version) is newer than this reader's (\(EscalationRecord.currentSchemaVersion))"
    }
  }

  public var description: String { "Cannot read the escalation record '\(path)': \(reason)." }
}
