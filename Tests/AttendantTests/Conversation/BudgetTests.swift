import Foundation
import Testing

@testable import Attendant

/// Every message costs bounded work and every session bounded memory, whatever a customer (or an
/// attacker) sends: long messages are read as their first and last parts, long words are never
/// typo-corrected, frustration phrases are counted in one sweep, and a session keeps its last turns.
struct BudgetTests {
  static let budget = ConversationBudget(maximumCharacters: 100)

  /// The scalar count reads eight bytes at a time; every length and script gives the scalars' count.
  @Test(arguments: [
    "", "a", "abcdefgh", "abcdefghi", "đơn hàng của tôi đang ở đâu", "SİPARİŞİM", "我的包裹在哪里", "😡e\u{301}x", "ščćžđ",
  ])
  func scalarsAreCountedAsTheStringCountsThem(_ base: String) {
    for repeats in [1, 3, 17] {
      var text = String(repeating: base + " ", count: repeats)
      let count = text.withUTF8 { ConversationBudget.scalarCount($0) }
      #expect(count == text.unicodeScalars.count, "\(base) × \(repeats)")
    }
  }

  /// A long text is cut where the scalars fall, whatever their bytes: the tail is walked from the end.
  @Test func theTailKeepsTheLastHalfOfTheScalars() throws {
    let text = String(repeating: "ở", count: 300) + String(repeating: "x", count: 10)
    let (kept, truncation) = Self.budget.cut(text)
    let cut = try #require(truncation)
    #expect(cut.originalCharacters == 310)
    #expect(cut.keptHead == 50 && cut.keptTail == 50)
    #expect(kept.hasSuffix(String(repeating: "ở", count: 40) + String(repeating: "x", count: 10)))
  }

  @Test func aTextWithinTheBudgetIsReadWhole() {
    let (text, truncation) = Self.budget.cut("where is my order")
    #expect(text == "where is my order")
    #expect(truncation == nil)
  }

