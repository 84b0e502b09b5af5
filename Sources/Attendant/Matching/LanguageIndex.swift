import Foundation

/// The searchable form of one language's intents, and the scoring that ranks them for a message.
///
/// Two closed-form models, both computed from the examples at load time, vote on each intent:
/// - **words** (`WordModel`): Bernoulli naive Bayes over stems, stem bigrams (with sentence boundaries)
///   and exact accented forms, each feature weighted by its concentration
///   g = (1 − H(intent | feature) / ln C)^p;
/// - **character n-grams** (`CharacterModel`): multinomial naive Bayes over the 3- to 5-grams of each
///   word, which carries typos and inflections the stemmer misses.
///
/// Each model's scores are standardised over the intents (z-scores) and averaged with a weight. The
/// confidence combines the top z-score, the share of the message the intent's examples cover, and the
/// margin to the second intent (`LanguageIndex+Scoring.swift`). Every sum runs over the postings of the
/// message's features, and a known word's character-n-gram evidence is summed once, at load time, into a
/// per-word vector; so the cost follows the message and the intents it touches, not the number of
/// examples. `MatchExplainer` breaks a score down for people.
final class LanguageIndex: Sendable {
  let language: Language
  let analyzer: TextAnalyzer
  let parameters: ScoringParameters
  /// The weight of the character model: the parameters', or 0 for content past the dense ranking limit.
  let characterWeight: Double
  let intents: [IntentID]
  /// The index of the out-of-scope examples among `intents`, if the content has them.
  let outOfScopeIndex: Int?
  let examples: [IndexedExample]
  let examplesByIntent: [[Int32]]
  /// The classes of names (`@carrier`, `@place`) each intent's examples hold, by intent index, each
  /// with the share of the intent's examples that hold it.
  let nameShares: [[String: Double]]
  /// Each class of names that is one intent's above all (`nameHome`): that intent's index.
  let nameHomes: [String: Int]
  /// Each example's words (folded, as `TextAnalyzer.foldPhrase` gives them), and the one intent that
  /// has it, or `sharedExample` when several intents have the same example.
  let exampleOwners: [String: Int32]

  // Vocabulary: every folded word of the content, with its stem.
  let vocabulary: Interner<String>
  /// Each word's stem id.
  let wordStems: [Int32]
  let stems: Interner<String>
  let stemCache: [String: String]
  let knownStems: Set<String>
  /// The accented forms that differ from their folded word.
  let exacts: Interner<String>
  /// How each word is written in the examples, by word id: a word typed with diacritics is corrected
  /// only to a word written near it.
  let writtenForms: [[String]]
  let typos: TypoCorrector

  let words: WordModel
  let characters: CharacterModel
  /// The linear model fitted to the examples (`FittedModel`): fitted when `fittedWeight` is above 0,
  /// or when the index was built to be read at other fitted weights (`fitsModel`); empty otherwise.
  let fitted: FittedModel
  /// μ: the weight of the fitted model's z-scores, or 0 when there is none.
  let fittedWeight: Double
  /// Sums over the intents, for z-scores computed from the touched intents only.
  let sums: IntentSums
  let scratch: ScratchPool

  /// Above this many intents, only the intents a message touches are ranked.
  static let denseRankingLimit = 4096

  /// An example as indexed: its text, place, intent and word features.
  struct IndexedExample: Sendable {
    let text: String
    let location: SourceLocation
    let intent: Int32
    let features: [Int32]
  }

  /// Σ_c of the per-intent constants, so that the mean and variance of a score over all intents can be
  /// had from the touched intents alone.
  struct IntentSums: Sendable {
    var base = 0.0, absent = 0.0, baseSquared = 0.0, baseAbsent = 0.0, absentSquared = 0.0
    var gramAbsent = 0.0, gramAbsentSquared = 0.0

    init(words: WordModel, characters: CharacterModel) {
      for c in words.base.indices {
        base += words.base[c]
        absent += words.absent[c]
        baseSquared += words.base[c] * words.base[c]
        baseAbsent += words.base[c] * words.absent[c]
        absentSquared += words.absent[c] * words.absent[c]
        gramAbsent += characters.absent[c]
        gramAbsentSquared += characters.absent[c] * characters.absent[c]
      }
    }
  }

  /// The word id of a number while building (numbers share the stem `#`, stem id 0).
  private static let numberWord: Int32 = -1
  /// The stem id of numbers.
  private static let numberStem: Int32 = 0
  /// The exact id of a word written as folded.
  private static let noExact: Int32 = -1
  /// The owner of an example that several intents have.
  static let sharedExample: Int32 = -1

