import Foundation
import Synchronization

/// Reads the daily files of a transcript log (`transcript-YYYY-MM-DD.jsonl`) in date order, one file
/// in memory at a time, and hands over each event in a period.
package struct TranscriptReader: Sendable {
  public let folder: URL
  /// The first day read (UTC), inclusive.
  public let since: Date?
  /// The last day read (UTC), inclusive.
  public let until: Date?

  /// Why the log cannot be read at all.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public let description: String
  }

  public init(folder: URL, since: Date? = nil, until: Date? = nil) {
    self.folder = folder
    self.since = since
    self.until = until
  }

  /// A calendar day written `YYYY-MM-DD`, as its first moment in UTC; `nil` when it is not a real date.
  public static func day(_ text: String) -> Date? { UTCTimestamp.day(text) }

  /// The daily files in the period, oldest first.
  ///
  /// - Throws: `Failure` when the folder cannot be listed.
  public func files() throws(Failure) -> [URL] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw Failure(
        description:
          "Cannot read the transcript folder '\(folder.path)'. Pass --transcripts DIR, the folder 'attendant chat' or 'serve' wrote (default ./transcripts)."
      )
    }
    return names.filter { $0.hasPrefix("transcript-") && $0.hasSuffix(".jsonl") }.sorted().compactMap { name in
      let day = String(name.dropFirst("transcript-".count).dropLast(".jsonl".count))
      guard let date = UTCTimestamp.day(day) else { return nil }
      if let since, date < since { return nil }
      if let until, date > until { return nil }
      return folder.appendingPathComponent(name)
    }
  }

  /// Reads every event of the period.
  ///
  /// Files are parsed on all cores, as many at a time as there are cores, and handed over in date
  /// order, each file's events in file order.
  ///
  /// - Parameters:
  ///   - event: Called with each event, in file order.
  ///   - problem: Called with each line that cannot be read; the line is skipped.
  /// - Returns: How many lines were read, readable or not.
  /// - Complexity: O(total size of the files); memory holds as many files as there are cores.
  @discardableResult
  public func read(
    event: (TranscriptEvent) -> Void, problem: (TranscriptEvent.Problem) -> Void
  ) throws(Failure) -> Int {
    let files = try files()
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var lines = 0
    var start = 0
    while start < files.count {
      let batch = Array(files[start..<min(start + width, files.count)])
      let parsed = Mutex<[Int: Parsed]>([:])
      DispatchQueue.concurrentPerform(iterations: batch.count) { index in
        let file = parse(batch[index])
        parsed.withLock { $0[index] = file }
      }
      let results = parsed.withLock { $0 }
      for index in batch.indices {
        let file = results[index]!
        lines += file.lines
        file.events.forEach(event)
        file.problems.forEach(problem)
      }
      start += width
    }
    return lines
  }

  /// The events and problems of one file.
  private struct Parsed: Sendable {
    var events: [TranscriptEvent] = []
    var problems: [TranscriptEvent.Problem] = []
    var lines = 0
  }

  private func parse(_ file: URL) -> Parsed {
    var parsed = Parsed()
    guard let data = try? Data(contentsOf: file, options: .mappedIfSafe) else {
      parsed.problems.append(
        .init(file: file.path, line: 0, message: "The file cannot be read.", fix: "check its permissions."))
      return parsed
    }
    let end = until.map { $0.addingTimeInterval(86_400) }
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var number = 0
      var lineStart = 0
      // Each line is copied on its own; the file's bytes are never copied whole.
      for position in 0...bytes.count where position == bytes.count || bytes[position] == 0x0A {
        defer { lineStart = position + 1 }
        number += 1
        guard position > lineStart else { continue }
        parsed.lines += 1
        do throws(TranscriptEvent.Reason) {
          let line = Array(UnsafeBufferPointer(rebasing: bytes[lineStart..<position]))
          guard let event = try TranscriptEvent.parse(line) else { continue }
          if let since, event.at < since { continue }
          if let end, event.at >= end { continue }
          parsed.events.append(event)
        } catch {
          parsed.problems.append(.init(file: file.path, line: number, message: error.message, fix: error.fix))
        }
      }
    }
    return parsed
  }
}
