import Foundation
import Testing

/// `attendant eval csv` through the built binary: a labelled CSV is imported, the engine is built and
/// calibrated as loading content does, and the report names the character weight it chose.
struct EvalCSVEndToEndTests {
  /// Four requests about flights, each written with every pair of a few cities, so that the template
  /// words decide and the city names are shared.
  static func rows(_ cities: [String]) -> [(String, String)] {
    var rows: [(String, String)] = []
    for from in cities {
      for to in cities where to != from {
        rows.append(("show me the flights from \(from) to \(to) tomorrow", "flight"))
        rows.append(("how much is a ticket from \(from) to \(to)", "airfare"))
        rows.append(("which airlines fly from \(from) to \(to)", "airline"))
        rows.append(("is there a taxi or a bus from the airport in \(from)", "ground-service"))
      }
    }
    return rows
  }

  static func write(_ rows: [(String, String)], to file: URL) throws {
    let text = "text,intent\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()
    try text.write(to: file, atomically: true, encoding: .utf8)
  }

  @Test func reportsTheAccuracyAndTheCharacterWeightChosen() throws {
    let folder = Paths.temporaryFolder("eval-csv")
    let train = folder.appendingPathComponent("train.csv"), test = folder.appendingPathComponent("test.csv")
    try Self.write(Self.rows(["boston", "denver", "dallas", "atlanta", "seattle", "miami"]), to: train)
    try Self.write(Self.rows(["boston", "chicago", "phoenix"]).filter { $0.0.contains("chicago") }, to: test)
    let run = try BinaryRun.run(
      ["eval", "csv", "--train", train.path, "--test", test.path, "--typo-seed", "0"], timeout: 120)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("in-scope accuracy"), "\(run.stdout)")
    let weightLine = run.stdout.split(separator: "\n").first { $0.contains("character weight") }
    #expect(weightLine?.contains("held-out examples first") == true, "\(run.stdout)")
    let json = try BinaryRun.run(
      ["eval", "csv", "--train", train.path, "--test", test.path, "--typo-seed", "0", "--json"], timeout: 120)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
    let weight = try #require(object["character_weight"] as? [String: Any])
    #expect(weight["given"] as? Double == 2)
    #expect(object["calibration_ms"] is Double)
  }
}
