/// Finds names of known classes (places, languages, currencies, a content's carriers and products)
/// in a message's words, so that each becomes one token that stands for its class.
///
/// Names are compared by their folded words first, then by their words' stems, so inflected forms
/// match (hr `u Njemačku`, `za Sloveniju`; en `Swiss francs`) while a name spelt out wins over another
/// with the same stem (hr `hrvatski`, the language, over `Hrvatska`, the country); at each word the
/// longest name wins (`Bosna i Hercegovina` over `Bosna`). A
/// name that is also an everyday word (vi `anh`, "you" and the United Kingdom; en `chad`) counts only
/// right after one of the profile's place words (`sang Anh`, `to Chad`).
struct EntityRecognizer: Sendable {
  struct Name: Sendable, Hashable {
    /// The name's folded words, or their stems.
    let stems: [String]
    let type: String
    let matchingClass: String
    let value: String
    let needsCue: Bool
  }

  /// A name found: the words it spans and what it is.
  struct Found: Sendable, Hashable {
    let range: Range<Int>
    let name: Name
  }

  private let byFirstWord: [String: [Name]]
  private let byFirstStem: [String: [Name]]
  /// A bit for the first three bytes of every name's first word, and of its first stem when stems keep
  /// the start of their word (the stemmer strips endings only): most words of a message are ruled
  /// out by one bit, with no hashing and no stemming.
  private let wordStarts: [UInt64]
  private let stemStarts: [UInt64]?
  private let cues: Set<String>
  /// The names that need a cue word as the lists write them, by their folded form
  /// (`LanguageProfile.ambiguousNameSpellings`).
  private let cuedSpellings: [String: Set<String>]
  /// The names that need a cue word and count only typed with their diacritics, folded
  /// (`LanguageProfile.accentedOnlyNames`).
  private let accentedOnly: Set<String>
  /// Endings a one-word name may carry without an apostrophe, longest first (`LanguageProfile.nameEndings`).
  private let endings: [String]
  private let notNamesByStem: Set<String>
  let isEmpty: Bool

  /// The token that stands for a class in matching: `@place`, `@currency`, `@carrier`.
  static func classToken(_ matchingClass: String) -> String { "@" + matchingClass }

  /// Whether a folded word is a class token.
  static func isClassToken(_ folded: String) -> Bool { folded.utf8.first == 0x40 }

