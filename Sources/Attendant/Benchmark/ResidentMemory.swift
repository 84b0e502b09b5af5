import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The peak resident memory (high-water mark) of a process.
package enum ResidentMemory {
  /// The peak resident set size of a running process, in bytes.
  ///
  /// - Parameter processID: The process; `nil` for this one.
  /// - Returns: `VmHWM` from `/proc/<pid>/status` on Linux; for this process elsewhere, `getrusage`'s
  ///   `ru_maxrss`; `nil` when neither is available.
  public static func peakBytes(of processID: Int32? = nil) -> UInt64? {
    let path = "/proc/\(processID.map(String.init) ?? "self")/status"
    if let status = readSmallFile(path),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    {
      // "VmHWM:\t   12345 kB"
      let digits = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap {
        UInt64($0)
      }
      if let kilobytes = digits { return kilobytes * 1024 }
    }
    guard processID == nil else { return nil }
    var usage = rusage()
    #if os(Linux)
      let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
      let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return nil }
    #if canImport(Darwin)
      return UInt64(usage.ru_maxrss)  // bytes on Darwin
    #else
      return UInt64(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #endif
  }

  /// The time a process's main thread has run on a CPU and waited in the run queue, in nanoseconds.
  ///
  /// - Parameter processID: The process; `nil` for this one.
  /// - Returns: The first two fields of `/proc/<pid>/schedstat` on Linux; `nil` where there is none.
  ///   A slow line whose server ran little but waited long was the machine's, not the engine's.
  public static func schedulerTimes(of processID: Int32? = nil) -> (running: UInt64, waiting: UInt64)? {
    guard let text = readSmallFile("/proc/\(processID.map(String.init) ?? "self")/schedstat") else { return nil }
    let fields = text.split(separator: " ").compactMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard fields.count >= 2 else { return nil }
    return (fields[0], fields[1])
  }

  /// The "steal" time of all cores in `/proc/stat`, in ticks of 10 ms: time a virtual machine's
  /// hypervisor ran something else while the machine had work. A process cannot tell that from its
  /// own CPU time, which goes on counting; `nil` where there is no `/proc/stat`.
  package static func stolenTicks() -> UInt64? {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
    guard let text = readSmallFile("/proc/stat"), let line = text.split(separator: "\n").first else { return nil }
    let fields = line.split(separator: " ")
    guard fields.count > 8, fields[0] == "cpu" else { return nil }
    return UInt64(fields[8])
  }

  /// Reads a file with `read(2)`: files in /proc report a size of 0, so reading "the whole file" by
  /// its size gets nothing.
  private static func readSmallFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
