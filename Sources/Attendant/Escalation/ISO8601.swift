import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// ISO 8601 timestamps, written from the C library's broken-down time: no formatter objects (which
/// cost about a millisecond to build on Linux) and no shared mutable state.
enum ISO8601 {
  /// `2026-11-22T19:30:05Z` (UTC), or with milliseconds when the date has them.
  static func string(from date: Date) -> String {
    stamp(date, offset: 0, utc: true)
  }

  /// `2026-11-22T20:30:05+01:00`, the local time in `zone` with its offset (`Z` for UTC).
  static func local(_ date: Date, in zone: TimeZone) -> String {
    let offset = zone.secondsFromGMT(for: date)
    return stamp(date, offset: offset, utc: offset == 0 && (zone.identifier == "UTC" || zone.identifier == "GMT"))
  }

  /// The UTC calendar fields of a date (`tm_year` + 1900, `tm_mon` + 1, …).
  static func utcFields(_ date: Date) -> tm {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var fields = tm()
    gmtime_r(&seconds, &fields)
    return fields
  }

  static func stamp(_ date: Date, offset: Int, utc: Bool) -> String {
    let shifted = date.addingTimeInterval(Double(offset))
    let f = utcFields(shifted)
    var text = "\(pad(Int(f.tm_year) + 1900, 4))-\(pad(Int(f.tm_mon) + 1))-\(pad(Int(f.tm_mday)))"
    text += "T\(pad(Int(f.tm_hour))):\(pad(Int(f.tm_min))):\(pad(Int(f.tm_sec)))"
    let milliseconds = Int(
      ((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1000).rounded(.down))
    if milliseconds > 0 { text += ".\(pad(milliseconds, 3))" }
    if utc { return text + "Z" }
    let minutes = abs(offset) / 60
    return text + (offset < 0 ? "-" : "+") + "\(pad(minutes / 60)):\(pad(minutes % 60))"
  }

  /// A non-negative number with leading zeros to `width` digits.
  static func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// Parses the forms `string(from:)` and `local(_:in:)` write, and plain `…Z` timestamps.
  static func date(from text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
