import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The calibrated policies of a content folder, kept beside it (`.attendant-cache/calibration.json`)
/// so that starting and reloading do not calibrate again content that has not changed.
///
/// The cache is keyed by a hash of everything the calibration reads: every file under `Intents/` and
/// the name lists under `KnowledgeBase/<language>/entities/` (names and bytes; articles and phrases
/// play no part in matching), the policy, the scoring parameters, the calibration's version and the
/// running program (its path, size and modification time, so that a new build never uses an old
/// build's choice). It is never stale (any change makes another key), never required (a folder that
/// cannot be written just calibrates each time) and never trusted when damaged (a file that does not
/// decode, or holds another key, is calibrated again and replaced).
enum CalibrationCache {
  /// Changes whenever the calibration procedure does, so that old results are not used.
  static let version = 7

  struct Entry: Codable {
    let key: String
    let results: [Language: PolicyCalibration.Result]
  }

  static func file(in folder: URL) -> URL {
    folder.appendingPathComponent(".attendant-cache/calibration.json")
  }

  /// The hash of the content and the settings that the calibration depends on.
  static func key(for folder: URL, policy: ReplyPolicy, parameters: ScoringParameters) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ bytes: some Sequence<UInt8>) {
      for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
      }
      hash ^= 0xFF
      hash &*= 0x100_0000_01b3
    }
    add("v\(version)".utf8)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    if let data = try? encoder.encode(policy) { add(data) }
    add("\(parameters)".utf8)
    add(programIdentity.utf8)
    for top in ["Intents", "KnowledgeBase"] {
      let root = folder.appendingPathComponent(top)
      guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
      let files = enumerator.compactMap { $0 as? URL }.map(\.path).sorted()
      for path in files where top == "Intents" || path.contains("/entities/") {
        add(path.dropFirst(folder.path.count).utf8)
        if let data = FileManager.default.contents(atPath: path) { add(data) }
      }
    }
    return String(hash, radix: 16)
  }

  /// The running program's path, size and modification time: a rebuilt matcher may read the same
  /// content differently.
  static let programIdentity: String = {
    guard let path = Bundle.main.executablePath,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    else { return "unknown program" }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(modified)"
  }()

  /// The cached results for this key, if the cache holds them.
  static func read(_ folder: URL, key: String) -> [Language: PolicyCalibration.Result]? {
    guard let data = try? Data(contentsOf: file(in: folder)),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
    else { return nil }
    return entry.results
  }

  /// Keeps the results for this key; a folder that cannot be written is left as it is.
  static func write(_ results: [Language: PolicyCalibration.Result], key: String, in folder: URL) {
    let target = file(in: folder)
    guard let data = try? JSONEncoder().encode(Entry(key: key, results: results)) else { return }
    try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(".calibration-\(UUID().uuidString).tmp")
    guard (try? data.write(to: temporary)) != nil else { return }
    // rename(2) replaces the old file in one step: a reader sees the old cache or the new one.
    if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
  }
}
