import Attendant
import Foundation

/// The pathological request lines of `attendant bench --hostile`: every input that once stalled or
/// bloated `serve` (issue 13), and more of the same kind. Each is built deterministically.
enum HostileCorpus {
  struct Case {
    let name: String
    /// The request line for a round (each round has its own session), without its line break.
    let line: (Int) -> [UInt8]
  }

  static func cases() -> [Case] {
    var cases: [Case] = []
    func add(_ name: String, text: String) {
      let body = JSONValue.string(text).serialized
      let number = cases.count
      cases.append(
        Case(name: name) { round in Array("{\"session\":\"hostile-\(number)-\(round)\",\"text\":\(body)}".utf8) })
    }
    func add(_ name: String, raw: String) {
      cases.append(Case(name: name) { _ in Array(raw.utf8) })
    }
    var generator = SeededGenerator(seed: 7)
    func letters(_ count: Int) -> String {
      String(
        String.UnicodeScalarView((0..<count).map { _ in Unicode.Scalar(UInt8.random(in: 97...122, using: &generator)) })
      )
    }
    for length in [1_000, 2_000, 4_000, 8_000, 100_000, 1_000_000] {
      add("one random word of \(length) letters", text: letters(length))
    }
    add("ten words of 3,000 letters", text: (0..<10).map { _ in letters(3_000) }.joined(separator: " "))
    add("'parcel' × 1,000, no spaces", text: String(repeating: "parcel", count: 1_000))
    add("'parcel ' × 100,000", text: String(repeating: "parcel ", count: 100_000))
    add("2,000 Chinese characters", text: String(repeating: "我的包裹在哪里请帮我查一下谢谢", count: 134))
    add("200,000 Chinese characters", text: String(repeating: "我的包裹在哪里请帮我查一下谢谢", count: 13_334))
    add("'useless ' × 60,000", text: String(repeating: "useless ", count: 60_000))
    add("'this is the third time ' × 20,000", text: String(repeating: "this is the third time ", count: 20_000))
    add("'1 ' × 500,000 (digits for the phone and card scan)", text: String(repeating: "1 ", count: 500_000))
    add("'4111 ' × 200,000 (card groups)", text: String(repeating: "4111 ", count: 200_000))
    add("'a@' × 500,000 (e-mail scan)", text: String(repeating: "a@", count: 500_000))
    add("'a.' × 500,000", text: String(repeating: "a.", count: 500_000))
    add("'x@y.' × 250,000", text: String(repeating: "x@y.", count: 250_000))
    add("full-width digits × 300,000", text: String(repeating: "１", count: 300_000))
    add("'e' + 100,000 combining accents", text: "e" + String(repeating: "\u{301}", count: 100_000))
    add("emoji × 250,000", text: String(repeating: "😡", count: 250_000))
    add("Vietnamese, 1 MB", text: String(repeating: "đơn hàng của tôi đang ở đâu vậy ", count: 25_000))
    add("Turkish capitals, 1 MB", text: String(repeating: "SİPARİŞİM NEREDE KALDI ", count: 40_000))
    add("'İ' × 300,000", text: String(repeating: "İ", count: 300_000))
    add("apostrophes and hyphens × 200,000", text: String(repeating: "a'-", count: 200_000))
    add("'19.99,' × 100,000 (number joins)", text: String(repeating: "19.99,", count: 100_000))
    add("'barang2 ' × 100,000", text: String(repeating: "barang2 ", count: 100_000))
    add("'where is my order? ' × 50,000", text: String(repeating: "where is my order? ", count: 50_000))
    add(
      "a story of 10 KB, then a question",
      text: String(repeating: "so i bought a lamp for my mum ", count: 340) + "where is my order?")
    add(
      "JSON escapes '\\u00e9' × 150,000",
      raw: "{\"session\":\"esc\",\"text\":\"" + String(repeating: "\\u00e9", count: 150_000) + "\"}")
    add("JSON nesting 100,000 deep", raw: String(repeating: "[", count: 100_000))
    add(
      "an object of 50,000 keys",
      raw: "{" + (0..<50_000).map { "\"k\($0)\":1" }.joined(separator: ",") + ",\"session\":\"k\",\"text\":\"hi\"}")
    add(
      "a session id of 500,000 bytes",
      raw: "{\"session\":\"" + String(repeating: "s", count: 500_000) + "\",\"text\":\"hello\"}")
    add(
      "a time zone of 100,000 bytes",
      raw: "{\"session\":\"tz\",\"text\":\"hello\",\"timeZone\":\"" + String(repeating: "Europe/", count: 14_000)
        + "\"}")
    add(
      "a line over the 1 MiB limit",
      raw: "{\"session\":\"big\",\"text\":\"" + String(repeating: "x", count: 1_100_000) + "\"}")
    add("an angry opening, then 1 MB of words", text: "THIS IS USELESS!!! " + letters(1_000_000))
    return cases
  }
}