  // MARK: Building

  /// Indexes the intents of one language.
  ///
  /// - Parameter fitsModel: Whether to fit the linear model (`FittedModel`) even when the fitted
  ///   weight μ is 0, so that `bestIntents` can read it at other weights (`PolicyCalibration`).
  /// - Complexity: O(total length of the examples), plus sorts of the (feature, intent) pairs and of
  ///   the typo index, plus O(vocabulary × n-grams × postings) for the per-word character vectors.
  init(
    intents source: [IntentDefinition], profile: LanguageProfile, parameters: ScoringParameters = .default,
    entityLists: [EntityList] = [], fitsModel: Bool = false
  ) {
    let off = parameters.switchedOff
    let profile = off.isEmpty ? profile : profile.switchingOff(off)
    language = profile.language
    analyzer = TextAnalyzer(profile: profile, entityLists: off.contains(.entities) ? nil : entityLists)
    self.parameters = parameters
    intents = source.map(\.id)
    outOfScopeIndex = intents.firstIndex(of: .outOfScope)
    let intentCount = source.count
    // Past the dense ranking limit the index is built for size: no character model (its postings
    // would grow with intents × n-grams; words with typo correction carry the matching) and no
    // postings for the commonest word features.
    let sparse = intentCount > Self.denseRankingLimit
    characterWeight = Self.characterWeight(intentCount: intentCount, parameters: parameters, language: language)

    let text = ExampleWords(source, analyzer: analyzer)
    let stemming = Stemming(vocabulary: text.vocabulary.keys, profile: profile)
    let found = ExampleFeatures(source, text: text, wordStems: stemming.wordStems, off: off)
    words = WordModel(
      features: found.features, pairs: found.featurePairs, intentSizes: found.intentSizes, parameters: parameters,
      sparse: sparse)
    characters =
      sparse
      ? CharacterModel(emptyFor: text.vocabulary.keys, intentCount: intentCount)
      : CharacterModel(
        vocabulary: text.vocabulary.keys, wordPairs: found.wordPairs, intentCount: intentCount, parameters: parameters)
    sums = IntentSums(words: words, characters: characters)
    let fits = !sparse && !off.contains(.fittedModel)
    fittedWeight = fits ? max(0, parameters.fittedWeight) : 0
    fitted =
      fits && (fittedWeight > 0 || fitsModel)
      ? Self.fit(text: text, found: found, words: words, characters: characters, parameters: parameters)
      : FittedModel(
        emptyFor: text.vocabulary.count, wordFeatureCount: words.features.count, gramCount: characters.grams.count)
    // Class tokens are not words a typo could have been meant as.
    typos = TypoCorrector(
      words: text.vocabulary.keys.map { EntityRecognizer.isClassToken($0) ? [] : Array($0.utf8) },
      frequencies: found.wordFrequency)
    vocabulary = text.vocabulary
    exacts = text.exacts
    writtenForms = text.writtenForms
    wordStems = stemming.wordStems
    stems = stemming.stems
    stemCache = stemming.cache
    knownStems = stemming.plainStems
    scratch = ScratchPool(intents: intentCount, clearsAll: intentCount <= Self.denseRankingLimit)
    examples = found.examples
    examplesByIntent = found.examplesByIntent
    nameShares = zip(found.namesByIntent, found.intentSizes).map { counts, size in
      counts.mapValues { Double($0) / max(size, 1) }
    }
    nameHomes = Self.homes(nameShares, outOfScope: outOfScopeIndex)
    exampleOwners = Self.owners(of: found.examples)
  }

  /// The weight of the character model for this many intents: the parameters' for the language, or 0
  /// past the dense ranking limit or with the n-grams switched off (there is no character model then).
  static func characterWeight(intentCount: Int, parameters: ScoringParameters, language: Language) -> Double {
    intentCount > denseRankingLimit || parameters.switchedOff.contains(.characterNGrams)
      ? 0 : parameters.characterWeight(for: language)
  }

