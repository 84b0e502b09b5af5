import Attendant
import Foundation

/// One scenario of `attendant bench`: a content folder to measure, and the targets it must meet.
struct BenchScenario {
  /// Where a scenario's content comes from.
  enum Kind: String, Codable, CaseIterable {
    /// The bundled demo, or the folder of `--content`.
    case demo
    /// CLINC150's training set, imported from `--clinc150`.
    case clinc150
    /// Generated content of a size given by `--synthetic`.
    case synthetic
  }

  var name: String
  var kind: Kind
  var folder: URL
  /// Importing or generating the content and writing the folder, when it was done.
  var prepareSeconds: Double?
  var targets: BenchCommand.Targets?

  /// Parses the scenario options, then imports or generates the content of each scenario into `scratch`.
  ///
  /// - Parameter keeping: Whether `scratch` is kept (`--keep`): generated folders found there are used again.
  /// - Throws: `UsageError` for an unknown scenario, language or size; the importer's errors.
  static func prepare(_ arguments: Arguments, quick: Bool, seed: UInt64, in scratch: URL, keeping: Bool) throws
    -> [BenchScenario]
  {
    let kinds = try kinds(arguments["only"])
    let specifications = try specifications(arguments, quick: quick, seed: seed)
    var scenarios: [BenchScenario] = []
    if kinds.contains(.demo) {
      let folder = try ContentLocation.resolve(arguments["content"])
      let isDemo = arguments["content"] == nil
      scenarios.append(
        BenchScenario(
          name: isDemo ? "demo" : folder.lastPathComponent, kind: .demo, folder: folder, targets: isDemo ? .demo : nil))
    }
    if kinds.contains(.clinc150), let path = arguments["clinc150"] {
      let start = Date()
      let folder = scratch.appendingPathComponent("clinc150")
      try? FileManager.default.removeItem(at: folder)
      try Importer.clinc150(try EvalCommand.readData(path), file: path).write(to: folder)
      scenarios.append(
        BenchScenario(
          name: "clinc150", kind: .clinc150, folder: folder, prepareSeconds: Date().timeIntervalSince(start),
          targets: .clinc150))
    }
    if kinds.contains(.synthetic) {
      for specification in specifications {
        scenarios.append(try synthetic(specification, in: scratch, keeping: keeping))
      }
    }
    return scenarios
  }

  /// The kinds `--only` names (all by default).
  private static func kinds(_ option: String?) throws(UsageError) -> Set<Kind> {
    guard let option else { return Set(Kind.allCases) }
    var kinds: Set<Kind> = []
    for name in option.split(separator: ",") {
      guard let kind = Kind(rawValue: String(name)) else {
        throw UsageError("Unknown scenario '\(name)' in '--only'. Use demo, clinc150 or synthetic.")
      }
      kinds.insert(kind)
    }
    return kinds
  }

  /// The synthetic sizes of `--synthetic` (`none` for none), in the language of `--language`.
  private static func specifications(_ arguments: Arguments, quick: Bool, seed: UInt64) throws(UsageError)
    -> [SyntheticContent.Specification]
  {
    let languageCode = arguments["language"] ?? "en"
    guard let language = Language(rawValue: languageCode), SyntheticContent.languages.contains(language) else {
      throw UsageError(
        "Unknown language '\(languageCode)' for synthetic content. Use one of \(SyntheticContent.languages.map(\.rawValue).joined(separator: ", "))."
      )
    }
    let sizes = arguments["synthetic"] ?? (quick ? "100x10" : "1000x10")
    guard sizes != "none" else { return [] }
    return try sizes.split(separator: ",").map { text throws(UsageError) in
      guard let specification = SyntheticContent.Specification(String(text), language: language, seed: seed) else {
        throw UsageError("'--synthetic' takes sizes such as '1000x10' (intents x examples), not '\(text)'.")
      }
      return specification
    }
  }

  /// Generates synthetic content into `scratch`, or finds it there from an earlier run that kept it.
  private static func synthetic(_ specification: SyntheticContent.Specification, in scratch: URL, keeping: Bool)
    throws -> BenchScenario
  {
    let start = Date()
    let folder = scratch.appendingPathComponent(specification.description)
    // A folder kept by an earlier run with the same seed is used again: writing a million
    // examples takes minutes. The marker beside it is written only once the folder is complete.
    let marker = scratch.appendingPathComponent("\(specification.description).seed-\(specification.seed)")
    let reused = keeping && FileManager.default.fileExists(atPath: marker.path)
    if !reused {
      try? FileManager.default.removeItem(at: folder)
      try SyntheticContent.generate(specification).write(to: folder)
      if keeping { try Data().write(to: marker) }
    }
    let examples = specification.intents * specification.examplesPerIntent
    return BenchScenario(
      name: specification.description, kind: .synthetic, folder: folder,
      prepareSeconds: reused ? nil : Date().timeIntervalSince(start),
      targets: examples >= 1_000_000 ? .million : nil)
  }
}
