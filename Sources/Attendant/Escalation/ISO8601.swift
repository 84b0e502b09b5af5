import Foundation

/// ISO 8601 timestamps, written without a formatter object so that no shared mutable state is needed.
enum ISO8601 {
  /// `2026-11-22T19:30:05Z` (UTC), or with milliseconds when the date has them.
  static func string(from date: Date) -> String {
    local(date, in: TimeZone(identifier: "UTC")!)
  }

  /// `2026-11-22T20:30:05+01:00`, the local time in `zone` with its offset (`Z` for UTC).
  static func local(_ date: Date, in zone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
    var text = String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    let milliseconds = (c.nanosecond ?? 0) / 1_000_000
    if milliseconds > 0 { text += String(format: ".%03d", milliseconds) }
    let offset = zone.secondsFromGMT(for: date)
    if offset == 0 && (zone.identifier == "UTC" || zone.identifier == "GMT") {
      return text + "Z"
    }
    let sign = offset < 0 ? "-" : "+"
    let absolute = abs(offset) / 60
    return text + String(format: "%@%02d:%02d", sign, absolute / 60, absolute % 60)
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
