import Foundation

/// Measures how much adding one intent disturbs the answers of the others.
///
/// For each intent X of the content, in turn, it builds the content without X (its examples and its
/// own articles gone, in every language), calibrates it as loading would, and runs the held-out single
/// cases (suites named `heldout…`) that expect another intent or out of scope through both engines: the
/// one without X and the full one, which is "X added last". A case *flips* when its reply changes: a
/// different article, a clarification with other options, or no answer where there was one. A flip
/// *toward X* is one where the full content's reply answers X or offers it: X really competes for the
/// question. Every other flip is *unrelated*: it comes from X's words changing the weights of words
/// that other intents share, or from the recalibrated thresholds.
///
/// The same count with the thresholds held fixed (the full content's) tells the two causes apart.
package enum StabilityEvaluation {
  /// One intent added last.
  public struct Addition: Sendable {
    public let intent: IntentID
    /// Held-out cases of other intents (and out of scope) compared.
    public let compared: Int
    /// Replies that changed, with the thresholds recalibrated as loading does.
    public let flips: [Flip]
    /// Replies that changed with the full content's thresholds kept.
    public let flipsWithFixedPolicy: [Flip]
  }

  /// One reply that changed when the intent was added.
  public struct Flip: Sendable {
    public let language: Language
    public let location: SourceLocation
    public let text: String
    /// The reply without the intent, and with it (`order-status`, `clarify: a, b`, `out-of-scope`).
    public let before: String
    public let after: String
    /// Whether the reply with the intent answers it or offers it.
    public let towardAddedIntent: Bool
  }

  /// The whole measurement.
  public struct Report: Sendable {
    public let additions: [Addition]
    /// Held-out single cases in the content (all intents).
    public let cases: Int

    public var compared: Int { additions.reduce(0) { $0 + $1.compared } }
    public var flips: Int { additions.reduce(0) { $0 + $1.flips.count } }
    public var unrelatedFlips: Int { additions.reduce(0) { $0 + $1.flips.filter { !$0.towardAddedIntent }.count } }
    public var flipsWithFixedPolicy: Int { additions.reduce(0) { $0 + $1.flipsWithFixedPolicy.count } }
    public var unrelatedFlipsWithFixedPolicy: Int {
      additions.reduce(0) { $0 + $1.flipsWithFixedPolicy.filter { !$0.towardAddedIntent }.count }
    }
  }

  /// Measures a content folder.
  ///
  /// - Parameters:
  ///   - folder: The content folder; its held-out suites are the questions.
  ///   - engine: The engine of the full content, calibrated as in service.
  ///   - intents: The intents to add last; all answerable intents when `nil`.
  /// - Complexity: for each intent, one engine build and one calibration, plus two replies per case.
  public static func measure(_ folder: URL, engine: Engine, intents: [IntentID]? = nil) -> Report {
    let knowledgeBase = engine.knowledgeBase
    let suites = TestSuiteParser.load(from: folder, intents: knowledgeBase.intents).suites
      .filter { $0.name.hasPrefix("heldout") }
      .map { suite in
        var singles = suite
        singles.conversations = []
        return singles
      }
    let validation = ContentValidation.validationQuestions(in: folder, knowledgeBase)
    let full = replies(SuiteRunner(engine: engine), suites)
    let candidates =
      intents
      ?? knowledgeBase.intentIDs.filter { id in
        id != .outOfScope && knowledgeBase.languages.contains { knowledgeBase.article(for: id, in: $0) != nil }
      }
    var additions: [Addition] = []
    for intent in candidates {
      let reduced = knowledgeBase.removing(intent)
      let uncalibrated = Engine(
        knowledgeBase: reduced, policy: engine.policy, defaultLanguage: engine.defaultLanguage,
        parameters: engine.parameters, budget: engine.budget)
      let recalibrated = uncalibrated.calibrated(
        PolicyCalibration.calibrate(
          uncalibrated, validation: validation.mapValues { $0.filter { $0.expected != intent } }))
      let fixed = uncalibrated.calibrated(engine.calibration)
      let others = suites.map { suite in
        var others = suite
        others.cases = suite.cases.filter { $0.expected != intent }
        return others
      }
      let compared = others.reduce(0) { $0 + $1.cases.count }
      func flips(_ without: Engine) -> [Flip] {
        replies(SuiteRunner(engine: without), others).compactMap { key, before in
          guard let after = full[key], after.shown != before.shown else { return nil }
          return Flip(
            language: key.language, location: key.location, text: key.text, before: before.shown, after: after.shown,
            towardAddedIntent: after.involves(intent))
        }.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
      }
      additions.append(
        Addition(intent: intent, compared: compared, flips: flips(recalibrated), flipsWithFixedPolicy: flips(fixed)))
    }
    return Report(additions: additions, cases: suites.reduce(0) { $0 + $1.cases.count })
  }

  private struct CaseKey: Hashable {
    let language: Language
    let location: SourceLocation
    let text: String
  }

  private struct Shown {
    let outcome: SuiteReport.Outcome
    /// What the customer sees, in one word or a list of options.
    var shown: String {
      outcome.label == SuiteReport.clarifyLabel
        ? "\(SuiteReport.clarifyLabel): \(outcome.options.map(\.rawValue).joined(separator: ", "))" : outcome.label
    }
    func involves(_ intent: IntentID) -> Bool { outcome.intent == intent || outcome.options.contains(intent) }
  }

  private static func replies(_ runner: SuiteRunner, _ suites: [TestSuite]) -> [CaseKey: Shown] {
    var replies: [CaseKey: Shown] = [:]
    for result in runner.run(suites).results {
      replies[CaseKey(language: result.language, location: result.location, text: result.text)] = Shown(
        outcome: result.outcome)
    }
    return replies
  }
}

extension KnowledgeBase {
  /// The same content without an intent: its examples and the articles that answer only it, in every
  /// language. Articles that name it as a follow-up or a menu item keep the name, which then leads
  /// nowhere (as content that never had the intent would not name it).
  func removing(_ intent: IntentID) -> KnowledgeBase {
    KnowledgeBase(
      intents: intents.values.joined().filter { $0.id != intent },
      articles: articles.values.flatMap(\.values).filter { $0.intents != [intent] }.uniqued(),
      phrases: phrases, profiles: profiles, schedule: schedule, frustrationSignals: frustrationSignals,
      entityLists: entityLists, warnings: warnings)
  }
}

extension Array where Element == Article {
  /// Each article once: an article that answers several intents is in the map once per intent.
  fileprivate func uniqued() -> [Article] {
    var seen: Set<SourceLocation> = []
    return filter { seen.insert($0.location).inserted }
  }
}
