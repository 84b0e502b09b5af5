/// A line of a content file, named relative to the content folder (`Intents/tr/refund-status.txt:14`).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The path relative to the content folder, with `/` separators.
  public let file: String
  /// The 1-based line number; 0 when the finding is about the whole file.
  public let line: Int

  public init(file: String, line: Int = 0) {
    self.file = file
    self.line = line
  }

  public var description: String { line > 0 ? "\(file):\(line)" : file }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line) < (rhs.file, rhs.line)
  }
}
