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
  static let topics: [Language: String] = [
    .en: "Finding us, Opening hours, Parking", .hr: "Kako do nas, Radno vrijeme, Parkiralište",
  ]

  /// An engine for a content folder written to a temporary place: one intent, `parking`, in one
  /// language, with these examples, and the files given (`KnowledgeBase/<language>/phrases.txt` …).
  static func tiny(_ language: Language, examples: [String], files: [String: String] = [:]) throws -> Engine {
    let parking = [
      "Intents/\(language)/parking.txt": examples.joined(separator: "\n") + "\n",
      "KnowledgeBase/\(language)/parking.md": "---\ntitle: Parking\nintents: parking\n---\nParking is free.\n",
    ]
    let folder = try write(parking.merging(files) { _, given in given })
    return Engine(knowledgeBase: try ContentLoader().load(from: folder))
  }

  /// A content folder written to a temporary place, file by file (path relative to the folder: text).
  static func write(_ files: [String: String]) throws -> URL {
    let folder = Paths.temporaryFolder("attendant-basics")
    for (path, text) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
  }
}