  @Test func aLongTextIsReadAsItsFirstAndLastHalvesCutAtWhiteSpace() {
    let story = String(repeating: "so I bought a lamp ", count: 40) + "and where is my order?"
    let (text, truncation) = Self.budget.cut(story)
    let cut = try! #require(truncation)
    #expect(cut.originalCharacters == story.unicodeScalars.count)
    #expect(cut.keptHead <= 50 && cut.keptTail <= 50)
    #expect(text.hasSuffix("and where is my order?"), "the question at the end is kept")
    #expect(text.hasPrefix("so I bought"), "and so is the start")
    #expect(text.contains(ConversationBudget.cutMark))
    let words = text.replacingOccurrences(of: ConversationBudget.cutMark, with: " ").split(separator: " ")
    #expect(
      words.allSatisfy {
        ["so", "I", "bought", "a", "lamp", "and", "where", "is", "my", "order?"].contains(String($0))
      },
      "no word is split: \(text)")
  }

  @Test(arguments: ["我的包裹在哪里", "😡", "đơn hàng ", "e\u{301}"])
  func theBudgetCountsCharactersNotBytes(piece: String) {
    let text = String(repeating: piece, count: 400)
    let (kept, truncation) = Self.budget.cut(text)
    #expect(truncation != nil)
    #expect(kept.unicodeScalars.count <= 100 + ConversationBudget.cutMark.unicodeScalars.count)
    #expect(kept.unicodeScalars.count >= 80)
  }

  @Test func aMegabyteMessageIsAnsweredFromTheBudgetAndTheExplanationSaysSo() throws {
    let message = "hi, where is my order? " + String(repeating: "blah ", count: 200_000) + "thanks"
    var session = ChatSession(id: "big")
    let reply = Demo.engine.respond(to: CustomerMessage(message), in: &session, at: Demo.wednesdayMorning)
    let truncation = try #require(reply.explanation.truncation)
    #expect(truncation.originalCharacters == message.unicodeScalars.count)
    #expect(reply.explanation.text.unicodeScalars.count <= Demo.engine.budget.maximumCharacters + 3)
    #expect(session.transcript.allSatisfy { $0.text.unicodeScalars.count <= Demo.engine.budget.maximumCharacters + 3 })
    #expect((reply.explanation.match?.terms.count ?? 0) <= Demo.engine.budget.maximumCharacters)
  }

  @Test func aWordLongerThanAnyContentWordIsNeverLookedUpForTypos() {
    let corrector = TypoCorrectorTests.corrector
    #expect(corrector.longestCorrectable == "international".utf8.count + 2)
    let long = Array(String(repeating: "international", count: 300).utf8)
    #expect(corrector.correct(long) == nil)
    // Within reach: one letter missing from the longest word is still corrected.
    #expect(corrector.correct(Array("internatinal".utf8)).map { corrector.word($0.word) } == "international")
  }

  @Test func aHugeWordInTheContentIsNotIndexedForTypos() {
    let huge = [UInt8](repeating: 0x61, count: 4_000) + [0x62]
    let corrector = TypoCorrector(words: [Array("order".utf8), huge], frequencies: [1, 1])
    #expect(corrector.longestCorrectable == 5 + 2)
    #expect(corrector.correct(Array("ordr".utf8)).map { corrector.word($0.word) } == "order")
  }

  @Test func aPhraseRepeatedSixtyThousandTimesCountsOnceAndEachOccurrenceIsASpan() {
    let folded = [String](repeating: "useless", count: 60_000)
    let assessment = FrustrationDetector.assess(
      text: "", folded: folded, signals: Demo.knowledgeBase.frustrationSignals[.en]!, earlier: [])
    #expect(assessment.signals == ["phrase 'useless'"])
    #expect(assessment.phraseSpans.count == 60_000)
  }

  @Test func nestedPhrasesStillCountAsTheLongerOne() {
    let folded = "this is the third time and still nothing this is the third time".split(separator: " ").map(
      String.init)
    let assessment = FrustrationDetector.assess(
      text: "", folded: folded, signals: Demo.knowledgeBase.frustrationSignals[.en]!, earlier: [])
    #expect(assessment.signals.contains("phrase 'this is the third time'"))
    #expect(!assessment.signals.contains("phrase 'third time'"))
    #expect(assessment.phraseSpans == [0..<5, 6..<8, 8..<13])
  }

  @Test func aLongConversationKeepsItsLastTurnsOnly() {
    var session = ChatSession(id: "long")
    for number in 0..<60 {
      _ = Demo.engine.respond(
        to: CustomerMessage("where is my order \(number)"), in: &session, at: Demo.wednesdayMorning)
    }
    #expect(session.transcript.count <= Demo.engine.budget.maximumTurns)
    #expect(session.transcript.count + session.omittedTurns == 120)
    #expect(session.transcript.last?.from == .bot)
    #expect(session.transcript.dropLast().last?.text == "where is my order 59")
  }

  @Test func bigMessagesKeepASessionWithinItsByteBudget() {
    var session = ChatSession(id: "bytes")
    let budget = Demo.engine.budget
    for number in 0..<30 {
      let message = "\(number) " + String(repeating: "lorem ipsum ", count: 10_000)
      _ = Demo.engine.respond(to: CustomerMessage(message), in: &session, at: Demo.wednesdayMorning)
    }
    let text = session.transcript.reduce(0) { $0 + $1.text.utf8.count + ChatSession.turnOverhead }
    #expect(text <= budget.maximumSessionBytes)
    #expect(session.transcript.count >= 2)
    #expect(session.estimatedBytes < 2 * budget.maximumSessionBytes)
  }

  @Test func anEscalatedConversationGrowsItsRecordByRevisionsWithinTheBudget() throws {
    var session = ChatSession(id: "esc")
    _ = Demo.engine.respond(to: CustomerMessage("I want to talk to a person"), in: &session, at: Demo.wednesdayMorning)
    #expect(session.escalation?.revision == 1)
    for number in 0..<50 {
      let reply = Demo.engine.respond(
        to: CustomerMessage("still here \(number) " + String(repeating: "x", count: 5_000)), in: &session,
        at: Demo.wednesdayMorning)
      #expect(reply.escalation?.revision == number + 2)
    }
    let record = try #require(session.escalation)
    #expect(record.transcript.count <= Demo.engine.budget.maximumTurns)
    #expect(record.transcript.reduce(0) { $0 + $1.text.utf8.count } <= Demo.engine.budget.maximumSessionBytes)
    #expect(record.transcript.last?.from == .bot)
  }
}

/// The bridge's sessions: least recently used out, within a count and a memory limit, at O(1) a request.
struct SessionTableTests {
  static let now = Demo.wednesdayMorning

