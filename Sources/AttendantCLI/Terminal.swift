import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error, flushed after every write so that a program driving us through pipes
/// sees each reply at once; colour only when both ends are terminals and `NO_COLOR` is unset.
enum Terminal {
  static let inputIsTerminal = isatty(0) == 1
  static let outputIsTerminal = isatty(1) == 1
  static let useColor = inputIsTerminal && outputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

  static func print(_ text: String = "", terminator: String = "\n") {
    _ = writeAll(1, Array((text + terminator).utf8))
  }

  static func error(_ text: String) {
    _ = writeAll(2, Array((text + "\n").utf8))
  }

  /// Writes one line to standard output at once (the bridge's replies).
  ///
  /// - Throws: `OutputError` when standard output is closed or cannot take the line (a full disk).
  static func writeLine(_ line: String) throws(OutputError) {
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    let code = writeAll(1, bytes)
    if code != 0 { throw OutputError(code: code) }
  }

  /// A write to standard output that failed.
  struct OutputError: Error, CustomStringConvertible {
    let code: Int32

    var description: String {
      let reason = String(cString: strerror(code))
      return code == EPIPE ? "standard output was closed (\(reason))" : "cannot write to standard output (\(reason))"
    }
  }

  /// Writes every byte with `write(2)`, retrying after interrupts and partial writes, and waiting with
  /// `poll` while a non-blocking pipe is full. Output is never buffered in the process, so each reply
  /// reaches the reader as soon as it is written.
  ///
  /// - Returns: 0, or the `errno` of the write that failed.
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          switch errno {
          case EINTR: continue
          case EAGAIN, EWOULDBLOCK:
            var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            _ = poll(&waiting, 1, -1)
            continue
          case let code: return code
          }
        }
        offset += written
      }
      return 0
    }
  }

  /// The width to wrap the chat's text at, or `nil` for none: the window's width when standard
  /// output is a terminal, else the `COLUMNS` environment variable, else 80 on a terminal. Through a
  /// pipe without `COLUMNS` nothing is wrapped, so that a script reads each paragraph as one line.
  static func wrapWidth() -> Int? {
    wrapWidth(
      windowColumns: windowColumns(), outputIsTerminal: outputIsTerminal,
      columnsVariable: ProcessInfo.processInfo.environment["COLUMNS"])
  }

  /// ``wrapWidth()`` from what it reads, for tests.
  static func wrapWidth(windowColumns: Int?, outputIsTerminal: Bool, columnsVariable: String?) -> Int? {
    if let windowColumns, windowColumns > 0 { return windowColumns }
    if let text = columnsVariable, let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
      return columns
    }
    return outputIsTerminal ? 80 : nil
  }

  /// The width of the terminal on standard output (`ioctl(TIOCGWINSZ)`), read at each call so that
  /// a resized window is followed; `nil` when standard output is not a terminal.
  static func windowColumns() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  enum Style: String {
    case bold = "1", dim = "2", cyan = "36", yellow = "33", red = "31", green = "32"
  }

  static func styled(_ text: String, _ style: Style) -> String {
    useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// Markdown `**bold**` as terminal bold, or plain text.
  static func renderMarkdown(_ text: String) -> String {
    var output = ""
    var bold = false
    var rest = Substring(text)
    while let range = rest.range(of: "**") {
      output += rest[..<range.lowerBound]
      bold.toggle()
      if useColor { output += bold ? "\u{1B}[1m" : "\u{1B}[0m" }
      rest = rest[range.upperBound...]
    }
    output += rest
    if bold && useColor { output += "\u{1B}[0m" }
    return output
  }
}
