import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Darwin)
  private let openPrimary = posix_openpt
  private let grantAccess = grantpt
  private let unlock = unlockpt
  private let secondaryName = ptsname
#else
  // Glibc declares these only for _XOPEN_SOURCE, which Swift's Glibc module does not define; they
  // are in the C library all the same.
  private func cFunction<T>(_ name: String, as type: T.Type) -> T {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { fatalError("\(name) is not in the C library") }
    return unsafeBitCast(symbol, to: type)
  }
  private let openPrimary = cFunction("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
  private let grantAccess = cFunction("grantpt", as: (@convention(c) (Int32) -> Int32).self)
  private let unlock = cFunction("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
  private let secondaryName = cFunction("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
#endif

/// Runs the built `attendant` with a pseudo-terminal of a given width as its standard input and
/// output, as a person at a terminal would, without depending on the terminal the tests run in.
enum PseudoTerminal {
  /// Whether the system can open a pseudo-terminal here.
  static let isAvailable: Bool = {
    let primary = openPrimary(O_RDWR | O_NOCTTY)
    guard primary >= 0 else { return false }
    close(primary)
    return true
  }()

  /// Runs `attendant` with the arguments, types `input` (without echo), then Ctrl-D, and returns what
  /// the terminal showed, with its carriage returns removed.
  static func run(
    _ arguments: [String], input: String, columns: UInt16, environment: [String: String] = [:],
    timeout: TimeInterval = 60
  ) throws -> (status: Int32, screen: String) {
    let primary = openPrimary(O_RDWR | O_NOCTTY)
    guard primary >= 0, grantAccess(primary) == 0, unlock(primary) == 0, let name = secondaryName(primary) else {
      throw POSIXError(.ENOTTY)
    }
    defer { close(primary) }
    let secondary = open(String(cString: name), O_RDWR | O_NOCTTY)
    guard secondary >= 0 else { throw POSIXError(.ENOTTY) }
    var size = winsize()
    size.ws_row = 24
    size.ws_col = columns
    _ = ioctl(secondary, UInt(TIOCSWINSZ), &size)
    var attributes = termios()
    tcgetattr(secondary, &attributes)
    attributes.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(secondary, TCSANOW, &attributes)

    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = arguments
    process.environment = BinaryRun.environment(environment)
    let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = FileHandle.nullDevice
    try process.run()
    close(secondary)

    let screen = ScreenReader(primary)
    let typed = Array((input + "\u{4}").utf8)
    _ = typed.withUnsafeBytes { write(primary, $0.baseAddress!, $0.count) }
    BinaryRun.wait(for: process, timeout: timeout)
    return (process.terminationStatus, screen.finish().replacingOccurrences(of: "\r", with: ""))
  }
}

/// Reads a pseudo-terminal's primary side until the program on it is gone.
private final class ScreenReader: @unchecked Sendable {
  // @unchecked: `bytes` is written by the reading thread only, and read only after `finish` joins it.
  private var bytes: [UInt8] = []
  private let done = DispatchSemaphore(value: 0)

  init(_ descriptor: Int32) {
    Thread {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }  // EIO once every copy of the secondary side is closed
        self.bytes += buffer[..<count]
      }
      self.done.signal()
    }.start()
  }

  func finish() -> String {
    done.wait()
    return String(decoding: bytes, as: UTF8.self)
  }
}
