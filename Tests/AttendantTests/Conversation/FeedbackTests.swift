import Foundation
import Testing

@testable import Attendant

/// Feedback through the bridge: `{"type": "feedback", "session", "helpful", "rating", "comment"}`.
struct FeedbackTests {
  static func bridge(outbox: URL = Paths.temporaryFolder()) -> Bridge {
    Bridge(
      store: EngineStore(engine: Demo.engine), outbox: FileOutbox(folder: outbox), clock: { Demo.wednesdayMorning })
  }

  static func send(_ bridge: Bridge, _ line: String) throws -> JSONValue {
    try JSONValue.parse(Array(bridge.handle(Array(line.utf8)).utf8))
  }

  @Test func notHelpfulOffersAPersonAndYesEscalates() throws {
    let outbox = Paths.temporaryFolder()
    let bridge = Self.bridge(outbox: outbox)
    _ = try Self.send(bridge, #"{"id": 1, "session": "s1", "text": "where is my order"}"#)
    let sorry = try Self.send(
      bridge,
      #"{"id": 2, "type": "feedback", "session": "s1", "helpful": false, "rating": 2, "comment": "no tracking link"}"#)
    #expect(sorry["id"] == .number("2"))
    #expect(sorry["type"] == .string("clarify"))
    #expect(sorry["reason"] == .string("feedback"))
    #expect(sorry["intent"] == .string("order-status"))
    #expect(sorry["text"] == .string(Demo.engine.phrases(for: .en)[.feedbackSorry]))
    let escalated = try Self.send(bridge, #"{"id": 3, "session": "s1", "text": "yes"}"#)
    #expect(escalated["type"] == .string("escalate"))
    #expect(escalated["reason"] == .string("negative-feedback"))
    guard case .string(let id)? = escalated["escalation"]?["id"] else {
      Issue.record("no escalation in \(escalated.serialized)")
      return
    }
    let record = try EscalationSchema.current(id, in: outbox)
    #expect(record.transcript[2].text == "[feedback: not helpful, rating 2] no tracking link")
  }

  @Test func helpfulIsThanked() throws {
    let bridge = Self.bridge()
    _ = try Self.send(bridge, #"{"session": "s1", "text": "gdje je moja narudžba"}"#)
    let thanks = try Self.send(bridge, #"{"type": "feedback", "session": "s1", "helpful": true}"#)
    #expect(thanks["type"] == .string("answer"))
    #expect(thanks["language"] == .string("hr"))
    #expect(thanks["text"] == .string(Demo.engine.phrases(for: .hr)[.feedbackThanks]))
  }

  @Test(arguments: [
    (#"{"type": "feedback", "session": "s1"}"#, "missing_field"),
    (#"{"type": "feedback", "session": "s1", "helpful": "yes"}"#, "wrong_type"),
    (#"{"type": "feedback", "session": "s1", "helpful": true, "rating": 6}"#, "invalid_value"),
    (#"{"type": "feedback", "session": "s1", "helpful": true, "rating": 4.5}"#, "invalid_value"),
    (#"{"type": "feedback", "session": "s1", "helpful": true, "comment": 3}"#, "wrong_type"),
    (#"{"type": "feedback", "helpful": true}"#, "missing_field"),
  ])
  func malformedFeedbackGetsAnErrorLine(line: String, code: String) throws {
    let reply = try Self.send(Self.bridge(), line)
    #expect(reply["type"] == .string("error"))
    #expect(reply["error"]?["code"] == .string(code))
  }

  @Test func anUnwritableOutboxGetsAnErrorLineWithAPoliteTextAndTheBridgeGoesOn() throws {
    let outbox = Paths.temporaryFolder().appendingPathComponent("outbox")
    #expect(
      FileManager.default.createFile(atPath: outbox.path, contents: Data()),
      "the file that blocks the folder could not be made")
    let bridge = Self.bridge(outbox: outbox)
    let failed = try Self.send(
      bridge, #"{"id": "a", "session": "s1", "text": "müşteri temsilcisiyle konuşmak istiyorum"}"#)
    #expect(failed["type"] == .string("error"))
    #expect(failed["session"] == .string("s1"))
    #expect(failed["language"] == .string("tr"))
    #expect(failed["text"] == .string(Demo.engine.phrases(for: .tr)[.outboxFailure]))
    #expect(failed["error"]?["code"] == .string("outbox_unwritable"))
    let next = try Self.send(bridge, #"{"id": "b", "session": "s1", "text": "siparişim nerede"}"#)
    #expect(next["type"] == .string("answer"))
    #expect(next["intent"] == .string("order-status"))
  }
}
