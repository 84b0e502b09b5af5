import Foundation

/// Content fixtures that are another fixture with a few files changed, kept as those files only.
///
/// `Fixtures/<name>/` holds the files in which a variant differs from its base, at the same paths
/// (new files and changed ones), and `removed` names the base's files and folders that it lacks.
/// `Paths.copyOfFixture(_:)` builds a variant in a temporary folder: the base copied, the removed
/// paths deleted, the variant's files laid over it. Fix a mistake in a base once, and every variant
/// has the fix; give a new variant only the file that holds its point.
struct FixtureVariant {
  /// The fixture it is built from.
  let base: String
  /// Paths of the base, relative to it, that the variant does not have.
  var removed: [String] = []

  /// Every variant, by fixture name.
  static let all: [String: FixtureVariant] = {
    var variants: [String: FixtureVariant] = [:]
    // `check/clean` with one thing for `attendant check` to find (ContentCheckerTests).
    for name in [
      "article-without-intent", "broken-follow-up", "conflict", "duplicate-across-intents", "duplicate-example",
      "empty-body", "few-examples", "intent-missing-in-language", "next-topics-differ", "parse-error",
      "placeholder-answer",
      "stop-words",
      "test-suite", "too-short",
    ] {
      variants["check/\(name)"] = FixtureVariant(base: "check/clean")
    }
    variants["check/invalid-intent-id"] = FixtureVariant(base: "check/clean", removed: ["Intents/en/shipping-cost.txt"])
    variants["check/missing-article"] = FixtureVariant(
      base: "check/clean", removed: ["KnowledgeBase/en/shipping-cost.md"])
    // `loader/valid` with one mistake for the loader (ContentLoaderTests).
    for name in [
      "bad-small-talk", "duplicate-article", "duplicate-header-key", "empty-intent", "invalid-intent-file-name",
      "invalid-intent-in-header", "invalid-utf8", "missing-intents", "missing-title", "misspelt-title-key",
      "no-header", "phrase-without-equals", "schedule-bad-hours", "schedule-bad-time-zone", "unclosed-header",
      "unknown-escalation", "unknown-header-key", "unknown-language-folder", "unknown-phrase",
      "follow-ups-unknown-intent", "follow-ups-bad-file-name", "valid-with-follow-ups",
    ] {
      variants["loader/\(name)"] = FixtureVariant(base: "loader/valid")
    }
    variants["loader/missing-knowledge-base"] = FixtureVariant(base: "loader/valid", removed: ["KnowledgeBase"])
    // The frustration content with a support schedule instead of frustration phrases (ServeCrashTests).
    variants["serve-crash"] = FixtureVariant(base: "frustration", removed: ["KnowledgeBase/en/frustration.txt"])
    return variants
  }()

  /// Builds the variant `name` in `folder` (which must not exist).
  func build(_ name: String, in folder: URL) throws {
    let files = FileManager.default
    try Self.copyVisibleFiles(from: Paths.fixtures.appendingPathComponent(base), to: folder)
    for path in removed { try files.removeItem(at: folder.appendingPathComponent(path)) }
    let overlay = Paths.fixtures.appendingPathComponent(name)
    if files.fileExists(atPath: overlay.path) { try Self.copyVisibleFiles(from: overlay, to: folder) }
  }

  /// Copies the files of a folder into another, replacing files of the same path and creating
  /// folders as needed; names starting with a dot (a calibration cache that a test left) are skipped.
  private static func copyVisibleFiles(from source: URL, to destination: URL) throws {
    let files = FileManager.default
    try files.createDirectory(at: destination, withIntermediateDirectories: true)
    let paths = try files.subpathsOfDirectory(atPath: source.path).filter {
      !$0.split(separator: "/").contains { $0.hasPrefix(".") }
    }
    for path in paths.sorted() {
      let from = source.appendingPathComponent(path)
      let to = destination.appendingPathComponent(path)
      var isFolder: ObjCBool = false
      guard files.fileExists(atPath: from.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      try files.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
      if files.fileExists(atPath: to.path) { try files.removeItem(at: to) }
      try files.copyItem(at: from, to: to)
    }
  }
}

extension Paths {
  /// A fresh copy of a fixture folder, for tests that change files, and the only way to a variant
  /// (`FixtureVariant`), which it builds from its base.
  static func copyOfFixture(_ name: String) throws -> URL {
    let copy = temporaryFolder("attendant-\(name.replacingOccurrences(of: "/", with: "-"))").appendingPathComponent(
      "content")
    if let variant = FixtureVariant.all[name] {
      try variant.build(name, in: copy)
    } else {
      try FileManager.default.copyItem(at: fixture(name), to: copy)
    }
    return copy
  }
}
