import Foundation
import Testing

@testable import Attendant

/// The content version: the same content gives the same version, and any change a reply can show gives
/// another.
struct ContentVersionTests {
  @Test func theSameContentLoadedTwiceHasTheSameVersion() throws {
    let again = try ContentLoader().load(from: Paths.repository)
    #expect(again.contentVersion() == Demo.knowledgeBase.contentVersion())
    #expect(Demo.engine.contentVersion == Demo.knowledgeBase.contentVersion())
    #expect(Demo.engine.contentVersion.utf8.count == 16)
    #expect(Demo.engine.contentVersion.allSatisfy { $0.isHexDigit })
  }

  /// A copy of the basics fixture with one file changed.
  static func changedCopy(_ change: (URL) throws -> Void) throws -> KnowledgeBase {
    let folder = Paths.temporaryFolder()
    try FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(at: Paths.fixture("basics"), to: folder)
    try change(folder)
    return try ContentLoader().load(from: folder)
  }

  @Test func anArticleEditedAnExampleAddedOrAPhraseChangedIsAnotherVersion() throws {
    let original = try ContentLoader().load(from: Paths.fixture("basics")).contentVersion()
    #expect(try Self.changedCopy { _ in }.contentVersion() == original, "a copy elsewhere has the same version")
    let article = try #require(
      FileManager.default.enumerator(atPath: Paths.fixture("basics").appendingPathComponent("KnowledgeBase").path)?
        .compactMap { $0 as? String }.first { $0.hasSuffix(".md") })
    let edited = try Self.changedCopy { folder in
      let file = folder.appendingPathComponent("KnowledgeBase").appendingPathComponent(article)
      try (String(contentsOf: file, encoding: .utf8) + "\nOne more sentence.\n").write(
        to: file, atomically: true, encoding: .utf8)
    }
    #expect(edited.contentVersion() != original)
    let intentFile = try #require(
      FileManager.default.enumerator(atPath: Paths.fixture("basics").appendingPathComponent("Intents").path)?
        .compactMap { $0 as? String }.first {
          $0.hasSuffix(".txt") && !$0.contains("out-of-scope") && !$0.contains("/tests/")
        })
    let added = try Self.changedCopy { folder in
      let file = folder.appendingPathComponent("Intents").appendingPathComponent(intentFile)
      try (String(contentsOf: file, encoding: .utf8) + "\nsomething else entirely asked here\n").write(
        to: file, atomically: true, encoding: .utf8)
    }
    #expect(added.contentVersion() != original)
  }
}
