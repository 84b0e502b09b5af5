// The algorithm is the Snowball English ("Porter2") stemmer by Dr Martin Porter, as published at
// snowballstem.org under the BSD 3-clause licence:
//   Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2004-2005, Richard Boulton. All rights reserved.
//   Redistribution and use in source and binary forms, with or without modification, are permitted
//   provided that the conditions of the BSD 3-clause licence are met (see snowballstem.org/license.html).
// This file is our own Swift implementation of that published description.

/// The Snowball English (Porter2) stemmer, on ASCII bytes.
public struct EnglishStemmer: Stemmer {
  public init() {}

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
      let special: [[UInt8]] = [Array("gener".utf8), Array("commun".utf8), Array("arsen".utf8)]
      if let prefix = special.first(where: { b.starts(with: $0) }) {
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

    func ends(_ s: String) -> Bool { b.ends(with: Array(s.utf8)) }

    /// The longest of `suffixes` that the word ends with.
    func longest(_ suffixes: [String]) -> String? {
      suffixes.filter { ends($0) }.max { $0.utf8.count < $1.utf8.count }
    }

    func inR1(_ suffix: String) -> Bool { b.count - suffix.utf8.count >= r1 }
    func inR2(_ suffix: String) -> Bool { b.count - suffix.utf8.count >= r2 }

    mutating func replace(_ suffix: String, with replacement: String) {
      b.removeLast(suffix.utf8.count)
      b.append(contentsOf: Array(replacement.utf8))
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
      guard let suffix = longest(["sses", "ied", "ies", "us", "ss", "s"]) else { return }
      switch suffix {
      case "sses": replace(suffix, with: "ss")
      case "ied", "ies": replace(suffix, with: b.count > 4 ? "i" : "ie")
      case "s": if containsVowel(before: b.count - 2) { b.removeLast() }
      default: break
      }
    }

    mutating func step1b() {
      guard let suffix = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
      if suffix == "eed" || suffix == "eedly" {
        if inR1(suffix) { replace(suffix, with: "ee") }
        return
      }
      guard containsVowel(before: b.count - suffix.utf8.count) else { return }
      b.removeLast(suffix.utf8.count)
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
      let rules: [(String, String)] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
      ]
      guard let suffix = longest(rules.map(\.0)), inR1(suffix) else { return }
      let replacement = rules.first { $0.0 == suffix }!.1
      switch suffix {
      case "ogi":
        if b.count >= 4 && b[b.count - 4] == 0x6C { replace(suffix, with: replacement) }
      case "li":
        if b.count >= 3 && "cdeghkmnrt".utf8.contains(b[b.count - 3]) { b.removeLast(2) }
      default:
        replace(suffix, with: replacement)
      }
    }

    mutating func step3() {
      let rules: [(String, String)] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
      ]
      guard let suffix = longest(rules.map(\.0)), inR1(suffix) else { return }
      if suffix == "ative" {
        if inR2(suffix) { b.removeLast(5) }
      } else {
        replace(suffix, with: rules.first { $0.0 == suffix }!.1)
      }
    }

    mutating func step4() {
      let suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
      ]
      guard let suffix = longest(suffixes), inR2(suffix) else { return }
      if suffix == "ion" {
        let n = b.count - 3
        if n > 0 && (b[n - 1] == 0x73 || b[n - 1] == 0x74) { b.removeLast(3) }
      } else {
        b.removeLast(suffix.utf8.count)
      }
    }

    mutating func step5() {
      guard let last = b.last else { return }
      if last == 0x65 {
        if inR2("e") || (inR1("e") && !isShortSyllable(endingAt: b.count - 1)) { b.removeLast() }
      } else if last == 0x6C {
        if inR2("l") && b.count >= 2 && b[b.count - 2] == 0x6C { b.removeLast() }
      }
    }
  }
}
