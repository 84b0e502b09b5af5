/// HMAC-SHA256 (RFC 2104, RFC 4231): the signature of the session state that `serve --stateless`
/// hands to the host, so that a state the service did not make is refused.
package struct HMAC: Sendable {
  /// The key's inner and outer padded blocks, computed once: signing then costs two hashes of the message
  /// plus two blocks, not a key schedule per message.
  private let inner: SHA256
  private let outer: SHA256

  /// The length of a MAC, in bytes.
  public static let length = SHA256.digestLength

  /// Prepares a key. A key longer than a block is hashed first, as RFC 2104 says.
  public init(key: some Sequence<UInt8>) {
    var block = Array(key)
    if block.count > SHA256.blockLength { block = SHA256.hash(block) }
    block += [UInt8](repeating: 0, count: SHA256.blockLength - block.count)
    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5c })
    self.inner = inner
    self.outer = outer
  }

  /// The MAC of a message.
  ///
  /// - Complexity: O(n) in the message's length.
  public func authenticationCode(for message: some Sequence<UInt8>) -> [UInt8] {
    var inner = self.inner
    inner.update(message)
    var outer = self.outer
    outer.update(inner.finalize())
    return outer.finalize()
  }

  /// HMAC-SHA256 of a message under a key, in one call.
  public static func sha256(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
    HMAC(key: key).authenticationCode(for: message)
  }

  /// Whether two MACs are equal, in time that depends only on their length, so that a forger cannot
  /// learn from the time of a refusal how many leading bytes were right.
  public static func constantTimeEquals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for (x, y) in zip(a, b) { difference |= x ^ y }
    return difference == 0
  }
}
