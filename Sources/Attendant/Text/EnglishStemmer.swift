// The algorithm is the Snowball English ("Porter2") stemmer by Dr Martin Porter, as published at
// snowballstem.org under the BSD 3-clause licence:
//   Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2004-2005, Richard Boulton. All rights reserved.
//   Redistribution and use in source and binary forms, with or without modification, are permitted
//   provided that the conditions of the BSD 3-clause licence are met (see snowballstem.org/license.html).
// This file is our own Swift implementation of that published description.

/// The Snowball English (Porter2) stemmer, on ASCII bytes.
package struct EnglishStemmer: Stemmer {
  public init() {}

  /// A suffix and what replaces it, as bytes, in a list sorted longest first (the algorithm always
  /// acts on the longest matching suffix of a step).
  struct Rule: Sendable {
    let suffix: [UInt8]
    let replacement: [UInt8]
  }

  static func rules(_ pairs: [(String, String)]) -> [Rule] {
    pairs.map { Rule(suffix: Array($0.0.utf8), replacement: Array($0.1.utf8)) }.sorted {
      $0.suffix.count > $1.suffix.count
    }
  }

  /// Words whose R1 starts after these prefixes (Snowball's current list).
  static let regionPrefixes: [[UInt8]] = [
    "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
  ]
  .map { Array($0.utf8) }
  static let step1aRules = rules([("sses", "ss"), ("ied", "i"), ("ies", "i"), ("us", "us"), ("ss", "ss"), ("s", "")])
  static let step1bRules = rules([("eed", "ee"), ("eedly", "ee"), ("ed", ""), ("edly", ""), ("ing", ""), ("ingly", "")])
  static let step2Rules = rules([
    ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
    ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
    ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
    ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
    ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
  ])
  static let step3Rules = rules([
    ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
    ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
  ])
  static let step4Rules = rules(
    [
      "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion",
    ].map { ($0, "") })

  private static let exceptions1: [String: String] = [
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
    "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
  ]
  private static let exceptions2: Set<String> = [
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
  ]

  public func stem(_ word: String) -> String {
    guard word.utf8.count > 2, word.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return word }
    if let exception = Self.exceptions1[word] { return exception }
    var w = Word(Array(word.utf8))
    w.markConsonantY()
    w.computeRegions()
    w.step1a()
    if Self.exceptions2.contains(w.string) { return w.string }
    w.step1b()
    w.step1c()
    w.step2()
    w.step3()
    w.step4()
    w.step5()
    return w.string
  }

  /// A word being stemmed; `Y` (0x59) marks a `y` that acts as a consonant.
  private struct Word {
    var b: [UInt8]
    var r1 = 0
    var r2 = 0

    init(_ bytes: [UInt8]) { b = bytes }

    var string: String { String(decoding: b.map { $0 == 0x59 ? 0x79 : $0 }, as: UTF8.self) }

    static func isVowel(_ c: UInt8) -> Bool {
      c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
    }

    func vowel(at i: Int) -> Bool { Self.isVowel(b[i]) }

    mutating func markConsonantY() {
      for i in b.indices where b[i] == 0x79 && (i == 0 || vowel(at: i - 1)) {
        b[i] = 0x59
      }
    }

    mutating func computeRegions() {
      if let prefix = EnglishStemmer.regionPrefixes.first(where: { b.starts(with: $0) }) {
        r1 = prefix.count
      } else {
        r1 = region(after: 0)
      }
      r2 = region(after: r1)
    }

    /// The start of the region after the first non-vowel that follows a vowel, searching from `start`.
    func region(after start: Int) -> Int {
      var i = start + 1
      while i < b.count {
        if !vowel(at: i) && vowel(at: i - 1) { return i + 1 }
        i += 1
      }
      return b.count
    }

    func ends(_ suffix: StaticString) -> Bool {
      let count = suffix.utf8CodeUnitCount
      guard b.count >= count else { return false }
      let pointer = suffix.utf8Start
      for offset in 0..<count where b[b.count - count + offset] != pointer[offset] { return false }
      return true
    }

    /// The longest rule whose suffix the word ends with.
    func longest(_ rules: [Rule]) -> Rule? {
      rules.first { b.ends(with: $0.suffix) }
    }

    func inR1(_ rule: Rule) -> Bool { b.count - rule.suffix.count >= r1 }
    func inR2(_ rule: Rule) -> Bool { b.count - rule.suffix.count >= r2 }

    mutating func apply(_ rule: Rule) {
      b.removeLast(rule.suffix.count)
      b.append(contentsOf: rule.replacement)
    }

    func containsVowel(before end: Int) -> Bool { (0..<end).contains { vowel(at: $0) } }

    /// A short syllable ends at `end` (exclusive).
    func isShortSyllable(endingAt end: Int) -> Bool {
      if end == 2 { return vowel(at: 0) && !vowel(at: 1) }
      guard end >= 3 else { return false }
      let c = b[end - 1]
      return !vowel(at: end - 3) && vowel(at: end - 2) && !Self.isVowel(c) && c != 0x77 && c != 0x78 && c != 0x59
    }

    var isShort: Bool { r1 >= b.count && isShortSyllable(endingAt: b.count) }

    mutating func step1a() {
      if ends("'s'") { b.removeLast(3) } else if ends("'s") { b.removeLast(2) } else if ends("'") { b.removeLast(1) }
      guard let rule = longest(EnglishStemmer.step1aRules) else { return }
      switch rule.suffix.count {
      case 4: apply(rule)  // sses
      case 3:  // ied, ies
        let keepE = b.count <= 4
        b.removeLast(3)
        b.append(0x69)
        if keepE { b.append(0x65) }
      case 1: if containsVowel(before: b.count - 2) { b.removeLast() }  // s
      default: break  // us, ss
      }
    }

    mutating func step1b() {
      guard let rule = longest(EnglishStemmer.step1bRules) else { return }
      if !rule.replacement.isEmpty {  // eed, eedly
        if inR1(rule) { apply(rule) }
        return
      }
      guard containsVowel(before: b.count - rule.suffix.count) else { return }
      b.removeLast(rule.suffix.count)
      if ends("at") || ends("bl") || ends("iz") {
        b.append(0x65)
      } else if let last = b.last, b.count >= 2, b[b.count - 2] == last, "bdfgmnprt".utf8.contains(last) {
        b.removeLast()
      } else if isShort {
        b.append(0x65)
      }
    }

    mutating func step1c() {
      guard b.count > 2, let last = b.last, last == 0x79 || last == 0x59, !vowel(at: b.count - 2) else { return }
      b[b.count - 1] = 0x69
    }

    mutating func step2() {
      guard let rule = longest(EnglishStemmer.step2Rules), inR1(rule) else { return }
      if rule.suffix == [0x6F, 0x67, 0x69] {  // ogi
        if b.count >= 4 && b[b.count - 4] == 0x6C { apply(rule) }
      } else if rule.suffix == [0x6C, 0x69] {  // li
        if b.count >= 3 && "cdeghkmnrt".utf8.contains(b[b.count - 3]) { b.removeLast(2) }
      } else {
        apply(rule)
      }
    }

    mutating func step3() {
      guard let rule = longest(EnglishStemmer.step3Rules), inR1(rule) else { return }
      if rule.suffix == [0x61, 0x74, 0x69, 0x76, 0x65] {  // ative
        if inR2(rule) { b.removeLast(5) }
      } else {
        apply(rule)
      }
    }

    mutating func step4() {
      guard let rule = longest(EnglishStemmer.step4Rules), inR2(rule) else { return }
      if rule.suffix == [0x69, 0x6F, 0x6E] {  // ion
        let n = b.count - 3
        if n > 0 && (b[n - 1] == 0x73 || b[n - 1] == 0x74) { b.removeLast(3) }
      } else {
        b.removeLast(rule.suffix.count)
      }
    }

    mutating func step5() {
      guard let last = b.last else { return }
      if last == 0x65 {
        if b.count - 1 >= r2 || (b.count - 1 >= r1 && !isShortSyllable(endingAt: b.count - 1)) { b.removeLast() }
      } else if last == 0x6C {
        if b.count - 1 >= r2 && b.count >= 2 && b[b.count - 2] == 0x6C { b.removeLast() }
      }
    }
  }
}
