import Foundation
import Testing

@testable import Attendant

/// What the customer is told when the bot hands over, in their language and local time, with a
/// fixed clock. The expected shift starts are worked out by hand from `KnowledgeBase/support.txt`.
struct HandoffTests {
  static let askForAPerson: [Language: String] = [
    .en: "I would like to talk to a human, please", .hr: "želim razgovarati s djelatnikom",
    .vi: "cho tôi nói chuyện với nhân viên hỗ trợ", .tr: "müşteri temsilcisiyle konuşmak istiyorum",
    .id: "saya mau bicara dengan petugas CS",
  ]

  static let trackOrder: [Language: String] = [
    .en: "where is my order", .hr: "gdje je moja narudžba", .vi: "đơn hàng của tôi đâu rồi", .tr: "siparişim nerede",
    .id: "di mana pesanan saya",
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    let language: Language
    let zone: String?
    let team: String
    /// The next shift's start, UTC.
    let start: String
    /// The customer's local time at the moment of the hand-off.
    let localTime: String
    /// Pieces of the sentence: weekday, day and month, local time, zone.
    let pieces: [String]

    var testDescription: String { "\(language) in \(zone ?? "UTC")" }
  }

  /// Saturday 27 March 2027, 19:30 UTC, the evening before summer time starts in Europe. Every team
  /// is off; Zagreb's Monday is Easter Monday.
  static let beforeSummerTime = Date.at("2027-03-27T19:30:00Z")

  static let acrossSummerTime: [Case] = [
    // Ho Chi Minh City opens first for English: Monday 08:00 +07 = 01:00 UTC = 02:00 BST in London,
    // whose clocks went forward in between (it is 19:30 GMT now).
    Case(
      language: .en, zone: "Europe/London", team: "Ho Chi Minh City", start: "2027-03-29T01:00:00Z",
      localTime: "2027-03-27T19:30:00+00:00", pieces: ["Monday", "March 29", "02:00", "(Europe/London)"]),
    // Zagreb: Tuesday 30 March 08:00 CEST = 06:00 UTC (it is 20:30 CET now).
    Case(
      language: .hr, zone: "Europe/Zagreb", team: "Zagreb", start: "2027-03-30T06:00:00Z",
      localTime: "2027-03-27T20:30:00+01:00", pieces: ["utorak", "30. ožujka", "08:00", "(Europe/Zagreb)"]),
    // Istanbul: Monday 09:00 +03 = 06:00 UTC = 08:00 CEST for a customer in Berlin (20:30 CET now).
    Case(
      language: .tr, zone: "Europe/Berlin", team: "Istanbul", start: "2027-03-29T06:00:00Z",
      localTime: "2027-03-27T20:30:00+01:00", pieces: ["Pazartesi", "29 Mart", "08:00", "(Europe/Berlin)"]),
    // Ho Chi Minh City: Monday 08:00 +07; without a time zone the customer is told in UTC.
    Case(
      language: .vi, zone: nil, team: "Ho Chi Minh City", start: "2027-03-29T01:00:00Z",
      localTime: "2027-03-27T19:30:00Z", pieces: ["Thứ Hai", "29 tháng 3", "01:00", "(UTC)"]),
    // Jakarta: Monday 08:00 +07, where it is already Sunday 02:30.
    Case(
      language: .id, zone: "Asia/Jakarta", team: "Jakarta", start: "2027-03-29T01:00:00Z",
      localTime: "2027-03-28T02:30:00+07:00", pieces: ["Senin", "29 Maret", "08.00", "(Asia/Jakarta)"]),
  ]

