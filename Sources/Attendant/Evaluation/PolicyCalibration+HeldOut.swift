import Foundation
import Synchronization

extension PolicyCalibration {
  /// The held-out readings of a language's examples, and the weights they chose.
  struct HeldOut {
    /// The readings at the chosen weights.
    var cases: [Case]
    var weight: CharacterWeightChoice? = nil
    var fitted: CharacterWeightChoice? = nil
    /// The readings at the chosen character weight without the fitted model, when a fitted weight
    /// above 0 was chosen: what the thresholds are chosen on if the replies turn the model down.
    var unfittedCases: [Case]? = nil
  }

  /// Each example matched against an index of the other folds, at the character weight and the fitted
  /// weight those readings choose (`CharacterWeightChoice`).
  ///
  /// Each fold's examples are read at the given weights, and each example in scope is also ranked at
  /// every pair of a character weight of the grid and a fitted weight of `fittedWeightGrid`
  /// (`LanguageIndex.bestIntents`). The character weight is chosen at the given fitted weight, as it
  /// was before there was a fitted model; then the fitted weight, at that character weight. When
  /// either differs from the given one, the folds' indexes are built again to read the examples at
  /// the chosen weights (and, for a fitted weight above 0, also without the model): one index is in
  /// memory at a time, unless the content is fitted, when the folds' fitted indexes are kept instead.
  static func heldOutCases(
    _ intents: [IntentDefinition], profile: LanguageProfile, parameters: ScoringParameters, entityLists: [EntityList]
  ) -> HeldOut {
    let fits =
      !parameters.fittedWeightGrid.isEmpty && intents.count <= LanguageIndex.denseRankingLimit
      && !parameters.switchedOff.contains(.fittedModel)
    // With a fitted model, the folds' indexes are fitted once, side by side, and kept for a second
    // reading: fitting costs more than the memory of two indexes. Without one, each reading builds them.
    let kept = fits ? fittedFolds(intents, profile: profile, parameters: parameters, entityLists: entityLists) : [:]
    func foldIndex(_ fold: Int, training: [IntentDefinition]) -> LanguageIndex {
      kept[fold]
        ?? LanguageIndex(intents: training, profile: profile, parameters: parameters, entityLists: entityLists)
    }
    /// The readings at each pair of weights (`nil`: those the index was built with).
    func readings(
      at pairs: [(lambda: Double, mu: Double)?], tally: ((LanguageIndex, String, IntentID) -> Void)? = nil
    ) -> [[Case]] {
      var cases = pairs.map { _ in [Case]() }
      for fold in 0..<heldOutFolds {
        let (training, heldOut) = split(intents, holdingOut: fold)
        let built = foldIndex(fold, training: training)
        let views = pairs.map { pair in
          pair.map { LanguageIndex(built, characterWeight: $0.lambda, fittedWeight: $0.mu) } ?? built
        }
        for (text, intent) in heldOut {
          for (k, view) in views.enumerated() {
            cases[k].append(reading(view.match(text), expected: intent == .outOfScope ? nil : intent))
          }
          tally?(built, text, intent)
        }
      }
      return cases
    }
    // No character model (past the dense ranking limit, or switched off): no character weight to choose.
    let givenLambda = LanguageIndex.characterWeight(
      intentCount: intents.count, parameters: parameters, language: profile.language)
    let givenMu = fits ? max(0, parameters.fittedWeight) : 0
    let lambdas = givenLambda > 0 ? Array(Set(CharacterWeightChoice.grid + [givenLambda])).sorted() : [givenLambda]
    let mus = fits ? Array(Set(parameters.fittedWeightGrid + [givenMu])).sorted() : [givenMu]
    guard lambdas.count > 1 || mus.count > 1 else { return HeldOut(cases: readings(at: [nil])[0]) }
    let pairs = lambdas.flatMap { lambda in mus.map { (lambda: lambda, mu: $0) } }
    var right = [Int](repeating: 0, count: pairs.count)
    var examples = 0
    let first = readings(at: [nil]) { index, text, intent in
      guard intent != .outOfScope else { return }
      examples += 1
      for (k, c) in index.bestIntents(text, weights: pairs).enumerated() where c >= 0 && index.intents[c] == intent {
        right[k] += 1
      }
    }[0]
    func rightAt(_ lambda: Double, _ mu: Double) -> Int {
      pairs.firstIndex { $0.lambda == lambda && $0.mu == mu }.map { right[$0] } ?? 0
    }
    let weight =
      givenLambda > 0
      ? CharacterWeightChoice(
        given: givenLambda, weights: lambdas, right: lambdas.map { rightAt($0, givenMu) }, examples: examples)
      : nil
    let lambda = weight?.chosen ?? givenLambda
    let fitted =
      fits
      ? CharacterWeightChoice(given: givenMu, weights: mus, right: mus.map { rightAt(lambda, $0) }, examples: examples)
      : nil
    let mu = fitted?.chosen ?? givenMu
    if lambda == givenLambda && mu == givenMu { return HeldOut(cases: first, weight: weight, fitted: fitted) }
    if mu == givenMu {
      return HeldOut(cases: readings(at: [(lambda, mu)])[0], weight: weight, fitted: fitted)
    }
    let both = readings(at: [(lambda, mu), (lambda, givenMu)])
    return HeldOut(cases: both[0], weight: weight, fitted: fitted, unfittedCases: both[1])
  }

  /// The intents without the examples of one fold, and those examples.
  static func split(_ intents: [IntentDefinition], holdingOut fold: Int) -> (
    training: [IntentDefinition], heldOut: [(text: String, intent: IntentID)]
  ) {
    var training: [IntentDefinition] = []
    var heldOut: [(text: String, intent: IntentID)] = []
    for intent in intents {
      var kept: [IntentExample] = []
      for example in intent.examples {
        if Self.fold(of: example.text) == fold {
          heldOut.append((example.text, intent.id))
        } else {
          kept.append(example)
        }
      }
      if !kept.isEmpty {
        training.append(IntentDefinition(id: intent.id, language: intent.language, examples: kept, file: intent.file))
      }
    }
    return (training, heldOut)
  }

  /// The fold of an example: a hash of its text, so that adding, removing or moving an example
  /// changes no other example's fold (by place in the files, one line more moved every example after
  /// it, and the thresholds chosen could flip with it).
  static func fold(of text: String) -> Int {
    Int(TypoCorrector.hash(Array(text.utf8)) % UInt64(folds))
  }

  /// The index of each held-out fold's training examples, fitted, built side by side.
  static func fittedFolds(
    _ intents: [IntentDefinition], profile: LanguageProfile, parameters: ScoringParameters, entityLists: [EntityList]
  ) -> [Int: LanguageIndex] {
    let built = Mutex<[Int: LanguageIndex]>([:])
    DispatchQueue.concurrentPerform(iterations: heldOutFolds) { fold in
      let index = LanguageIndex(
        intents: split(intents, holdingOut: fold).training, profile: profile, parameters: parameters,
        entityLists: entityLists, fitsModel: true)
      built.withLock { $0[fold] = index }
    }
    return built.withLock { $0 }
  }
}
