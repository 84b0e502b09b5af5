/// Hides personal data in every text field of one transcript event.
///
/// The customer's message is redacted by the spans found in it. Every other field (the reply, the rule
/// that decided, the frustration signals, an error) gets its own personal data redacted, and loses what
/// the message's spans hid: the rule and the signals quote the message's words, so a quoted part that
/// comes from a hidden span is replaced too (`'kovac' appears in no example` for `ana.kovac@example.com`
/// becomes `'[email]' appears in no example`). Quoted parts are compared folded (`Kovač`, `kovac`), and a
/// span's words count whole (`1111abc` after a card).
struct Redaction {
  let kinds: Set<PersonalData.Kind>
  /// The customer's message, redacted.
  let customer: String
  /// The folded words of the hidden spans, each with the kind of its span, for a long quoted part.
  private let hiddenWords: [String: PersonalData.Kind]
  /// Each hidden span's words folded and run together (`anakovacexamplecom`), to find a quoted part in.
  private let hiddenRuns: [(run: [UInt8], kind: PersonalData.Kind)]

  /// - Complexity: O(n) in the length of the message.
  init(customer text: String, kinds: Set<PersonalData.Kind>) {
    self.kinds = kinds
    let spans = kinds.isEmpty ? [] : PersonalData.find(in: text).filter { kinds.contains($0.kind) }
    customer = PersonalData.replacing(spans.map { ($0.scalars, $0.kind.placeholder) }, in: text)
    var words: [String: PersonalData.Kind] = [:]
    var runs: [(run: [UInt8], kind: PersonalData.Kind)] = []
    if !spans.isEmpty {
      let scalars = Array(text.unicodeScalars)
      for span in spans {
        let region = Self.wholeWords(around: span.scalars, in: scalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[region])
        let tokens = Tokenizer.tokenize(String(view)).map(\.folded)
        for token in tokens where words[token] == nil { words[token] = span.kind }
        runs.append((Array(tokens.joined().utf8), span.kind))
      }
    }
    hiddenWords = words
    hiddenRuns = runs
  }

  /// Another field of the event, with its own personal data and what the message's spans hid replaced.
  ///
  /// - Complexity: O(m) in the length of the field, plus the hidden spans' length for each quoted part.
  func apply(to field: String) -> String {
    guard !kinds.isEmpty else { return field }
    var replacements = PersonalData.find(in: field).filter { kinds.contains($0.kind) }.map {
      ($0.scalars, $0.kind.placeholder)
    }
    if !hiddenWords.isEmpty {
      let scalars = Array(field.unicodeScalars)
      replacements += quotedRanges(in: scalars)
      replacements.sort {
        $0.0.lowerBound < $1.0.lowerBound || ($0.0.lowerBound == $1.0.lowerBound && $0.0.count > $1.0.count)
      }
      var kept: [(Range<Int>, String)] = []
      for replacement in replacements where kept.last.map({ $0.0.upperBound <= replacement.0.lowerBound }) ?? true {
        kept.append(replacement)
      }
      replacements = kept
    }
    return PersonalData.replacing(replacements, in: field)
  }

  /// The quoted parts (`'kovac'`, `“tajna123”`) that are part of a hidden span.
  private func quotedRanges(in scalars: [Unicode.Scalar]) -> [(Range<Int>, String)] {
    var ranges: [(Range<Int>, String)] = []
    var index = 0
    while index < scalars.count {
      guard Self.isQuote(scalars[index]), index == 0 || !Self.isWordScalar(scalars[index - 1]) else {
        index += 1
        continue
      }
      let open = index
      var close = open + 1
      while close < scalars.count,
        !(Self.isQuote(scalars[close]) && (close + 1 == scalars.count || !Self.isWordScalar(scalars[close + 1])))
      {
        close += 1
      }
      guard close < scalars.count else { break }
      let folded = PersonalData.Scan.folded(scalars[(open + 1)..<close])
      if let kind = hiddenKind(of: folded) { ranges.append(((open + 1)..<close, kind.placeholder)) }
      index = close + 1
    }
    return ranges
  }

  /// The kind of the hidden span that a folded quoted part comes from, if any.
  private func hiddenKind(of folded: String) -> PersonalData.Kind? {
    guard !folded.isEmpty else { return nil }
    if let kind = hiddenWords[folded] { return kind }
    let needle = Array(folded.utf8)
    guard needle.count <= 64 else { return nil }
    for (run, kind) in hiddenRuns where run.count >= needle.count {
      for start in 0...(run.count - needle.count) where run[start] == needle[0] {
        if run[start..<(start + needle.count)].elementsEqual(needle) { return kind }
      }
    }
    return nil
  }

  /// The span widened to whole words: `1111abc` when a card ends inside it.
  private static func wholeWords(around range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower > 0, isWordScalar(scalars[lower - 1]) { lower -= 1 }
    while upper < scalars.count, isWordScalar(scalars[upper]) { upper += 1 }
    return lower..<upper
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    Tokenizer.isWordScalar(scalar) || FoldTable.isCombiningMark(scalar.value)
  }

  private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
    "'\"‘’“”«»".unicodeScalars.contains(scalar)
  }
}
