import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fitted models of a content folder's languages, kept beside it
/// (`.attendant-cache/fitted-<language>.bin`) so that starting and reloading content whose calibration
/// chose the fitted model (`PolicyCalibration.Result.fittedWeight`) do not fit it again.
///
/// Each file starts with the calibration cache's key (`CalibrationCache.key`: a hash of the files the
/// matcher reads, the policy, the scoring constants and the running program), so a model is used only
/// with the content, the constants and the build it was fitted with. Like the calibration cache it is
/// never stale (another key is a miss), never required (a folder that cannot be written fits at every
/// start) and never trusted when damaged: bytes that do not decode whole, or do not fit the index's
/// shape, are a miss, and the model is fitted and written again.
enum FittedModelCache {
  static func file(in folder: URL, language: Language) -> URL {
    folder.appendingPathComponent(".attendant-cache/fitted-\(language.rawValue).bin")
  }

  /// The cached model of a language for this key, if it fits the index.
  static func read(_ folder: URL, key: String, language: Language, for index: LanguageIndex) -> FittedModel? {
    guard let data = try? Data(contentsOf: file(in: folder, language: language)) else { return nil }
    let header = Data("\(key)\n".utf8)
    guard data.count > header.count, data.prefix(header.count) == header else { return nil }
    return FittedModel(
      decoding: Data(data.dropFirst(header.count)), vocabularyCount: index.vocabulary.count,
      wordFeatureCount: index.words.features.count, gramCount: index.characters.grams.count,
      intentCount: index.intents.count)
  }

  /// Keeps a language's model for this key; a folder that cannot be written is left as it is.
  static func write(_ model: FittedModel, key: String, language: Language, in folder: URL) {
    let target = file(in: folder, language: language)
    var data = Data("\(key)\n".utf8)
    data.append(model.encoded())
    try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(".fitted-\(UUID().uuidString).tmp")
    guard (try? data.write(to: temporary)) != nil else { return }
    // rename(2) replaces the old file in one step: a reader sees the old model or the new one.
    if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
  }
}