  /// The same index with another character weight, and another fitted weight when the model was
  /// fitted (`PolicyCalibration` chooses both per language): the models are shared, only the mix of
  /// their z-scores changes.
  ///
  /// - Parameter model: A model fitted to the same content before (`FittedModelCache`), in place of
  ///   the other index's.
  init(_ other: LanguageIndex, characterWeight: Double, fittedWeight: Double? = nil, model: FittedModel? = nil) {
    language = other.language
    analyzer = other.analyzer
    var parameters = other.parameters
    parameters.characterWeight = characterWeight
    let fitted = model ?? other.fitted
    let mu = fitted.isFitted ? max(0, fittedWeight ?? other.fittedWeight) : 0
    parameters.fittedWeight = mu
    self.parameters = parameters
    self.characterWeight = characterWeight
    intents = other.intents
    outOfScopeIndex = other.outOfScopeIndex
    examples = other.examples
    examplesByIntent = other.examplesByIntent
    nameShares = other.nameShares
    nameHomes = other.nameHomes
    exampleOwners = other.exampleOwners
    vocabulary = other.vocabulary
    wordStems = other.wordStems
    stems = other.stems
    stemCache = other.stemCache
    knownStems = other.knownStems
    exacts = other.exacts
    writtenForms = other.writtenForms
    typos = other.typos
    words = other.words
    characters = other.characters
    self.fitted = fitted
    self.fittedWeight = mu
    sums = other.sums
    scratch = ScratchPool(intents: other.intents.count, clearsAll: other.intents.count <= Self.denseRankingLimit)
  }

  /// Fits the linear model to the examples' word features and the n-grams of their words.
  private static func fit(
    text: ExampleWords, found: ExampleFeatures, words: WordModel, characters: CharacterModel,
    parameters: ScoringParameters
  ) -> FittedModel {
    let wordGrams = text.vocabulary.keys.map { word in
      EntityRecognizer.isClassToken(word)
        ? []
        : CharacterModel.grams(of: word, sizes: parameters.characterGramSizes).compactMap { characters.grams[$0] }
    }
    let exampleWords = found.examples.indices.map { e in
      (Int(text.starts[e])..<Int(text.starts[e + 1])).compactMap { position -> Int32? in
        let word = text.words[position]
        return word == numberWord ? nil : word
      }
    }
    return FittedModel(
      exampleFeatures: found.examples.map(\.features), exampleWords: exampleWords,
      labels: found.examples.map(\.intent), wordGrams: wordGrams, words: words, characters: characters,
      intentCount: found.intentSizes.count, parameters: parameters)
  }

  /// Pass 1: every example cut into words once, as word ids (numbers as `numberWord`), and the
  /// accented forms as exact ids; each distinct word is hashed as a string once per occurrence here,
  /// and never again.
  private struct ExampleWords {
    var vocabulary = Interner<String>()
    var exacts = Interner<String>()
    /// Where each example's words start in `words`, and one past the last example's.
    var starts: [Int32] = [0]
    var words: [Int32] = []
    /// The exact id of each word, or `noExact` when it is written as folded.
    var exactIDs: [Int32] = []
    /// How each word is written in the examples (with its diacritics, or as folded), by word id.
    var writtenForms: [[String]] = []

    init(_ source: [IntentDefinition], analyzer: TextAnalyzer) {
      for intent in source {
        for example in intent.examples {
          var names: [Entity] = []
          let tokens = analyzer.normalizedWords(from: analyzer.tokens(of: example.text), stems: [:], entities: &names)
          for token in tokens {
            guard !token.isNumber else {
              words.append(LanguageIndex.numberWord)
              exactIDs.append(LanguageIndex.noExact)
              continue
            }
            let word = vocabulary.id(for: token.folded)
            words.append(word)
            exactIDs.append(token.exact != token.folded ? exacts.id(for: token.exact) : LanguageIndex.noExact)
            if Int(word) == writtenForms.count { writtenForms.append([]) }
            if !writtenForms[Int(word)].contains(token.exact) { writtenForms[Int(word)].append(token.exact) }
          }
          starts.append(Int32(words.count))
        }
      }
    }
  }

  /// Pass 2: stems, once per distinct word. Stemmers that offer several roots (Indonesian nasal
  /// prefixes) get the root the content itself uses. A class token (`@place`) is its own stem.
  private struct Stemming {
    var stems = Interner<String>([AnalyzedTerm.numberStem])
    var wordStems: [Int32] = []
    var cache: [String: String] = [:]
    /// The words, and each word's last candidate stem: what the content itself writes.
    var plainStems: Set<String>

