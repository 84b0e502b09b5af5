import Foundation

@testable import Attendant

/// `Fixtures/basics`: content that is not the demo (a garden centre: opening hours, location, parking,
/// in English and Croatian), with no small-talk intents, no `human-agent` intent and no phrases file.
enum GardenCentre {
  static let knowledgeBase: KnowledgeBase = {
    do {
      return try ContentLoader().load(from: Paths.fixture("basics"))
    } catch {
      fatalError("Fixtures/basics does not load:\n\(error)")
    }
  }()

  static let engine = Engine(knowledgeBase: knowledgeBase)

  /// The topics as the bot names them.
  static let topics: [Language: String] = [.en: "Finding us, Opening hours, Parking", .hr: "Kako do nas, Radno vrijeme, Parkiralište"]

  /// A content folder written to a temporary place: one intent, `parking`, in one language, with these
  /// examples, and the files given (`KnowledgeBase/<language>/phrases.txt`, more articles …).
  static func tiny(_ language: Language, examples: [String], files: [String: String] = [:]) throws -> Engine {
    let folder = Paths.temporaryFolder("attendant-basics")
    var all = [
      "Intents/\(language)/parking.txt": examples.joined(separator: "\n") + "\n",
      "KnowledgeBase/\(language)/parking.md": "---\ntitle: Parking\nintents: parking\n---\nParking is free.\n",
    ]
    all.merge(files) { _, given in given }
    for (path, text) in all {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return Engine(knowledgeBase: try ContentLoader().load(from: folder))
  }
}
