import Foundation

extension EscalationRecord {
  /// One later revision of a record: what a turn after the hand-off changed, written as one line of
  /// `<id>.updates.jsonl` next to the record's file, which is never rewritten.
  ///
  /// The fields that can only grow (contact details, frustration signals, the transcript) carry what
  /// this revision added; the others carry their new value.
  public struct Update: Sendable, Hashable, Codable {
    /// The record's id.
    public let id: String
    /// The revision this update makes: one more than the revision it follows.
    public let revision: Int
    public let updatedAt: Date
    /// The conversation's language after this turn.
    public let language: Language
    /// The record's priority after this turn.
    public let priority: EscalationPriority
    /// Contact details first given in this revision.
    public let newContact: [String]
    /// Frustration signals first seen in this revision.
    public let newFrustrationSignals: [String]
    /// The turns this revision adds to the transcript, oldest first.
    public let newTurns: [TranscriptTurn]

    public init(
      id: String, revision: Int, updatedAt: Date, language: Language, priority: EscalationPriority,
      newContact: [String],
      newFrustrationSignals: [String], newTurns: [TranscriptTurn]
    ) {
      self.id = id
      self.revision = revision
      self.updatedAt = updatedAt
      self.language = language
      self.priority = priority
      self.newContact = newContact
      self.newFrustrationSignals = newFrustrationSignals
      self.newTurns = newTurns
    }

    /// What changed from `previous` to `current`, two revisions of one record, with the turns added
    /// in between (the record in a session may keep only the latest turns, so the caller says which).
    init(from previous: EscalationRecord, to current: EscalationRecord, newTurns: [TranscriptTurn]) {
      let contact = Set(previous.customer.contact)
      let signals = Set(previous.frustrationSignals)
      self.init(
        id: current.id, revision: current.revision, updatedAt: current.updatedAt, language: current.language,
        priority: current.priority, newContact: current.customer.contact.filter { !contact.contains($0) },
        newFrustrationSignals: current.frustrationSignals.filter { !signals.contains($0) }, newTurns: newTurns)
    }

    /// The line's JSON, keys sorted, as `JSONEncoder` with `makeEncoder()` would write it.
    var json: JSONValue {
      .object([
        ("id", .string(id)), ("language", .string(language.rawValue)),
        ("newContact", .array(newContact.map { .string($0) })),
        ("newFrustrationSignals", .array(newFrustrationSignals.map { .string($0) })),
        ("newTurns", .array(newTurns.map(\.json))), ("priority", .string(priority.description)),
        ("revision", .number(revision)), ("updatedAt", EscalationRecord.date(updatedAt)),
      ])
    }
  }

  /// The record with its later revisions applied: the current record, from the file written at the
  /// hand-off and the lines of its updates file.
  ///
  /// Updates are applied in revision order, from the record's revision on, each one after the other,
  /// and stop at a gap. When several updates have the same revision (a write that failed and was
  /// retried), the last one counts. Updates of other records are ignored.
  ///
  /// - Parameter updates: The updates in the order they were written.
  /// - Complexity: O(n) in the number of updates, plus the size of what they add.
  public func merging(_ updates: some Sequence<Update>) -> EscalationRecord {
    var latest: [Int: Update] = [:]
    for update in updates where update.id == id && update.revision > revision { latest[update.revision] = update }
    var record = self
    var contact = Set(record.customer.contact)
    var signals = Set(record.frustrationSignals)
    while let update = latest[record.revision + 1] {
      record.revision = update.revision
      record.updatedAt = update.updatedAt
      record.language = update.language
      record.priority = update.priority
      for item in update.newContact where contact.insert(item).inserted { record.customer.contact.append(item) }
      for item in update.newFrustrationSignals where signals.insert(item).inserted {
        record.frustrationSignals.append(item)
      }
      record.transcript.append(contentsOf: update.newTurns)
    }
    return record
  }
}
