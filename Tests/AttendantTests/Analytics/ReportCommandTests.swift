import Foundation
import Testing

@testable import Attendant

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `attendant report` and `attendant simulate` through real pipes: formats, errors, redaction and
/// the seed.
struct ReportCommandTests {
  /// A log written with redaction off, so that the report itself must hide what it shows.
  static func unredactedLog() -> URL {
    let folder = Paths.temporaryFolder("attendant-unredacted")
    let log = FileTranscriptLog(folder: folder, redacting: [], channel: .serve)
    let at = Date(timeIntervalSince1970: 1_803_891_600)  // 2027-03-01 09:00 UTC
    for (index, text) in [
      "what's the weather like today, write to ana.kovac@example.com",
      "will it rain tomorrow, call me on +385 91 234 5678",
    ].enumerated() {
      var session = ChatSession(id: "s1-\(index)")
      let reply = Demo.engine.respond(to: CustomerMessage(text), in: &session, at: at)
      log.record(.turn(session: session.id, reply: reply, customerText: text, at: at))
    }
    var other = ChatSession(id: "s2")
    let reply = Demo.engine.respond(to: CustomerMessage("where is my order"), in: &other, at: at)
    log.record(.turn(session: other.id, reply: reply, customerText: "where is my order", at: at))
    log.record(
      .feedback(
        session: other.id, helpful: false, rating: 2,
        comment: "my card 4111 1111 1111 1111 was charged, mail ivan@example.com",
        at: at))
    return folder
  }

