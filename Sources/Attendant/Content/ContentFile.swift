import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A content file read as UTF-8 lines, with the line numbers editors see.
struct ContentFile: Sendable {
  /// A line of the file; `number` is 1-based and `text` is in NFC, without the line break.
  struct Line: Sendable {
    let number: Int
    let text: String
    /// The text without surrounding spaces and tabs.
    let trimmed: String

    /// A blank line or a `#` comment.
    var isBlankOrComment: Bool { trimmed.isEmpty || trimmed.utf8.first == 0x23 }

    /// A line, trimmed of spaces and tabs at either end.
    init(number: Int, text: String) {
      self.number = number
      self.text = text
      let bytes = text.utf8
      let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
      let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
      let end = bytes.lastIndex { !isSpace($0) }.map { bytes.index(after: $0) } ?? start
      trimmed = start < end ? String(text.unicodeScalars[start..<end]) : ""
    }
  }

  let path: String
  let lines: [Line]

  /// Reads a file of a content folder; on failure returns a finding naming the file and the fix.
  ///
  /// A file that is, or lies in, a symbolic link to a place outside the content folder is refused:
  /// content is what the folder holds, and a link must not serve `/etc/passwd` as an article.
  static func read(_ relativePath: String, in root: URL) -> Result<ContentFile, Finding> {
    let url = root.appendingPathComponent(relativePath)
    if let real = realPath(url.path), let realRoot = realPath(root.path), real != realRoot,
      !real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    {
      return .failure(
        Finding(
          .error, .linkOutsideContent, at: SourceLocation(file: relativePath),
          "The file is a link to '\(real)', outside the content folder, and is not read.",
          fix: "copy the file into the content folder, or point the link at a file inside it."))
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return .failure(
        Finding(
          .error, .parse, at: SourceLocation(file: relativePath), "The file cannot be read.",
          fix: "check that it exists and is readable."))
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var lines: [Line] = []
    var number = 0
    for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      var raw = slice[...]
      if raw.last == 0x0D { raw = raw.dropLast() }
      guard let text = String(validating: raw, as: UTF8.self) else {
        return .failure(
          Finding(
            .error, .parse, at: SourceLocation(file: relativePath, line: number),
            "The line is not valid UTF-8.", fix: "save the file as UTF-8."))
      }
      // NFC never moves the spaces and tabs at the ends, so the line is trimmed after it.
      let needsComposition = raw.contains { $0 >= 0x80 }
      lines.append(Line(number: number, text: needsComposition ? Tokenizer.normalizedForMatching(text) : text))
    }
    if lines.last?.text.isEmpty == true { lines.removeLast() }
    return .success(ContentFile(path: relativePath, lines: lines))
  }

  /// The path with every symbolic link resolved, or `nil` when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  func location(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
}
