import Testing

@testable import Attendant

struct PersonalDataTests {
  @Test(arguments: [
    "ana@example.com", "Ana.Kovac+shop@example.co.uk", "ANA@EXAMPLE.HR", "nguyen_van.a@mail.vn",
    "budi-s@sub.domain.co.id",
    "đuro@primjer.hr", "müşteri@örnek.com.tr",
  ])
  func findsEmailAddresses(address: String) {
    let text = "please write to \(address), thanks"
    #expect(PersonalData.find(in: text).map(\.text) == [address])
    #expect(PersonalData.redact(text) == "please write to [email], thanks")
  }

  @Test(arguments: ["@example.com", "ana@localhost", "x@y.c", "ana@", "a@b..com", "user@example.c0m"])
  func leavesThingsThatAreNotAddresses(text: String) {
    #expect(PersonalData.find(in: text).filter { $0.kind == .email }.isEmpty, "\(PersonalData.find(in: text))")
  }

  @Test func anAddressEndsBeforeTrailingPunctuation() {
    #expect(PersonalData.redact("mail me at a@b.com.") == "mail me at [email].")
    #expect(PersonalData.redact("<ana@example.com>") == "<[email]>")
  }

  @Test(arguments: [
    "+385 91 234 5678",  // Croatia, mobile
    "+44 20 7946 0321",  // United Kingdom, London
    "+1 (555) 123-4567",  // North America
    "+90 532 123 45 67",  // Turkey
    "+84 912 345 678",  // Vietnam
    "+62 812-3456-7890",  // Indonesia
    "+381.11.123.4567",  // dots
    "+7 495 123-45-67",  // Russia
    "(+385) 1 2345 678",  // country code in brackets
    "0049 30 1234567",  // international prefix 00
    "091 234 5678",  // national, with the trunk 0
    "0912345678",  // national, no spaces
  ])
  func findsPhoneNumbersInInternationalAndNationalFormats(number: String) {
    let text = "call me on \(number) after six"
    let spans = PersonalData.find(in: text)
    #expect(spans.map(\.kind) == [.phone])
    #expect(spans.first?.text == number)
    #expect(PersonalData.redact(text) == "call me on [phone] after six")
  }

  @Test(arguments: [
    "4111 1111 1111 1111",  // Visa test number
    "4111-1111-1111-1111",
    "4111111111111111",
    "5500 0000 0000 0004",  // Mastercard
    "3782 822463 10005",  // American Express, 15 digits
    "6011 0009 9013 9424",  // Discover
    "4222222222222",  // 13 digits
  ])
  func findsLuhnValidCardNumbers(number: String) {
    let text = "my card \(number) was declined"
    #expect(PersonalData.find(in: text).map(\.kind) == [.card])
    #expect(PersonalData.redact(text) == "my card [card] was declined")
  }

  @Test(arguments: ["4111 1111 1111 1112", "5500 0000 0000 0005", "1234 5678 9012 3456"])
  func aNumberThatFailsTheLuhnCheckIsNoCard(number: String) {
    #expect(PersonalData.find(in: "card \(number)").allSatisfy { $0.kind != .card })
  }

  @Test(arguments: [
    "ORB-48213579", "order ORB-48213579 please", "ORB48213579", "#48213579", "order 48213579", "ORB 48213579",
    "order no. 48213579", "ORB-4821357912345", "2026-11-25", "19.99 €", "Rp79.000", "129.000 ₫", "3.5kg", "12/25/2026",
    "call 112", "08:00-20:00",
  ])
  func leavesOrderNumbersDatesAndPricesAlone(text: String) {
    #expect(PersonalData.find(in: text).isEmpty, "\(PersonalData.find(in: text))")
    #expect(PersonalData.redact(text) == text)
  }

