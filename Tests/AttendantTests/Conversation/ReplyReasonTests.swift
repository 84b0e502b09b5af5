import Testing

@testable import Attendant

/// Every reason to hand over has its reply reason, under the same name.
struct ReplyReasonTests {
  @Test(arguments: EscalationReason.allCases)
  func everyEscalationReasonHasTheReplyReasonOfTheSameName(_ reason: EscalationReason) {
    #expect(ReplyReason(reason).rawValue == reason.rawValue)
  }
}
