import Attendant
import Foundation

/// The chat's time zone and where it came from, for `/tz` and the greeting.
///
/// The chat starts in `--time-zone` when given, else in the `TZ` environment variable when it names
/// a zone, else in the zone `/etc/localtime` links to, else in UTC.
struct ChatTimeZone: Sendable, Equatable {
  enum Source: Sendable, Equatable {
    case option, environment, system, fallback, command
  }

  /// The zone; `nil` for the fallback, so that escalation records do not claim the customer is in UTC.
  let zone: TimeZone?
  /// The name as given (Foundation calls `UTC` "GMT").
  let name: String
  let source: Source

  static let fallback = ChatTimeZone(zone: nil, name: "UTC", source: .fallback)

  /// Where the zone came from, for people: `Europe/Zagreb (from the TZ environment variable)`.
  var description: String {
    let origin =
      switch source {
      case .option: "set with --time-zone"
      case .environment: "from the TZ environment variable"
      case .system: "the system's, from /etc/localtime"
      case .fallback: "the default: neither TZ nor /etc/localtime names a time zone"
      case .command: "set with /tz"
      }
    return "\(name) (\(origin))"
  }

  /// The time zone a chat starts in.
  ///
  /// - Parameters:
  ///   - option: The `--time-zone` value, if any.
  ///   - environment: The process environment (its `TZ`).
  ///   - localtimeLink: Where `/etc/localtime` links to, if it is a link.
  /// - Throws: `UsageError` when `option` is not a time zone.
  static func initial(option: String?, environment: [String: String], localtimeLink: String?) throws(UsageError)
    -> ChatTimeZone
  {
    if let option { return ChatTimeZone(zone: try zone(option), name: option, source: .option) }
    if let value = environment["TZ"],
      let name = zoneName(inPath: value.hasPrefix(":") ? String(value.dropFirst()) : value),
      let zone = named(name)
    {
      return ChatTimeZone(zone: zone, name: name, source: .environment)
    }
    if let link = localtimeLink, link.contains("zoneinfo/"), let name = zoneName(inPath: link), let zone = named(name) {
      return ChatTimeZone(zone: zone, name: name, source: .system)
    }
    return .fallback
  }

  /// Where `/etc/localtime` links to, or `nil` when it is missing or not a link.
  static func localtimeLink() -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime")
  }

  /// A zone name from a `TZ` value or a link into the zone database: the part after `zoneinfo/`
  /// (and after `posix/` or `right/`), or the value itself.
  static func zoneName(inPath path: String) -> String? {
    var name = Substring(path)
    if let range = path.range(of: "zoneinfo/") { name = path[range.upperBound...] }
    for folder in ["posix/", "right/"] where name.hasPrefix(folder) { name = name.dropFirst(folder.count) }
    return name.isEmpty ? nil : String(name)
  }

  /// A time zone from its IANA name, such as `Europe/Zagreb` or `UTC`, or `nil` (see
  /// `TimeZone(ianaName:)`, which the bridge uses too).
  static func named(_ name: String) -> TimeZone? {
    try? TimeZone(ianaName: name)
  }

  /// A time zone from its IANA name.
  ///
  /// - Throws: `UsageError` naming the value, with the closest known name when there is one.
  static func zone(_ name: String) throws(UsageError) -> TimeZone {
    if let zone = named(name) { return zone }
    let hint = Arguments.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers).map { " Did you mean '\($0)'?" } ?? ""
    throw UsageError(
      "Unknown time zone '\(UnknownTimeZone.printable(name))'.\(hint) Use an IANA name such as 'Europe/Zagreb'.")
  }

}
