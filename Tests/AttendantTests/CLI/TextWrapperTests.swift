import Testing

@testable import AttendantCLI

/// The chat's line breaking: at spaces, to a width in terminal columns.
struct TextWrapperTests {
  @Test(arguments: [
    (20, 0, "fits as it is", "fits as it is"),
    (20, 0, "the quick brown fox jumps over the lazy dog", "the quick brown fox\njumps over the lazy\ndog"),
    (20, 0, "exactly twenty chars", "exactly twenty chars"),
    // After a `bot> ` prefix, later lines stay under the text.
    (15, 5, "the quick brown fox jumps", "the quick\n     brown fox\n     jumps"),
    (15, 5, "one\ntwo", "one\n     two"),
    // A word wider than the line gets a line of its own, unbroken.
    (10, 0, "a supercalifragilistic word", "a\nsupercalifragilistic\nword"),
    (10, 0, "supercalifragilistic", "supercalifragilistic"),
    // Existing line breaks and empty lines stay; an empty line gets no indentation.
    (20, 0, "first line\n\nsecond paragraph that wraps", "first line\n\nsecond paragraph\nthat wraps"),
    (20, 5, "one\n\ntwo", "one\n\n     two"),
    // List items hang under their text.
    (20, 0, "- a list item that wraps around", "- a list item that\n  wraps around"),
    (20, 0, "• a bullet that wraps around", "• a bullet that\n  wraps around"),
    (20, 0, "12. a numbered item that wraps", "12. a numbered item\n    that wraps"),
    (20, 0, "1) another numbered item", "1) another numbered\n   item"),
    (20, 0, "  indented text that wraps here", "  indented text that\n  wraps here"),
    (20, 0, "-5 degrees is not a list marker", "-5 degrees is not a\nlist marker"),
    // Spaces between words that stay on a line are kept; those at a break go.
    (20, 0, "a  b  c  d  e  f  g  h  i", "a  b  c  d  e  f  g\nh  i"),
    // Wide characters take two columns: counted as one, all three words would fit in 9.
    (9, 0, "中文 字符 测试", "中文 字符\n测试"),
    (7, 0, "👍🏽 ok 👍🏽 ok", "👍🏽 ok\n👍🏽 ok"),
    // Vietnamese and Croatian letters, composed or not, take one column each.
    (16, 0, "Đơn hàng của tôi đâu rồi", "Đơn hàng của tôi\nđâu rồi"),
    // Styling codes take no columns.
    (14, 0, "\u{1B}[1mbold\u{1B}[0m text here", "\u{1B}[1mbold\u{1B}[0m text here"),
  ])
  func wraps(width: Int, indent: Int, text: String, expected: String) {
    #expect(TextWrapper(width: width).wrap(text, indent: indent) == expected)
  }

  @Test(arguments: [
    ("Terms:      one two three four", "Terms:      one two\n            three four"),
    ("Confidence: 0.80 from z-score 2.91", "Confidence: 0.80 from\n            z-score 2.91"),
    ("  1. order-status  confidence 0.80", "  1. order-status\n     confidence 0.80"),
    (
      "       ≈ \"where is my order\" (similarity 1.00)",
      "       ≈ \"where is my\n         order\"\n         (similarity\n         1.00)"
    ),
  ])
  func whyHangsUnderLabelsAndMarkers(text: String, expected: String) {
    #expect(TextWrapper(width: 24, hangsUnderLabels: true).wrap(text) == expected)
  }

  @Test func replyProseDoesNotHangUnderALabel() {
    #expect(TextWrapper(width: 20).wrap("Please note: returns are free") == "Please note: returns\nare free")
    #expect(TextWrapper(width: 20).wrap("Terms:      one two three") == "Terms:      one two\nthree")
  }

  @Test func noWordIsBrokenAndNoneIsLost() {
    let text = "Orders leave our warehouse within 1–2 business days. After dispatch, it can take up to 24 hours."
    for width in 1...60 {
      let wrapped = TextWrapper(width: width).wrap(text, indent: 5)
      #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
      for (number, line) in wrapped.split(separator: "\n").enumerated() {
        let columns = TextWrapper.columns(of: line) + (number == 0 ? 5 : 0)
        #expect(columns <= width || line.split(separator: " ").count == 1, "width \(width): '\(line)'")
      }
    }
  }

  @Test(arguments: [
    ("abc", 3), ("中文", 4), ("한국어", 6), ("ｗｉｄｅ", 8), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("☀️", 2), ("☀", 1),
    ("e\u{301}", 1), ("Đơn hàng", 8), ("\u{1B}[1mbold\u{1B}[0m", 4), ("tab\u{7}", 3), ("", 0),
  ])
  func columns(text: String, columns: Int) {
    #expect(TextWrapper.columns(of: text) == columns)
  }
}
