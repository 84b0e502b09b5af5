/// Base64 with the URL- and cookie-safe alphabet and no padding (RFC 4648 §5), for the session state:
/// a host can put it in a cookie, a header or a URL without escaping it.
///
/// Decoding is strict: any other character, a length that no encoding has, or stray bits in the last
/// character fail, so that one state has exactly one spelling.
package enum Base64URL {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// Each byte's value in the alphabet, or 0xFF.
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
    return table
  }()

  /// The text of some bytes.
  ///
  /// - Complexity: O(n).
  public static func encode(_ bytes: [UInt8]) -> String {
    let length = bytes.count / 3 * 4 + [0, 2, 3][bytes.count % 3]
    return String(unsafeUninitializedCapacity: length) { output in
      alphabet.withUnsafeBufferPointer { alphabet in
        bytes.withUnsafeBufferPointer { bytes in
          var index = 0
          var out = 0
          while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output[out] = alphabet[Int(group >> 18)]
            output[out + 1] = alphabet[Int(group >> 12 & 63)]
            output[out + 2] = alphabet[Int(group >> 6 & 63)]
            output[out + 3] = alphabet[Int(group & 63)]
            index += 3
            out += 4
          }
          let rest = bytes.count - index
          if rest > 0 {
            let group = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output[out] = alphabet[Int(group >> 18)]
            output[out + 1] = alphabet[Int(group >> 12 & 63)]
            if rest == 2 { output[out + 2] = alphabet[Int(group >> 6 & 63)] }
          }
        }
      }
      return length
    }
  }

  /// The bytes of a text, or `nil` when it is not base64url without padding.
  ///
  /// - Complexity: O(n).
  public static func decode(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { characters -> [UInt8]? in
      guard characters.count % 4 != 1 else { return nil }
      let length = characters.count / 4 * 3 + [0, 0, 1, 2][characters.count % 4]
      var valid = true
      let output = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
        values.withUnsafeBufferPointer { values in
          var group: UInt32 = 0
          var count = 0
          var out = 0
          var bad: UInt8 = 0
          for character in characters {
            let value = values[Int(character)]
            bad |= value
            group = group << 6 | UInt32(value & 63)
            count += 1
            if count == 4 {
              output[out] = UInt8(truncatingIfNeeded: group >> 16)
              output[out + 1] = UInt8(truncatingIfNeeded: group >> 8)
              output[out + 2] = UInt8(truncatingIfNeeded: group)
              out += 3
              group = 0
              count = 0
            }
          }
          // 0xFF marks a character outside the alphabet; every value in it is below 64.
          valid = bad & 0xC0 == 0
          switch count {
          case 2:
            valid = valid && group & 0xF == 0
            output[out] = UInt8(truncatingIfNeeded: group >> 4)
          case 3:
            valid = valid && group & 0x3 == 0
            output[out] = UInt8(truncatingIfNeeded: group >> 10)
            output[out + 1] = UInt8(truncatingIfNeeded: group >> 2)
          default:
            break
          }
        }
        initialized = length
      }
      return valid ? output : nil
    }
  }
}
