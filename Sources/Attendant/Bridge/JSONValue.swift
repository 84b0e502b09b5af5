/// A JSON value, parsed from and written to UTF-8 bytes without Foundation.
///
/// Numbers keep their source text, so that an `id` comes back exactly as the host sent it; objects
/// keep their key order. `raw` embeds JSON that was encoded elsewhere (an escalation record).
package enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])
  case raw(String)

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.raw(let a), .raw(let b)): a == b
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(serialized)
  }

  /// The value of a key, when this is an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last(where: { $0.0 == key })?.1
  }

  /// A number from a Swift value.
  public static func number(_ value: Double) -> JSONValue {
    if value.isNaN || value.isInfinite { return .null }
    if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
    return .number(String(value))
  }

  public static func number(_ value: Int) -> JSONValue { .number(String(value)) }

  /// The kind of value, for error messages.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object, .raw: "an object"
    }
  }

  // MARK: Writing

  /// Compact JSON text on one line.
  public var serialized: String {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Writes UTF-8 bytes: a reply line is written once per request, so this avoids building a `String`
  /// one scalar at a time.
  func write(to output: inout [UInt8]) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): Self.writeString(text, to: &output)
    case .raw(let text): output.append(contentsOf: text.utf8)
    case .array(let items):
      output.append(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(0x2C) }
        item.write(to: &output)
      }
      output.append(0x5D)
    case .object(let members):
      output.append(0x7B)
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(0x2C) }
        Self.writeString(member.0, to: &output)
        output.append(0x3A)
        member.1.write(to: &output)
      }
      output.append(0x7D)
    }
  }

  /// Indented JSON (two spaces), for files people read, such as outbox records.
  public var pretty: [UInt8] {
    var output: [UInt8] = []
    writePretty(to: &output, indent: 0)
    output.append(0x0A)
    return output
  }

  private func writePretty(to output: inout [UInt8], indent: Int) {
    func newline(_ level: Int) {
      output.append(0x0A)
      output.append(contentsOf: repeatElement(0x20, count: level * 2))
    }
    switch self {
    case .array(let items) where !items.isEmpty:
      output.append(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(0x2C) }
        newline(indent + 1)
        item.writePretty(to: &output, indent: indent + 1)
      }
      newline(indent)
      output.append(0x5D)
    case .object(let members) where !members.isEmpty:
      output.append(0x7B)
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(0x2C) }
        newline(indent + 1)
        Self.writeString(member.0, to: &output)
        output.append(contentsOf: [0x3A, 0x20])
        member.1.writePretty(to: &output, indent: indent + 1)
      }
      newline(indent)
      output.append(0x7D)
    default:
      write(to: &output)
    }
  }

  /// A JSON string: runs of bytes that need no escape are copied whole.
  static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(0x22)
    var text = text
    text.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      func flush() {
        if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
      }
      // Escapes are appended byte by byte: an article's every line break would otherwise cost an array.
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x22, 0x5C, 0x0A, 0x0D, 0x09:
          flush()
          output.append(0x5C)
          output.append(byte == 0x0A ? 0x6E : byte == 0x0D ? 0x72 : byte == 0x09 ? 0x74 : byte)
          index += 1
          runStart = index
        case 0x00..<0x20:
          flush()
          let digits: [UInt8] = Array("0123456789abcdef".utf8)
          output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
          index += 1
          runStart = index
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          // U+2028 and U+2029 are valid JSON but end lines in JavaScript: escaped for hosts that eval.
          flush()
          output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          index += 3
          runStart = index
        default:
          index += 1
        }
      }
      flush()
    }
    output.append(0x22)
  }

  // MARK: Reading

  /// Why a text is not JSON, and where.
  public struct ParseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The byte offset of the problem.
    public let offset: Int

    public var description: String { "\(message) at byte \(offset + 1)" }
  }

  /// Parses one JSON value that fills the whole input (white space around it allowed).
  ///
  /// - Parameter maximumDepth: How deeply arrays and objects may nest; deeper input is rejected
  ///   rather than exhausting the stack.
  /// - Throws: `ParseError` with the byte offset.
  /// - Complexity: O(n).
  public static func parse(_ bytes: [UInt8], maximumDepth: Int = 64) throws(ParseError) -> JSONValue {
    var parser = Parser(bytes: bytes, maximumDepth: maximumDepth)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.position == bytes.count else { throw parser.error("Unexpected text after the JSON value") }
    return value
  }

  public static func parse(_ text: String) throws(ParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private struct Parser {
    let bytes: [UInt8]
    let maximumDepth: Int
    var position = 0

    func error(_ message: String) -> ParseError { ParseError(message: message, offset: position) }

    mutating func skipSpace() {
      while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func value(depth: Int) throws(ParseError) -> JSONValue {
      guard position < bytes.count else { throw error("Unexpected end of input") }
      guard depth < maximumDepth else { throw error("Nesting deeper than \(maximumDepth) levels") }
      switch bytes[position] {
      case 0x7B: return try object(depth: depth)
      case 0x5B: return try array(depth: depth)
      case 0x22: return .string(try string())
      case 0x74: try literal("true"); return .bool(true)
      case 0x66: try literal("false"); return .bool(false)
      case 0x6E: try literal("null"); return .null
      case 0x2D, 0x30...0x39: return .number(try number())
      default: throw error("Unexpected character '\(String(decoding: [bytes[position]], as: UTF8.self))'")
      }
    }

    mutating func literal(_ word: String) throws(ParseError) {
      let expected = Array(word.utf8)
      guard bytes.count - position >= expected.count, Array(bytes[position..<(position + expected.count)]) == expected
      else {
        throw error("Invalid literal")
      }
      position += expected.count
    }

    mutating func number() throws(ParseError) -> String {
      let start = position
      if bytes[position] == 0x2D { position += 1 }
      func digits() -> Int {
        let from = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
        return position - from
      }
      let integer = position
      guard digits() > 0 else { throw error("Invalid number") }
      if bytes[integer] == 0x30 && position - integer > 1 { throw error("Numbers may not have leading zeros") }
      if position < bytes.count, bytes[position] == 0x2E {
        position += 1
        guard digits() > 0 else { throw error("Invalid number") }
      }
      if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
        position += 1
        if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
        guard digits() > 0 else { throw error("Invalid number") }
      }
      return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func string() throws(ParseError) -> String {
      position += 1
      // Most strings have no escapes: find the closing quote and validate the bytes once. Otherwise
      // the UTF-8 is gathered in a byte buffer (runs copied whole, escapes encoded) and validated at
      // the end: a few instructions per byte, whatever the string's length.
      let start = position
      var end = position
      var hasEscape = false
      var control = false
      bytes.withUnsafeBufferPointer { bytes in
        while end < bytes.count {
          let byte = bytes[end]
          if byte == 0x22 { break }
          if byte < 0x20 {
            control = true
            break
          }
          if byte == 0x5C {
            hasEscape = true
            break
          }
          end += 1
        }
      }
      if control {
        position = end
        throw error("Control character in a string")
      }
      guard end < bytes.count else {
        position = end
        throw error("Unterminated string")
      }
      if !hasEscape {
        position = end + 1
        guard let text = String(validating: bytes[start..<end], as: UTF8.self) else {
          throw ParseError(message: "Invalid UTF-8 in a string", offset: start)
        }
        return text
      }
      var buffer: [UInt8] = []
      buffer.reserveCapacity(end - start + 16)
      buffer.append(contentsOf: bytes[start..<end])
      position = end
      while position < bytes.count {
        let byte = bytes[position]
        if byte == 0x22 {
          position += 1
          guard let text = String(validating: buffer, as: UTF8.self) else {
            throw ParseError(message: "Invalid UTF-8 in a string", offset: start)
          }
          return text
        }
        if byte < 0x20 { throw error("Control character in a string") }
        if byte != 0x5C {
          let runStart = position
          while position < bytes.count, bytes[position] != 0x22, bytes[position] != 0x5C, bytes[position] >= 0x20 {
            position += 1
          }
          buffer.append(contentsOf: bytes[runStart..<position])
          continue
        }
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case 0x22: buffer.append(0x22)
        case 0x5C: buffer.append(0x5C)
        case 0x2F: buffer.append(0x2F)
        case 0x62: buffer.append(0x08)
        case 0x66: buffer.append(0x0C)
        case 0x6E: buffer.append(0x0A)
        case 0x72: buffer.append(0x0D)
        case 0x74: buffer.append(0x09)
        case 0x75:
          var value = try hex4()
          if (0xD800...0xDBFF).contains(value) {
            guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else {
              throw error("Unpaired surrogate in a string")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("Unpaired surrogate in a string") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(value) else { throw error("Unpaired surrogate in a string") }
          buffer.append(contentsOf: UTF8.encode(scalar)!)
        default:
          throw error("Invalid escape in a string")
        }
      }
      throw error("Unterminated string")
    }

    mutating func hex4() throws(ParseError) -> UInt32 {
      guard position + 4 <= bytes.count else { throw error("Invalid \\u escape") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
        default: throw error("Invalid \\u escape")
        }
        value = value << 4 | digit
        position += 1
      }
      return value
    }

    mutating func array(depth: Int) throws(ParseError) -> JSONValue {
      position += 1
      var items: [JSONValue] = []
      skipSpace()
      if position < bytes.count, bytes[position] == 0x5D {
        position += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard position < bytes.count else { throw error("Unterminated array") }
        if bytes[position] == 0x2C { position += 1; continue }
        if bytes[position] == 0x5D { position += 1; return .array(items) }
        throw error("Expected ',' or ']' in an array")
      }
    }

    mutating func object(depth: Int) throws(ParseError) -> JSONValue {
      position += 1
      var members: [(String, JSONValue)] = []
      skipSpace()
      if position < bytes.count, bytes[position] == 0x7D {
        position += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x22 else { throw error("Expected a key in an object") }
        let key = try string()
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x3A else { throw error("Expected ':' after a key") }
        position += 1
        skipSpace()
        members.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard position < bytes.count else { throw error("Unterminated object") }
        if bytes[position] == 0x2C { position += 1; continue }
        if bytes[position] == 0x7D { position += 1; return .object(members) }
        throw error("Expected ',' or '}' in an object")
      }
    }
  }
}
