import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGTERM and SIGINT as a request to stop: serve answers the line in flight and the complete lines
/// it has read, then exits with 0. A second signal ends the process at once.
///
/// The handler sets a flag and writes a byte to a pipe, both safe in a signal handler. The flag is
/// checked after each line; the pipe wakes `poll`, which `LineReader` waits in, whichever thread the
/// signal lands on. The handlers are installed without `SA_RESTART`, so a blocking call returns
/// `EINTR` too.
enum StopSignals {
  /// The signal received, or 0.
  static let received = Atomic<Int32>(0)
  /// The pipe's end the handler writes to.
  static let wakeDescriptor = Atomic<Int32>(-1)

  /// Installs the handlers; returns the descriptor that becomes readable when a signal arrives.
  static func install() -> Int32 {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return -1 }
    for end in ends {
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
    }
    wakeDescriptor.store(ends[1], ordering: .sequentiallyConsistent)
    _ = received.load(ordering: .sequentiallyConsistent)
    var action = sigaction()
    #if canImport(Darwin)
      action.__sigaction_u.__sa_handler = handleStop
    #else
      action.__sigaction_handler.sa_handler = handleStop
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART
    sigaction(SIGTERM, &action, nil)
    sigaction(SIGINT, &action, nil)
    // A parent may start us with the signals blocked (threads of libdispatch block them, and a child
    // inherits the mask): unblocked, they reach the handler.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, SIGTERM)
    sigaddset(&unblocked, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    return ends[0]
  }

  /// Whether a stop was asked for.
  static var requested: Bool { received.load(ordering: .relaxed) != 0 }

  /// The signal's name, for the message on standard error.
  static var receivedName: String? {
    switch received.load(ordering: .relaxed) {
    case 0: nil
    case SIGTERM: "SIGTERM"
    case SIGINT: "SIGINT"
    case let other: "signal \(other)"
    }
  }
}

/// The signal handler: only async-signal-safe calls.
private func handleStop(_ number: Int32) {
  let saved = errno
  if StopSignals.received.exchange(number, ordering: .relaxed) != 0 {
    // A second signal: end at once, as if there were no handler.
    signal(number, SIG_DFL)
    raise(number)
  }
  var byte: UInt8 = 1
  _ = write(StopSignals.wakeDescriptor.load(ordering: .relaxed), &byte, 1)
  errno = saved
}
