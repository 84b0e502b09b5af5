import Foundation
import Synchronization

/// The engine in service, swapped atomically by a hot reload.
///
/// Requests take the current engine with `engine` and finish with it, so a reload never changes the
/// content under a request; sessions are values outside the store and keep working across reloads.
public final class EngineStore: Sendable {
  private let current: Mutex<Engine>
  /// The content folder that `reload()` reads.
  public let folder: URL?
  private let policy: Policy

  /// What a reload did.
  public struct ReloadOutcome: Sendable {
    /// Whether the new content is now in service.
    public let reloaded: Bool
    /// Errors (when not reloaded) and warnings.
    public let findings: [Finding]
    /// The number of examples in service after the reload.
    public let exampleCount: Int
  }

  public init(engine: Engine, folder: URL? = nil) {
    current = Mutex(engine)
    self.folder = folder
    policy = engine.policy
  }

  /// The engine in service now.
  public var engine: Engine { current.withLock { $0 } }

  /// Reads the content folder again; on success swaps the new engine in, on errors keeps the old one.
  ///
  /// The new engine is built before the swap, so requests are never blocked for the time of a build.
  public func reload() -> ReloadOutcome {
    guard let folder else {
      return ReloadOutcome(reloaded: false, findings: [], exampleCount: engine.knowledgeBase.exampleCount)
    }
    let result = ContentLoader().read(from: folder)
    guard let knowledgeBase = result.knowledgeBase else {
      return ReloadOutcome(reloaded: false, findings: result.findings, exampleCount: engine.knowledgeBase.exampleCount)
    }
    let next = Engine(knowledgeBase: knowledgeBase, policy: policy, defaultLanguage: engine.defaultLanguage)
    current.withLock { $0 = next }
    return ReloadOutcome(reloaded: true, findings: result.findings, exampleCount: knowledgeBase.exampleCount)
  }
}
