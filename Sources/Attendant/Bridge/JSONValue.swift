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
}
