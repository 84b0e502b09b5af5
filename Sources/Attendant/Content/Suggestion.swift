/// "Did you mean …?" for names typed by people: the closest candidate within a small edit distance.
enum Suggestion {
  /// The candidate closest to `word`, if one is within about a third of its length in edits.
  static func closest(to word: String, in candidates: [String]) -> String? {
    let target = Array(word.lowercased().utf8)
    let limit = max(1, target.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let distance = EditDistance.osa(target, Array(candidate.utf8), limit: limit)
      if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
  }
}
