import Attendant
import Foundation
import Testing

// The example of docs/embedding.md, compiled and run here with the public API only (no @testable), so
// that the page cannot drift from the library: the test checks that the page shows this code as it is.

// docs/embedding.md: begin
/// The bot inside a host's own server: one desk for the process, one session per visitor.
struct HelpDesk {
  let desk: Desk

  /// Loads and checks the content once, at startup.
  init(content: URL, outbox: URL) throws {
    let loaded = ContentValidation.load(content)
    guard let engine = loaded.engine else { throw ContentError(findings: loaded.findings) }
    desk = Desk(store: EngineStore(engine: engine, folder: content), outbox: FileOutbox(folder: outbox))
  }

  /// One turn: the visitor's session as the host stored it (nil for a new visitor) in; the text to
  /// show and the session to store for the next turn out.
  func answer(_ text: String, visitor: String, stored: Data?) throws -> (text: String, stored: Data) {
    var session = try stored.map { try JSONDecoder().decode(ChatSession.self, from: $0) } ?? ChatSession(id: visitor)
    let outcome = desk.respond(to: CustomerMessage(text), in: &session)
    var shown = outcome.failureText ?? outcome.reply.text
    if outcome.failure == nil && outcome.reply.asksForFeedback {
      session.awaitFeedback()
      shown += "\n\n" + desk.store.engine.phrases(for: outcome.reply.language)[.feedbackQuestion]
    }
    return (shown, try JSONEncoder().encode(session))
  }
}
// docs/embedding.md: end

struct EmbeddingExampleTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func thePageShowsThisCode() throws {
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let start = try #require(source.range(of: "// docs/embedding.md: begin\n"))
    let end = try #require(source.range(of: "// docs/embedding.md: end\n"))
    let example = "import Attendant\nimport Foundation\n\n" + source[start.upperBound..<end.lowerBound]
    let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/embedding.md"), encoding: .utf8)
    #expect(
      page.contains("```swift\n" + example + "```\n"), "docs/embedding.md must show the example of this file as it is")
  }

  @Test func theExampleAnswersAConversationAcrossStoredSessions() throws {
    let bot = try HelpDesk(
      content: Self.repository,
      outbox: FileManager.default.temporaryDirectory.appendingPathComponent("embedding-\(UUID())"))
    let question = bot.desk.store.engine.phrases(for: .en)[.feedbackQuestion]
    let first = try bot.answer("where is my parcel?", visitor: "v1", stored: nil)
    #expect(first.text.contains("My account"))
    #expect(first.text.hasSuffix(question), "a confident answer asks whether it helped")
    let second = try bot.answer("no", visitor: "v1", stored: first.stored)
    #expect(!second.text.hasSuffix(question))
    #expect(second.text.contains("person"), "the stored session remembered the question: 'no' is feedback")
    let fresh = try bot.answer("no", visitor: "v2", stored: nil)
    #expect(fresh.text != second.text)
  }
}
