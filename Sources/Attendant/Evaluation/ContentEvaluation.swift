import Foundation

/// Measures an engine on its own content, language by language: whether each example maps to its own
/// intent, whether it still does with its diacritics stripped or in capitals, and whether its language
/// is identified, as typed and folded to ASCII.
package enum ContentEvaluation {
  /// One language's figures; fractions 0…1.
  public struct LanguageReport: Sendable, Codable {
    public var language: Language
    public var examples: Int
    /// Examples whose best intent is their own.
    public var selfConsistency: Double
    /// Examples that contain diacritics.
    public var examplesWithDiacritics: Int
    /// Of those, the share that get the same intent with every diacritic stripped as typed.
    public var strippedAgreement: Double?
    /// The share that get the same intent in capitals as typed.
    public var uppercaseAgreement: Double
    /// Self-consistency of the stripped and the capitalised examples.
    public var strippedSelfConsistency: Double
    public var uppercaseSelfConsistency: Double
    /// Language identification, leave-one-out (the example's own counts taken out of the profiles);
    /// undetermined counts as wrong.
    public var languageIdentified: Double
    public var languageIdentifiedFolded: Double
    public var languageUndetermined: Double
    public var languageUndeterminedFolded: Double
    /// Examples whose words, folded, are also an example of another language (`thx`, `bye bye`,
    /// `refund?`): they have more than one right language.
    public var sharedExamples: Int
    /// Language identification over the other examples, whose language is not in doubt.
    public var languageIdentifiedDistinct: Double
    public var languageIdentifiedFoldedDistinct: Double
  }

  /// Evaluates every language of the engine's content.
  public static func evaluate(_ engine: Engine) -> [LanguageReport] {
    var languagesOfText: [String: Set<Language>] = [:]
    for (language, intents) in engine.knowledgeBase.intents {
      for intent in intents {
        for example in intent.examples {
          languagesOfText[TextAnalyzer.foldPhrase(example.text), default: []].insert(language)
        }
      }
    }
    let identifier = LeaveOneOutIdentifier(engine: engine)
    return engine.languages.compactMap { language in
      guard let intents = engine.knowledgeBase.intents[language], let profile = engine.knowledgeBase.profiles[language]
      else {
        return nil
      }
      var total = 0, own = 0, withMarks = 0, strippedSame = 0, upperSame = 0, strippedOwn = 0, upperOwn = 0
      var identified = 0, identifiedFolded = 0, undetermined = 0, undeterminedFolded = 0
      var shared = 0, identifiedDistinct = 0, identifiedFoldedDistinct = 0
      let upperLocale = Locale(identifier: profile.localeIdentifier)
      for intent in intents {
        for example in intent.examples {
          total += 1
          let original = engine.match(example.text, in: language)?.intent
          if original == intent.id { own += 1 }
          let stripped = strip(example.text)
          let strippedIntent = engine.match(stripped, in: language)?.intent
          if strippedIntent == intent.id { strippedOwn += 1 }
          if stripped != example.text {
            withMarks += 1
            if strippedIntent == original { strippedSame += 1 }
          }
          let upper = example.text.uppercased(with: upperLocale)
          let upperIntent = engine.match(upper, in: language)?.intent
          if upperIntent == original { upperSame += 1 }
          if upperIntent == intent.id { upperOwn += 1 }
          let guess = identifier.identify(example.text, tokens: Tokenizer.tokenize(example.text), heldOut: language)
          if guess.language == language { identified += 1 }
          if guess.language == nil { undetermined += 1 }
          let foldedGuess = identifier.identify(stripped, tokens: Tokenizer.tokenize(stripped), heldOut: language)
          if foldedGuess.language == language { identifiedFolded += 1 }
          if foldedGuess.language == nil { undeterminedFolded += 1 }
          if languagesOfText[TextAnalyzer.foldPhrase(example.text), default: []].count > 1 {
            shared += 1
          } else {
            if guess.language == language { identifiedDistinct += 1 }
            if foldedGuess.language == language { identifiedFoldedDistinct += 1 }
          }
        }
      }
      let n = Double(max(total, 1))
      return LanguageReport(
        language: language, examples: total, selfConsistency: Double(own) / n, examplesWithDiacritics: withMarks,
        strippedAgreement: withMarks == 0 ? nil : Double(strippedSame) / Double(withMarks),
        uppercaseAgreement: Double(upperSame) / n, strippedSelfConsistency: Double(strippedOwn) / n,
        uppercaseSelfConsistency: Double(upperOwn) / n, languageIdentified: Double(identified) / n,
        languageIdentifiedFolded: Double(identifiedFolded) / n, languageUndetermined: Double(undetermined) / n,
        languageUndeterminedFolded: Double(undeterminedFolded) / n, sharedExamples: shared,
        languageIdentifiedDistinct: Double(identifiedDistinct) / Double(max(total - shared, 1)),
        languageIdentifiedFoldedDistinct: Double(identifiedFoldedDistinct) / Double(max(total - shared, 1)))
    }
  }

  /// The text with every diacritic stripped, keeping case and everything else (`Čćđ` → `Ccd`).
  public static func strip(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
      if FoldTable.isCombiningMark(scalar.value) { continue }
      let lower = scalar.properties.lowercaseMapping.unicodeScalars
      let isUpper = scalar.properties.isUppercase
      if lower.count == 1, let ascii = FoldTable.asciiFolding(of: lower.first!.value) {
        let letters = String(decoding: ascii, as: UTF8.self)
        output.append(contentsOf: (isUpper ? letters.uppercased() : letters).unicodeScalars)
      } else {
        output.append(scalar)
      }
    }
    return String(output)
  }
}

extension ContentEvaluation {
  /// One held-out example of a cross-validation fold, and what the engine made of it.
  public struct FoldPrediction: Sendable {
    public let language: Language
    public let text: String
    public let expected: IntentID
    public let match: IntentMatch
  }

  /// k-fold cross-validation on the content's own examples: each example is matched by an index built
  /// without its fold, which measures how the content generalises to phrasings it does not contain.
  ///
  /// Examples are assigned to folds by their position within their intent (round robin), so every
  /// intent keeps most of its examples in every fold's index.
  /// - Complexity: `folds` index builds per language, one match per example.
  public static func crossValidate(
    _ knowledgeBase: KnowledgeBase, folds: Int = 5, parameters: ScoringParameters = .default
  )
    -> [FoldPrediction]
  {
    var predictions: [FoldPrediction] = []
    for language in knowledgeBase.languages {
      guard let intents = knowledgeBase.intents[language], let profile = knowledgeBase.profiles[language] else {
        continue
      }
      for fold in 0..<folds {
        let training = intents.map { intent in
          IntentDefinition(
            id: intent.id, language: language,
            examples: intent.examples.enumerated().filter { $0.offset % folds != fold }.map(\.element),
            file: intent.file)
        }
        let index = LanguageIndex(intents: training, profile: profile, parameters: parameters)
        for intent in intents {
          for (position, example) in intent.examples.enumerated() where position % folds == fold {
            predictions.append(
              FoldPrediction(
                language: language, text: example.text, expected: intent.id, match: index.match(example.text)))
          }
        }
      }
    }
    return predictions
  }
}
