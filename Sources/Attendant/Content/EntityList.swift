/// A class of names a customer may type (countries, carriers, products), with the names of each member.
///
/// A name in a message stands for its whole class when matching: an example that names Japan covers
/// every country, so a name is never an unknown word. The built-in classes come from the language
/// profiles and Foundation's `Locale` (`EntityList.builtIn(for:)`); content adds its own in
/// `KnowledgeBase/<language>/entities/<type>.txt` (see `docs/content-format.md`).
public struct EntityList: Sendable, Hashable {
  /// The class, such as `country` or `carrier`: lower-case letters, digits and hyphens.
  public let type: String
  /// The class that matching sees: countries, regions and cities are all places.
  public let matchingClass: String
  public let members: [Member]

  /// One member: its canonical value (an ISO code for built-in classes, the first name for content
  /// lists) and every name it goes by.
  public struct Member: Sendable, Hashable {
    public let value: String
    public let names: [String]

    public init(value: String, names: [String]) {
      self.value = value
      self.names = names
    }
  }

  public init(type: String, matchingClass: String? = nil, members: [Member]) {
    self.type = type
    self.matchingClass = matchingClass ?? type
    self.members = members
  }

  /// Whether a type name is valid: lower-case ASCII letters, digits and hyphens, starting with a letter.
  static func isValidType(_ type: String) -> Bool {
    IntentID(rawValue: type) != nil && !type.contains("_")
  }

  /// Reads `entities/<type>.txt`: one member a line, `canonical name = other name, other name`.
  static func parse(_ file: ContentFile, type: String, findings: inout [Finding]) -> EntityList {
    var members: [Member] = []
    var seen: [String: Int] = [:]
    for line in file.lines where !line.isBlankOrComment {
      let parts = line.trimmed.split(separator: "=", maxSplits: 1).map { String($0).trimmedWhiteSpace }
      let canonical = parts[0]
      let others = parts.count > 1 ? parts[1].split(separator: ",").map { $0.trimmedWhiteSpace } : []
      guard !canonical.isEmpty, !(parts.count > 1 && others.allSatisfy(\.isEmpty)) else {
        findings.append(
          Finding(
            .error, .parse, at: file.location(line.number), "An entity line must name the entity.",
            fix:
              "write the name, optionally followed by '=' and other names separated by commas, such as 'DHL = dhl express'."
          ))
        continue
      }
      let names = [canonical] + others.filter { !$0.isEmpty }
      for name in names {
        let key = TextAnalyzer.foldPhrase(name)
        guard !key.isEmpty else {
          findings.append(
            Finding(
              .error, .parse, at: file.location(line.number), "The name '\(name)' has no letters or digits.",
              fix: "write names as a customer would type them."))
          continue
        }
        if let first = seen[key] {
          findings.append(
            Finding(
              .warning, .duplicateExample, at: file.location(line.number),
              "The name '\(name)' is already on line \(first).", fix: "keep one of the two."))
        }
        seen[key] = line.number
      }
      members.append(Member(value: canonical, names: names))
    }
    return EntityList(type: type, members: members)
  }
}

/// A name found in a message: its class, the text as typed and the member's canonical value.
public struct Entity: Sendable, Hashable, Codable {
  /// The class: `country`, `region`, `city`, `language`, `currency`, `number`, `order-number`,
  /// `email`, or a content list's type such as `carrier`.
  public let type: String
  /// The words as the customer typed them (folded).
  public let text: String
  /// The canonical value: an ISO code for countries (`JP`), languages (`de`) and currencies (`CHF`),
  /// the digits of a number, or the first name of a content list's member.
  public let value: String

  public init(type: String, text: String, value: String) {
    self.type = type
    self.text = text
    self.value = value
  }
}

extension EntityList {
  /// The classes that come with every language (see `EntityList.builtIn(for:)`), and those found in
  /// any text (numbers and personal data).
  public static let builtInTypes: Set<String> = Set(
    ["country", "region", "city", "language", "currency", "number", "order-number"]
      + PersonalData.Kind.allCases.map(\.rawValue))
}
