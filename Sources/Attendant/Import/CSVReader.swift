/// Reads CSV and TSV as RFC 4180 describes: fields separated by a delimiter, records by CRLF or LF,
/// fields optionally in double quotes, with `""` for a quote and line breaks allowed inside quotes.
package enum CSVReader {
  /// A record and the line it starts on.
  public struct Record: Sendable, Hashable {
    public let line: Int
    public let fields: [String]
  }

  /// Why a file is not CSV.
  public struct ParseError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
  }

  /// Splits text into records.
  ///
  /// - Parameters:
  ///   - text: The whole file.
  ///   - delimiter: `,` for CSV, a tab for TSV.
  /// - Throws: `ParseError` for a quote that is never closed, or text after a closing quote.
  /// - Complexity: O(n).
  public static func records(_ text: String, delimiter: Unicode.Scalar = ",") throws(ParseError) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var quoted = false
    var afterQuote = false
    var quoteLine = 1
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var index = 0

    func endField() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      afterQuote = false
    }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
      fields = []
    }

    while index < scalars.count {
      let c = scalars[index]
      index += 1
      if quoted {
        if c == "\"" {
          if index < scalars.count, scalars[index] == "\"" {
            field.append("\"")
            index += 1
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if c == "\n" { line += 1 }
          field.append(c)
        }
        continue
      }
      if c == delimiter {
        endField()
      } else if c == "\n" || c == "\r" {
        if c == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
        endRecord()
        line += 1
        recordLine = line
      } else if c == "\"" && field.isEmpty && !afterQuote {
        quoted = true
        quoteLine = line
      } else if afterQuote {
        throw ParseError(
          line: line, message: "Text after a closing quote; a quote inside a quoted field is written as \"\".")
      } else {
        field.append(c)
      }
    }
    if quoted { throw ParseError(line: quoteLine, message: "A quoted field is never closed.") }
    if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
    return records
  }
}
