extension PersonalData {
  /// Whether the text may name a password, by fragments of the keywords (`pass`, `pwd`, `pin`, `parol`,
  /// `lozink`, `ifr` of `šifra`/`şifre`, `kh` of `khẩu`, `sandi`): one pass over the bytes that spares
  /// most messages the word scan.
  static func mentionsPassword(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let count = bytes.count
      /// Whether the ASCII letters of `needle` (lower case) are at `start`, in either case.
      func matches(_ needle: StaticString, at start: Int) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard start + length <= count else { return false }
        let letters = needle.utf8Start
        for offset in 0..<length where bytes[start + offset] | 0x20 != letters[offset] { return false }
        return true
      }
      for index in 0..<count {
        switch bytes[index] | 0x20 {
        case 0x70:  // p
          if matches("pass", at: index) || matches("pwd", at: index) || matches("pin", at: index)
            || matches("parol", at: index)
          {
            return true
          }
        case 0x6C:  // l
          if matches("lozink", at: index) { return true }
        case 0x69:  // i
          if matches("ifr", at: index) { return true }
        case 0x6B:  // k: `khau`, or `kh` and a Vietnamese vowel from U+1Exx (`khẩu`)
          if matches("khau", at: index) || (matches("kh", at: index) && index + 2 < count && bytes[index + 2] == 0xE1) {
            return true
          }
        case 0x73:  // s
          if matches("sandi", at: index) { return true }
        default:
          break
        }
      }
      return false
    }
  }
}

extension PersonalData.Scan {
  /// Finds passwords the customer typed: the word after a password keyword and a colon, `=` or a verb
  /// "to be" (`my password is tajna123`, `lozinka mi je tajna123`, `şifre: tajna123`,
  /// `mật khẩu của tôi là tajna123`, `kata sandi saya adalah tajna123`).
  ///
  /// Turkish and Indonesian often leave the verb out (`şifrem tajna123`, `password saya tajna123`), and so
  /// does Vietnamese (`mật khẩu tajna123`): after those keywords the next word is a password only when it
  /// looks like one (it has a digit, a symbol or a capital inside). Words that describe a password rather
  /// than state it (`is wrong`, `je pogrešna`, `là gì`, `salah`) are left alone. One word is hidden, up to
  /// the next space, at least 4 and at most 128 characters.
  mutating func findPasswords() {
    guard mentionsPassword else { return }
    let words = runs(where: isWordCharacter)
    work += count
    var keys: [String?] = Array(repeating: nil, count: words.count)
    func key(_ word: Int) -> String {
      if let key = keys[word] { return key }
      let key = Self.folded(scalars[words[word]])
      keys[word] = key
      return key
    }
    for word in words.indices
    where !taken[words[word].lowerBound] && Self.mayStartKeyword(scalars[words[word].lowerBound]) {
      work += 1
      let keyword = key(word)
      var possessive = Self.possessiveKeywords.contains(keyword)
      guard
        Self.passwordKeywords.contains(keyword) || possessive
          || (keyword == "khau" && word > 0 && key(word - 1) == "mat")
      else { continue }
      if keyword == "khau" { possessive = true }
      var next = word + 1
      while next < words.count, next - word <= 2, Self.passwordFillers.contains(key(next)),
        !hasStop(between: words[next - 1].upperBound, words[next].lowerBound)
      {
        if Self.possessiveFillers.contains(key(next)) { possessive = true }
        next += 1
      }
      let afterKeyword = words[next - 1].upperBound
      let nextWord = next < words.count ? words[next].lowerBound : count
      var secretStart: Int?
      var stated = false
      if let marker = (afterKeyword..<nextWord).first(where: { scalars[$0] == ":" || scalars[$0] == "=" }) {
        secretStart = marker + 1
        stated = true
      } else if next < words.count, Self.copulas.contains(key(next)),
        !hasStop(between: afterKeyword, nextWord)
      {
        secretStart = words[next].upperBound
        stated = true
      } else if possessive, !hasStop(between: afterKeyword, nextWord) {
        secretStart = afterKeyword
      }
      // A password has four characters or more: `my password is 8 characters long` states none.
      guard let secretStart, let secret = secret(from: secretStart), secret.count >= 4 else { continue }
      let folded = Self.folded(scalars[secret])
      if stated ? Self.describesPassword(folded) : !looksSecret(secret) { continue }
      guard !secret.contains(where: { taken[$0] }) else { continue }
      add(.password, secret)
    }
  }

  /// The word that starts after `start` and its spaces: up to the next space, without the quotes or
  /// brackets around it and the sentence's punctuation after it.
  private mutating func secret(from start: Int) -> Range<Int>? {
    var lower = start
    while lower < count, lower - start < 8, Self.isSpace(scalars[lower]) || scalars[lower] == ":" { lower += 1 }
    while lower < count, lower - start < 8, Self.isQuote(scalars[lower]) { lower += 1 }
    var upper = lower
    while upper < count, upper - lower < 128, !Self.isSpace(scalars[upper]), scalars[upper] != "\n",
      scalars[upper] != "\t"
    {
      upper += 1
    }
    work += upper - start
    while upper > lower, Self.isQuote(scalars[upper - 1]) || ".,;:!?…".unicodeScalars.contains(scalars[upper - 1]) {
      upper -= 1
    }
    return lower < upper ? lower..<upper : nil
  }

  /// Whether a word starting with this letter may be a keyword: `p…`, `l…`, `s…`, `ş…`, `š…`, `k…`.
  private static func mayStartKeyword(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value | 0x20 {
    case 0x70, 0x6C, 0x73, 0x6B: return true
    default: return scalar.value == 0x15E || scalar.value == 0x15F || scalar.value == 0x160 || scalar.value == 0x161
    }
  }

