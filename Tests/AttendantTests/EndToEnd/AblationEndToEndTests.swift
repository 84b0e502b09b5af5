import Foundation
import Testing

/// `attendant eval ablation` through the built binary: one row per part switched off, each with its
/// change from the full pipeline, and the data sets not given left empty.
struct AblationEndToEndTests {
  @Test func printsARowForTheFullPipelineAndOneForEachPartSwitchedOff() throws {
    let run = try BinaryRun.run(["eval", "ablation", "--content", Paths.fixture("basics").path], input: "")
    #expect(run.status == 0, "\(run.stderr)")
    let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
    #expect(rows.first?.hasPrefix("| switched off | CLINC150 in-scope") == true)
    let parts = [
      "stemming", "bigrams", "exact-forms", "character-n-grams", "typo-correction", "role-lists", "abbreviations",
      "entities", "fitted-model",
    ]
    // The header, then the full pipeline, then a row per part (the `|---|` line starts otherwise).
    #expect(rows.count == 1 + 1 + parts.count, "\(run.stdout)")
    #expect(rows[1].hasPrefix("| nothing (the full pipeline) | — | — | — | "))
    for (row, part) in zip(rows.dropFirst(2), parts) {
      #expect(row.hasPrefix("| \(part) | — | — | — | "), "\(row)")
      #expect(row.contains(" (+") || row.contains(" (-"), "a change in points: \(row)")
    }
  }
}
