import Foundation

/// Reads the daily files of a transcript log (`transcript-YYYY-MM-DD.jsonl`) in date order, one file
/// in memory at a time, and hands over each event in a period.
public struct TranscriptReader: Sendable {
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
  /// - Parameters:
  ///   - event: Called with each event, in file order.
  ///   - problem: Called with each line that cannot be read; the line is skipped.
  /// - Returns: How many lines were read, readable or not.
  /// - Complexity: O(total size of the files); memory holds one file at a time.
  @discardableResult
  public func read(
    event: (TranscriptEvent) -> Void, problem: (TranscriptEvent.Problem) -> Void
  ) throws(Failure) -> Int {
    let end = until.map { $0.addingTimeInterval(86_400) }
    var lines = 0
    for file in try files() {
      guard let data = try? Data(contentsOf: file) else {
        problem(.init(file: file.path, line: 0, message: "The file cannot be read.", fix: "check its permissions."))
        continue
      }
      let bytes = [UInt8](data)
      var number = 0
      for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        number += 1
        guard !line.isEmpty else { continue }
        lines += 1
        do throws(TranscriptEvent.Reason) {
          guard let parsed = try TranscriptEvent.parse(line) else { continue }
          if let since, parsed.at < since { continue }
          if let end, parsed.at >= end { continue }
          event(parsed)
        } catch {
          problem(.init(file: file.path, line: number, message: error.message, fix: error.fix))
        }
      }
    }
    return lines
  }
}
