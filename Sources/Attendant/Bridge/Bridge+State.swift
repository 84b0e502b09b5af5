import Foundation

/// `serve --stateless`: the conversation comes with each request as a signed state, and goes back
/// with each reply as a new one.
extension Bridge {
  /// What the states of a turn are checked against and sealed with: the keys, and the content version
  /// of the turn's engine.
  struct Sealing {
    let sealer: SessionState
    let contentVersion: String
  }

  /// The engine for one turn, with the sealing when the bridge is stateless (`nil` when it keeps the
  /// sessions): a stateless bridge takes them together, so that a reload cannot come between them.
  func engineForTurn() -> (engine: Engine, sealing: Sealing?) {
    guard let sealer = configuration.state else { return (desk.store.engine, nil) }
    let (engine, contentVersion) = desk.store.versionedEngine
    return (engine, Sealing(sealer: sealer, contentVersion: contentVersion))
  }

  /// Why `serve --stateless` started a conversation over instead of continuing its state.
  struct Restart {
    enum Code: String {
      /// Made with other content, or by another version of Attendant.
      case stale = "state_stale"
      /// Older than the idle timeout, after which a stateful serve forgets a session too.
      case expired = "state_expired"
    }

    let code: Code
    let message: String
  }

  /// The session a stateless request continues: the one in its state, or a new one when it brings
  /// none, or one that cannot be continued (`restart` says why).
  ///
  /// - Throws: `BridgeError` for a state to refuse: not made by this service, changed, or another session's.
  func conversation(_ id: String, state: String?, sealing: Sealing) throws(BridgeError) -> Conversation {
    guard let state else { return Conversation(session: ChatSession(id: id)) }
    let opened: SessionState.Opened
    do {
      opened = try sealing.sealer.open(state, contentVersion: sealing.contentVersion)
    } catch {
      let fix =
        "Send the 'state' of this session's last reply exactly as it came, or leave 'state' out to start the conversation over."
      let stale: String
      switch error {
      case .malformed(let why):
        throw BridgeError(.stateInvalid, "The field 'state' is not a state: \(why). \(fix)")
      case .forged:
        throw BridgeError(
          .stateInvalid,
          "The field 'state' was not signed by this service: it was changed, or signed with a key this server does not have. \(fix) After changing ATTENDANT_STATE_KEY, give the old key in ATTENDANT_STATE_KEY_PREVIOUS."
        )
      case .otherFormat(let version):
        stale =
          "The state was made by another version of Attendant (state format \(version); this one reads \(SessionState.formatVersion))"
      case .otherContent(let version):
        stale =
          "The state was made with other content (content version \(version); this server has \(sealing.contentVersion))"
      case .unreadable(let why):
        stale = "The state was made by another build of Attendant and cannot be read here (\(why))"
      }
      return Conversation(
        session: ChatSession(id: id),
        restart: Restart(code: .stale, message: stale + "; the conversation started over."))
    }
    guard opened.session.id == id else {
      throw BridgeError(
        .stateMismatch,
        "The field 'state' belongs to session '\(opened.session.id)', not '\(id)'. Send each session the 'state' of its own last reply."
      )
    }
    let idle = clock().timeIntervalSince(opened.sealedAt)
    guard idle <= configuration.sessionIdleTimeout else {
      func duration(_ seconds: TimeInterval) -> String {
        seconds >= 7200 ? "\(Int(seconds / 3600)) hours" : "\(Int(seconds / 60)) minutes"
      }
      return Conversation(
        session: ChatSession(id: id),
        restart: Restart(
          code: .expired,
          message:
            "The state is \(duration(idle)) old, older than the idle limit of \(duration(configuration.sessionIdleTimeout)); the conversation started over."
        ))
    }
    return Conversation(session: opened.session)
  }

  /// The members a stateless reply ends with: why the conversation started over, if it did, and the
  /// new state.
  func stateMembers(_ conversation: Conversation, sealing: Sealing) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    if let restart = conversation.restart {
      members.append(
        ("restarted", .object([("code", .string(restart.code.rawValue)), ("message", .string(restart.message))])))
    }
    let state = sealing.sealer.seal(conversation.session, contentVersion: sealing.contentVersion, at: clock())
    members.append(("state", .string(state)))
    return members
  }
}
