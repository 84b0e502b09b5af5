import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The transcript log `attendant` keeps, and the default one for a host: an append-only JSON Lines
/// log of every turn, decision, escalation and piece of feedback, one file per UTC day
/// (`transcript-2026-11-22.jsonl`), which `attendant report` reads.
///
/// Each event is one `write(2)` of one line to a file opened with `O_APPEND`, so a crash of the
/// process can at most leave the last line cut short, and `read(_:)` skips such a line. A log reopened
/// after a crash first ends a cut line, so that the next event starts on a line of its own. Personal data
/// (e-mail addresses, phone numbers, card numbers, IBANs, passwords) is redacted from every field before
/// it is written, unless the log is told otherwise (`Redaction`).
public final class FileTranscriptLog: TranscriptLog {
  /// Where the conversations of a log come from: the REPL or the bridge. Turn events carry it as
  /// `channel`; lines written before it existed have none.
  public enum Channel: String, Sendable, Hashable, CaseIterable {
    case chat, serve
  }

  public let folder: URL
  /// The front end whose turns this log records; `nil` writes no `channel` field.
  public let channel: Channel?
  /// The kinds of personal data replaced by placeholders.
  public let redacting: Set<PersonalData.Kind>
  private let state = Mutex(OpenFile())
  private let onHealthChange: (@Sendable (Health) -> Void)?
  /// `write(2)`; tests cut a write short with it, as a full disk does.
  private let writeBytes: @Sendable (Int32, UnsafeRawBufferPointer) -> Int

  /// A change in whether the log can be written, for an operator: reported when events start to be
  /// lost and when one is written again, not once per event, so that a full disk does not flood the
  /// operator's log.
  public enum Health: Sendable, Hashable, CustomStringConvertible {
    /// An event could not be written; the following ones are lost too until one is written again.
    /// `lost` counts every event lost so far.
    case losing(reason: String, lost: Int)
    /// An event was written again, after `lost` events were lost.
    case recovered(lost: Int)

    public var description: String {
      switch self {
      case .losing(let reason, let lost):
        "transcript events are being lost (\(lost) so far): \(reason)"
      case .recovered(let lost):
        "the transcript log is written again; \(lost) event(s) were lost"
      }
    }
  }

  private struct OpenFile: ~Copyable {
    var day = ""
    var path = ""
    var descriptor: Int32 = -1
    var failures = 0
    /// The file ends in a line cut short (by a crash, or a write that ran out of space).
    var cut = false
    /// Events lost since the last one written; `nil` while events are written.
    var lostInOutage: Int?

    /// Counts a lost or written event, and returns the change in health to report, if any.
    mutating func note(failure: String?) -> Health? {
      guard let failure else {
        defer { lostInOutage = nil }
        return lostInOutage.map { .recovered(lost: $0) }
      }
      failures += 1
      if let lost = lostInOutage {
        lostInOutage = lost + 1
        return nil
      }
      lostInOutage = 1
      return .losing(reason: failure, lost: failures)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
  }

  /// Creates a log in a folder (created when the first event is written).
  ///
  /// - Parameters:
  ///   - folder: Where the daily files go.
  ///   - redacting: The kinds of personal data replaced by placeholders.
  ///   - channel: The front end, written into each turn event as `channel`.
  ///   - onHealthChange: Told when events start to be lost (a full disk, an unwritable folder) and
  ///     when writing works again; the log never stops a conversation, so this is how anyone hears of it.
  public convenience init(
    folder: URL, redacting: Set<PersonalData.Kind> = Set(PersonalData.Kind.allCases), channel: Channel? = nil,
    onHealthChange: (@Sendable (Health) -> Void)? = nil
  ) {
    self.init(folder: folder, redacting: redacting, channel: channel, onHealthChange: onHealthChange) {
      descriptor, bytes in
      systemWrite(descriptor, bytes.baseAddress!, bytes.count)
    }
  }

  init(
    folder: URL, redacting: Set<PersonalData.Kind>, channel: Channel? = nil,
    onHealthChange: (@Sendable (Health) -> Void)?,
    writeBytes: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int
  ) {
    self.folder = folder
    self.channel = channel
    self.redacting = redacting
    self.onHealthChange = onHealthChange
    self.writeBytes = writeBytes
  }

  /// How many events could not be written (the folder is unwritable, the disk is full); logging never
  /// stops a conversation.
  public var failures: Int { state.withLock { $0.failures } }

