extension LanguageIndex {
  /// A class's home is the intent whose examples hold it most, in a quarter of them at least and in
  /// twice the share of any other intent's (`@currency`: the currency question's examples, 0.62 of
  /// them in English, against 0.20 for the shipping price's). The out-of-scope examples are no home.
  static let homeShare = 0.25

  static func homes(_ shares: [[String: Double]], outOfScope: Int?) -> [String: Int] {
    var best: [String: (intent: Int, share: Double, next: Double)] = [:]
    for (intent, classes) in shares.enumerated() where intent != outOfScope {
      for (name, share) in classes {
        guard let current = best[name] else {
          best[name] = (intent, share, 0)
          continue
        }
        best[name] =
          share > current.share
          ? (intent, share, current.share) : (current.intent, current.share, max(current.next, share))
      }
    }
    return best.compactMapValues { $0.share >= homeShare && $0.next * 2 <= $0.share ? $0.intent : nil }
  }

  /// The intent whose example a text is, word for word once folded, when exactly one intent has it.
  func exampleOwner(of text: String) -> IntentID? {
    exampleOwner(ofFolded: TextAnalyzer.foldPhrase(text))
  }

  /// The same for a text already folded, its words joined by single spaces.
  func exampleOwner(ofFolded folded: String) -> IntentID? {
    guard let owner = exampleOwners[folded], owner != Self.sharedExample else { return nil }
    return intents[Int(owner)]
  }
}
