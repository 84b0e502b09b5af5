import Foundation
import Synchronization

/// Polls a content folder and reloads the engine store when any file in it changes.
///
/// Polling (a listing with sizes and modification times every interval) works on every file system
/// and needs no platform API; a change is acted on once it has been stable for one interval, so that
/// an editor's save in several steps is read once, complete.
public struct ContentWatcher: Sendable {
  public let folder: URL
  public let interval: TimeInterval
  let onReload: @Sendable (EngineStore.ReloadOutcome) -> Void

  public init(
    folder: URL, interval: TimeInterval = 1, onReload: @escaping @Sendable (EngineStore.ReloadOutcome) -> Void
  ) {
    self.folder = folder
    self.interval = max(0.05, interval)
    self.onReload = onReload
  }

  /// A started watch, which `stop()` ends.
  public final class Watch: Sendable {
    private let stopped = Mutex(false)

    init() {}

    /// Ends the watch: no reload starts after this returns (one in progress finishes).
    public func stop() { stopped.withLock { $0 = true } }

    /// Whether `stop()` was called.
    public var isStopped: Bool { stopped.withLock { $0 } }
  }

  /// Starts watching on a background thread, until the returned watch is stopped.
  ///
  /// The folder as it is now is taken as the content in service, before this returns, so that a change
  /// saved right after the call is never mistaken for the starting state.
  @discardableResult
  public func start(store: EngineStore) -> Watch {
    let watcher = self
    let watch = Watch()
    let initial = fingerprint()
    Thread.detachNewThread {
      var served = initial
      var pending: [String]?
      while !watch.isStopped {
        Thread.sleep(forTimeInterval: watcher.interval)
        if watch.isStopped { break }
        let now = watcher.fingerprint()
        if now == served {
          pending = nil
        } else if now == pending {
          served = now
          pending = nil
          watcher.onReload(store.reload())
        } else {
          pending = now
        }
      }
    }
    return watch
  }

  /// Every file under the folder's `Intents/` and `KnowledgeBase/`, with its size and modification time.
  public func fingerprint() -> [String] {
    var entries: [String] = []
    let manager = FileManager.default
    for top in ["Intents", "KnowledgeBase"] {
      let root = folder.appendingPathComponent(top)
      guard
        let enumerator = manager.enumerator(
          at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
      else {
        continue
      }
      for case let url as URL in enumerator {
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        let stamp = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
        entries.append("\(url.path)|\(values?.fileSize ?? -1)|\(stamp)")
      }
    }
    return entries.sorted()
  }
}
