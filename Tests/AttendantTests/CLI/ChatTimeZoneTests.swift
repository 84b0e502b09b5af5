import Foundation
import Testing

@testable import AttendantCLI

/// The chat's time zone: where it starts, and which names `/tz` and `--time-zone` accept.
struct ChatTimeZoneTests {
  static let zagrebLink = "/usr/share/zoneinfo/Europe/Zagreb"

  @Test(
    arguments: [
      (nil, "Asia/Tokyo", zagrebLink, "Asia/Tokyo", ChatTimeZone.Source.environment),
      (nil, ":Asia/Tokyo", nil, "Asia/Tokyo", .environment),
      (nil, ":/usr/share/zoneinfo/Asia/Tokyo", nil, "Asia/Tokyo", .environment),
      (nil, "UTC", zagrebLink, "UTC", .environment),
      // A TZ that names no zone (POSIX rules, junk, empty) gives way to the system's.
      (nil, "CET-1CEST", zagrebLink, "Europe/Zagreb", .system),
      (nil, "", zagrebLink, "Europe/Zagreb", .system),
      (nil, "UTC\u{0}x", zagrebLink, "Europe/Zagreb", .system),
      (nil, nil, zagrebLink, "Europe/Zagreb", .system),
      (nil, nil, "../usr/share/zoneinfo/posix/America/New_York", "America/New_York", .system),
      (nil, nil, "/var/db/timezone/zoneinfo/Etc/UTC", "Etc/UTC", .system),
      // Nothing usable: UTC.
      (nil, nil, nil, "UTC", .fallback),
      (nil, "Mars/Olympus", "/etc/alternatives/localtime", "UTC", .fallback),
      (nil, nil, "/usr/share/zoneinfo/", "UTC", .fallback),
      // --time-zone wins.
      ("America/New_York", "Asia/Tokyo", zagrebLink, "America/New_York", .option),
    ] as [(String?, String?, String?, String, ChatTimeZone.Source)])
  func initialZone(option: String?, tz: String?, link: String?, name: String, source: ChatTimeZone.Source) throws {
    let zone = try ChatTimeZone.initial(
      option: option, environment: tz.map { ["TZ": $0] } ?? [:], localtimeLink: link)
    #expect(zone.name == name)
    #expect(zone.source == source)
    #expect((zone.zone == nil) == (source == .fallback), "only the fallback leaves the customer's zone unknown")
  }

  @Test(arguments: [
    "Europe/Zagreb", "UTC", "Etc/UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Asia/Ho_Chi_Minh",
  ])
  func acceptsIANANames(name: String) {
    #expect(ChatTimeZone.named(name) != nil)
  }

  @Test(arguments: [
    "UTC\u{0}x", "Europe/Zagreb\u{1B}[2J", "", " UTC", "Europe/Zagreb\n", "Europe/../Europe/Zagreb", "/etc/passwd",
    "Europe//Zagreb", "Europe/", "Foo/Bar", "europe/zagreb", String(repeating: "Europe/", count: 10) + "Zagreb",
  ])
  func rejectsOtherNames(name: String) {
    #expect(ChatTimeZone.named(name) == nil)
  }

  @Test func anUnknownNameIsAnErrorWithAHint() {
    #expect(throws: UsageError.self) { try ChatTimeZone.zone("Europe/Zagrb") }
    do {
      _ = try ChatTimeZone.zone("Europe/Zagrb")
    } catch {
      #expect(
        error.description
          == "Unknown time zone 'Europe/Zagrb'. Did you mean 'Europe/Zagreb'? Use an IANA name such as 'Europe/Zagreb'."
      )
    }
    do {
      _ = try ChatTimeZone.zone("UTC\u{0}\u{1B}x")
    } catch {
      #expect(error.description.hasPrefix(#"Unknown time zone 'UTC\u{0}\u{1b}x'."#), "control characters are escaped")
    }
  }

  @Test(arguments: [
    (ChatTimeZone.Source.option, "Europe/Zagreb (set with --time-zone)"),
    (.environment, "Europe/Zagreb (from the TZ environment variable)"),
    (.system, "Europe/Zagreb (the system's, from /etc/localtime)"),
    (.command, "Europe/Zagreb (set with /tz)"),
  ])
  func describesWhereTheZoneCameFrom(source: ChatTimeZone.Source, description: String) {
    #expect(
      ChatTimeZone(zone: ChatTimeZone.named("Europe/Zagreb"), name: "Europe/Zagreb", source: source).description
        == description)
  }
}
