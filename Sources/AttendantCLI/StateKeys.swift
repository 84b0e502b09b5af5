import Attendant
import Foundation

/// The keys of `serve --stateless`, from the environment: never from the command line, where `ps`
/// and shell histories would show them.
enum StateKeys {
  static let current = "ATTENDANT_STATE_KEY"
  static let previous = "ATTENDANT_STATE_KEY_PREVIOUS"

  /// The signer of states: the current key signs and verifies, the previous one only verifies.
  ///
  /// White space around a key is dropped, so that a key file's final line break does not make one
  /// replica's key differ from another's.
  ///
  /// - Throws: `UsageError` when the current key is missing, or either key is shorter than
  ///   `SessionState.minimumKeyLength` bytes.
  static func sessionState(environment: [String: String]) throws(UsageError) -> SessionState {
    guard let key = try self.key(current, in: environment) else {
      throw UsageError(
        "'--stateless' needs a key to sign the state with: set \(current) to at least \(SessionState.minimumKeyLength) random bytes, the same on every replica, such as the output of 'openssl rand -hex 32'."
      )
    }
    return SessionState(key: key, previousKey: try self.key(previous, in: environment))
  }

  private static func key(_ name: String, in environment: [String: String]) throws(UsageError) -> [UInt8]? {
    guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
      return nil
    }
    let bytes = Array(text.utf8)
    guard bytes.count >= SessionState.minimumKeyLength else {
      throw UsageError(
        "\(name) is \(bytes.count) bytes long; a key must be at least \(SessionState.minimumKeyLength) random bytes, such as the output of 'openssl rand -hex 32'."
      )
    }
    return bytes
  }
}
