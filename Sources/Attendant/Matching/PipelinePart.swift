/// A part of the matching pipeline that `ScoringParameters.switchedOff` can turn off, to measure what
/// it earns (`attendant eval ablation`, docs/matching.md "Ablation").
public enum PipelinePart: String, CaseIterable, Sendable, Hashable, Codable {
  /// The language's stemmer: words are matched as folded, inflected forms apart.
  case stemming
  /// Stem bigrams (with the sentence boundaries) among the word features.
  case bigrams
  /// Exact accented forms (`=šifra`) among the word features.
  case exactForms = "exact-forms"
  /// The character n-gram model (its weight becomes 0).
  case characterNGrams = "character-n-grams"
  /// Typo correction of words the content does not know.
  case typoCorrection = "typo-correction"
  /// The profile's function words, negations and question words: every word is a content word.
  case roleLists = "role-lists"
  /// The profile's chat abbreviations (`pls`, vi `ko`, tr `tşk`).
  case abbreviations
  /// Names of places, languages, currencies and the content's classes, and numbers, as class tokens.
  case entities
  /// The fitted model (`FittedModel`): nothing is fitted, and the calibration tries no fitted weight.
  case fittedModel = "fitted-model"
}
