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

extension Substring {
  /// The text without white space at either end, as a string.
  var trimmedWhiteSpace: String { String(self).trimmedWhiteSpace }
}