  /// Whether a sentence ends between two words (`.`, `!`, `?`, `;`, a line break).
  private func hasStop(between start: Int, _ end: Int) -> Bool {
    (start..<end).contains { ".!?;\n".unicodeScalars.contains(scalars[$0]) }
  }

  /// A digit, a symbol, or a capital after the first letter: `tajna123`, `Pa$$`, `sunShine`.
  private func looksSecret(_ range: Range<Int>) -> Bool {
    range.contains { index in
      let scalar = scalars[index]
      if digits[index] >= 0 { return true }
      if !Self.isLetter(scalar) && !Self.isCombiningMark(scalar) { return true }
      return index > range.lowerBound && scalar.properties.isUppercase
    }
  }

  private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
    "\"'`‘’“”«»„()[]<>".unicodeScalars.contains(scalar)
  }

  /// Password keywords, folded: en, hr (`lozinka`, `šifra`), tr (`şifre`, `parola`), id (`kata sandi`).
  private static let passwordKeywords = Set<String>([
    "password", "passcode", "passphrase", "pwd", "pin", "lozinka", "lozinku", "lozinke", "lozinki", "sifra",
    "sifru", "sifre", "sifren", "parola", "sandi", "sandinya",
  ])

  /// Keywords that carry "my" and are often followed by the password with no verb: tr `şifrem`,
  /// `parolam`, id `passwordku`, `sandiku`.
  private static let possessiveKeywords = Set<String>([
    "sifrem", "sifremiz", "parolam", "passwordku", "sandiku", "pinku", "pinim",
  ])

  /// Words between the keyword and the verb: hr `mi`, vi `của tôi`, id `saya`, en `for`.
  private static let passwordFillers = Set<String>([
    "mi", "vam", "ti", "nam", "cua", "toi", "minh", "em", "anh", "saya", "aku", "ku", "kamu", "ya", "now",
    "still", "then", "sada", "sad", "yeni", "baru", "moi", "new",
  ])

  /// Fillers that say "my": after them Indonesian and Vietnamese leave the verb out.
  private static let possessiveFillers = Set<String>(["saya", "aku", "ku", "toi", "minh", "em", "anh"])

  /// The verb "to be" and its stand-ins: en `is`, hr `je`, `glasi`, vi `là`, id `adalah`.
  private static let copulas = Set<String>([
    "is", "was", "je", "glasi", "la", "adalah", "ialah", "yaitu", "yakni", "yani", "olarak",
  ])

  /// Whether a word after `password is` describes the password rather than states it: a word of the
  /// list below, or a function, question or negation word of any of the five languages (`what my pin is
  /// for`, `lozinka je u mailu`).
  private static func describesPassword(_ folded: String) -> Bool {
    notSecrets.contains(folded)
      || LanguageProfile.builtIn.contains {
        $0.functionWords.contains(folded) || $0.questionWords.contains(folded) || $0.negations.contains(folded)
      }
  }

  /// Words that describe a password rather than state it, folded, in the five languages.
  private static let notSecrets = Set<String>([
    // en
    "not", "no", "wrong", "incorrect", "incorrectly", "invalid", "expired", "correct", "right", "too", "still",
    "the", "a", "an", "my", "your", "being", "been", "changed", "blocked", "locked", "reset", "working", "ok",
    "okay", "fine", "same", "forgotten", "lost", "empty", "rejected", "required", "missing", "weak", "strong",
    "short", "long", "new", "old", "now", "different", "what", "also", "very", "definitely", "probably",
    "unknown", "it", "that", "this", "there", "case", "sensitive", "accepted", "secret", "broken", "stolen",
    "hacked", "leaked", "compromised", "temporary", "sent", "saved", "wrongly",
    // hr, in the three genders
    "ne", "nije", "pogresna", "pogresan", "pogresno", "kriva", "kriv", "krivo", "netocna", "netocan", "netocno",
    "neispravna", "neispravan", "neispravno", "istekla", "istekao", "isteklo", "ista", "isti", "isto",
    "promijenjena", "promijenjen", "promijenjeno", "blokirana", "blokiran", "blokirano", "zakljucana",
    "zakljucan", "zakljucano", "tocna", "tocan", "tocno", "ispravna", "ispravan", "ispravno", "prekratka",
    "prekratak", "prekratko", "preduga", "predug", "predugo", "nova", "nov", "novo", "stara", "star", "staro",
    "dobra", "dobar", "dobro", "kratka", "kratak", "kratko", "duga", "dug", "dugo", "ukradena", "hakirana",
    "poslana", "resetirana", "zaboravljena", "privremena", "jaka", "slaba", "sigurna", "nesigurna", "vec",
    "jos", "sad", "sada", "bila", "bio", "bilo", "u", "to", "ta", "sto", "koja", "ok",
    // tr
    "yanlis", "hatali", "dogru", "gecersiz", "eski", "yeni", "ne", "nedir", "bile", "de", "da", "hala",
    "unuttum", "calismiyor", "olmuyor", "kilitlendi", "degisti", "degil", "bu", "su", "o",
    // vi
    "khong", "sai", "dung", "da", "bi", "moi", "cu", "gi", "nao", "nay", "van", "roi", "het", "la",
    // id
    "tidak", "salah", "benar", "sudah", "lupa", "baru", "lama", "apa", "ini", "itu", "masih", "terkunci",
    "diblokir", "kadaluarsa", "bukan", "belum", "sama",
  ])
}