  /// A new folder of simulated transcripts of the demo content.
  static func simulated(days: Int, seed: Int, perDay: Int) throws -> URL {
    let folder = Paths.temporaryFolder("attendant-simulated")
    let run = try BinaryRun.run([
      "simulate", "--days", "\(days)", "--seed", "\(seed)", "--conversations-per-day", "\(perDay)", "--transcripts",
      folder.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return folder
  }

  @Test(arguments: ["text", "json", "html"])
  func theReportHidesPersonalDataTheLogKept(format: String) throws {
    let folder = Self.unredactedLog()
    let run = try BinaryRun.run(["report", "--transcripts", folder.path, "--format", format])
    #expect(run.status == 0, "\(run.stderr)")
    for secret in ["ana.kovac@example.com", "234 5678", "4111", "ivan@example.com"] {
      #expect(!run.stdout.contains(secret), "\(format) shows '\(secret)'")
    }
    #expect(run.stdout.contains("[email]"))
    #expect(run.stdout.contains("[phone]"))
  }

  @Test func aBadLineIsSkippedWithItsFileLineAndFix() throws {
    let folder = Self.unredactedLog()
    let file = folder.appendingPathComponent("transcript-2027-03-01.jsonl")
    var text = try String(contentsOf: file, encoding: .utf8)
    text += "{\"at\":\"yesterday\",\"event\":\"turn\",\"session\":\"s3\"}\n{\"at\":\"2027-03-01T09:00:00Z\",\"ev\n"
    try text.write(to: file, atomically: true, encoding: .utf8)
    let run = try BinaryRun.run(["report", "--transcripts", folder.path, "--format", "json"])
    #expect(run.status == 0)
    #expect(run.stderr.contains("transcript-2027-03-01.jsonl:5: warning: The event has no readable 'at' time"))
    #expect(run.stderr.contains("Fix: write the time in UTC"))
    #expect(run.stderr.contains("transcript-2027-03-01.jsonl:6: warning: The line is not JSON"))
    let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    #expect(report["skippedLines"] as? Int == 2)
    #expect(report["events"] as? Int == 4)  // three turns and a feedback
  }

  @Test(arguments: [
    (["--since", "2027-02-30"], "'--since 2027-02-30' is not a date. Write it as YYYY-MM-DD"),
    (["--until", "March"], "'--until March' is not a date."),
    (["--since", "2027-03-05", "--until", "2027-03-01"], "comes after '--until 2027-03-01'. Swap them."),
    (["--format", "htm"], "Unknown format 'htm'. Did you mean 'html'?"),
  ])
  func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
    let run = try BinaryRun.run(["report", "--transcripts", Paths.temporaryFolder().path] + arguments)
    #expect(run.status == 64)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test func aMissingFolderIsAnError() throws {
    let run = try BinaryRun.run(["report", "--transcripts", "/nonexistent/transcripts"])
    #expect(run.status == 74)
    #expect(run.stderr.contains("Cannot read the transcript folder '/nonexistent/transcripts'"))
  }

  @Test func suggestNeverWritesIntoTheContent() throws {
    let run = try BinaryRun.run([
      "report", "--transcripts", Self.unredactedLog().path, "--content", Paths.repository.path, "--suggest",
      Paths.repository.path,
    ])
    #expect(run.status == 64)
    #expect(run.stderr.contains("is the content folder"))
  }

  @Test func sinceAndUntilChooseTheDays() throws {
    let folder = try Self.simulated(days: 3, seed: 3, perDay: 20)
    let run = try BinaryRun.run([
      "report", "--transcripts", folder.path, "--since", "2027-03-02", "--until", "2027-03-02", "--format", "json",
    ])
    let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    let events = try String(contentsOf: folder.appendingPathComponent("transcript-2027-03-02.jsonl"), encoding: .utf8)
      .split(separator: "\n").count
    #expect(report["events"] as? Int == events)
    #expect((report["from"] as? String)?.hasPrefix("2027-03-02") == true)
    #expect((report["to"] as? String)?.hasPrefix("2027-03-02") == true)
  }

  @Test func theSameSeedWritesTheSameTranscripts() throws {
    func simulate(_ seed: Int) throws -> [String: String] {
      let folder = try Self.simulated(days: 2, seed: seed, perDay: 25)
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      return Dictionary(
        uniqueKeysWithValues: try names.map {
          ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        })
    }
    let first = try simulate(11)
    #expect(!first.isEmpty)
    #expect(try simulate(11) == first)
    #expect(try simulate(12) != first)
  }

  /// Two processes hash differently: nothing of the report may depend on a dictionary's order.
  @Test func theSameTranscriptsGiveTheSameReport() throws {
    let folder = try Self.simulated(days: 2, seed: 21, perDay: 60)
    let first = try BinaryRun.run(["report", "--transcripts", folder.path, "--format", "json"])
    #expect(first.status == 0)
    for _ in 0..<2 {
      #expect(try BinaryRun.run(["report", "--transcripts", folder.path, "--format", "json"]).stdout == first.stdout)
    }
  }

  @Test func simulateRefusesAFolderWithTranscripts() throws {
    let run = try BinaryRun.run(["simulate", "--days", "1", "--seed", "1", "--transcripts", Self.unredactedLog().path])
    #expect(run.status == 64)
    #expect(run.stderr.contains("already holds transcripts"))
  }

  @Test func theHTMLPageIsSelfContainedWithATableBehindEachChart() throws {
    let folder = try Self.simulated(days: 2, seed: 9, perDay: 40)
    let run = try BinaryRun.run(["report", "--transcripts", folder.path, "--format", "html"])
    let page = run.stdout
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    for forbidden in ["<script", "src=", "href=", "@import", "url("] {
      #expect(!page.contains(forbidden), "\(forbidden)")
    }
    let charts = page.components(separatedBy: "<svg ").count - 1
    #expect(charts >= 8)
    // Each chart is followed by its table before the next chart.
    for piece in page.components(separatedBy: "</svg>").dropFirst() {
      #expect(piece.contains("<table"))
    }
    let parser = XMLParserCheck(page)
    #expect(parser.wellFormed, "\(parser.error ?? "")")
  }
}

/// Whether a page is well-formed XML (the page is XHTML).
struct XMLParserCheck {
  let wellFormed: Bool
  let error: String?

  init(_ text: String) {
    let parser = XMLParser(data: Data(text.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
    wellFormed = parser.parse()
    error = parser.parserError.map { "\($0)" }
  }
}
