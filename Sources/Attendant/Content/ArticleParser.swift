/// Parses an article: a `key: value` header between `---` lines, then a Markdown body.
enum ArticleParser {
  static let keys = ["title", "intents", "follow-up", "menu", "escalate", "small-talk"]

  /// A header's values by key, with their line numbers.
  private typealias Header = [String: (value: String, line: Int)]

  /// The article in `file`, or `nil` after adding findings when the header is unusable.
  static func parse(_ file: ContentFile, language: Language, findings: inout [Finding]) -> Article? {
    let lines = file.lines
    guard let (open, close) = headerBounds(of: file, findings: &findings) else { return nil }
    var ok = true
    // Keys that an unknown key most likely misspells (`tittle` for `title`): their absence is the same
    // mistake, already reported with its "did you mean", so it is not reported again.
    var misspelt = Set<String>()
    let values = header(lines[(open + 1)..<close], file: file, findings: &findings, ok: &ok, misspelt: &misspelt)
    let headerLine = lines[open].number
    guard let title = values["title"], !title.value.isEmpty else {
      guard values["title"] != nil || !misspelt.contains("title") else { return nil }
      findings.append(
        Finding(
          .error, .parse, at: file.location(values["title"]?.line ?? headerLine), "The article has no title.",
          fix: "add a line 'title: <short topic name>' to the header."))
      return nil
    }
    guard let intentsValue = values["intents"], !intentsValue.value.isEmpty else {
      guard values["intents"] != nil || !misspelt.contains("intents") else { return nil }
      findings.append(
        Finding(
          .error, .parse, at: file.location(values["intents"]?.line ?? headerLine),
          "The article does not say which intents it answers.",
          fix: "add a line 'intents: <intent-id>' to the header."))
      return nil
    }
    let intents = ids(intentsValue, file: file, findings: &findings, ok: &ok)
    let followUps = values["follow-up"].map { ids($0, file: file, findings: &findings, ok: &ok) } ?? []
    let menu = values["menu"].map { ids($0, file: file, findings: &findings, ok: &ok) } ?? []
    if let entry = values["menu"], menu.count < 2 || menu.count > 9 {
      findings.append(
        Finding(
          .error, .parse, at: file.location(entry.line), "A menu offers \(menu.count) topic(s).",
          fix: "list 2 to 9 intent ids after 'menu:', separated by commas."))
      ok = false
    }
    let escalation = values["escalate"].flatMap { readEscalation($0, file: file, findings: &findings, ok: &ok) }
    let isSmallTalk = values["small-talk"].map { readSmallTalk($0, file: file, findings: &findings, ok: &ok) } ?? false
    let bodyLines = lines[(close + 1)...]
    let body = bodyLines.map(\.text).joined(separator: "\n").trimmedWhiteSpace
    let bodyLine = bodyLines.first(where: { !$0.trimmed.isEmpty })?.number ?? lines[close].number
    if body.isEmpty {
      findings.append(
        Finding(
          .error, .emptyBody, at: file.location(lines[close].number), "The article has an empty body.",
          fix: "write the answer below the closing '---'."))
    }
    guard ok, !intents.isEmpty else { return nil }
    return Article(
      language: language, title: title.value, intents: intents, followUps: followUps, menu: menu,
      escalation: escalation,
      isSmallTalk: isSmallTalk, body: body, location: file.location(headerLine), bodyLine: bodyLine,
      keyLines: values.mapValues(\.line))
  }

