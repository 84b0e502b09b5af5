/// An XHTML page being written, with its text escaped: what `HTMLReport` and `ReportPage` share.
struct HTMLPage {
  var text = ""

  mutating func raw(_ markup: String) { text += markup }

  /// A section's heading and the note that explains it.
  mutating func section(_ title: String, note: String) {
    element("h2", title)
    element("p", note, class: "note")
  }

  mutating func element(_ name: String, _ content: String, class className: String? = nil) {
    let attribute = className.map { " class=\"\(Self.escape($0))\"" } ?? ""
    text += "<\(name)\(attribute)>\(Self.escape(content))</\(name)>"
    if ["h1", "h2", "h3", "p", "li"].contains(name) { text += "\n" }
  }

  /// Text made safe for XML content and attribute values.
  static func escape(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default:
        // Control characters other than tab and line breaks are not allowed in XML at all.
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
          output += " "
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output
  }
}
