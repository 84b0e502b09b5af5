import Attendant
import Foundation

/// `attendant eval ablation`: each part of the matching pipeline switched off in turn, and what that
/// does to CLINC150 (threshold on its validation split), HWU64's validation set and the demo's 5-fold
/// cross-validation (docs/matching.md, "Ablation").
enum AblationCommand {
  /// One configuration's figures: `nil` where the data set was not given.
  struct Row: Codable {
    var switchedOff: String
    var clinc150InScope: Double?
    var clinc150OOSRecall: Double?
    var hwu64: Double?
    var demo: Double?

    enum CodingKeys: String, CodingKey {
      case demo, hwu64
      case switchedOff = "switched_off"
      case clinc150InScope = "clinc150_in_scope"
      case clinc150OOSRecall = "clinc150_oos_recall"
    }
  }

  static func run(_ arguments: Arguments) throws -> Int32 {
    let clinc = try arguments["clinc150"].map(EvalCommand.Dataset.clinc150)
    let hwu = try arguments["hwu64"].map { folder in
      try EvalCommand.Dataset.csv(
        train: folder + "/train.csv", test: folder + "/val.csv", val: nil, language: .en, tabs: false)
    }
    let knowledgeBase = try CLI.loadStore(arguments["content"]).engine.knowledgeBase
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "attendant-ablation-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let clincFolder = scratch.appendingPathComponent("clinc150")
    let hwuFolder = scratch.appendingPathComponent("hwu64")
    try clinc?.content.write(to: clincFolder)
    try hwu?.content.write(to: hwuFolder)

    var rows: [Row] = []
    for part in [nil] + PipelinePart.allCases.map(Optional.some) {
      let off: Set<PipelinePart> = part.map { [$0] } ?? []
      Terminal.error("eval ablation: \(part?.rawValue ?? "the full pipeline")…")
      var row = Row(switchedOff: part?.rawValue ?? "nothing (the full pipeline)")
      if let clinc {
        let report = try evaluate(clinc, in: clincFolder, parameters: .clinc150, off: off)
        row.clinc150InScope = report.inScopeAccuracy
        row.clinc150OOSRecall = report.oosRecall
      }
      if let hwu {
        row.hwu64 = try evaluate(hwu, in: hwuFolder, parameters: .default, off: off).topOneAccuracy
      }
      var parameters = ScoringParameters.default
      parameters.switchedOff = off
      let predictions = ContentEvaluation.crossValidate(knowledgeBase, parameters: parameters)
      let right = predictions.filter { $0.match.candidates.first?.intent == $0.expected }.count
      row.demo = Double(right) / Double(max(predictions.count, 1))
      rows.append(row)
    }
    if arguments.has("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(rows), as: UTF8.self))
    } else {
      Terminal.print(table(rows))
    }
    return ExitCode.success
  }

  private static func evaluate(
    _ dataset: EvalCommand.Dataset, in folder: URL, parameters base: ScoringParameters, off: Set<PipelinePart>
  ) throws -> Evaluator.Report {
    var parameters = base
    parameters.switchedOff = off
    // Calibrated as `eval` and loading calibrate: the character weight and the fitted model are the
    // content's own choice.
    let loaded = try Engine(contentsOf: folder, parameters: parameters)
    let engine = loaded.calibrated(PolicyCalibration.calibrate(loaded))
    return Evaluator.evaluate(
      engine: engine, language: dataset.content.language, dataset: dataset.name, validation: dataset.validation,
      test: dataset.test, typoSeed: nil, loadMilliseconds: 0)
  }

  /// The rows as a Markdown table, each figure with its change from the full pipeline in points.
  static func table(_ rows: [Row]) -> String {
    guard let full = rows.first else { return "" }
    func cell(_ value: Double?, _ reference: Double?) -> String {
      guard let value else { return "—" }
      let figure = String(format: "%.1f", value * 100)
      guard let reference else { return figure }
      return figure + String(format: " (%+.1f)", (value - reference) * 100)
    }
    var lines = [
      "| switched off | CLINC150 in-scope | CLINC150 OOS recall | HWU64 val | demo 5-fold |",
      "|---|---:|---:|---:|---:|",
    ]
    for (position, row) in rows.enumerated() {
      let isFull = position == 0
      lines.append(
        "| \(row.switchedOff) | \(isFull ? cell(row.clinc150InScope, nil) : cell(row.clinc150InScope, full.clinc150InScope)) | \(isFull ? cell(row.clinc150OOSRecall, nil) : cell(row.clinc150OOSRecall, full.clinc150OOSRecall)) | \(isFull ? cell(row.hwu64, nil) : cell(row.hwu64, full.hwu64)) | \(isFull ? cell(row.demo, nil) : cell(row.demo, full.demo)) |"
      )
    }
    return lines.joined(separator: "\n")
  }
}
