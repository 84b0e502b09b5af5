extension JSONValue {
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
      let (end, stop) = plainRun(from: start)
      if stop == .control {
        position = end
        throw error("Control character in a string")
      }
      guard end < bytes.count else {
        position = end
        throw error("Unterminated string")
      }
      if stop == .quote {
        position = end + 1
        return try validated(bytes[start..<end], start: start)
      }
      return try escapedString(start: start, end: end)
    }

    /// What ends a run of plain string bytes.
    enum RunStop { case quote, escape, control, end }

    /// The end of the plain bytes from `start` on, and what stops them.
    private func plainRun(from start: Int) -> (end: Int, stop: RunStop) {
      bytes.withUnsafeBufferPointer { bytes in
        var end = start
        while end < bytes.count {
          let byte = bytes[end]
          if byte == 0x22 { return (end, .quote) }
          if byte < 0x20 { return (end, .control) }
          if byte == 0x5C { return (end, .escape) }
          end += 1
        }
        return (end, .end)
      }
    }

    /// The text of a string's bytes, which must be UTF-8.
    private func validated<C: Collection<UInt8>>(_ bytes: C, start: Int) throws(ParseError) -> String {
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw ParseError(message: "Invalid UTF-8 in a string", offset: start)
      }
      return text
    }

    /// A string with escapes, whose bytes from `start` to `end` (the first backslash) are plain.
    private mutating func escapedString(start: Int, end: Int) throws(ParseError) -> String {
      var buffer: [UInt8] = []
      buffer.reserveCapacity(end - start + 16)
      buffer.append(contentsOf: bytes[start..<end])
      position = end
      while position < bytes.count {
        let byte = bytes[position]
        if byte == 0x22 {
          position += 1
          return try validated(buffer, start: start)
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
        try escape(into: &buffer)
      }
      throw error("Unterminated string")
    }

    /// Reads the escape after a backslash and appends its UTF-8.
    private mutating func escape(into buffer: inout [UInt8]) throws(ParseError) {
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
