import Foundation
import Testing

#if canImport(Glibc)
  import Glibc

  private let systemWrite = Glibc.write
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin

  private let systemWrite = Darwin.write
  private let systemRead = Darwin.read
#endif

/// Pipe reads and writes for the end-to-end tests that neither crash nor stop early.
///
/// Foundation's `write(_:)` and `readDataToEndOfFile()` end the test process with a fatal error when
/// the system call fails: a write to a binary that has already exited (`EPIPE`, as `serve --stateless`
/// does without a key), or a read interrupted by a signal (`EINTR`). These retry an interrupted call,
/// report a reader that has gone, and record any other failure as an issue of the running test.
extension FileHandle {
  /// A closed reader must not kill the test process with SIGPIPE: a write fails with EPIPE instead.
  /// Set once, for the whole process (the end-to-end tests that drive `serve` set it too); the
  /// binaries the tests start inherit it, and `serve` ignores SIGPIPE itself anyway.
  private static let ignoringBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

  /// Writes all of `data`, retrying interrupted writes; `false` when the reader has gone.
  @discardableResult
  func writeAll(_ data: Data) -> Bool {
    _ = FileHandle.ignoringBrokenPipes
    return data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(fileDescriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }

  /// Everything until the writer closes its end, retrying interrupted reads.
  func readAll() -> Data {
    var result = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(fileDescriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        Issue.record("reading a pipe failed with errno \(errno) after \(result.count) bytes")
        return result
      }
      if count == 0 { return result }
      result.append(contentsOf: buffer[0..<count])
    }
  }
}
