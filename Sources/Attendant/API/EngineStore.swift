import Foundation
import Synchronization

/// The engine in service, swapped atomically by a hot reload.
///
/// Requests take the current engine with `engine` and finish with it, so a reload never changes the
/// content under a request; sessions are values outside the store and keep working across reloads.
///
/// The store also keeps the content version of the engine in service (`versionedEngine`), which only
/// `serve --stateless` needs: it is computed the first time it is asked for, and from then on by each
/// reload, before the swap, so that no request waits for it.
public final class EngineStore: Sendable {
  private let current: Mutex<InService>
  /// The content folder that `reload()` reads.
  public let folder: URL?
  private let policy: ReplyPolicy

  /// What a reload did.
  public struct ReloadOutcome: Sendable {
    /// Whether the new content is now in service.
    public let reloaded: Bool
    /// Errors (when not reloaded) and warnings.
    public let findings: [Finding]
    /// The number of examples in service after the reload.
    public let exampleCount: Int
  }

  /// The engine in service, and what is known of its content version.
  private struct InService: Sendable {
    var engine: Engine
    /// `engine.contentVersion`, once computed.
    var contentVersion: String?
    /// Counts the swaps, so that a version computed outside the lock is kept only for its own engine.
    var generation = 0
    /// Whether anyone asked for a content version: reloads compute it then.
    var versionsAsked = false
  }

  public init(engine: Engine, folder: URL? = nil) {
    current = Mutex(InService(engine: engine))
    self.folder = folder
    policy = engine.policy
  }

  /// The engine in service now.
  public var engine: Engine { current.withLock { $0.engine } }

  /// The engine in service now with its content version (`Engine.contentVersion`), taken together so
  /// that a reload in between cannot pair one engine with another's version.
  ///
  /// - Complexity: O(1), except at the first call, which computes the version: O(size of the content),
  ///   about 10 ms for the demo. Reloads after it compute the new engine's version before the swap.
  public var versionedEngine: (engine: Engine, contentVersion: String) {
    let (engine, known, generation) = current.withLock { state in
      state.versionsAsked = true
      return (state.engine, state.contentVersion, state.generation)
    }
    if let known { return (engine, known) }
    // Computed outside the lock: requests that take the engine are not held up meanwhile.
    let version = engine.contentVersion
    current.withLock { if $0.generation == generation { $0.contentVersion = version } }
    return (engine, version)
  }

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
    let version = current.withLock { $0.versionsAsked } ? next.contentVersion : nil
    current.withLock { state in
      state = InService(
        engine: next, contentVersion: version, generation: state.generation + 1, versionsAsked: state.versionsAsked)
    }
    return ReloadOutcome(reloaded: true, findings: outcome.findings, exampleCount: next.knowledgeBase.exampleCount)
  }
}
