/// A profile with parts of the pipeline switched off, for `eval ablation`.
extension LanguageProfile {
  /// The profile with these parts of the pipeline switched off: no stemmer, no role lists, no
  /// abbreviations (for an ablation; the other parts are switched off by the index).
  func switchingOff(_ parts: Set<PipelinePart>) -> LanguageProfile {
    var profile = self
    if parts.contains(.stemming) { profile.stemmer = IdentityStemmer() }
    if parts.contains(.roleLists) {
      profile.functionWords = []
      profile.interjections = []
      profile.negations = []
      profile.questionWords = []
      profile.questionTags = [:]
      profile.questionOpeners = []
      profile.questionPairs = []
      profile.questionAlternatives = [:]
      profile.roleForms = [:]
    }
    if parts.contains(.abbreviations) {
      profile.abbreviations = [:]
      profile.expansions = [:]
      profile.abbreviationSpellings = [:]
    }
    return profile
  }
}
