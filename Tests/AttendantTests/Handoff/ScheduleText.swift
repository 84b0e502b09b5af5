import Foundation

@testable import Attendant

/// Support schedules written inline in tests, parsed as `KnowledgeBase/support.txt` would be.
enum ScheduleText {
  static func parse(_ text: String) -> (schedule: SupportSchedule?, findings: [Finding]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      ContentFile.Line(number: $0.offset + 1, text: String($0.element))
    }
    var findings: [Finding] = []
    let schedule = SupportScheduleParser.parse(
      ContentFile(path: "KnowledgeBase/support.txt", lines: lines), findings: &findings)
    return (schedule, findings)
  }

  /// A schedule that must parse without findings.
  static func schedule(_ text: String) -> SupportSchedule {
    let (schedule, findings) = parse(text)
    guard let schedule, findings.isEmpty else { preconditionFailure("The test schedule does not parse: \(findings)") }
    return schedule
  }
}
