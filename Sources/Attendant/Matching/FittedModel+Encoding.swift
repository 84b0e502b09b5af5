import Foundation

/// The fitted model as bytes, for `FittedModelCache`: the weights are what fitting costs, and they
/// depend only on the content and the scoring constants.
///
/// Layout (little-endian, as the machine writes it; a cache is never shared between machines): the
/// `magic` line, then α (Float64), the plain-values flag (UInt8), `hasGrams` (a UInt32 count, one
/// UInt8 each), and the three posting lists (word weights, n-gram weights, word evidence), each as a
/// UInt32 feature count, its starts (Int32), a UInt32 entry count, the entries' intents (Int32) and
/// values (Float32).
extension FittedModel {
  static let magic = Array("attendant fitted model 1\n".utf8)

  /// The model's bytes.
  func encoded() -> Data {
    var data = Data(Self.magic)
    func append<T: FixedWidthInteger>(_ value: T) { Swift.withUnsafeBytes(of: value) { data.append(contentsOf: $0) } }
    func append<T>(array: [T]) { array.withUnsafeBytes { data.append(contentsOf: $0) } }
    append(characterScale.bitPattern)
    append(UInt8(plain ? 1 : 0))
    append(UInt32(hasGrams.count))
    append(array: hasGrams.map { UInt8($0 ? 1 : 0) })
    for list in [wordWeights, gramWeights, wordEvidence] {
      append(UInt32(list.starts.count))
      append(array: list.starts)
      append(UInt32(list.entries.count))
      append(array: list.entries.map(\.intent))
      append(array: list.entries.map(\.value))
    }
    return data
  }

  /// A model read back, when the bytes are whole and fit an index of this shape; `nil` otherwise.
  init?(
    decoding data: Data, vocabularyCount: Int, wordFeatureCount: Int, gramCount: Int, intentCount: Int
  ) {
    var reader = ByteReader(data)
    guard reader.read(UInt8.self, count: Self.magic.count) == Self.magic,
      let scale = reader.read(UInt64.self, count: 1)?.first.map(Double.init(bitPattern:)),
      let plain = reader.read(UInt8.self, count: 1)?.first,
      let gramFlagCount = reader.read(UInt32.self, count: 1)?.first, Int(gramFlagCount) == vocabularyCount,
      let gramFlags = reader.read(UInt8.self, count: Int(gramFlagCount))
    else { return nil }
    var lists: [PostingList<Float>] = []
    for featureCount in [wordFeatureCount, gramCount, vocabularyCount] {
      guard let startCount = reader.read(UInt32.self, count: 1)?.first, Int(startCount) == featureCount + 1,
        let starts = reader.read(Int32.self, count: Int(startCount)),
        let entryCount = reader.read(UInt32.self, count: 1)?.first,
        let intents = reader.read(Int32.self, count: Int(entryCount)),
        let values = reader.read(Float.self, count: Int(entryCount)),
        let list = PostingList(starts: starts, intents: intents, values: values, intentCount: intentCount)
      else { return nil }
      lists.append(list)
    }
    guard reader.isAtEnd else { return nil }
    self.init(
      wordWeights: lists[0], gramWeights: lists[1], wordEvidence: lists[2], hasGrams: gramFlags.map { $0 != 0 },
      characterScale: scale, isFitted: true, plain: plain != 0)
  }
}

/// Reads fixed-width values from bytes, front to back; any read past the end gives `nil`.
struct ByteReader {
  private let data: Data
  private var offset = 0

  init(_ data: Data) { self.data = data }

  var isAtEnd: Bool { offset == data.count }

  mutating func read<T>(_ type: T.Type, count: Int) -> [T]? {
    let size = count * MemoryLayout<T>.stride
    guard count >= 0, size <= data.count - offset else { return nil }
    let start = offset
    offset += size
    return data.withUnsafeBytes { raw in
      [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if size > 0 { memcpy(buffer.baseAddress!, raw.baseAddress! + start, size) }
        initialized = count
      }
    }
  }
}
