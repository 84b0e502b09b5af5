import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The options of `attendant bench` that every scenario's runs share.
struct BenchOptions {
  /// Every option `bench` takes, its scenarios', `--hostile`'s and `--stateless`'s.
  static let options = [
    "content", "clinc150", "synthetic", "language", "only", "runs", "messages", "serve-lines", "seed", "keep",
    "outbox", "memory-limit", "requests", "warm-up", "sessions", "line-kb", "conversations", "turns",
  ]
  static let flags = ["quick", "json", "strict", "child", "hostile", "stateless"]

  var runs: Int
  var messages: Int
  var warmUp: Int
  var serveLines: Int
  /// Untimed request lines through serve before the timed ones: a tenth as many, at most 500.
  var serveWarmUp: Int
  var seed: UInt64
  var outbox: URL?

  /// Reads the options, with `--quick`'s smaller defaults.
  ///
  /// - Throws: `UsageError` for a number that is not one, or too small.
  init(_ arguments: Arguments) throws(UsageError) {
    let quick = arguments.has("quick")
    seed = UInt64(try Self.number(arguments, "seed", default: 1, minimum: 0))
    runs = try Self.number(arguments, "runs", default: quick ? 1 : 3, minimum: 1)
    messages = try Self.number(arguments, "messages", default: quick ? 1_000 : 10_000, minimum: 1)
    warmUp = try Self.number(arguments, "warm-up", default: quick ? 100 : 1_000, minimum: 0)
    serveLines = try Self.number(arguments, "serve-lines", default: quick ? 2_000 : 20_000, minimum: 1)
    serveWarmUp = min(500, max(1, serveLines / 10))
    outbox = arguments["outbox"].map { URL(fileURLWithPath: $0) }
  }

  /// A whole-number option, or its default when it is not given.
  ///
  /// - Throws: `UsageError` when it is not a whole number of at least `minimum`.
  static func number(_ arguments: Arguments, _ name: String, default value: Int, minimum: Int)
    throws(UsageError) -> Int
  {
    guard let text = arguments[name] else { return value }
    guard let number = Int(text), number >= minimum else {
      throw UsageError("'--\(name)' must be a whole number of at least \(minimum), not '\(text)'.")
    }
    return number
  }

  /// Caps the address space of this process and so of every child it starts (limits are inherited):
  /// content whose index outgrows the machine makes its child fail alone, instead of pushing the
  /// shared machine into swap or its out-of-memory killer.
  static func limitAddressSpace(gigabytes: Int) {
    var limit = rlimit()
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
      let resource = RLIMIT_AS
    #endif
    guard getrlimit(resource, &limit) == 0 else { return }
    limit.rlim_cur = min(limit.rlim_max, rlim_t(gigabytes) << 30)
    _ = setrlimit(resource, &limit)
  }
}
