extension PersonalData.Scan {
  /// Finds IBANs: a country code, two check digits and the rest of the country's length in letters and
  /// digits, written in one run or in groups (`HR12 1001 0051 8630 0016 0`), that pass the mod-97 check.
  ///
  /// A string of an IBAN's shape whose check digits fail (a typo) is left as written, but its digits are
  /// not read as a phone or card number: the escalation record must not save `0051 8630 0016` as a phone.
  ///
  /// Each candidate reads at most twice the longest IBAN's length, so the pass is O(n).
  mutating func findIBANs() {
    var index = 0
    while index + 4 <= count {
      work += 1
      if let (end, valid) = iban(at: index) {
        if valid {
          add(.iban, index..<end)
        } else {
          for position in index..<end { taken[position] = true }
        }
        index = end
      } else {
        index += 1
      }
    }
  }

  /// The end of the IBAN-shaped string that starts at `start` and whether its check digits hold, or `nil`.
  private mutating func iban(at start: Int) -> (Int, Bool)? {
    guard let first = Self.asciiUppercase(scalars[start]), let second = Self.asciiUppercase(scalars[start + 1]),
      isDigit(start + 2), isDigit(start + 3), !taken[start], !taken[start + 1],
      start == 0 || !isWordCharacter(start - 1),
      let length = Self.ibanLengths[UInt16(first) << 8 | UInt16(second)]
    else { return nil }
    var characters: [UInt8] = [first, second]
    var index = start + 2
    var afterSeparator = false
    while characters.count < length, index < count {
      work += 1
      let scalar = scalars[index]
      if taken[index] { return nil }
      if digits[index] >= 0 {
        characters.append(0x30 + UInt8(digits[index]))
        afterSeparator = false
      } else if let upper = Self.asciiUppercase(scalar), characters.count >= 4 {
        characters.append(upper)
        afterSeparator = false
      } else if Self.isSpace(scalar) || Self.isDash(scalar), !afterSeparator, characters.count >= 4 {
        afterSeparator = true
      } else {
        return nil
      }
      index += 1
    }
    guard characters.count == length, index == count || !isWordCharacter(index) else { return nil }
    return (index, PersonalData.mod97(characters.dropFirst(4) + characters.prefix(4)) == 1)
  }

  /// The upper case of an ASCII letter, as a byte.
  private static func asciiUppercase(_ scalar: Unicode.Scalar) -> UInt8? {
    switch scalar.value {
    case 0x41...0x5A: return UInt8(scalar.value)
    case 0x61...0x7A: return UInt8(scalar.value - 0x20)
    default: return nil
    }
  }

  /// The length of each country's IBAN, from the SWIFT IBAN registry.
  private static let ibanLengths: [UInt16: Int] = {
    let registry = """
      AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29
      ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20
      LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29
      RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20
      """
    var lengths: [UInt16: Int] = [:]
    for entry in registry.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let bytes = Array(entry.utf8)
      lengths[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = Int(String(decoding: bytes[2...], as: UTF8.self))
    }
    return lengths
  }()
}

extension PersonalData {
  /// The remainder by 97 of the number that an IBAN's characters spell (`A` = 10 … `Z` = 35).
  static func mod97<C: Collection<UInt8>>(_ characters: C) -> Int {
    var remainder = 0
    for character in characters {
      if (0x30...0x39).contains(character) {
        remainder = (remainder * 10 + Int(character - 0x30)) % 97
      } else {
        remainder = (remainder * 100 + Int(character) - 55) % 97
      }
    }
    return remainder
  }
}