  /// Appends an event, redacted, to the file of its day.
  public func record(_ event: Event) {
    let (line, date) = encode(event)
    let day = Self.day(of: date)
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    let change = state.withLock { file -> Health? in
      if file.day != day || file.descriptor < 0 {
        if file.descriptor >= 0 { close(file.descriptor) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file.path = folder.appendingPathComponent("transcript-\(day).jsonl").path
        file.descriptor = open(file.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        file.day = day
        file.cut = file.descriptor >= 0 && Self.endsInCutLine(file.descriptor)
      }
      guard file.descriptor >= 0 else {
        return file.note(failure: "cannot open '\(file.path)' (\(String(cString: strerror(errno))))")
      }
      // A cut line is ended first, in the same write, so that it stays one unreadable line and this
      // event starts on a line of its own.
      if file.cut { bytes.insert(0x0A, at: 0) }
      let written = bytes.withUnsafeBytes { writeBytes(file.descriptor, $0) }
      guard written != bytes.count else {
        file.cut = false
        return file.note(failure: nil)
      }
      let reason =
        written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(bytes.count) bytes were written"
      if written > 0 { file.cut = true }
      return file.note(failure: "cannot write '\(file.path)' (\(reason))")
    }
    if let change { onHealthChange?(change) }
  }

  /// Whether the file's last line was cut short by a crash.
  private static func endsInCutLine(_ descriptor: Int32) -> Bool {
    let size = lseek(descriptor, 0, SEEK_END)
    guard size > 0 else { return false }
    var last: UInt8 = 0
    return pread(descriptor, &last, 1, size - 1) == 1 && last != 0x0A
  }

  /// One event as a line. Every text field is redacted, and none shows what redaction hid from the
  /// customer's message: the rule quotes the message's words (`'kovac' appears in no example`).
  private func encode(_ event: Event) -> (String, Date) {
    switch event {
    case .turn(let session, let reply, let customerText, let at):
      let redaction = Redaction(customer: customerText, kinds: redacting)
      var fields: [(String, JSONValue)] = [
        ("at", .string(ISO8601.string(from: at))), ("event", .string("turn")), ("session", .string(session)),
        ("language", .string(reply.language.rawValue)), ("customer", .string(redaction.customer)),
        ("intent", reply.explanation.match?.intent.map { .string($0.rawValue) } ?? .null),
        ("confidence", .number(BridgeReply.rounded(reply.confidence))),
        ("decision", .string(reply.decision.rawValue)), ("reason", .string(reply.reason.rawValue)),
        ("answered", reply.intent.map { .string($0.rawValue) } ?? .null),
        ("bot", .string(redaction.apply(to: reply.text))),
        ("escalation", reply.escalation.map { .string($0.id) } ?? .null),
        ("priority", reply.escalation.map { .string($0.priority.description) } ?? .null),
        ("rule", .string(redaction.apply(to: reply.explanation.rule))),
        ("frustration", .array(reply.explanation.frustration.signals.map { .string(redaction.apply(to: $0)) })),
      ]
      if let channel { fields.insert(("channel", .string(channel.rawValue)), at: 3) }
      let value = JSONValue.object(fields)
      return (value.serialized, at)
    case .outboxFailure(let session, let reply, let customerText, let shown, let error, let at):
      let redaction = Redaction(customer: customerText ?? "", kinds: redacting)
      let value = JSONValue.object([
        ("at", .string(ISO8601.string(from: at))), ("event", .string("outbox-failure")),
        ("session", .string(session)), ("language", .string(reply.language.rawValue)),
        ("customer", customerText.map { _ in .string(redaction.customer) } ?? .null),
        ("decision", .string(reply.decision.rawValue)), ("reason", .string(reply.reason.rawValue)),
        ("bot", .string(redaction.apply(to: shown))), ("error", .string(redaction.apply(to: error))),
      ])
      return (value.serialized, at)
    case .escalation(let record, let at):
      let value = JSONValue.object([
        ("at", .string(ISO8601.string(from: at))), ("event", .string("escalation")),
        ("session", .string(record.session)),
        ("id", .string(record.id)), ("language", .string(record.language.rawValue)),
        ("reason", .string(record.reason.rawValue)), ("priority", .string(record.priority.description)),
        ("team", record.assignment.team.map { .string($0) } ?? .null), ("onShift", .bool(record.assignment.onShift)),
      ])
      return (value.serialized, at)
    case .feedback(let session, let helpful, let rating, let comment, let at):
      let value = JSONValue.object([
        ("at", .string(ISO8601.string(from: at))), ("event", .string("feedback")), ("session", .string(session)),
        ("helpful", .bool(helpful)), ("rating", rating.map { .number($0) } ?? .null),
        ("comment", comment.map { .string(Redaction(customer: $0, kinds: redacting).customer) } ?? .null),
      ])
      return (value.serialized, at)
    }
  }

  static func day(of date: Date) -> String { String(ISO8601.string(from: date).prefix(10)) }

  /// The events of a log file; a line cut short by a crash (or otherwise unreadable) is skipped.
  package static func read(_ file: URL) -> [JSONValue] {
    guard let data = try? Data(contentsOf: file) else { return [] }
    return [UInt8](data).split(separator: 0x0A).compactMap { try? JSONValue.parse(Array($0)) }
  }
}
