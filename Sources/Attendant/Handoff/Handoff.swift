import Foundation
import Synchronization

/// What to tell a customer whose conversation goes to a person: whether someone is on shift, and if
/// not, when the next shift starts, in the customer's language and local time.
struct Handoff: Sendable {
  let availability: SupportSchedule.Availability?
  let timeZone: TimeZone?
  let now: Date

  init(schedule: SupportSchedule?, language: Language, timeZone: TimeZone?, now: Date) {
    self.availability = schedule?.availability(for: language, at: now)
    self.timeZone = timeZone
    self.now = now
  }

  var isOnShift: Bool {
    if case .onShift = availability { return true }
    return false
  }

  /// The record's assignment: team, shift and expected first response.
  var assignment: EscalationRecord.Assignment {
    switch availability {
    case .onShift(let team, _)?:
      return .init(
        team: team.name, onShift: true,
        expectedFirstResponse: now.addingTimeInterval(Double(team.responseMinutes) * 60), nextShiftStart: nil)
    case .offShift(let team, let next)?:
      return .init(
        team: team.name, onShift: false,
        expectedFirstResponse: next.addingTimeInterval(Double(team.responseMinutes) * 60), nextShiftStart: next)
    case .uncovered?, nil:
      return .init(team: nil, onShift: false, expectedFirstResponse: nil, nextShiftStart: nil)
    }
  }

  /// The sentence for the customer.
  func text(_ phrases: Phrases, locale: String) -> String {
    switch availability {
    case .onShift(let team, _)?:
      return phrases.text(.handoffNow, ["minutes": String(team.responseMinutes)])
    case .offShift(_, let next)?:
      return phrases.text(.handoffLater, ["when": Self.describe(next, locale: locale, timeZone: timeZone)])
    case .uncovered?, nil:
      return phrases[.handoffNone]
    }
  }

  /// A moment in the customer's language and time zone, or UTC: `Monday 24 November, 08:00 (Europe/Zagreb)`.
  static func describe(_ date: Date, locale identifier: String, timeZone: TimeZone?) -> String {
    let zone = timeZone ?? .utc
    let key = "\(identifier)|\(zone.identifier)"
    // Building a formatter from a template costs about a millisecond; one per locale and zone is kept.
    let formatted = formatters.withLock { cache -> String in
      let formatter: DateFormatter
      if let cached = cache[key] {
        formatter = cached
      } else {
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: identifier)
        formatter.timeZone = zone
        formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMMHHmm")
        if cache.count > 256 { cache.removeAll() }
        cache[key] = formatter
      }
      return formatter.string(from: date)
    }
    return "\(formatted) (\(zone.identifier == "GMT" ? "UTC" : zone.identifier))"
  }

  /// Formatters by locale and zone. `DateFormatter` is a class that is not `Sendable`; every use is
  /// inside the lock.
  private static let formatters = Mutex<[String: DateFormatter]>([:])
}
