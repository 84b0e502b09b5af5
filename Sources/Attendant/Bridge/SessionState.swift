import Foundation

/// A session sealed into a signed text, and opened again: what `serve --stateless` returns as `state`
/// in each reply and reads from the next request, so that any replica can answer any message and the
/// host keeps the conversation (a cookie, its own session store).
///
/// The text is base64url (no padding) of:
///
/// | bytes | what |
/// |---|---|
/// | 1 | the format version, 1 |
/// | 1 + n | the content version the state was made with (`Engine.contentVersion`), its length first |
/// | 8 | when it was sealed: seconds since 1970, big-endian |
/// | rest − 32 | the session's JSON (`ChatSession.json`, compact) |
/// | 32 | HMAC-SHA256 of everything before, with the current key |
///
/// The open escalation record keeps only its last two turns in the state: the whole conversation is in
/// the outbox, which the replicas share.
///
/// The state is signed, not encrypted: whoever holds it can read the conversation in it (the host
/// already has it). Opening checks the MAC first, with the current key and then the previous one, so
/// that nothing about a forged state (its version, its content) is acted on.
public struct SessionState: Sendable {
  /// The format this type writes; a state of another format is not read.
  public static let formatVersion: UInt8 = 1
  /// The shortest key accepted, in bytes: 256 bits, the size of the hash.
  public static let minimumKeyLength = 32
  /// The longest state text opened, in characters. A session within its `ConversationBudget` seals to
  /// much less (see docs/bridge.md); a longer text is refused before any work is spent on it.
  public static let maximumLength = 1 << 20

  /// How many of the escalation record's turns a state keeps: the last turn's customer message and reply.
  static let recordTurnsKept = 2

  private let signer: HMAC
  private let previous: HMAC?

  /// Why a state could not be opened.
  public enum Failure: Error, Sendable, Equatable {
    /// Not base64url, too short or too long: not a state at all.
    case malformed(String)
    /// The MAC does not match under any key: changed, made with another key, or made up.
    case forged
    /// Signed by us, but in another format version (another version of Attendant).
    case otherFormat(UInt8)
    /// Signed by us, with other content (another deploy, a reload).
    case otherContent(String)
    /// Signed by us, but its session cannot be read (another build of the same format).
    case unreadable(String)
  }

  /// What opening a state gave.
  public struct Opened: Sendable {
    public let session: ChatSession
    /// When it was sealed, to the second.
    public let sealedAt: Date
  }

  /// Prepares the keys.
  ///
  /// - Parameters:
  ///   - key: Signs every new state, and verifies.
  ///   - previousKey: Only verifies, so that states signed before a key rotation are still read.
  public init(key: [UInt8], previousKey: [UInt8]? = nil) {
    signer = HMAC(key: key)
    previous = previousKey.map { HMAC(key: $0) }
  }

  /// Seals a session.
  ///
  /// - Parameters:
  ///   - contentVersion: The version of the content the session was served with (at most 255 bytes).
  ///   - now: The time of sealing, for the idle timeout.
  /// - Complexity: O(size of the session).
  public func seal(_ session: ChatSession, contentVersion: String, at now: Date) -> String {
    var bytes: [UInt8] = [Self.formatVersion]
    let version = Array(contentVersion.utf8.prefix(255))
    bytes.append(UInt8(version.count))
    bytes += version
    let seconds = UInt64(max(0, now.timeIntervalSince1970.rounded(.down)))
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: seconds >> UInt64(shift)))
    }
    var session = session
    if var record = session.escalation, record.transcript.count > Self.recordTurnsKept {
      // The outbox holds the record's conversation; the desk takes only the last turn's two from the
      // session's copy, and the next turn's revision builds on them. Half the state of an escalated
      // conversation was this copy.
      record.transcript.removeFirst(record.transcript.count - Self.recordTurnsKept)
      session.escalation = record
    }
    session.json.write(to: &bytes)
    bytes += signer.authenticationCode(for: bytes)
    return Base64URL.encode(bytes)
  }

  /// Opens a state made by `seal`.
  ///
  /// - Parameter contentVersion: The content now in service; a state made with other content is refused.
  /// - Throws: `Failure`, whose cases tell a state to refuse (`malformed`, `forged`) from one to start
  ///   over from (`otherFormat`, `otherContent`, `unreadable`).
  /// - Complexity: O(length of the text).
  public func open(_ text: String, contentVersion: String) throws(Failure) -> Opened {
    guard text.utf8.count <= Self.maximumLength else {
      throw .malformed("it is \(text.utf8.count) characters long; a state is at most \(Self.maximumLength)")
    }
    guard let bytes = Base64URL.decode(text) else {
      throw .malformed("it is not base64url (letters, digits, '-' and '_', without '=' padding)")
    }
    let headerLength = 1 + 1 + 8
    guard bytes.count >= headerLength + HMAC.length + 2 else { throw .malformed("it is too short") }
    let body = bytes[..<(bytes.count - HMAC.length)]
    let mac = bytes[(bytes.count - HMAC.length)...]
    guard
      HMAC.constantTimeEquals(signer.authenticationCode(for: body), mac)
        || previous.map({ HMAC.constantTimeEquals($0.authenticationCode(for: body), mac) }) == true
    else { throw .forged }
    guard bytes[0] == Self.formatVersion else { throw .otherFormat(bytes[0]) }
    let versionLength = Int(bytes[1])
    guard body.count >= 2 + versionLength + 8 else { throw .unreadable("its header is cut short") }
    let version = String(decoding: body[2..<(2 + versionLength)], as: UTF8.self)
    guard version == contentVersion else { throw .otherContent(version) }
    var seconds: UInt64 = 0
    for byte in body[(2 + versionLength)..<(10 + versionLength)] { seconds = seconds << 8 | UInt64(byte) }
    let session: ChatSession
    do {
      session = try ChatSession(json: JSONValue.parse(Array(body[(10 + versionLength)...])))
    } catch let error as SessionFormatError {
      throw .unreadable(error.description)
    } catch {
      throw .unreadable("its session is not JSON (\(error))")
    }
    return Opened(session: session, sealedAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }
}