  /// Builds the look-up for a language.
  ///
  /// - Parameters:
  ///   - lists: The classes and their members' names.
  ///   - words: A name's folded words, cut by the same rules as a message's (`GLS-a` is one word).
  ///   - stem: The stem of a folded word, as the language's matching computes it.
  ///   - ambiguous: Folded names that are also everyday words; they need a cue word before them.
  ///   - cues: Folded words after which an ambiguous name counts (`to`, `u`, `sang`, `ke`), or pairs of
  ///     them (`in the`).
  ///   - spellings: The ambiguous names as written, by their folded form: typed with diacritics, one
  ///     counts only so written.
  ///   - accentedOnly: Folded ambiguous names that count only typed with their diacritics (vi `síp`).
  ///   - endings: Endings a one-word name may carry without an apostrophe (Turkish `kanadaya`), folded.
  ///   - notNamesByStem: Folded words that are never a name by their stem or an ending (tr `arasi`).
  ///   - stemsKeepTheirStart: Whether the stemmer strips endings only, so that a stem starts as its word does.
  init(
    lists: [EntityList], words: (String) -> [String], stem: (String) -> String, ambiguous: Set<String>,
    cues: Set<String>, spellings: [String: Set<String>] = [:], accentedOnly: Set<String> = [],
    endings: [String] = [], notNamesByStem: Set<String> = [], stemsKeepTheirStart: Bool = false
  ) {
    self.cuedSpellings = spellings
    self.accentedOnly = accentedOnly
    self.endings = endings
    self.notNamesByStem = notNamesByStem
    var byFirstWord: [String: [Name]] = [:]
    var byFirstStem: [String: [Name]] = [:]
    var seenWords = Set<[String]>()
    var seenStems = Set<[String]>()
    for list in lists {
      for member in list.members {
        for name in member.names {
          let folded = words(name)
          // One- and two-letter names ("AS", "UK") are too easily an ordinary word; they are not looked for,
          // unless the profile lists them as names that need a cue word (vi "đô", the dollar, after "bằng").
          let needsCue = ambiguous.contains(folded.joined(separator: " "))
          guard let first = folded.first, needsCue || !(folded.count == 1 && first.utf8.count < 3) else { continue }
          if seenWords.insert(folded).inserted {
            byFirstWord[first, default: []].append(
              Name(
                stems: folded, type: list.type, matchingClass: list.matchingClass, value: member.value,
                needsCue: needsCue))
          }
          let stems = folded.map(stem)
          // A one-word name matched by its stem needs a stem of four letters or more: shorter stems are
          // everyday words' too (tr `dil`, "language", is the stem of Dili; `ben`, "I", of Benin).
          if seenStems.insert(stems).inserted, !(stems.count == 1 && stems[0].utf8.count < 4) {
            byFirstStem[stems[0], default: []].append(
              Name(
                stems: stems, type: list.type, matchingClass: list.matchingClass, value: member.value,
                needsCue: needsCue))
          }
        }
      }
    }
    for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.stems.count > $1.stems.count } }
    for key in byFirstStem.keys { byFirstStem[key]!.sort { $0.stems.count > $1.stems.count } }
    self.byFirstWord = byFirstWord
    self.byFirstStem = byFirstStem
    var wordStarts = [UInt64](repeating: 0, count: 1024)
    for key in byFirstWord.keys { Self.mark(key, in: &wordStarts) }
    self.wordStarts = wordStarts
    if stemsKeepTheirStart {
      var stemStarts = [UInt64](repeating: 0, count: 1024)
      for key in byFirstStem.keys { Self.mark(key, in: &stemStarts) }
      self.stemStarts = stemStarts
    } else {
      self.stemStarts = nil
    }
    self.cues = cues
    self.isEmpty = byFirstWord.isEmpty
  }

  /// A word's first three bytes (fewer for a shorter word), hashed to a number below 65,536.
  @inline(__always)
  private static func start(_ word: String) -> Int {
    var hash: UInt32 = 2_166_136_261
    for byte in word.utf8.prefix(3) {
      hash = (hash ^ UInt32(byte)) &* 16_777_619
    }
    return Int(hash >> 16)
  }

  private static func mark(_ word: String, in bits: inout [UInt64]) {
    let key = start(word)
    bits[key >> 6] |= 1 << UInt64(key & 63)
  }

  @inline(__always)
  private static func isMarked(_ word: String, in bits: [UInt64]) -> Bool {
    let key = start(word)
    return bits[key >> 6] & (1 << UInt64(key & 63)) != 0
  }

  /// The names in a message, longest first at each word, not overlapping.
  ///
  /// - Parameters:
  ///   - folded: The message's words, folded.
  ///   - typed: The word at a position lower-cased with its diacritics, when known: a name that needs a
  ///     cue word and was typed with diacritics counts only as its list writes it. Asked only for such
  ///     names.
  ///   - stem: The stem of a folded word, by the same function the recognizer was built with; called
  ///     only for words that could start or continue a name.
  /// - Complexity: O(words × names that start with each word).
  func find(folded: [String], typed: ((Int) -> String)? = nil, stem: (String) -> String) -> [Found] {
    guard !isEmpty else { return [] }
    var stems = [String?](repeating: nil, count: folded.count)
    func stemAt(_ position: Int) -> String {
      if let known = stems[position] { return known }
      let value = stem(folded[position])
      stems[position] = value
      return value
    }
    var found: [Found] = []
    var index = 0
    func cued(_ name: Name) -> Bool {
      guard name.needsCue else { return true }
      // A cue may be two words ("in the", before "UK").
      guard index > 0,
        cues.contains(folded[index - 1]) || (index > 1 && cues.contains(folded[index - 2] + " " + folded[index - 1]))
      else { return false }
      guard let typed, index + name.stems.count <= folded.count else {
        return accentedOnly.isEmpty || !accentedOnly.contains(name.stems.joined(separator: " "))
      }
      let range = index..<(index + name.stems.count)
      let written = range.map(typed).joined(separator: " ")
      let plain = folded[range].joined(separator: " ")
      if accentedOnly.contains(plain) { return written != plain && cuedSpellings[plain]?.contains(written) == true }
      return written == plain || cuedSpellings[plain]?.contains(written) != false
    }
    while index < folded.count {
      let couldStartWord = Self.isMarked(folded[index], in: wordStarts)
      let couldStartStem = stemStarts.map { Self.isMarked(folded[index], in: $0) } ?? true
      guard couldStartWord || couldStartStem else {
        index += 1
        continue
      }
      var exact: Name?
      for name in (couldStartWord ? byFirstWord[folded[index]] : nil) ?? []
      where index + name.stems.count <= folded.count {
        if folded[index..<(index + name.stems.count)].elementsEqual(name.stems) && cued(name) {
          exact = name
          break
        }
      }
      var stemmed: Name?
      // A word listed as no name by its stem is a name only as it is typed.
      let byStem = !notNamesByStem.contains(folded[index])
      for name in (couldStartStem && byStem ? byFirstStem[stemAt(index)] : nil) ?? []
      where index + name.stems.count <= folded.count {
        if (0..<name.stems.count).allSatisfy({ stemAt(index + $0) == name.stems[$0] }) && cued(name) {
          stemmed = name
          break
        }
      }
      // The longer name wins; at the same length, the name spelt out.
      let match =
        (stemmed?.stems.count ?? 0) > (exact?.stems.count ?? 0)
        ? stemmed : exact ?? stemmed ?? (byStem ? nameWithEnding(folded[index]) : nil)
      if let match {
        found.append(Found(range: index..<(index + match.stems.count), name: match))
        index += match.stems.count
      } else {
        index += 1
      }
    }
    return found
  }

  /// The one-word name that a word is with one of the endings added (tr `kanadaya`: `kanada` + `ya`),
  /// when the name needs no cue word and at least three letters are left.
  private func nameWithEnding(_ word: String) -> Name? {
    guard !endings.isEmpty, Self.isMarked(word, in: wordStarts) else { return nil }
    for ending in endings where word.hasSuffix(ending) && word.utf8.count >= ending.utf8.count + 3 {
      let name = String(word.dropLast(ending.count))
      if let found = byFirstWord[name]?.first(where: { $0.stems.count == 1 && !$0.needsCue }) { return found }
    }
    return nil
  }
}
