import Foundation
import Synchronization
import Testing

@testable import Attendant

/// Hot reload: content is validated before it is swapped in, sessions survive it, and no request is
/// lost or answered twice while it happens.
@Suite(.serialized) struct ReloadTests {
  static let reloadLine = Array(#"{"id": "reload", "type": "reload"}"#.utf8)

  /// A bridge over a fresh copy of `Fixtures/suites`, with a fixed clock.
  static func bridge() throws -> (Bridge, URL) {
    let folder = try Paths.copyOfFixture("suites")
    let store = EngineStore(engine: try Engine(contentsOf: folder), folder: folder)
    let bridge = Bridge(
      store: store, outbox: FileOutbox(folder: folder.deletingLastPathComponent().appendingPathComponent("outbox")),
      clock: { SuiteRunner.fixedTime })
    return (bridge, folder)
  }

  static func request(_ id: Int, session: String, text: String) -> [UInt8] {
    Array(#"{"id": \#(id), "session": "\#(session)", "text": "\#(text)"}"#.utf8)
  }

  static func object(_ line: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  /// Changes to the content, each applied to the folder before a reload.
  enum Change: CaseIterable {
    /// A new intent with its article: valid.
    case addGiftWrap
    /// The new intent again removed: valid.
    case removeGiftWrap
    /// An article with an empty body: the loader's error.
    case emptyBody
    /// A follow-up that names no intent: the loader's error, reported on its own line.
    case brokenFollowUp
    /// Everything as in the fixture: valid.
    case restore

    var isValid: Bool { self == .addGiftWrap || self == .removeGiftWrap || self == .restore }

    func apply(to folder: URL) throws {
      let giftWrap = ["Intents/en/gift-wrap.txt", "KnowledgeBase/en/gift-wrap.md"].map(folder.appendingPathComponent)
      let thanks = folder.appendingPathComponent("KnowledgeBase/en/thanks.md")
      switch self {
      case .addGiftWrap:
        try
          "# gift-wrap\ngift wrapping please\ncan you wrap it as a present\ndo you offer gift wrap\nwrap my order as a gift\n"
          .write(to: giftWrap[0], atomically: true, encoding: .utf8)
        try "---\ntitle: Gift wrapping\nintents: gift-wrap\n---\nWe wrap gifts for 2.99 €.\n"
          .write(to: giftWrap[1], atomically: true, encoding: .utf8)
      case .removeGiftWrap:
        for url in giftWrap { try FileManager.default.removeItem(at: url) }
      case .emptyBody:
        try "---\ntitle: Thanks\nintents: thanks\n---\n".write(to: thanks, atomically: true, encoding: .utf8)
      case .brokenFollowUp:
        try "---\ntitle: Thanks\nintents: thanks\nfollow-up: no-such-intent\nsmall-talk: yes\n---\nYou're welcome!\n"
          .write(to: thanks, atomically: true, encoding: .utf8)
      case .restore:
        for name in ["KnowledgeBase/en/thanks.md", "Intents/en/cancel-order.txt"] {
          let url = folder.appendingPathComponent(name)
          try FileManager.default.removeItem(at: url)
          try FileManager.default.copyItem(at: Paths.fixture("suites/\(name)"), to: url)
        }
      }
    }
  }

  @Test func aValidChangeIsServedAfterTheReload() throws {
    let (bridge, folder) = try Self.bridge()
    let before = try Self.object(bridge.handle(Self.request(1, session: "a", text: "gift wrapping please")))
    #expect(before["intent"] as? String != "gift-wrap")
    try Change.addGiftWrap.apply(to: folder)
    let reply = try Self.object(bridge.handle(Self.reloadLine))
    #expect(reply["type"] as? String == "reload")
    #expect(reply["reloaded"] as? Bool == true)
    #expect(reply["examples"] as? Int == SuiteFixture.engine.knowledgeBase.exampleCount + 4)
    let after = try Self.object(bridge.handle(Self.request(2, session: "b", text: "gift wrapping please")))
    #expect(after["intent"] as? String == "gift-wrap")
  }

  @Test(arguments: [
    (Change.emptyBody, "KnowledgeBase/en/thanks.md", 4, "empty-article-body"),
    (Change.brokenFollowUp, "KnowledgeBase/en/thanks.md", 4, "broken-follow-up"),
  ])
  func contentWithErrorsIsNotServedAndTheReplyHasTheFindings(change: Change, file: String, line: Int, kind: String)
    throws
  {
    let (bridge, folder) = try Self.bridge()
    try change.apply(to: folder)
    let reply = try Self.object(bridge.handle(Self.reloadLine))
    #expect(reply["reloaded"] as? Bool == false)
    #expect((reply["error"] as? [String: Any])?["code"] as? String == "reload_failed")
    let findings = try #require(reply["findings"] as? [[String: Any]])
    let errors = findings.filter { $0["severity"] as? String == "error" }
    #expect(errors.count == 1)
    #expect(errors.first?["file"] as? String == file)
    #expect(errors.first?["line"] as? Int == line)
    #expect(errors.first?["kind"] as? String == kind)
    let served = try Self.object(bridge.handle(Self.request(1, session: "a", text: "thanks")))
    #expect(served["intent"] as? String == "thanks", "the previous content stays in service")
    #expect(served["text"] as? String == "You're welcome!")
  }

  @Test func aConversationCarriesOnAcrossAReload() throws {
    let (bridge, folder) = try Self.bridge()
    let question = try Self.object(bridge.handle(Self.request(1, session: "s", text: "payment")))
    #expect(question["type"] as? String == "clarify")
    let options = try #require(question["options"] as? [[String: Any]]).compactMap { $0["intent"] as? String }
    try Change.addGiftWrap.apply(to: folder)
    #expect(try Self.object(bridge.handle(Self.reloadLine))["reloaded"] as? Bool == true)
    let pick = try Self.object(bridge.handle(Self.request(2, session: "s", text: "2")))
    #expect(pick["type"] as? String == "answer")
    #expect(pick["intent"] as? String == options.last)
  }

  @Test func aReloadUnderAConcurrentStreamLosesNoRequest() throws {
    let (bridge, folder) = try Self.bridge()
    let texts = [
      "where is my order", "payment", "2", "thanks", "real person please", "xqzv plorf", "gift wrapping please",
      "hello",
    ]
    let reloadsDone = Atomic<Bool>(false)
    let sent = Mutex<[Int]>([])
    let replies = Mutex<[String]>([])
    let streams = 2
    let finished = DispatchGroup()
    for stream in 0..<streams {
      finished.enter()
      Thread {
        // Stream until every reload is done: the reloads happen while requests are in flight.
        var index = 0
        while index < 200_000 && (index < 50 || !reloadsDone.load(ordering: .acquiring)) {
          let id = stream * 1_000_000 + index
          // Short conversations of four messages each, as customers have them.
          let line = bridge.handle(
            Self.request(id, session: "s\(stream)-\(index / 4)", text: texts[index % texts.count]))
          sent.withLock { $0.append(id) }
          replies.withLock { $0.append(line) }
          index += 1
        }
        finished.leave()
      }.start()
    }
    let changes: [Change] = [
      .addGiftWrap, .emptyBody, .restore, .removeGiftWrap, .brokenFollowUp, .restore, .addGiftWrap,
      .removeGiftWrap,
    ]
    var outcomes: [Bool] = []
    let answeredBefore = replies.withLock { $0.count }
    for change in changes {
      try change.apply(to: folder)
      outcomes.append(try Self.object(bridge.handle(Self.reloadLine))["reloaded"] as? Bool ?? false)
    }
    let answeredDuring = replies.withLock { $0.count } - answeredBefore
    reloadsDone.store(true, ordering: .releasing)
    finished.wait()

    #expect(outcomes == changes.map(\.isValid))
    #expect(answeredDuring > 0, "requests were answered while the content was being reloaded")
    let ids = sent.withLock { $0 }
    let lines = replies.withLock { $0 }
    #expect(lines.count == ids.count, "one reply per request")
    let replyIDs = try lines.map { try #require(try Self.object($0)["id"] as? Int) }
    #expect(replyIDs.sorted() == ids.sorted(), "every request answered, none twice")
    #expect(Set(replyIDs).count == replyIDs.count)
    let types = Set(try lines.map { try Self.object($0)["type"] as? String ?? "" })
    #expect(types.isSubset(of: ["answer", "clarify", "escalate"]), "\(types)")
    let conversations = (0..<streams).map { stream in
      Set(ids.filter { $0 / 1_000_000 == stream }.map { $0 % 1_000_000 / 4 }).count
    }
    #expect(bridge.sessionCount == conversations.reduce(0, +))
  }

  @Test func serveWithWatchReloadsWhileAStreamOfRequestsIsAnswered() throws {
    let folder = try Paths.copyOfFixture("suites")
    let serve = try ServeProcess(arguments: [
      "serve", "--content", folder.path, "--watch", "--watch-interval", "0.05", "--no-transcripts",
      "--outbox", folder.deletingLastPathComponent().appendingPathComponent("outbox").path,
    ])
    var id = 0
    func send(_ count: Int) {
      for _ in 0..<count {
        id += 1
        serve.write(#"{"id": \#(id), "session": "s\#(id / 4)", "text": "where is my order"}"#)
      }
    }
    send(100)
    serve.write(#"{"id": "control-1", "type": "reload"}"#)
    send(100)
    /// Waits until serve has answered everything sent so far (the requests and one control line).
    func caughtUp() {
      for _ in 0..<6_000 where serve.outputLines() < id + 1 { Thread.sleep(forTimeInterval: 0.005) }
    }
    // Change the content once serve is answering, so that the watcher is running.
    caughtUp()
    try Change.addGiftWrap.apply(to: folder)
    // Keep requests coming until the watcher has seen the change (bounded by the number of batches).
    var batches = 0
    while !serve.errorOutput().contains("content changed, reloaded") && batches < 400 {
      send(10)
      caughtUp()
      batches += 1
    }
    serve.write(#"{"id": "control-2", "type": "reload"}"#)
    id += 1
    serve.write(#"{"id": \#(id), "session": "gift", "text": "gift wrapping please"}"#)
    let output = serve.finish()

    #expect(serve.errorOutput().contains("content changed, reloaded"), "the watcher reloaded during the stream")
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    let objects = try lines.map(Self.object)
    let numbered = objects.compactMap { $0["id"] as? Int }
    #expect(numbered == Array(1...id), "every request answered once, in order")
    #expect(
      objects.filter { $0["type"] as? String == "reload" }.map { $0["id"] as? String } == ["control-1", "control-2"])
    #expect(objects.last?["intent"] as? String == "gift-wrap")
  }

  /// `ContentWatcher` reloads a changed folder until its watch is stopped, and never after.
  @Test func aStoppedWatcherReloadsNoMore() async throws {
    let folder = try Paths.copyOfFixture("suites")
    let store = EngineStore(engine: try Engine(contentsOf: folder), folder: folder)
    let reloads = Mutex(0)
    let watch = ContentWatcher(folder: folder, interval: 0.05) { _ in reloads.withLock { $0 += 1 } }.start(store: store)
    let intents = folder.appendingPathComponent("Intents")
    let file = try #require(
      FileManager.default.enumerator(at: intents, includingPropertiesForKeys: nil)?.allObjects
        .compactMap { $0 as? URL }.first { $0.pathExtension == "txt" && !$0.path.contains("/tests/") })
    let original = try String(contentsOf: file, encoding: .utf8)
    try (original + "\nanother way to ask it\n").write(to: file, atomically: true, encoding: .utf8)
    for _ in 0..<100 where reloads.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(50)) }
    #expect(reloads.withLock { $0 } == 1, "a change is reloaded while the watch runs")

    watch.stop()
    #expect(watch.isStopped)
    try await Task.sleep(for: .milliseconds(150))
    let before = reloads.withLock { $0 }
    try original.write(to: file, atomically: true, encoding: .utf8)
    try await Task.sleep(for: .milliseconds(500))
    #expect(reloads.withLock { $0 } == before, "no reload after stop()")
  }
}

/// `attendant serve` as a child process, fed line by line, with its output read as it comes.
final class ServeProcess: Sendable {
  /// Bytes read from a pipe so far.
  final class Buffer: Sendable {
    private let state = Mutex((data: Data(), lines: 0))

    func append(_ chunk: Data) {
      let lines = chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
      state.withLock {
        $0.data.append(chunk)
        $0.lines += lines
      }
    }

    var text: String { state.withLock { String(decoding: $0.data, as: UTF8.self) } }
    var lines: Int { state.withLock { $0.lines } }
  }

  private let process: Process
  private let input: FileHandle
  private let stdout = Buffer()
  private let stderr = Buffer()
  private let readers = DispatchGroup()

  init(arguments: [String]) throws {
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    self.process = process
    self.input = input.fileHandleForWriting
    for (handle, buffer) in [(output.fileHandleForReading, stdout), (errors.fileHandleForReading, stderr)] {
      readers.enter()
      Thread { [readers] in
        while true {
          let chunk = handle.availableData
          if chunk.isEmpty { break }
          buffer.append(chunk)
        }
        readers.leave()
      }.start()
    }
  }

  func write(_ line: String) {
    input.writeAll(Data((line + "\n").utf8))
  }

  func errorOutput() -> String { stderr.text }

  /// The number of complete lines read from standard output so far.
  func outputLines() -> Int { stdout.lines }

  /// Closes standard input, waits for the process to end and for its output.
  func finish() -> (status: Int32, stdout: String) {
    try? input.close()
    process.waitUntilExit()
    readers.wait()
    return (process.terminationStatus, stdout.text)
  }
}
