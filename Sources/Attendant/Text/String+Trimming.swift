extension String {
  /// The text without white space (spaces, tabs, line breaks and Unicode spaces) at either end.
  ///
  /// Foundation's `trimmingCharacters(in:)` costs tens of microseconds per call on Linux; a message is
  /// trimmed on every turn, so this looks at the scalars at the two ends only.
  var trimmedWhiteSpace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
    return String(scalars[first...last])
  }
}

extension Double {
  /// The number with two decimals (`0.87`, `-1.00`), without Foundation's formatter.
  var twoDecimals: String {
    guard isFinite else { return "\(self)" }
    let hundredths = Int((self * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}

extension Substring {
  /// The text without white space at either end, as a string.
  var trimmedWhiteSpace: String { String(self).trimmedWhiteSpace }
}
