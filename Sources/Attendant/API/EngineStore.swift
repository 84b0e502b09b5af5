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

  /// Reads the content folder again through `ContentValidation.load`, as at startup; on success swaps
  /// the new engine in, on errors keeps the old one in service.
  ///
  /// The new engine is built and checked before the swap, so requests are never blocked for the time of
  /// a build, and each request is served wholly by the old engine or wholly by the new one.
  public func reload() -> ReloadOutcome {
    guard let folder else {
      return ReloadOutcome(reloaded: false, findings: [], exampleCount: engine.knowledgeBase.exampleCount)
    }
    // The same path as startup: what one accepts, the other accepts.
    let outcome = ContentValidation.load(folder, policy: policy, defaultLanguage: engine.defaultLanguage)
    guard let next = outcome.engine else {
      return ReloadOutcome(reloaded: false, findings: outcome.findings, exampleCount: engine.knowledgeBase.exampleCount)
    }
    current.withLock { $0 = next }
    return ReloadOutcome(reloaded: true, findings: outcome.findings, exampleCount: next.knowledgeBase.exampleCount)
  }
}
