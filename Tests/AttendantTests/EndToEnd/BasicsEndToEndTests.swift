import Foundation
import Testing

/// `attendant chat` on content that is not the demo: the welcome names its topics, a request for a
/// person hands over, and `/why` names the built-in rule.
@Suite(.serialized) struct BasicsEndToEndTests {
  @Test func theChatOnNewContentNamesItsTopicsAndHandsOverOnRequest() throws {
    let run = try BinaryRun.run(
      [
        "chat", "--content", Paths.fixture("basics").path, "--outbox", Paths.temporaryFolder().path, "--no-transcripts",
        "--no-feedback",
      ],
      input: "hello\n/why\nI want to talk to a human\n/why\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("these topics: Finding us, Opening hours, Parking."))
    #expect(!run.stdout.contains("orders, delivery"))
    #expect(run.stdout.contains("Hello! How can I help you?"))
    #expect(run.stdout.contains("built-in-greeting"))
    #expect(run.stdout.contains("Of course, I'm passing this conversation to a colleague."))
    #expect(run.stdout.contains("built-in-hand-off"))
  }

  /// Replies over the bridge list the entities found: an order number as one, not as a number.
  @Test func serveListsAnOrderNumberAmongTheEntities() throws {
    let run = try BinaryRun.run(
      ["serve", "--content", Paths.repository.path, "--no-transcripts", "--outbox", Paths.temporaryFolder().path],
      input: #"{"session": "s", "text": "where is my order ORB-48120573?"}"# + "\n")
    #expect(run.status == 0, "\(run.stderr)")
    let reply = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let entities = reply?["entities"] as? [[String: String]]
    #expect(entities == [["type": "order-number", "text": "orb-48120573", "value": "ORB-48120573"]])
    #expect(reply?["intent"] as? String == "order-status")
  }
}
