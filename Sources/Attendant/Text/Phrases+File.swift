/// The phrases as an editable `KnowledgeBase/<language>/phrases.txt`.
extension Phrases {
  /// The text of a phrases file that sets every phrase to this set's sentence, each under a comment that
  /// says when the bot says it, so that an editor can change the bot's voice in one place.
  ///
  /// The loader reads it back to the same set (`ContentLoader`).
  public func fileText(language: Language, languageName: String) -> String {
    var lines = [
      "# KnowledgeBase/\(language)/phrases.txt: the bot's own sentences in \(languageName), apart from the articles.",
      "# One 'key = sentence' per line. Delete a line to use the built-in sentence again.",
      "# {topics} is replaced by the first few article titles (not small talk, not articles that hand over).",
      "# Greetings, thanks, goodbyes and requests for a person are answered with 'greeting', 'thanks', 'goodbye'",
      "# and 'handoff-requested' only while no article of the content answers them.",
    ]
    for key in Key.allCases {
      lines.append("")
      lines.append("# \(key.purpose)")
      lines.append("\(key.rawValue) = \(self[key])")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
