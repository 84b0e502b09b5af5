import Attendant
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `serve --slow-log <ms>`: reports each line that took at least the threshold to answer and write,
/// with where its time went, like a database's slow query log.
///
/// The split tells the engine's time (answering) from the pipe's (writing), and the page faults and
/// context switches taken during the line tell work from waiting: a slow line with few faults and
/// many involuntary switches was the machine's, not the message's.
struct SlowLineLog {
  let thresholdMilliseconds: Double
  private var lineNumber = 0
  private var start: UInt64 = 0
  private var answeredAt: UInt64 = 0
  private var bytes = 0
  private var usage = rusage()
  private var stolen: UInt64?

  init(thresholdMilliseconds: Double) {
    self.thresholdMilliseconds = thresholdMilliseconds
  }

  mutating func begin() {
    lineNumber += 1
    usage = Self.currentUsage()
    stolen = ResidentMemory.stolenTicks()
    start = DispatchTime.now().uptimeNanoseconds
  }

  mutating func answered(bytes: Int) {
    answeredAt = DispatchTime.now().uptimeNanoseconds
    self.bytes = bytes
  }

  func written(sessions: Int) {
    let end = DispatchTime.now().uptimeNanoseconds
    let total = Double(end - start) / 1e6
    guard total >= thresholdMilliseconds else { return }
    let after = Self.currentUsage()
    let answering = Double(answeredAt - start) / 1e6
    let cpu =
      Self.milliseconds(after.ru_utime) + Self.milliseconds(after.ru_stime) - Self.milliseconds(usage.ru_utime)
      - Self.milliseconds(usage.ru_stime)
    var steal = ""
    if let before = stolen, let now = ResidentMemory.stolenTicks() {
      steal = "; the machine's host took its cores for \(Int(now &- before) * 10) ms"
    }
    let faults = Int(after.ru_minflt - usage.ru_minflt)
    let major = Int(after.ru_majflt - usage.ru_majflt)
    let switches = Int(after.ru_nivcsw - usage.ru_nivcsw)
    Terminal.error(
      String(
        format:
          "attendant serve: slow line %d (%d bytes, began %.3f s after boot): %.1f ms, answering %.1f ms, writing %.1f ms; CPU %.1f ms, %d page faults (%d major), %d involuntary context switches; %d sessions%@",
        lineNumber, bytes, Double(start) / 1e9, total, answering, total - answering, cpu, faults, major,
        switches, sessions, steal))
  }

  private static func milliseconds(_ time: timeval) -> Double {
    Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000
  }

  private static func currentUsage() -> rusage {
    var usage = rusage()
    #if os(Linux)
      _ = getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      _ = getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage
  }
}
