import Foundation

/// Brings content in from the formats editors and benchmarks already have.
package enum Importer {
  /// Why a file could not be imported.
  public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
      "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
  }

  /// CLINC150 (`data_full.json`): the `train` split becomes intents; `val` + `oos_val` and
  /// `test` + `oos_test` become the test suites `val` and `test`. `oos_train` is not used.
  public static func clinc150(_ data: Data, file: String, language: Language = .en) throws(ImportError)
    -> ImportedContent
  {
    let json: JSONValue
    do {
      json = try JSONValue.parse([UInt8](data), maximumDepth: 8)
    } catch {
      throw ImportError(file: file, line: nil, message: "Not JSON (\(error)).")
    }
    func split(_ name: String) throws(ImportError) -> [(String, String)] {
      guard let value = json[name] else { return [] }
      guard case .array(let items) = value else {
        throw ImportError(file: file, line: nil, message: "'\(name)' is not a list of [text, intent] pairs.")
      }
      var pairs: [(String, String)] = []
      for item in items {
        guard case .array(let pair) = item, pair.count == 2, case .string(let text) = pair[0],
          case .string(let label) = pair[1]
        else {
          throw ImportError(file: file, line: nil, message: "'\(name)' has an entry that is not a [text, intent] pair.")
        }
        pairs.append((text, label))
      }
      return pairs
    }
    let train = try split("train")
    guard !train.isEmpty else {
      throw ImportError(
        file: file, line: nil, message: "There is no 'train' split; this does not look like CLINC150's data_full.json.")
    }
    var content = labelled(train.map { ($0.0, $0.1, nil) }, language: language, source: "CLINC150 (\(file))")
    let ids = Dictionary(content.intents.map { ($0.sourceLabel, $0.id) }, uniquingKeysWith: { a, _ in a })
    func cases(_ pairs: [(String, String)]) -> [ImportedContent.Case] {
      pairs.map { ImportedContent.Case(text: $0.0, expected: $0.1 == "oos" ? nil : ids[$0.1]) }
    }
    content.suites = [
      ("val", cases(try split("val") + split("oos_val"))),
      ("test", cases(try split("test") + split("oos_test"))),
    ]
    return content
  }

  /// A CSV or TSV of labelled questions: columns text and intent, with a header row (which names them,
  /// such as `text,category` or `utterance,label`) or without one (then text first, intent second).
  public static func labelledTable(_ text: String, file: String, delimiter: Unicode.Scalar, language: Language)
    throws(ImportError)
    -> ImportedContent
  {
    let records: [CSVReader.Record]
    do {
      records = try CSVReader.records(text, delimiter: delimiter)
    } catch {
      throw ImportError(file: file, line: error.line, message: error.message)
    }
    guard let first = records.first else { throw ImportError(file: file, line: nil, message: "The file is empty.") }
    let header = first.fields.map { $0.trimmedWhiteSpace.lowercased() }
    let textNames = ["text", "utterance", "question", "sentence", "query", "example", "phrase"]
    let intentNames = ["intent", "label", "category", "class", "intent_name", "topic"]
    var textColumn = 0
    var intentColumn = 1
    var rows = records
    if let t = header.firstIndex(where: textNames.contains), let i = header.firstIndex(where: intentNames.contains) {
      textColumn = t
      intentColumn = i
      rows.removeFirst()
    }
    var pairs: [Labelled] = []
    for record in rows {
      guard record.fields.count > max(textColumn, intentColumn) else {
        throw ImportError(
          file: file, line: record.line,
          message:
            "Expected at least \(max(textColumn, intentColumn) + 1) columns, found \(record.fields.count). Quote fields that contain the delimiter."
        )
      }
      let question = record.fields[textColumn].trimmedWhiteSpace
      let label = record.fields[intentColumn].trimmedWhiteSpace
      guard !question.isEmpty, !label.isEmpty else {
        throw ImportError(file: file, line: record.line, message: "The text or the intent is empty.")
      }
      pairs.append((question, label, record.line))
    }
    guard !pairs.isEmpty else {
      throw ImportError(file: file, line: nil, message: "The file has no rows after its header.")
    }
    return labelled(pairs, language: language, source: file)
  }

  /// A question–answer TSV like QnA Maker's export (`Question`, `Answer`, optional further columns):
  /// questions that share an answer become the examples of one intent, whose article is the answer.
  public static func questionAnswerTable(_ text: String, file: String, language: Language) throws(ImportError)
    -> ImportedContent
  {
    let records: [CSVReader.Record]
    do {
      records = try CSVReader.records(text, delimiter: "\t")
    } catch {
      throw ImportError(file: file, line: error.line, message: error.message)
    }
    var rows = records
    var questionColumn = 0
    var answerColumn = 1
    if let first = rows.first {
      let header = first.fields.map { $0.trimmedWhiteSpace.lowercased() }
      if let q = header.firstIndex(of: "question"), let a = header.firstIndex(of: "answer") {
        questionColumn = q
        answerColumn = a
        rows.removeFirst()
      }
    }
    var order: [String] = []
    var questions: [String: [String]] = [:]
    var rowsRead: [(question: String, answer: String, line: Int)] = []
    for record in rows {
      guard record.fields.count > max(questionColumn, answerColumn) else {
        throw ImportError(
          file: file, line: record.line, message: "Expected a question and an answer separated by a tab.")
      }
      let question = record.fields[questionColumn].trimmedWhiteSpace
      let answer = record.fields[answerColumn].replacingOccurrences(of: "\\n", with: "\n").trimmedWhiteSpace
      guard !question.isEmpty, !answer.isEmpty else {
        throw ImportError(file: file, line: record.line, message: "The question or the answer is empty.")
      }
      if questions[answer] == nil { order.append(answer) }
      questions[answer, default: []].append(question)
      rowsRead.append((question, answer, record.line))
    }
    guard !order.isEmpty else {
      throw ImportError(file: file, line: nil, message: "The file has no question–answer rows.")
    }
    var used = Set<String>()
    var ids: [String: IntentID] = [:]
    let intents = order.map { answer -> ImportedContent.ImportedIntent in
      let examples = questions[answer]!
      let id = uniqueID(for: examples[0], used: &used)
      ids[answer] = id
      return .init(
        id: id, examples: examples, title: String(examples[0].prefix(60)), answer: answer, sourceLabel: id.rawValue)
    }
    var content = ImportedContent(language: language, intents: intents, suites: [], source: file)
    content.conflicts = conflicts(rowsRead.map { ($0.question, ids[$0.answer]!.rawValue, $0.line) }, in: content)
    return content
  }

  /// A labelled text and the line of the source it is on (`nil` for a source without lines, such as JSON).
  typealias Labelled = (text: String, label: String, line: Int?)

  /// Groups labelled questions into intents, in the order the labels first appear, and finds the texts
  /// filed under more than one label.
  static func labelled(_ pairs: [Labelled], language: Language, source: String) -> ImportedContent {
    var order: [String] = []
    var examples: [String: [String]] = [:]
    for (text, label, _) in pairs {
      if examples[label] == nil { order.append(label) }
      examples[label, default: []].append(text)
    }
    var used = Set<String>()
    let intents = order.map { label -> ImportedContent.ImportedIntent in
      let id = uniqueID(for: label, used: &used)
      let title = label.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
      return .init(id: id, examples: examples[label]!, title: title, answer: nil, sourceLabel: label)
    }
    var content = ImportedContent(language: language, intents: intents, suites: [], source: source)
    content.conflicts = conflicts(pairs, in: content)
    return content
  }

  /// The texts that more than one label has, compared as `attendant check` compares examples (case,
  /// punctuation, numbers and abbreviations set aside), in the order they first appear.
  ///
  /// - Complexity: O(n) analyses of a text.
  static func conflicts(_ pairs: [Labelled], in content: ImportedContent) -> [ImportedContent.Conflict] {
    guard let analyzer = content.analyzer else { return [] }
    let ids = Dictionary(content.intents.map { ($0.sourceLabel, $0.id) }, uniquingKeysWith: { first, _ in first })
    var order: [String] = []
    var texts: [String: String] = [:]
    var uses: [String: [ImportedContent.Conflict.Use]] = [:]
    for (text, label, line) in pairs {
      guard let key = ImportedContent.key(text, analyzer), let id = ids[label] else { continue }
      if texts[key] == nil {
        order.append(key)
        texts[key] = text
      }
      var list = uses[key, default: []]
      if let index = list.firstIndex(where: { $0.label == label }) {
        let use = list[index]
        list[index] = .init(label: label, id: id, count: use.count + 1, lines: use.lines + (line.map { [$0] } ?? []))
      } else {
        list.append(.init(label: label, id: id, count: 1, lines: line.map { [$0] } ?? []))
      }
      uses[key] = list
    }
    return order.filter { uses[$0]!.count > 1 }.map {
      ImportedContent.Conflict(text: texts[$0]!, labels: uses[$0]!, key: $0)
    }
  }

  /// A valid intent id made from a label or a question: lower-case ASCII, `-` between words, unique.
  /// A label that is an id but for its case and underscores keeps its words (`todo_list` → `todo-list`).
  static func uniqueID(for label: String, used: inout Set<String>) -> IntentID {
    var slug = ""
    for token in Tokenizer.tokenize(label) {
      let ascii = token.folded.unicodeScalars.filter {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
      }
      guard !ascii.isEmpty else { continue }
      if !slug.isEmpty { slug += "-" }
      slug += String(String.UnicodeScalarView(ascii))
      if slug.count > 40 { break }
    }
    if label.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "_" || $0 == "-" }),
      let id = IntentID.repaired(label)
    {
      slug = id.rawValue
    }
    if slug.isEmpty || !(slug.first!.isLetter) { slug = "intent-" + slug }
    var candidate = slug
    var counter = 2
    while used.contains(candidate) || IntentID(rawValue: candidate) == nil {
      candidate = "\(slug)-\(counter)"
      counter += 1
      if counter > 100_000 { candidate = "intent-\(used.count + 1)"; break }
    }
    used.insert(candidate)
    return IntentID(rawValue: candidate) ?? IntentID(rawValue: "intent-\(used.count)")!
  }
}