  @Test func theLeastRecentlyUsedGoFirst() {
    var table = SessionTable()
    for name in ["a", "b", "c"] { table.put(ChatSession(id: name), now: Self.now, limit: 3) }
    _ = table.take("a", now: Self.now, idleTimeout: 60)
    table.put(ChatSession(id: "a"), now: Self.now, limit: 3)
    table.put(ChatSession(id: "d"), now: Self.now, limit: 3)
    #expect(table.count == 3)
    #expect(table.take("b", now: Self.now, idleTimeout: 60) == nil, "b was the least recently used")
    for name in ["a", "c", "d"] { #expect(table.take(name, now: Self.now, idleTimeout: 60)?.id == name) }
  }

  @Test func aMemoryLimitEvictsUntilTheRestFit() {
    var table = SessionTable()
    let size = ChatSession(id: "s00").estimatedBytes
    for number in 10..<100 {
      table.put(ChatSession(id: "s\(number)"), now: Self.now, limit: 1_000, byteLimit: size * 10)
    }
    #expect(table.count == 10)
    #expect(table.bytes <= size * 10)
    #expect(table.take("s99", now: Self.now, idleTimeout: 60) != nil)
    #expect(table.take("s89", now: Self.now, idleTimeout: 60) == nil)
  }

  @Test func idleSessionsAreForgotten() {
    var table = SessionTable()
    table.put(ChatSession(id: "old"), now: Self.now, limit: 10)
    #expect(table.take("old", now: Self.now.addingTimeInterval(3_601), idleTimeout: 3_600) == nil)
    #expect(table.count == 0)
    table.put(ChatSession(id: "older"), now: Self.now, limit: 10)
    table.put(ChatSession(id: "new"), now: Self.now.addingTimeInterval(7_200), limit: 10, idleTimeout: 3_600)
    #expect(table.count == 1, "an idle session at the old end goes when another is stored")
  }

  @Test func aHundredThousandSessionsStayWithinTheLimitAndSlotsAreReused() {
    var table = SessionTable()
    for number in 0..<100_000 { table.put(ChatSession(id: "s\(number)"), now: Self.now, limit: 1_000) }
    #expect(table.count == 1_000)
    #expect(table.take("s99999", now: Self.now, idleTimeout: 60) != nil)
    #expect(table.take("s98999", now: Self.now, idleTimeout: 60) == nil)
  }

  @Test func aTableWithItsCapacityReservedNeverGrowsWhileFillingUp() {
    // Growing copies every slot and rehashes every id at once: a stall for one customer's message.
    // A full table stores the new session before it evicts the oldest: it needs room for one more.
    var table = SessionTable(capacity: 1_000)
    let reserved = table.reservedSlots
    #expect(reserved > 1_000)
    for number in 0..<3_000 { table.put(ChatSession(id: "s\(number)"), now: Self.now, limit: 1_000) }
    #expect(table.count == 1_000)
    #expect(table.reservedSlots == reserved, "the slots were never reallocated")
  }

  @Test func aTakenSessionIsTheOnlyCopy() {
    var table = SessionTable()
    var session = ChatSession(id: "x")
    _ = Demo.engine.respond(to: CustomerMessage("hello"), in: &session, at: Self.now)
    table.put(session, now: Self.now, limit: 10)
    var taken = table.take("x", now: Self.now, idleTimeout: 60)!
    #expect(table.take("x", now: Self.now, idleTimeout: 60) == nil, "moved out until it is put back")
    _ = Demo.engine.respond(to: CustomerMessage("where is my order"), in: &taken, at: Self.now)
    table.put(taken, now: Self.now, limit: 10)
    #expect(table.take("x", now: Self.now, idleTimeout: 60)?.transcript.count == 4)
  }
}

/// The bridge reads a line's bytes a few instructions each: UTF-8 is checked eight ASCII bytes at a time.
struct UTF8CheckTests {
  @Test(arguments: [
    ("", true), ("hello", true), ("exactly8", true), ("a longer ascii line of text", true),
    ("šifra", true), ("12345678š", true), ("1234567š", true), ("😀", true), ("đơn hàng", true),
  ])
  func validTextIsValid(text: String, valid: Bool) {
    #expect(Bridge.isValidUTF8(Array(text.utf8)) == valid)
  }

  @Test(
    arguments: [
      [0xC3, 0x28], [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xFF], [0xE2, 0x82], [0xED, 0xA0, 0x80],
      [0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0xF0, 0x9F, 0x98],
    ] as [[UInt8]])
  func invalidBytesAreInvalid(bytes: [UInt8]) {
    #expect(!Bridge.isValidUTF8(bytes))
  }
}