    init(vocabulary: [String], profile: LanguageProfile) {
      let candidateLists = vocabulary.map {
        EntityRecognizer.isClassToken($0) ? [$0] : profile.stemmer.candidates(for: $0)
      }
      plainStems = Set(vocabulary)
      for candidates in candidateLists { plainStems.insert(candidates.last!) }
      cache.reserveCapacity(vocabulary.count)
      wordStems.reserveCapacity(vocabulary.count)
      for (word, candidates) in zip(vocabulary, candidateLists) {
        let stem =
          candidates.count > 1 ? (candidates.first(where: plainStems.contains) ?? candidates.last!) : candidates[0]
        cache[word] = stem
        wordStems.append(stems.id(for: stem))
      }
    }
  }

  /// Pass 3: features of every example, as flat (feature, intent) and (word, intent) pairs.
  private struct ExampleFeatures {
    var features = Interner<UInt64>()
    var featurePairs: [UInt64] = []
    var wordPairs: [UInt64] = []
    var wordFrequency: [Int32]
    var examples: [IndexedExample] = []
    var examplesByIntent: [[Int32]]
    /// How many of each intent's examples hold each class of names (`@carrier`).
    var namesByIntent: [[String: Int]]
    var intentSizes: [Double]
    /// Parts switched off for an ablation: bigrams and exact forms add no features then.
    let off: Set<PipelinePart>

    init(_ source: [IntentDefinition], text: ExampleWords, wordStems: [Int32], off: Set<PipelinePart>) {
      self.off = off
      wordFrequency = [Int32](repeating: 0, count: text.vocabulary.count)
      examplesByIntent = [[Int32]](repeating: [], count: source.count)
      namesByIntent = [[String: Int]](repeating: [:], count: source.count)
      intentSizes = [Double](repeating: 0, count: source.count)
      var exampleIndex = 0
      var scratch: [Int32] = []
      for (intentIndex, intent) in source.enumerated() {
        for example in intent.examples {
          let range = Int(text.starts[exampleIndex])..<Int(text.starts[exampleIndex + 1])
          let unique = add(range, of: text, wordStems: wordStems, intent: intentIndex, scratch: &scratch)
          var classes: Set<String> = []
          for position in range where text.words[position] != LanguageIndex.numberWord {
            let word = text.vocabulary.keys[Int(text.words[position])]
            if EntityRecognizer.isClassToken(word) { classes.insert(word) }
          }
          for word in classes { namesByIntent[intentIndex][word, default: 0] += 1 }
          examplesByIntent[intentIndex].append(Int32(examples.count))
          examples.append(
            IndexedExample(
              text: example.text, location: example.location, intent: Int32(intentIndex), features: unique))
          intentSizes[intentIndex] += 1
          exampleIndex += 1
        }
      }
    }

    /// Adds the features of one example (the words in `range`), and returns them, sorted, each once.
    private mutating func add(
      _ range: Range<Int>, of text: ExampleWords, wordStems: [Int32], intent intentIndex: Int,
      scratch features: inout [Int32]
    ) -> [Int32] {
      let c = UInt64(intentIndex)
      features.removeAll(keepingCapacity: true)
      var previous = WordModel.boundary
      for position in range {
        let word = text.words[position]
        let stem = word == LanguageIndex.numberWord ? LanguageIndex.numberStem : wordStems[Int(word)]
        features.append(self.features.id(for: WordModel.stemKey(stem)))
        if !off.contains(.bigrams) {
          features.append(self.features.id(for: WordModel.bigramKey(previous, UInt32(stem))))
        }
        previous = UInt32(stem)
        let exact = text.exactIDs[position]
        if exact != LanguageIndex.noExact && !off.contains(.exactForms) {
          features.append(self.features.id(for: WordModel.exactKey(exact)))
        }
        if word != LanguageIndex.numberWord {
          wordFrequency[Int(word)] += 1
          wordPairs.append(FeatureCounts.pair(word, c))
        }
      }
      if !off.contains(.bigrams) {
        features.append(self.features.id(for: WordModel.bigramKey(previous, WordModel.boundary)))
      }
      features.sort()
      var unique: [Int32] = []
      unique.reserveCapacity(features.count)
      for id in features where unique.last != id {
        unique.append(id)
        featurePairs.append(FeatureCounts.pair(id, c))
      }
      return unique
    }
  }

  /// Each example's folded words, and the one intent that has it, or `sharedExample` when several do.
  private static func owners(of examples: [IndexedExample]) -> [String: Int32] {
    var owners: [String: Int32] = [:]
    for example in examples {
      let key = TextAnalyzer.foldPhrase(example.text)
      if let owner = owners[key], owner != example.intent {
        owners[key] = sharedExample
      } else {
        owners[key] = example.intent
      }
    }
    return owners
  }
}