  /// The indices of the header's opening and closing `---` lines, or `nil` after a finding.
  private static func headerBounds(of file: ContentFile, findings: inout [Finding]) -> (open: Int, close: Int)? {
    let lines = file.lines
    guard let open = lines.firstIndex(where: { !$0.trimmed.isEmpty }), lines[open].trimmed == "---" else {
      findings.append(
        Finding(
          .error, .parse, at: file.location(lines.first?.number ?? 1), "The article has no header.",
          fix: "start the file with '---', then 'title: …' and 'intents: …' lines, then '---'."))
      return nil
    }
    guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmed == "---" }) else {
      findings.append(
        Finding(
          .error, .parse, at: file.location(lines[open].number), "The header is not closed.",
          fix: "end the header with a line that holds only '---'."))
      return nil
    }
    return (open, close)
  }

  /// The `key: value` lines of the header; unknown keys are reported, with the key they most likely
  /// misspell added to `misspelt`.
  private static func header(
    _ lines: ArraySlice<ContentFile.Line>, file: ContentFile, findings: inout [Finding], ok: inout Bool,
    misspelt: inout Set<String>
  ) -> Header {
    var values: Header = [:]
    for line in lines where !line.isBlankOrComment {
      guard let colon = line.text.firstIndex(of: ":") else {
        findings.append(
          Finding(
            .error, .parse, at: file.location(line.number), "A header line must read 'key: value'.",
            fix: "write one of \(keys.map { "'\($0)'" }.joined(separator: ", ")) followed by ':' and a value."))
        ok = false
        continue
      }
      let key = line.text[..<colon].trimmedWhiteSpace.lowercased()
      let value = line.text[line.text.index(after: colon)...].trimmedWhiteSpace
      guard keys.contains(key) else {
        let meant = Suggestion.closest(to: key, in: keys)
        if let meant { misspelt.insert(meant) }
        findings.append(
          Finding(
            .error, .parse, at: file.location(line.number), "Unknown header key '\(key)'.",
            fix: meant.map { "did you mean '\($0)'?" } ?? "the keys are \(keys.joined(separator: ", "))."))
        ok = false
        continue
      }
      if values[key] != nil {
        findings.append(
          Finding(
            .error, .parse, at: file.location(line.number), "The key '\(key)' appears twice.",
            fix: "keep one '\(key)' line."))
        ok = false
      }
      values[key] = (value, line.number)
    }
    return values
  }

  /// The reason of an `escalate:` line, or `nil` after a finding.
  private static func readEscalation(
    _ entry: (value: String, line: Int), file: ContentFile, findings: inout [Finding], ok: inout Bool
  ) -> EscalationReason? {
    switch entry.value {
    case EscalationReason.humanRequested.rawValue: return .humanRequested
    case EscalationReason.complaint.rawValue: return .complaint
    default:
      findings.append(
        Finding(
          .error, .parse, at: file.location(entry.line), "Unknown escalation '\(entry.value)'.",
          fix: "write 'escalate: human-requested' or 'escalate: complaint', or remove the line."))
      ok = false
      return nil
    }
  }

  /// The value of a `small-talk:` line (`no` after a finding).
  private static func readSmallTalk(
    _ entry: (value: String, line: Int), file: ContentFile, findings: inout [Finding], ok: inout Bool
  ) -> Bool {
    switch entry.value.lowercased() {
    case "yes": return true
    case "no": return false
    default:
      findings.append(
        Finding(
          .error, .parse, at: file.location(entry.line),
          "'small-talk' must be 'yes' or 'no', not '\(entry.value)'.",
          fix: "write 'small-talk: yes' for greetings, thanks and goodbyes, or remove the line."))
      ok = false
      return false
    }
  }

  private static func ids(
    _ entry: (value: String, line: Int), file: ContentFile, findings: inout [Finding], ok: inout Bool
  ) -> [IntentID] {
    var result: [IntentID] = []
    for raw in entry.value.split(separator: ",").map({ $0.trimmedWhiteSpace }) where !raw.isEmpty {
      guard let id = IntentID(rawValue: raw) else {
        findings.append(
          Finding(
            .error, .invalidIntentID, at: file.location(entry.line), "'\(raw)' is not a valid intent id.",
            fix: IntentID.fix(for: raw) { "write '\($0)'" }))
        ok = false
        continue
      }
      result.append(id)
    }
    return result
  }
}