  @Test func redactsOnlyTheKindsAskedFor() {
    let text = "ana@example.com, +385 91 234 5678, 4111 1111 1111 1111, ORB-48213579"
    #expect(PersonalData.redact(text) == "[email], [phone], [card], ORB-48213579")
    #expect(PersonalData.redact(text, kinds: [.card]) == "ana@example.com, +385 91 234 5678, [card], ORB-48213579")
    #expect(
      PersonalData.redact(text, kinds: [.email, .phone]) == "[email], [phone], 4111 1111 1111 1111, ORB-48213579")
    #expect(PersonalData.redact(text, kinds: []) == text)
  }

  @Test func contactsAreAddressesAndPhoneNumbersButNeverCards() {
    let text = "reach me at ana@example.com or +44 20 7946 0321; card 4111 1111 1111 1111"
    #expect(PersonalData.contacts(in: text) == ["ana@example.com", "+44 20 7946 0321"])
  }

  /// Issue 13, item 6: the record held half an address, another person's, or an IBAN as a phone.
  @Test(arguments: [
    ("write to john.o'reilly@example.com", ["john.o'reilly@example.com"]),
    ("a&b.shop@example.com please", ["a&b.shop@example.com"]),
    ("jose\u{301}.garcia@example.com", ["jose\u{301}.garcia@example.com"]),
    ("IBAN HR12 1001 0051 8630 0016 0, tel 091 234 5678", ["091 234 5678"]),
  ])
  func contactsAreWholeAndOnlyContacts(text: String, contacts: [String]) {
    #expect(PersonalData.contacts(in: text) == contacts)
  }

  @Test func theKindsIncludeIBANsAndPasswords() {
    let text = "HR12 1001 0051 8630 0016 0, lozinka: tajna123, ana@example.com"
    #expect(PersonalData.find(in: text).map(\.kind) == [.iban, .password, .email])
    #expect(PersonalData.redact(text, kinds: [.iban]) == "[iban], lozinka: tajna123, ana@example.com")
    let passwordOnly = "HR12 1001 0051 8630 0016 0, lozinka: [password], ana@example.com"
    #expect(PersonalData.redact(text, kinds: [.password]) == passwordOnly)
  }

  /// Full-width digits, no-break spaces and decomposed accents are read as what they are, while the
  /// spans point at the text as written.
  @Test(arguments: ["０９１ ２３４ ５６７８", "091\u{00A0}234\u{202F}5678", "jose\u{301}@cafe\u{301}.fr", "4111–1111–1111–1111"])
  func spansPointAtTheTextAsWritten(data: String) {
    let text = "Đuro: \(data) — hvala"
    let spans = PersonalData.find(in: text)
    #expect(spans.count == 1)
    let scalars = Array(text.unicodeScalars)
    #expect(spans.first.map { String(String.UnicodeScalarView(scalars[$0.scalars])) } == data)
    #expect(spans.first?.text == data)
    #expect(PersonalData.redact(text).hasPrefix("Đuro: ["))
    #expect(PersonalData.redact(text).hasSuffix("] — hvala"))
  }

  /// Hostile input costs work in proportion to its length (a quadratic pass would take 10¹¹ steps
  /// here): issue 13's units repeated to a megabyte, and one for each finder to 100 kB.
  @Test(arguments: [
    ("1 ", 1_000_000), ("a.", 1_000_000), ("a@", 1_000_000), ("0 ", 100_000), ("0-", 100_000), ("1.1.", 100_000),
    ("4111 ", 100_000), ("HR12 ", 100_000), ("a@b.", 100_000), ("+1 ", 100_000), ("password: ", 100_000),
    ("12:3", 100_000), ("0 (1) ", 100_000), ("mật khẩu là ", 100_000),
  ])
  func findingIsLinearInTheTextsLength(unit: String, bytes: Int) {
    let text = String(repeating: unit, count: bytes / unit.utf8.count)
    let scan = PersonalData.scan(text)
    let length = text.unicodeScalars.count
    #expect(scan.work <= 20 * length, "\(scan.work) steps for \(length) scalars")
  }

  @Test func spansCountUnicodeScalarsSoTextAroundThemSurvives() {
    let text = "Số điện thoại của tôi là +84 912 345 678 ạ"
    #expect(PersonalData.redact(text) == "Số điện thoại của tôi là [phone] ạ")
  }

  @Test(
    arguments: [
      ([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], true), ([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3], true),
      ([1, 2, 3, 4], false),
    ] as [([UInt8], Bool)])
  func luhn(digits: [UInt8], valid: Bool) {
    #expect(PersonalData.luhnValid(digits) == valid)
  }
}
