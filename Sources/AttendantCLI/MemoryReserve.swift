#if canImport(Glibc)
  import Glibc
#endif

/// Faults in heap memory up front and keeps it, so that serving never touches memory for the first time.
///
/// On a virtual machine whose host takes back the guest's free memory (free page reporting, ballooning),
/// the first touch of a page the process has not used yet can stall it for tens of milliseconds while
/// the host finds the memory: time the guest counts as the process's own CPU time. A server whose heap
/// only grows while it fills its session table meets such stalls now and then. `reserve` grows the heap
/// by `bytes` at once, writes every page, and tells the allocator never to give the top of the heap
/// back, so later allocations reuse pages that are already there (the JVM's `AlwaysPreTouch`).
///
/// The price: the memory is resident from the start, and the heap never shrinks (after a reload too).
enum MemoryReserve {
  /// The largest reserve `serve --reserve-memory` accepts, in MiB.
  static let maximumMiB = 65_536

  /// The MiB of a `--reserve-memory` value.
  ///
  /// - Throws: `UsageError` when `text` is not a whole number from 0 to `maximumMiB`.
  static func mebibytes(_ text: String) throws(UsageError) -> Int {
    guard let value = Int(text), (0...maximumMiB).contains(value) else {
      throw UsageError("'--reserve-memory' must be a whole number of MiB from 0 to \(maximumMiB), not '\(text)'.")
    }
    return value
  }

  /// Faults in `bytes` of heap and keeps them; does nothing where the C library is not glibc.
  static func reserve(bytes: Int) {
    #if canImport(Glibc)
      guard bytes > 0 else { return }
      // Allocations up to the reserve come from the heap (not a mapping of their own that is
      // unmapped when freed), and the heap is never trimmed.
      // `mallopt` is not in the Glibc module (its header, malloc.h, is not), so it is looked up;
      // the constants are malloc.h's.
      guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
      let trimThreshold: Int32 = -1
      let mmapThreshold: Int32 = -3
      _ = mallopt(mmapThreshold, 32 << 20)
      _ = mallopt(trimThreshold, Int32.max)
      // In blocks below the mapping threshold, so that they come from the heap; freed, they merge
      // into its top, which stays.
      let blockBytes = 1 << 20
      var blocks: [UnsafeMutableRawPointer] = []
      blocks.reserveCapacity(bytes / blockBytes + 1)
      while blocks.count * blockBytes < bytes, let block = malloc(blockBytes) {
        memset(block, 1, blockBytes)
        blocks.append(block)
      }
      for block in blocks.reversed() { free(block) }
    #endif
  }
}
