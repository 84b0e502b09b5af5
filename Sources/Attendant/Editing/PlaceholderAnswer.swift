/// Answers that are not written yet: the importer's stand-in text, an editor's `TODO`, filler text.
///
/// The importer writes such an article for every intent that the source gives no answer for, so that
/// the folder loads and the editor sees which answers remain; `attendant check` reports each one,
/// because a customer who asks would be shown it.
enum PlaceholderAnswer {
  /// The start of the sentence the importer writes in place of an answer.
  static let importerText = "This answer has not been written yet"

  /// The article body the importer writes for an intent without an answer.
  static func text(forLabel label: String) -> String { "\(importerText) (imported intent '\(label)')." }

  /// The notes editors leave in unfinished text. In capitals they are reported anywhere in a body;
  /// `XXX` and the like only when a body holds nothing else (`XXX` also masks digits).
  static let notes: Set<String> = ["TODO", "TBD", "FIXME"]
  static let stubs: Set<String> = ["todo", "tbd", "tba", "fixme", "xxx", "wip", "placeholder"]

  /// What in a body shows that it is not an answer a customer should see (`the importer's placeholder
  /// text`, `an editor's note, 'TODO'`); `nil` when it reads as an answer.
  ///
  /// - Complexity: O(n) in the length of the body.
  static func problem(in body: String) -> String? {
    if body.range(of: importerText, options: .caseInsensitive) != nil {
      return "the importer's placeholder text"
    }
    let words = body.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    if words.isEmpty { return "no words" }
    if words.allSatisfy({ stubs.contains($0.lowercased()) }) {
      return "only the note '\(words.joined(separator: " "))'"
    }
    if let note = words.first(where: notes.contains) {
      return "an editor's note, '\(note)'"
    }
    if body.range(of: "lorem ipsum", options: .caseInsensitive) != nil { return "filler text, 'lorem ipsum'" }
    return nil
  }
}
