import Foundation

/// Groups unanswered questions of one language by the need they express, with the engine's own text
/// pipeline: each message becomes the stems of its content words (and the classes of its names),
/// weighted by how rare they are among the unanswered messages (inverse document frequency).
///
/// The clustering is a deterministic leader clustering: distinct messages are taken most frequent
/// first, and each joins the group whose centroid it is most similar to (cosine of the weighted
/// stems), when that similarity reaches `threshold`; otherwise it starts a group of its own.
struct QuestionClusterer: Sendable {
  /// The least cosine similarity to a group's centroid for a message to join it.
  static let defaultThreshold = 0.25
  /// At most this many distinct messages of a language are grouped, the most frequent; the rest are
  /// rare enough to be left out of a Monday report.
  static let maximumMessages = 5000

  let engine: Engine
  var threshold = QuestionClusterer.defaultThreshold

  /// A distinct message and how often it was sent.
  struct Message {
    let text: String
    let count: Int
    let reasons: [String: Int]
  }

  /// The groups of a language's messages, largest first.
  ///
  /// - Complexity: O(n × g × t) for n messages, g groups sharing a stem with a message and t stems
  ///   per message; n is at most `maximumMessages`.
  func clusters(of messages: [Message], in language: Language) -> [SupportReport.Cluster] {
    guard
      let profile = engine.knowledgeBase.profiles[language]
        ?? LanguageProfile.builtIn.first(where: { $0.language == language })
    else { return [] }
    let analyzer = TextAnalyzer(profile: profile)
    let chosen = Array(messages.prefix(Self.maximumMessages))
    let stems = chosen.map { message in
      Set(analyzer.terms(of: message.text).filter { $0.role == .content || $0.role == .entity }.map(\.stem))
    }
    var frequency: [String: Int] = [:]
    for set in stems { for stem in set { frequency[stem, default: 0] += 1 } }
    let total = Double(chosen.count)
    let vectors: [[String: Double]] = stems.map { set in
      var vector: [String: Double] = [:]
      for stem in set { vector[stem] = log(1 + total / Double(frequency[stem]!)) }
      let length = Self.norm(vector)
      return length > 0 ? vector.mapValues { $0 / length } : [:]
    }

    var centroids: [[String: Double]] = []
    var members: [[Int]] = []
    var groupsByStem: [String: [Int]] = [:]
    for (index, vector) in vectors.enumerated() {
      guard !vector.isEmpty else {
        // No content word to compare (`???`, a lone placeholder): a group of its own.
        centroids.append([:])
        members.append([index])
        continue
      }
      var candidates = Set<Int>()
      for stem in vector.keys { candidates.formUnion(groupsByStem[stem] ?? []) }
      var best: (group: Int, similarity: Double)?
      for group in candidates.sorted() {
        let similarity = Self.cosine(vector, centroids[group])
        if similarity >= threshold && similarity > (best?.similarity ?? -1) { best = (group, similarity) }
      }
      let group: Int
      if let best {
        group = best.group
        members[group].append(index)
      } else {
        group = centroids.count
        centroids.append([:])
        members.append([index])
      }
      for (stem, weight) in vector {
        if centroids[group][stem] == nil { groupsByStem[stem, default: []].append(group) }
        centroids[group][stem, default: 0] += weight
      }
    }

    return zip(members, centroids).map { group, centroid in
      let ordered = group.sorted { (chosen[$0].count, $1) > (chosen[$1].count, $0) }
      let representative = group.max {
        (Self.cosine(vectors[$0], centroid), chosen[$0].count, $1) < (
          Self.cosine(vectors[$1], centroid), chosen[$1].count, $0
        )
      }!
      var reasons: [String: Int] = [:]
      for index in group { reasons.merge(chosen[index].reasons, uniquingKeysWith: +) }
      let match = engine.match(chosen[representative].text, in: language)
      return SupportReport.Cluster(
        language: language.rawValue, size: group.reduce(0) { $0 + chosen[$1].count },
        representative: chosen[representative].text, samples: ordered.prefix(5).map { chosen[$0].text },
        members: ordered.map { chosen[$0].text }, nearestIntent: match?.intent?.rawValue,
        nearestConfidence: match.map { BridgeReply.rounded($0.confidence.value) }, reasons: reasons)
    }
    .sorted { ($0.size, $1.representative) > ($1.size, $0.representative) }
  }

  /// The cosine of two weighted stem sets. Sums run in the stems' order, so that the result does not
  /// depend on the dictionaries' order (which changes from one process to the next) and ties break the
  /// same way every run.
  static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
    let (small, large) = a.count <= b.count ? (a, b) : (b, a)
    var dot = 0.0
    for stem in small.keys.sorted() { dot += small[stem]! * (large[stem] ?? 0) }
    let lengths = norm(a) * norm(b)
    return lengths > 0 ? dot / lengths : 0
  }

  static func norm(_ vector: [String: Double]) -> Double {
    vector.keys.sorted().reduce(0) { $0 + vector[$1]! * vector[$1]! }.squareRoot()
  }
}
