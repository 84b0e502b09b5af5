/// Dense ids for distinct keys: the first key seen gets 0, the next new one 1, and so on.
///
/// The index and the language identifier number their words, stems, features and n-grams this way, so
/// that what they count per key can live in flat arrays indexed by the id.
struct Interner<Key: Hashable> {
  /// Each key's id.
  private(set) var ids: [Key: Int32] = [:]
  /// The keys in id order: `keys[Int(id)]` is the key with that id.
  private(set) var keys: [Key] = []

  init() {}

  /// Interns keys in order, as `id(for:)` would one by one.
  init<S: Sequence>(_ keys: S) where S.Element == Key {
    for key in keys { id(for: key) }
  }

  /// The id of a key, given to it now when it has none.
  @discardableResult
  mutating func id(for key: Key) -> Int32 {
    if let id = ids[key] { return id }
    let id = Int32(keys.count)
    ids[key] = id
    keys.append(key)
    return id
  }

  /// The id of a key already interned, or `nil`.
  @inline(__always)
  subscript(key: Key) -> Int32? { ids[key] }

  /// The key with an id.
  func key(_ id: Int32) -> Key { keys[Int(id)] }

  /// How many distinct keys there are.
  var count: Int { keys.count }
}

extension Interner: Sendable where Key: Sendable {}
