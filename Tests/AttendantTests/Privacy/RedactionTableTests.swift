import Testing

@testable import Attendant

/// Every case of issue 13's "redaction that holds", in the five markets' formats, each with the exact
/// redacted text: personal data never leaks, and dates, times and order numbers are never redacted.
struct RedactionTableTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let text: String
    let redacted: String
    var testDescription: String { text.debugDescription }

    init(_ text: String, _ redacted: String) {
      self.text = text
      self.redacted = redacted
    }

    /// A row whose text must stay as it is.
    static func kept(_ text: String) -> Row { Row(text, text) }
  }

  /// Card numbers: grouping, then Luhn; an expiry date or CVV right after is hidden with the card.
  static let cards: [Row] = [
    Row("card 4111 1111 1111 1111 12/26", "card [card]"),
    Row("4111111111111111 123", "[card]"),
    Row("4111–1111–1111–1111", "[card]"),
    Row("4111-1111-1111-1111, 12/2026, CVV 123", "[card]"),
    Row("my card 4111 1111 1111 1111 exp 12/26 cvv 123 was declined", "my card [card] was declined"),
    Row("4111\u{00A0}1111\u{00A0}1111\u{00A0}1111", "[card]"),
    Row("4111\u{202F}1111\u{202F}1111\u{202F}1111 12/26", "[card]"),
    Row("４１１１ １１１１ １１１１ １１１１", "[card]"),
    Row("Amex 3782 822463 10005 1234", "Amex [card]"),
    Row("kartica 5500 0000 0000 0004, vrijedi do 12/27", "kartica [card]"),
    Row("kart numaram 4111 1111 1111 1111 son kullanma 12/26", "kart numaram [card]"),
    Row("thẻ 4111 1111 1111 1111 ngày hết hạn 12/26", "thẻ [card]"),
    Row("kartu 4111111111111111 masa berlaku 12/2026", "kartu [card]"),
    Row("4111 1111 1111 1111 0912345678", "[card] [phone]"),
    Row("4111 1111 1111 1111 05.11.2026", "[card] 05.11.2026"),
    .kept("4111 1111 1111 1112"),
  ]

  /// Phone numbers as people write them in each market.
  static let phones: [Row] = [
    // hr
    Row("Nazovite me na 091 234 5678.", "Nazovite me na [phone]."),
    Row("mob: +385 91 234 5678", "mob: [phone]"),
    Row("fiksni 01/2345-678", "fiksni [phone]"),
    Row("(01) 2345 678", "[phone]"),
    Row("+385 (0)91 234 5678", "[phone]"),
    Row("(+385) 1 2345 678", "[phone]"),
    // tr
    Row("Beni 0532 123 45 67 numaralı telefondan arayın", "Beni [phone] numaralı telefondan arayın"),
    Row("+90 532 123 45 67", "[phone]"),
    Row("numaram 05321234567", "numaram [phone]"),
    // vi
    Row("Số của tôi là 0912 345 678 ạ", "Số của tôi là [phone] ạ"),
    Row("+84 912 345 678", "[phone]"),
    Row("gọi 0912.345.678", "gọi [phone]"),
    // id
    Row("Hubungi saya di 0812-3456-7890", "Hubungi saya di [phone]"),
    Row("+62 812 3456 7890", "[phone]"),
    Row("wa 081234567890", "wa [phone]"),
    // en
    Row("call (212) 555-0147", "call [phone]"),
    Row("+1 212 555 0147", "[phone]"),
    Row("212-555-0147", "[phone]"),
    Row("07700 900123", "[phone]"),
    Row("+44 20 7946 0321", "[phone]"),
    Row("0049 30 1234567", "[phone]"),
    // issue 13, item 7
    Row("091 234 5678 2pm", "[phone] 2pm"),
    Row("0912345678 0987654321", "[phone] [phone]"),
    Row("091\u{00A0}234\u{00A0}5678", "[phone]"),
    Row("091\u{202F}234\u{202F}5678", "[phone]"),
    Row("091–234–5678", "[phone]"),
    Row("０９１２３４５６７８", "[phone]"),
    Row("٠٩١٢٣٤٥٦٧٨", "[phone]"),
    // A nine-digit number with a trunk 0 and no order word is a phone: the shape of a Zagreb landline.
    Row("048213579", "[phone]"),
    // adversarial
    Row("0912345678/0987654321", "[phone]/[phone]"),
    Row("091 234 5678, 098 765 4321", "[phone], [phone]"),
    Row("+385 91 234 5678 +385 98 765 4321", "[phone] [phone]"),
    Row("tel:+385912345678", "tel:[phone]"),
    Row("zovi 091 234 5678 u 14:30", "zovi [phone] u 14:30"),
    Row("091 234 5678 05.11.2026", "[phone] 05.11.2026"),
    Row("(091 234 5678)", "([phone])"),
  ]

  /// E-mail addresses: whole, whatever their characters.
  static let emails: [Row] = [
    Row("john.o'reilly@example.com", "[email]"),
    Row("john.o’reilly@example.com", "[email]"),
    Row("a&b.shop@example.com", "[email]"),
    Row("jose\u{301}.garcia@example.com", "[email]"),
    Row("maria@cafe\u{301}.fr", "[email]"),
    Row("user@primjer.xn--p1ai", "[email]"),
    Row("user@例子.中国", "[email]"),
    Row("user@пример.рф", "[email]"),
    Row("'ana@example.com'", "'[email]'"),
    Row("pišite na đuro.kovač@primjer.hr!", "pišite na [email]!"),
    Row("müşteri@örnek.com.tr adresime", "[email] adresime"),
    Row("email nguyễn.văn.a@côngty.vn nhé", "email [email] nhé"),
    Row("budi+toko@contoh.co.id", "[email]"),
  ]

  /// IBANs, with and without spaces, validated by mod 97.
  static let ibans: [Row] = [
    Row("HR12 1001 0051 8630 0016 0", "[iban]"),
    Row("IBAN HR1210010051863000160", "IBAN [iban]"),
    Row("IBAN: TR33 0006 1005 1978 6457 8413 26", "IBAN: [iban]"),
    Row("TR330006100519786457841326", "[iban]"),
    Row("GB82 WEST 1234 5698 7654 32", "[iban]"),
    Row("de89 3704 0044 0532 0130 00", "[iban]"),
    // Check digits that fail: no IBAN, and its digits are not read as a phone either.
    .kept("HR12 1001 0051 8630 0016 1"),
  ]

  /// Passwords after a keyword; words that describe a password stay.
  static let passwords: [Row] = [
    Row("moja lozinka je tajna123", "moja lozinka je [password]"),
    Row("lozinka mi je tajna123.", "lozinka mi je [password]."),
    Row("my password is tajna123", "my password is [password]"),
    Row("password: Sunshine!", "password: [password]!"),
    Row("şifrem tajna123", "şifrem [password]"),
    Row("şifre: tajna123", "şifre: [password]"),
    Row("mật khẩu của tôi là tajna123", "mật khẩu của tôi là [password]"),
    Row("mật khẩu tajna123", "mật khẩu [password]"),
    Row("kata sandi saya tajna123", "kata sandi saya [password]"),
    Row("password saya adalah rahasia", "password saya adalah [password]"),
    .kept("my password is not working"),
    .kept("I forgot my password, can you reset it?"),
    .kept("lozinka je pogrešna"),
    .kept("şifremi unuttum"),
    .kept("şifrem yanlış"),
    .kept("mật khẩu không đúng"),
    .kept("password saya salah"),
    .kept("i cannot remember what my pin is for my checking account"),
    .kept("my password is the same as before"),
    .kept("link za novu sifru je istekao"),
    .kept("my password is 8 characters long"),
    Row("my PIN is 4321", "my PIN is [password]"),
  ]

  /// Dates and times in the five languages' formats: never phones.
  static let datesAndTimes: [Row] = [
    .kept("05.11.2026 10:30"),
    .kept("dostava 05.11.2026. između 08:00 i 16:00"),
    .kept("5. 11. 2026. u 14:30"),
    .kept("05.11.2026 saat 14:30"),
    .kept("ngày 05/11/2026 lúc 14h30"),
    .kept("tanggal 05-11-2026 jam 14.30"),
    .kept("on 11/30/2026 at 2pm"),
    .kept("5/11/2026"),
    .kept("30/11/2026"),
    .kept("2026-11-05"),
    .kept("2026-11-05T10:30"),
    .kept("2026.11.05."),
    .kept("08:00-20:00"),
    .kept("9:05:30"),
    .kept("05.11.2026 0:30"),
    .kept("05/11/26 10:30"),
  ]

  /// Order numbers in the five languages, and other numbers that are no personal data.
  static let orderNumbers: [Row] = [
    .kept("order 048213579"),
    .kept("my order number is 048213579"),
    .kept("ORB-48213579"),
    .kept("ORB-048213579"),
    .kept("ORB048213579"),
    .kept("#48213579"),
    .kept("order #048213579"),
    .kept("narudžba 048213579"),
    .kept("broj narudžbe 048213579"),
    .kept("narudžba br. 048213579"),
    .kept("siparişim 048213579"),
    .kept("sipariş no: 048213579"),
    .kept("048213579 numaralı siparişim nerede"),
    .kept("đơn hàng 048213579"),
    .kept("mã đơn 048213579"),
    .kept("pesanan 048213579"),
    .kept("nomor pesanan saya 048213579"),
    .kept("order 48213579"),
    .kept("19.99 €"),
    .kept("Rp 1.250.000"),
    .kept("1.400.000 VND"),
    .kept("3.5kg"),
    .kept("call 112"),
    .kept("0912345678kg"),
  ]

  @Test(arguments: cards + phones + emails + ibans + passwords + datesAndTimes + orderNumbers)
  func redactsExactly(row: Row) {
    #expect(PersonalData.redact(row.text) == row.redacted)
  }

  /// The escalation record's contacts are exactly the spans redaction hides as `[email]` and `[phone]`.
  @Test(arguments: cards + phones + emails + ibans + passwords + datesAndTimes + orderNumbers)
  func contactsAreWhatRedactionHides(row: Row) {
    let spans = PersonalData.find(in: row.text)
    #expect(PersonalData.contacts(in: row.text) == spans.filter { $0.kind == .email || $0.kind == .phone }.map(\.text))
    for contact in PersonalData.contacts(in: row.text) {
      #expect(["[email]", "[phone]"].contains(PersonalData.redact(contact)), "'\(contact)' is not a whole contact")
    }
  }
}
