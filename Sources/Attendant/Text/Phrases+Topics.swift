/// `{topics}`: what the bot can help with, named from the content's own article titles, so that the
/// built-in sentences fit any content.
extension Phrases {
  /// How many titles `{topics}` names before it ends with "…".
  static let topicCount = 4

  /// The titles as a short list: `Opening hours, Location, Parking`, or the first `topicCount` of them
  /// and `…` when there are more. No conjunction, so that the list reads the same in every language.
  static func topicList(_ titles: [String]) -> String {
    let shown = titles.prefix(topicCount).joined(separator: ", ")
    return titles.count > topicCount ? shown + " …" : shown
  }

  /// The set with `{topics}` filled from these titles. With no titles, the sentence that holds the
  /// placeholder is left out, so that no phrase promises an empty list.
  func fillingTopics(_ titles: [String]) -> Phrases {
    var filled = self
    for (key, text) in values where text.contains("{topics}") {
      filled.values[key] =
        titles.isEmpty ? Self.removingTopicSentence(text) : Self.filling(text, with: Self.topicList(titles))
    }
    return filled
  }

  private static func filling(_ text: String, with list: String) -> String {
    var text = text
    // "… Parking …." would end twice.
    if list.hasSuffix("…") { text = text.replacingOccurrences(of: "{topics}.", with: "{topics}") }
    return text.replacingOccurrences(of: "{topics}", with: list)
  }

  /// The text without the sentence that holds `{topics}`: from the end of the sentence before it to its
  /// own end mark (`.`, `!`, `?`) and the blank after it.
  static func removingTopicSentence(_ text: String) -> String {
    guard let placeholder = text.range(of: "{topics}") else { return text }
    let ends: Set<Character> = [".", "!", "?"]
    var start = text.startIndex
    if let mark = text[..<placeholder.lowerBound].lastIndex(where: { ends.contains($0) }) {
      start = text.index(after: mark)
    }
    var end = text.endIndex
    if let mark = text[placeholder.upperBound...].firstIndex(where: { ends.contains($0) }) {
      end = text.index(after: mark)
    }
    let kept = (String(text[..<start]) + " " + String(text[end...])).trimmedWhiteSpace
    return kept.replacingOccurrences(of: "  ", with: " ")
  }

  /// The titles `{topics}` names in one language: those of the articles customers can be answered with,
  /// in the order given (the loader's: by file name), once each. Small talk, articles that hand over to
  /// a person, and articles whose intents have no examples in the language are left out.
  static func topicTitles(of articles: [Article], answerable: Set<IntentID>) -> [String] {
    var titles: [String] = []
    for article in articles
    where !article.isSmallTalk && article.escalation == nil && article.intents.contains(where: answerable.contains)
      && !titles.contains(article.title)
    {
      titles.append(article.title)
    }
    return titles
  }
}
