import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only JSON Lines log of every turn, decision, escalation and piece of feedback, one file
/// per UTC day (`transcript-2026-11-22.jsonl`).
///
/// Each event is one `write(2)` of one line to a file opened with `O_APPEND`, so a crash of the
/// process can at most leave the last line cut short, and `read(_:)` skips such a line. A log reopened
/// after a crash first ends a cut line, so that the next event starts on a line of its own. Personal data
/// (e-mail addresses, phone numbers, card numbers, IBANs, passwords) is redacted from every field before
/// it is written, unless the log is told otherwise (`Redaction`).
public final class TranscriptLog: Sendable {
  /// What happened.
  public enum Event: Sendable {
    case turn(session: String, reply: Reply, customerText: String, at: Date)
    case escalation(EscalationRecord, at: Date)
    case feedback(session: String, helpful: Bool, rating: Int?, comment: String?, at: Date)
    /// A turn whose escalation record could not be written: the customer saw `shown` instead of the reply.
    case outboxFailure(session: String, reply: Reply, customerText: String?, shown: String, error: String, at: Date)
  }

  public let folder: URL
  /// The kinds of personal data replaced by placeholders.
  public let redacting: Set<PersonalData.Kind>
  private let state = Mutex(OpenFile())

  private struct OpenFile: ~Copyable {
    var day = ""
    var descriptor: Int32 = -1
    var failures = 0

    deinit { if descriptor >= 0 { close(descriptor) } }
  }

  /// Creates a log in a folder (created when the first event is written).
  public init(folder: URL, redacting: Set<PersonalData.Kind> = Set(PersonalData.Kind.allCases)) {
    self.folder = folder
    self.redacting = redacting
  }

  /// How many events could not be written (the folder is unwritable); logging never stops a conversation.
  public var failures: Int { state.withLock { $0.failures } }

  /// Appends an event.
  public func record(_ event: Event) {
    let (line, date) = encode(event)
    let day = Self.day(of: date)
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    state.withLock { file in
      if file.day != day || file.descriptor < 0 {
        if file.descriptor >= 0 { close(file.descriptor) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("transcript-\(day).jsonl").path
        file.descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        file.day = day
        if file.descriptor >= 0 { Self.endCutLine(file.descriptor) }
      }
      guard file.descriptor >= 0 else {
        file.failures += 1
        return
      }
      let written = bytes.withUnsafeBytes { systemWrite(file.descriptor, $0.baseAddress!, $0.count) }
      if written != bytes.count { file.failures += 1 }
    }
  }

  /// Ends a line that a crash cut short, so that it stays one unreadable line and the next event is intact.
  private static func endCutLine(_ descriptor: Int32) {
    let size = lseek(descriptor, 0, SEEK_END)
    guard size > 0 else { return }
    var last: UInt8 = 0
    guard pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A else { return }
    var newline: UInt8 = 0x0A
    _ = systemWrite(descriptor, &newline, 1)
  }

  /// One event as a line. Every text field is redacted, and none shows what redaction hid from the
  /// customer's message: the rule quotes the message's words (`'kovac' appears in no example`).
  private func encode(_ event: Event) -> (String, Date) {
    switch event {
    case .turn(let session, let reply, let customerText, let at):
      let redaction = Redaction(customer: customerText, kinds: redacting)
      let value = JSONValue.object([
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
      ])
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
        ("at", .string(ISO8601.string(from: at))), ("event", .string("escalation")), ("session", .string(record.session)),
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
  public static func read(_ file: URL) -> [JSONValue] {
    guard let data = try? Data(contentsOf: file) else { return [] }
    return [UInt8](data).split(separator: 0x0A).compactMap { try? JSONValue.parse(Array($0)) }
  }
}
