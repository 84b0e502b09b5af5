/// SHA-256 (FIPS 180-4), for the signed session state and the content version.
///
/// Foundation on Linux has neither CryptoKit nor CommonCrypto, and the package takes no dependencies,
/// so the hash is written here: a few dozen lines, checked against the NIST vectors. It is used for
/// integrity (HMAC) and fingerprints, never for passwords.
package struct SHA256: Sendable {
  /// The length of a digest, in bytes.
  public static let digestLength = 32
  /// The length of a block, in bytes (HMAC pads its key to it).
  public static let blockLength = 64

  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  /// Bytes of an unfinished block.
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  public init() {
    pending.reserveCapacity(Self.blockLength)
  }

  /// The digest of some bytes.
  ///
  /// - Complexity: O(n) in the number of bytes.
  public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: some Sequence<UInt8>) {
    if let done = bytes.withContiguousStorageIfAvailable({ update(buffer: UnsafeRawBufferPointer($0)) }) {
      return done
    }
    let copy = Array(bytes)
    copy.withUnsafeBytes { update(buffer: $0) }
  }

  private mutating func update(buffer: UnsafeRawBufferPointer) {
    length &+= UInt64(buffer.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(Self.blockLength - pending.count, buffer.count)
      pending.append(contentsOf: buffer[0..<take])
      offset = take
      guard pending.count == Self.blockLength else { return }
      let block = pending
      block.withUnsafeBytes { compress($0.baseAddress!) }
      pending.removeAll(keepingCapacity: true)
    }
    // Whole blocks straight from the caller's bytes.
    while buffer.count - offset >= Self.blockLength {
      compress(buffer.baseAddress! + offset)
      offset += Self.blockLength
    }
    if offset < buffer.count { pending.append(contentsOf: buffer[offset...]) }
  }

  /// Pads the message and returns its digest.
  public mutating func finalize() -> [UInt8] {
    let bits = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % Self.blockLength != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    tail.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        compress(raw.baseAddress! + offset)
        offset += Self.blockLength
      }
    }
    pending.removeAll()
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    var digest: [UInt8] = []
    digest.reserveCapacity(Self.digestLength)
    for word in words {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// One 64-byte block into the state.
  private mutating func compress(_ block: UnsafeRawPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self)) }
      for t in 16..<64 {
        let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
        let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = state
      // Eight rounds at a time, each naming the working variables in turn, so that no round moves them.
      Self.k.withUnsafeBufferPointer { k in
        var t = 0
        while t < 64 {
          Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
          Self.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
          Self.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
          Self.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
          Self.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
          Self.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
          Self.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
          Self.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
          t += 8
        }
      }
      state = (
        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
      )
    }
  }
}

extension SHA256 {
  /// One round: `d` and `h` take the new values; the caller rotates the names.
  @inline(__always)
  fileprivate static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ kw: UInt32
  ) {
    let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ kw
    d = d &+ t1
    h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (a & c) ^ (b & c))
  }
}

extension UInt32 {
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
