import Foundation

/// A group of unanswered questions written as a draft intent for an editor: `Intents/<xx>/<id>.txt`
/// with the group's messages as examples, and `KnowledgeBase/<xx>/<id>.md` with a placeholder answer
/// that `attendant check` reports until someone writes it. Drafts are written to a folder of their
/// own; nothing reaches the live content until an editor copies it there.
package struct DraftIntent: Sendable, Hashable {
  public let language: Language
  public let id: String
  public let examples: [String]
  public let title: String
  /// The comment at the top of the intent file: where the draft came from.
  public let note: String

  /// Groups with fewer messages than this are not drafted: one customer's odd question is no need.
  public static let minimumSize = 2

  /// The drafts for a report's groups of unanswered questions, largest group first.
  ///
  /// - Parameters:
  ///   - clusters: The report's groups.
  ///   - engine: The content, whose intent ids the drafts' ids must not take.
  public static func drafts(for clusters: [SupportReport.Cluster], engine: Engine) -> [DraftIntent] {
    var taken = Set(engine.knowledgeBase.intentIDs.map(\.rawValue))
    var drafts: [DraftIntent] = []
    for cluster in clusters where cluster.size >= minimumSize {
      guard let language = Language(rawValue: cluster.language) else { continue }
      let profile = engine.knowledgeBase.profiles[language] ?? LanguageProfile.builtIn.first { $0.language == language }
      let words =
        profile.map { profile in
          TextAnalyzer(profile: profile).terms(of: cluster.representative).filter { $0.role == .content }.map(\.folded)
            .filter { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }
        } ?? []
      var base = (["draft", language.rawValue] + words.prefix(3)).joined(separator: "-")
      if words.isEmpty { base += "-\(drafts.count + 1)" }
      var id = base
      var suffix = 2
      while taken.contains(id) {
        id = "\(base)-\(suffix)"
        suffix += 1
      }
      taken.insert(id)
      var seen = Set<String>()
      let examples = cluster.members.map { $0.replacingOccurrences(of: "\n", with: " ").trimmedWhiteSpace }.filter {
        !$0.isEmpty && !$0.hasPrefix("#") && seen.insert($0.lowercased()).inserted
      }
      let reasons = cluster.reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
      let nearest =
        cluster.nearestIntent.map {
          "; nearest intent \($0) (\(String(format: "%.2f", cluster.nearestConfidence ?? 0)))"
        } ?? ""
      let title = cluster.representative.split(separator: " ").prefix(6).joined(separator: " ")
      drafts.append(
        DraftIntent(
          language: language, id: id, examples: examples, title: title.prefix(1).uppercased() + title.dropFirst(),
          note:
            "\(id): drafted by 'attendant report --suggest' from \(cluster.size) unanswered messages (\(reasons.joined(separator: ", ")))\(nearest). Review before adding it to the content"
            + (cluster.nearestIntent == IntentID.outOfScope.rawValue
              ? "; if it is not the store's business, add the examples to Intents/\(language.rawValue)/out-of-scope.txt instead."
              : ".")
        ))
    }
    return drafts
  }

  /// The intent file's text.
  public var intentFile: String {
    "# \(note)\n" + examples.map { $0 + "\n" }.joined()
  }

  /// The placeholder article's text.
  public var articleFile: String {
    """
    ---
    title: \(title)
    intents: \(id)
    ---
    \(PlaceholderAnswer.importerText) (drafted from customer questions such as “\(examples.first ?? id)”).
    """ + "\n"
  }

  /// Writes the draft's two files under `folder` (`Intents/<xx>/<id>.txt`, `KnowledgeBase/<xx>/<id>.md`).
  ///
  /// - Returns: The paths written, relative to `folder`.
  /// - Throws: The file system's error.
  @discardableResult
  public func write(to folder: URL) throws -> [String] {
    let paths = ["Intents/\(language.rawValue)/\(id).txt", "KnowledgeBase/\(language.rawValue)/\(id).md"]
    for (path, text) in zip(paths, [intentFile, articleFile]) {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .atomic)
    }
    return paths
  }
}
