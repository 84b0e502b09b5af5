import Foundation
import Testing

@testable import Attendant

/// `KnowledgeBase/<language>/phrases.txt` across languages: the loader says when one language has the
/// content's own sentences and another only the built-in ones, and says nothing otherwise.
struct PhrasesFileTests {
  static func findings(_ files: [String: String]) throws -> [Finding] {
    let bilingual = [
      "Intents/en/parking.txt": "is there parking\nwhere can i park\n",
      "KnowledgeBase/en/parking.md": "---\ntitle: Parking\nintents: parking\n---\nParking is free.\n",
      "Intents/hr/parking.txt": "imate li parking\ngdje mogu parkirati\n",
      "KnowledgeBase/hr/parking.md": "---\ntitle: Parkiranje\nintents: parking\n---\nParking je besplatan.\n",
    ]
    let folder = try GardenCentre.write(bilingual.merging(files) { _, given in given })
    return ContentLoader().read(from: folder).findings.filter { $0.kind == .phrasesMissingInLanguage }
  }

  @Test func aLanguageWithoutThePhrasesFileOthersHaveIsReported() throws {
    let findings = try Self.findings(["KnowledgeBase/en/phrases.txt": "welcome = Welcome to the garden centre!\n"])
    #expect(findings.count == 1)
    #expect(findings.first?.location.file == "KnowledgeBase/hr/phrases.txt")
    #expect(findings.first?.severity == .warning)
    #expect(findings.first?.fix?.contains("KnowledgeBase/en/phrases.txt") == true)
  }

  @Test func contentWithNoPhrasesFileOrOneInEveryLanguageSaysNothing() throws {
    #expect(try Self.findings([:]).isEmpty)
    #expect(
      try Self.findings([
        "KnowledgeBase/en/phrases.txt": "welcome = Hello!\n", "KnowledgeBase/hr/phrases.txt": "welcome = Bok!\n",
      ]).isEmpty)
    #expect(Demo.knowledgeBase.warnings.allSatisfy { $0.kind != .phrasesMissingInLanguage })
  }
}
