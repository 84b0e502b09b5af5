import Foundation

/// Finds the content folder: `--content`, then `ATTENDANT_CONTENT`, then the working directory, then
/// the folders above the executable (a build inside the repository), then `../share/attendant`
/// next to the executable (an installed copy).
enum ContentLocation {
  static func resolve(_ option: String?) throws(UsageError) -> URL {
    if let option { return URL(fileURLWithPath: option).standardizedFileURL }
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["ATTENDANT_CONTENT"], !path.isEmpty {
      return URL(fileURLWithPath: path).standardizedFileURL
    }
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if isContent(workingDirectory) { return workingDirectory }
    if let executable = executableURL() {
      var folder = executable.deletingLastPathComponent()
      for _ in 0..<8 {
        if isContent(folder) { return folder }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
      let installed = executable.deletingLastPathComponent().appendingPathComponent("../share/attendant")
        .standardizedFileURL
      if isContent(installed) { return installed }
    }
    throw UsageError(
      "No content found. Pass --content DIR (a folder that holds Intents/ and KnowledgeBase/), or set ATTENDANT_CONTENT."
    )
  }

  static func isContent(_ folder: URL) -> Bool {
    let manager = FileManager.default
    return manager.fileExists(atPath: folder.appendingPathComponent("Intents").path)
      && manager.fileExists(atPath: folder.appendingPathComponent("KnowledgeBase").path)
  }

  /// The real path of the running executable, with symbolic links resolved.
  static func executableURL() -> URL? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    if let path = Bundle.main.executablePath {
      return URL(fileURLWithPath: path).resolvingSymlinksInPath()
    }
    return nil
  }
}
