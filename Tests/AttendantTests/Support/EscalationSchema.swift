import Foundation
import Testing

@testable import Attendant

/// `docs/escalation.schema.json`, and checks that every escalation record a test produces follows it.
enum EscalationSchema {
  static let url = Paths.repository.appendingPathComponent("docs/escalation.schema.json")

  static let validator: JSONSchemaValidator = {
    do {
      return try JSONSchemaValidator(contentsOf: url)
    } catch {
      fatalError("docs/escalation.schema.json does not parse: \(error)")
    }
  }()

  /// The problems of a record, as written to the outbox; empty when it is valid.
  static func problems(_ record: EscalationRecord) -> [String] {
    guard let data = try? EscalationRecord.makeEncoder().encode(record) else { return ["the record does not encode"] }
    return validator.validate(json: String(decoding: data, as: UTF8.self))
  }

  /// Records an issue for each way the record breaks the schema.
  static func check(_ record: EscalationRecord, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let problems = problems(record)
    #expect(
      problems.isEmpty, "\(record.id) breaks docs/escalation.schema.json: \(problems)", sourceLocation: sourceLocation)
  }

  /// Reads an outbox file, checks it against the schema, and decodes it.
  static func read(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> EscalationRecord {
    let data = try Data(contentsOf: file)
    let problems = validator.validate(json: String(decoding: data, as: UTF8.self))
    #expect(
      problems.isEmpty, "\(file.lastPathComponent) breaks docs/escalation.schema.json: \(problems)",
      sourceLocation: sourceLocation)
    return try EscalationRecord.makeDecoder().decode(EscalationRecord.self, from: data)
  }

  static let updateValidator: JSONSchemaValidator = {
    do {
      return try JSONSchemaValidator(
        contentsOf: Paths.repository.appendingPathComponent("docs/escalation-update.schema.json"))
    } catch {
      fatalError("docs/escalation-update.schema.json does not parse: \(error)")
    }
  }()

  /// Checks each whole line of an updates file against `docs/escalation-update.schema.json`.
  static func checkUpdates(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    // A last line without its line break was cut short by a crash; readers skip it.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    for (number, line) in lines.enumerated() {
      let problems = updateValidator.validate(json: String(line))
      #expect(
        problems.isEmpty,
        "\(file.lastPathComponent):\(number + 1) breaks docs/escalation-update.schema.json: \(problems)",
        sourceLocation: sourceLocation)
    }
  }

  /// The current record in an outbox folder (its file with its updates applied), after checking the
  /// file and every update line against their schemas.
  static func current(_ id: String, in folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> EscalationRecord
  {
    let outbox = FileOutbox(folder: folder)
    _ = try read(outbox.url(for: id), sourceLocation: sourceLocation)
    if FileManager.default.fileExists(atPath: outbox.updatesURL(for: id).path) {
      try checkUpdates(outbox.updatesURL(for: id), sourceLocation: sourceLocation)
    }
    return try outbox.readRecord(id: id)
  }

  /// Checks every record and updates file in an outbox folder against the schemas; returns how many
  /// records there are.
  @discardableResult
  static func checkFolder(_ folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
    for name in names where name.hasSuffix(".updates.jsonl") {
      try checkUpdates(folder.appendingPathComponent(name), sourceLocation: sourceLocation)
    }
    let records = names.filter { $0.hasSuffix(".json") }
    for name in records { _ = try read(folder.appendingPathComponent(name), sourceLocation: sourceLocation) }
    return records.count
  }
}