  @Test(arguments: acrossSummerTime)
  func namesTheNextShiftInTheCustomersLanguageAndLocalTime(_ expected: Case) throws {
    var conversation = ConversationDriver(at: Self.beforeSummerTime)
    let reply = conversation.say(
      Self.askForAPerson[expected.language]!, language: expected.language,
      timeZone: expected.zone.flatMap(TimeZone.init(identifier:)))
    #expect(reply.decision == .escalate)
    let phrases = Demo.engine.phrases(for: expected.language)
    let lead = phrases[.handoffLater].components(separatedBy: "{when}")[0]
    let sentence = try #require(
      reply.text.components(separatedBy: "\n\n").first { $0.hasPrefix(lead) }, "\(reply.text)")
    for piece in expected.pieces {
      #expect(sentence.contains(piece), "'\(piece)' is missing from: \(sentence)")
    }
    #expect(reply.text.hasSuffix(phrases[.askContact]), "nobody is on shift, so the bot asks for an e-mail address")

    let record = try #require(reply.escalation)
    #expect(record.assignment.team == expected.team)
    #expect(record.assignment.onShift == false)
    #expect(record.assignment.nextShiftStart == .at(expected.start))
    #expect(record.assignment.expectedFirstResponse == Date.at(expected.start).addingTimeInterval(120 * 60))
    #expect(record.customer.timeZone == expected.zone)
    #expect(record.customer.localTime == expected.localTime)
    #expect(record.createdAt == Self.beforeSummerTime)
  }

  @Test(arguments: [Language.en, .hr, .vi, .tr, .id])
  func saysWhenAPersonWillAnswerDuringAShift(_ language: Language) throws {
    var conversation = ConversationDriver()
    let reply = conversation.say(Self.askForAPerson[language]!, language: language)
    let phrases = Demo.engine.phrases(for: language)
    #expect(reply.text.hasSuffix(phrases.text(.handoffNow, ["minutes": "120"])))
    #expect(!reply.text.contains(phrases[.askContact]))
    let record = try #require(reply.escalation)
    #expect(record.assignment.onShift)
    #expect(record.assignment.nextShiftStart == nil)
    #expect(record.assignment.expectedFirstResponse == Demo.wednesdayMorning.addingTimeInterval(120 * 60))
  }

  @Test func theTimeZoneOfAnEarlierMessageIsKept() throws {
    // Saturday 28 November 2026, 16:00 in Zagreb: the next Croatian shift is Monday 08:00 CET.
    var conversation = ConversationDriver(at: .at("2026-11-28T15:00:00Z"))
    conversation.say("gdje je moja narudžba", timeZone: TimeZone(identifier: "America/Sao_Paulo"))
    let reply = conversation.say("želim razgovarati s djelatnikom")
    // 07:00 UTC is 04:00 in São Paulo (-03, no summer time since 2019).
    #expect(reply.text.contains("04:00 (America/Sao_Paulo)"), "\(reply.text)")
    #expect(reply.escalation?.customer.timeZone == "America/Sao_Paulo")
  }

  @Test func withoutATimeZoneTheTimeIsInUTC() throws {
    var conversation = ConversationDriver(at: .at("2026-11-28T15:00:00Z"))
    let reply = conversation.say("želim razgovarati s djelatnikom", language: .hr)
    #expect(reply.text.contains("ponedjeljak, 30. studenoga"), "\(reply.text)")
    #expect(reply.text.contains("07:00 (UTC)"))
    #expect(reply.escalation?.customer.timeZone == nil)
    #expect(reply.escalation?.customer.localTime == "2026-11-28T15:00:00Z")
  }

  @Test func withoutASupportScheduleThePromiseIsVague() throws {
    let demo = Demo.knowledgeBase
    let withoutSchedule = KnowledgeBase(
      intents: demo.intents.values.flatMap { $0 }, articles: demo.articles.values.flatMap { $0.values },
      phrases: demo.phrases, profiles: demo.profiles, schedule: nil)
    var conversation = ConversationDriver(engine: Engine(knowledgeBase: withoutSchedule))
    let reply = conversation.say("I would like to talk to a human, please", language: .en)
    let phrases = Demo.engine.phrases(for: .en)
    #expect(reply.text.contains(phrases[.handoffNone]))
    let record = try #require(reply.escalation)
    #expect(record.assignment.team == nil)
    #expect(record.assignment.expectedFirstResponse == nil)
  }
}
