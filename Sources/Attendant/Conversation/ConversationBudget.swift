/// What one message may cost and one conversation may keep, so that time and memory stay bounded
/// whatever a customer (or an attacker) sends.
///
/// **A message.** A customer's question fits in a few hundred characters; a message of megabytes is a
/// paste, a bug or an attack. A message longer than `maximumCharacters` is read as its first and last
/// halves (a question comes before or after its story), cut at white space where there is some near
/// the cut. Everything after the cut (language identification, frustration phrases, personal data,
/// matching, the session's transcript) sees only the kept text; the transcript log keeps the message
/// as the customer sent it.
///
/// **A conversation.** A session keeps its last `maximumTurns` turns, and drops its oldest turns while
/// their text is over `maximumSessionBytes`; the transcript log and the outbox keep the whole
/// conversation. A turn costs the same however long the conversation has been.
public struct ConversationBudget: Sendable, Hashable, Codable {
  /// The most characters (Unicode scalars) of a message that are read.
  public var maximumCharacters: Int
  /// The most turns (customer and bot) a session keeps in memory.
  public var maximumTurns: Int
  /// The most bytes of turn text a session keeps in memory (at least its last two turns are kept).
  public var maximumSessionBytes: Int

  /// What a cut left out, for explanations.
  public struct Truncation: Sendable, Hashable, Codable {
    /// The length of the message as sent, in characters (Unicode scalars).
    public let originalCharacters: Int
    /// The characters kept from its start and from its end.
    public let keptHead: Int
    public let keptTail: Int
  }

  /// The text put between the two kept halves of a cut message.
  public static let cutMark = " … "

  public init(maximumCharacters: Int = 2_000, maximumTurns: Int = 40, maximumSessionBytes: Int = 32 * 1024) {
    self.maximumCharacters = max(16, maximumCharacters)
    self.maximumTurns = max(2, maximumTurns)
    self.maximumSessionBytes = max(1024, maximumSessionBytes)
  }

  public static let `default` = ConversationBudget()

  /// The part of `text` that is read: the text itself when it fits, otherwise its first and last
  /// halves joined by `cutMark`.
  ///
  /// - Complexity: O(1) when the text fits in `maximumCharacters` UTF-8 bytes, else one pass over its
  ///   bytes to count its characters.
  public func cut(_ text: String) -> (text: String, truncation: Truncation?) {
    // A text of at most this many bytes has at most this many scalars.
    if text.utf8.count <= maximumCharacters { return (text, nil) }
    var text = text
    return text.withUTF8 { bytes in
      // Scalars are counted as the bytes that do not continue one (10xxxxxx), eight bytes at a time.
      let count = Self.scalarCount(bytes)
      guard count > maximumCharacters else { return (String(decoding: bytes, as: UTF8.self), nil) }
      let half = maximumCharacters / 2
      // The byte offset where the scalar numbered `n` from the start begins, and where the scalar
      // numbered `n` from the end (1 = the last) begins: each walks only the bytes it keeps.
      func offset(ofScalar n: Int) -> Int {
        var seen = -1
        for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
          seen += 1
          if seen == n { return index }
        }
        return bytes.count
      }
      func offset(ofScalarFromEnd n: Int) -> Int {
        var seen = 0
        var index = bytes.count
        while index > 0 {
          index -= 1
          if bytes[index] & 0xC0 != 0x80 {
            seen += 1
            if seen == n { return index }
          }
        }
        return 0
      }
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
      // Prefer to cut at white space within the last eighth of each half, so that no word is split.
      let slack = max(1, half / 8)
      var headEnd = offset(ofScalar: half)
      if let space = (max(0, headEnd - slack)..<headEnd).last(where: { isSpace(bytes[$0]) }) { headEnd = space }
      var tailStart = offset(ofScalarFromEnd: half)
      if let space = (tailStart..<min(bytes.count, tailStart + slack)).first(where: { isSpace(bytes[$0]) }) {
        tailStart = space + 1
      }
      let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<headEnd]), as: UTF8.self)
      let tail = String(decoding: UnsafeBufferPointer(rebasing: bytes[tailStart...]), as: UTF8.self)
      let truncation = Truncation(
        originalCharacters: count, keptHead: head.unicodeScalars.count, keptTail: tail.unicodeScalars.count)
      return (head + Self.cutMark + tail, truncation)
    }
  }
}

extension ConversationBudget {
  /// The number of Unicode scalars in valid UTF-8: the bytes that are not continuation bytes
  /// (`10xxxxxx`), counted a machine word at a time.
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var continuations = 0
    var index = 0
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      // A byte is a continuation when its top bit is set and the next is clear.
      while index + 8 <= bytes.count {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        index += 8
      }
    }
    while index < bytes.count {
      if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
      index += 1
    }
    return bytes.count - continuations
  }
}

extension ConversationBudget.Truncation: CustomStringConvertible {
  /// `the message has 1048576 characters; the first 1000 and the last 1000 were read`.
  public var description: String {
    "the message has \(originalCharacters) characters; the first \(keptHead) and the last \(keptTail) were read"
  }
}
