import Foundation

@testable import Attendant

/// A small JSON Schema validator for the subset `docs/escalation.schema.json` uses: `type`,
/// `required`, `properties`, `additionalProperties`, `enum`, `items`, `pattern`, `minimum`,
/// `maximum`, `minItems`, `minLength` and `format: date-time`. Annotations (`$schema`, `$id`,
/// `title`, `description`) are ignored; any other keyword is reported, so that the schema cannot
/// silently rely on something this validator does not check.
struct JSONSchemaValidator {
  let schema: JSONValue

  static let annotations: Set<String> = ["$schema", "$id", "title", "description"]
  static let keywords: Set<String> = [
    "type", "required", "properties", "additionalProperties", "enum", "items", "pattern", "minimum", "maximum",
    "minItems", "minLength", "format",
  ]

  init(schema: JSONValue) { self.schema = schema }

  init(contentsOf url: URL) throws {
    schema = try JSONValue.parse(Array(try Data(contentsOf: url)))
  }

  /// Every way `value` breaks the schema, each as `/path: problem`; empty when it is valid.
  func validate(_ value: JSONValue) -> [String] {
    var errors: [String] = []
    check(value, against: schema, at: "", errors: &errors)
    return errors
  }

  /// Validates JSON text.
  func validate(json text: String) -> [String] {
    do {
      return validate(try JSONValue.parse(Array(text.utf8)))
    } catch {
      return ["not JSON: \(error)"]
    }
  }

  private func check(_ value: JSONValue, against schema: JSONValue, at path: String, errors: inout [String]) {
    guard case .object(let members) = schema else {
      errors.append("\(path): the schema here is not an object")
      return
    }
    let place = path.isEmpty ? "/" : path
    for (keyword, _) in members where !Self.keywords.contains(keyword) && !Self.annotations.contains(keyword) {
      errors.append("\(place): the schema uses '\(keyword)', which this validator does not support")
    }
    if let type = schema["type"] {
      let allowed: [String]
      switch type {
      case .string(let name): allowed = [name]
      case .array(let names): allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
      default: allowed = []
      }
      guard allowed.contains(where: { Self.has(value, type: $0) }) else {
        errors.append("\(place): expected \(allowed.joined(separator: " or ")), found \(value.typeName)")
        return
      }
    }
    if case .array(let options)? = schema["enum"], !options.contains(where: { Self.equal($0, value) }) {
      errors.append("\(place): \(value.serialized) is not one of \(JSONValue.array(options).serialized)")
    }
    switch value {
    case .object(let fields):
      checkObject(fields, schema: schema, at: path, errors: &errors)
    case .array(let items):
      if let minimum = Self.number(schema["minItems"]), Double(items.count) < minimum {
        errors.append("\(place): \(items.count) items, fewer than \(Int(minimum))")
      }
      if let itemSchema = schema["items"] {
        for (index, item) in items.enumerated() {
          check(item, against: itemSchema, at: "\(path)/\(index)", errors: &errors)
        }
      }
    case .string(let text):
      if let minimum = Self.number(schema["minLength"]), Double(text.count) < minimum {
        errors.append("\(place): '\(text)' is shorter than \(Int(minimum))")
      }
      if case .string(let pattern)? = schema["pattern"], !Self.matches(text, pattern) {
        errors.append("\(place): '\(text)' does not match /\(pattern)/")
      }
      if case .string("date-time")? = schema["format"], !Self.isDateTime(text) {
        errors.append("\(place): '\(text)' is not an RFC 3339 date-time")
      }
    case .number:
      let number = Self.number(value)!
      if let minimum = Self.number(schema["minimum"]), number < minimum {
        errors.append("\(place): \(number) is below the minimum \(minimum)")
      }
      if let maximum = Self.number(schema["maximum"]), number > maximum {
        errors.append("\(place): \(number) is above the maximum \(maximum)")
      }
    default:
      break
    }
  }

  private func checkObject(_ fields: [(String, JSONValue)], schema: JSONValue, at path: String, errors: inout [String])
  {
    let place = path.isEmpty ? "/" : path
    let names = Set(fields.map(\.0))
    if case .array(let required)? = schema["required"] {
      for case .string(let name) in required where !names.contains(name) {
        errors.append("\(place): the required property '\(name)' is missing")
      }
    }
    var properties: [String: JSONValue] = [:]
    if case .object(let declared)? = schema["properties"] {
      for (name, propertySchema) in declared { properties[name] = propertySchema }
    }
    for (name, field) in fields {
      if let propertySchema = properties[name] {
        check(field, against: propertySchema, at: "\(path)/\(name)", errors: &errors)
        continue
      }
      switch schema["additionalProperties"] {
      case .bool(false)?: errors.append("\(place): the property '\(name)' is not allowed")
      case .object?: check(field, against: schema["additionalProperties"]!, at: "\(path)/\(name)", errors: &errors)
      default: break
      }
    }
  }

  // MARK: Helpers

  private static func has(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("object", .object), ("object", .raw), ("array", .array), ("string", .string), ("boolean", .bool),
      ("null", .null), ("number", .number):
      return true
    case ("integer", .number):
      let number = Self.number(value)!
      return number == number.rounded()
    default:
      return false
    }
  }

  private static func number(_ value: JSONValue?) -> Double? {
    guard case .number(let text)? = value else { return nil }
    return Double(text)
  }

  private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if let x = number(a), let y = number(b) { return x == y }
    return a == b
  }

  /// ECMA 262 patterns as JSON Schema means them: unanchored unless the pattern anchors itself.
  private static func matches(_ text: String, _ pattern: String) -> Bool {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// RFC 3339 `date-time`: full date, `T`, full time with seconds, optional fraction, `Z` or an offset.
  static func isDateTime(_ text: String) -> Bool {
    let pattern = #"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$"#
    guard let expression = try? NSRegularExpression(pattern: pattern),
      let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return false }
    func field(_ index: Int) -> Int? {
      guard let range = Range(match.range(at: index), in: text) else { return nil }
      return Int(text[range])
    }
    guard let year = field(1), let month = field(2), let day = field(3), let hour = field(4), let minute = field(5),
      let second = field(6), (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute),
      (0...60).contains(second)
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else { return false }
    if let offsetHours = field(10), let offsetMinutes = field(11) {
      return (0...23).contains(offsetHours) && (0...59).contains(offsetMinutes)
    }
    return true
  }
}
