import Attendant

/// A command line split into options, flags and positional arguments, with ArgumentParser-style errors.
struct Arguments {
  private(set) var values: [String: String] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positionals: [String] = []

  /// Parses `arguments` against the options a command accepts.
  ///
  /// - Parameters:
  ///   - options: Names (without `--`) that take a value: `--content DIR` or `--content=DIR`.
  ///   - flags: Names that take no value.
  /// - Throws: `UsageError` for an unknown option or a missing value, with a suggestion.
  init(_ arguments: [String], options: [String], flags: [String]) throws(UsageError) {
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = String(argument.drop(while: { $0 == "-" }))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if name == "h" { name = "help" }
      if flags.contains(name) {
        guard inlineValue == nil else { throw UsageError("The flag '--\(name)' takes no value.") }
        self.flags.insert(name)
      } else if options.contains(name) {
        if let inlineValue {
          values[name] = inlineValue
        } else if index < arguments.count {
          values[name] = arguments[index]
          index += 1
        } else {
          throw UsageError("Missing value for '--\(name)'.")
        }
      } else {
        let known = (options + flags).map { "--\($0)" }
        let hint = Self.closest(to: "--\(name)", in: known).map { " Did you mean '\($0)'?" } ?? ""
        throw UsageError("Unknown option '\(argument)'.\(hint)")
      }
    }
  }

  subscript(option: String) -> String? { values[option] }

  func has(_ flag: String) -> Bool { flags.contains(flag) }

  static func closest(to word: String, in candidates: [String]) -> String? {
    candidates.min { distance(word, $0) < distance(word, $1) }.flatMap {
      distance(word, $0) <= max(2, word.count / 3) ? $0 : nil
    }
  }

  /// The edit distance the matcher uses for typos, on the option names as typed.
  private static func distance(_ a: String, _ b: String) -> Int {
    EditDistance.osa(Array(a.utf8), Array(b.utf8))
  }
}

/// A mistake in how a command was called; printed with the usage and exit code 64.
struct UsageError: Error, CustomStringConvertible {
  let description: String

  init(_ message: String) { description = message }
}
