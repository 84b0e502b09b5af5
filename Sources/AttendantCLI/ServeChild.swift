import Attendant
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `serve` child answering one line at a time.
final class ServeChild {
  private let process = Process()
  private let input: FileHandle
  private let output: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)
  private let errorFile: URL

  var processID: Int32 { process.processIdentifier }

  /// Starts `serve` on `content`, with its outbox and its standard error in `scratch`, with
  /// `--slow-log` when `slowLogMilliseconds` is given.
  init(binary: URL, content: URL, scratch: URL, slowLogMilliseconds: Double? = nil) throws {
    let outbox = scratch.appendingPathComponent("outbox-\(UUID().uuidString)")
    errorFile = scratch.appendingPathComponent("stderr-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.executableURL = binary
    process.arguments =
      ["serve", "--content", content.path, "--no-transcripts", "--outbox", outbox.path]
      + (slowLogMilliseconds.map { ["--slow-log", String($0)] } ?? [])
    let inputPipe = Pipe(), outputPipe = Pipe()
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    process.standardError = try FileHandle(forWritingTo: errorFile)
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    input = inputPipe.fileHandleForWriting
    output = outputPipe.fileHandleForReading.fileDescriptor
  }

  /// Sends one line (without its line break) and waits for its reply; returns the milliseconds taken.
  func ask(_ line: [UInt8]) throws -> (Double, [UInt8]) {
    try ask(parts: [line])
  }

  func ask(parts: [[UInt8]]) throws -> (Double, [UInt8]) {
    let begin = DispatchTime.now().uptimeNanoseconds
    do {
      for part in parts { try send(part) }
      try send([0x0A])
    } catch {
      throw failure("stopped reading its input")
    }
    let reply = try readLine()
    return (Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6, reply)
  }

  /// Writes straight from the array with `write(2)`: no copy into `Data` inside the timed span.
  private func send(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let count = write(input.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { throw failure("stopped reading its input") }
        offset += count
      }
    }
  }

  private func readLine() throws -> [UInt8] {
    var scanned = start
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        if start == buffer.count {
          buffer.removeAll(keepingCapacity: true)
          start = 0
        }
        return line
      }
      scanned = buffer.count
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw failure("ended without a reply") }
      buffer.append(contentsOf: chunk[0..<count])
    }
  }

  func finish() throws {
    try? input.close()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw failure(ServeThroughput.ending(process))
    }
  }

  /// The `--slow-log` reports the child wrote on its standard error so far.
  func slowLogLines() -> [String] {
    errorText().split(separator: "\n").filter { $0.contains("slow line") }.map(String.init)
  }

  /// What the child wrote on its standard error so far.
  func errorText() -> String {
    (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
  }

  private func failure(_ what: String) -> ServeThroughput.Failure {
    let errors = errorText()
    return ServeThroughput.Failure(description: "'attendant serve' \(what).\n\(errors)")
  }
}
