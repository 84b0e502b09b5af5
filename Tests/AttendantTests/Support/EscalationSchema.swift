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

  /// Checks every record in an outbox folder against the schema; returns how many there are.
  @discardableResult
  static func checkFolder(_ folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
    for name in names { _ = try read(folder.appendingPathComponent(name), sourceLocation: sourceLocation) }
    return names.count
  }
}
