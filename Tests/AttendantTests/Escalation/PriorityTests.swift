import Testing

@testable import Attendant

struct PriorityTests {
  @Test func eachReasonHasABasePriority() {
    let expected: [EscalationReason: EscalationPriority] = [
      .lowConfidence: .low, .humanRequested: .normal, .unresolvedClarification: .normal, .repeatedNonAnswers: .normal,
      .negativeFeedback: .normal, .complaint: .high, .frustration: .high,
    ]
    for reason in EscalationReason.allCases {
      #expect(reason.basePriority == expected[reason], "\(reason)")
    }
  }

  @Test(arguments: [(1, 0), (2, 0), (3, 1), (4, 1), (5, 2), (8, 3)])
  func everySecondAttemptAfterTheFirstRaisesByOneLevel(attempts: Int, levels: Int) {
    #expect(EscalationPriority.raises(forAttempts: attempts) == levels)
  }

  @Test func raisingStopsAtUrgent() {
    #expect(EscalationPriority.low.raised == .normal)
    #expect(EscalationPriority.high.raised(by: 5) == .urgent)
    #expect(EscalationPriority.urgent.raised == .urgent)
  }

  @Test func frustrationRaisesOtherReasonsByOneLevel() {
    let (calm, _) = EscalationPriority.assess(
      reason: .lowConfidence, attempts: 1, frustration: 0, frustratedBefore: false, threshold: 2)
    let (upset, why) = EscalationPriority.assess(
      reason: .lowConfidence, attempts: 1, frustration: 1, frustratedBefore: false, threshold: 2)
    let (earlier, _) = EscalationPriority.assess(
      reason: .lowConfidence, attempts: 1, frustration: 0, frustratedBefore: true, threshold: 2)
    #expect(calm == .low)
    #expect(upset == .normal)
    #expect(earlier == .normal)
    #expect(why == ["low for low-confidence", "+1 for signs of frustration"])
  }

  @Test func strongFrustrationIsUrgent() {
    let (strong, _) = EscalationPriority.assess(
      reason: .frustration, attempts: 1, frustration: 2, frustratedBefore: false, threshold: 2)
    let (severe, _) = EscalationPriority.assess(
      reason: .frustration, attempts: 1, frustration: 3, frustratedBefore: false, threshold: 2)
    #expect(strong == .high)
    #expect(severe == .urgent)
  }

  @Test func repeatedAttemptsAndFrustrationAddUp() {
    let (priority, why) = EscalationPriority.assess(
      reason: .humanRequested, attempts: 3, frustration: 0.5, frustratedBefore: true, threshold: 2)
    #expect(priority == .urgent)
    #expect(
      why == ["normal for human-requested", "+1 for 3 messages without an answer", "+1 for signs of frustration"])
  }

  @Test func prioritiesAreWrittenAsWords() throws {
    let data = try EscalationRecord.makeEncoder(pretty: false).encode([EscalationPriority.low, .urgent])
    #expect(String(decoding: data, as: UTF8.self) == #"["low","urgent"]"#)
  }
}
