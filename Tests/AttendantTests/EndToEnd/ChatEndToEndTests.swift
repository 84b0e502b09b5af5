import Foundation
import Testing

/// `attendant chat` driven through pipes, as a script would.
@Suite(.serialized) struct ChatEndToEndTests {
  @Test func answersInEveryLanguageAndExitsCleanlyAtEndOfInput() throws {
    let outbox = Paths.temporaryFolder()
    let run = try BinaryRun.run(
      ["chat", "--content", Paths.repository.path, "--outbox", outbox.path, "--no-transcripts", "--no-feedback"],
      input: "where is my order\ngdje je moja narudžba\nsiparişim nerede\ndi mana pesanan saya\nđơn hàng của tôi đâu rồi\n")
    #expect(run.status == 0)
    #expect(!run.stdout.contains("\u{1B}["), "no ANSI codes when stdout is a pipe")
    let blocks = run.stdout.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    #expect(blocks.count == 6, "the welcome and one block per message: \(blocks)")
    #expect(blocks[1].contains("My orders"))
    #expect(blocks[2].contains("Moje narudžbe"))
    #expect(blocks[3].contains("Siparişlerim"))
    #expect(blocks[4].contains("Pesanan Saya"))
    #expect(blocks[5].contains("Đơn hàng của tôi"))
  }

  @Test func slashCommandsWork() throws {
    let run = try BinaryRun.run(
      ["chat", "--content", Paths.repository.path, "--no-transcripts", "--outbox", Paths.temporaryFolder().path],
      input: "/lang hr\n/why\n/lang xx\n/help\n/quit\nthis line is never read\n")
    #expect(run.status == 0)
    #expect(run.stdout.contains("hrvatskom"))
    #expect(run.stdout.contains("Nothing to explain yet"))
    #expect(run.stdout.contains("Usage: /lang"))
    #expect(!run.stdout.contains("never read"))
  }
}
