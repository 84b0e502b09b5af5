import Foundation

/// Sessions by id, least recently used first out: a hash map into a doubly linked list kept in
/// arrays, so that a look-up, a store and an eviction each cost O(1).
///
/// The table holds at most `maximumSessions` sessions and about `maximumBytes` of them
/// (`ChatSession.estimatedBytes`); past either limit, the least recently used sessions go. A session idle
/// longer than the timeout is forgotten when it is next asked for, or when it reaches the old end of
/// the list.
struct SessionTable: Sendable {
  private struct Slot: Sendable {
    var id: String
    var session: ChatSession?
    var used: Date
    var bytes: Int
    /// Towards the most recently used end, and towards the least recently used end.
    var newer: Int32
    var older: Int32
  }

  private var slots: [Slot] = []
  private var index: [String: Int32] = [:]
  private var free: [Int32] = []
  private var newest: Int32 = -1
  private var oldest: Int32 = -1
  /// The sum of the stored sessions' estimated sizes.
  private(set) var bytes = 0

  var count: Int { index.count }
  /// The slots allocated, used or not.
  var reservedSlots: Int { slots.capacity }

  /// A table with room for `capacity` sessions reserved up front (at most 1,000,000), so that it never
  /// grows while serving: growing copies every slot and rehashes every id at once, a stall of tens of
  /// milliseconds for whichever customer's message happens to cross the size. Untouched room costs
  /// address space, not resident memory.
  init(capacity: Int = 0) {
    // One more than the limit: `put` stores a new session before it evicts the oldest.
    let room = min(max(0, capacity), 1_000_000) + 1
    slots.reserveCapacity(room)
    index.reserveCapacity(room)
    free.reserveCapacity(min(room, 1024))
  }

  /// The session with this id, moved out of the table (so that the caller's copy is the only one and
  /// grows without copying); `put` stores it back. `nil` when unknown or idle past the timeout.
  mutating func take(_ id: String, now: Date, idleTimeout: TimeInterval) -> ChatSession? {
    guard let slot = index[id] else { return nil }
    if now.timeIntervalSince(slots[Int(slot)].used) > idleTimeout {
      remove(slot)
      return nil
    }
    let session = slots[Int(slot)].session
    slots[Int(slot)].session = nil
    return session
  }

  /// Stores a session as the most recently used, then evicts past the limits (never this session).
  mutating func put(
    _ session: ChatSession, now: Date, limit: Int, byteLimit: Int = .max, idleTimeout: TimeInterval = .infinity
  ) {
    let size = session.estimatedBytes
    if let slot = index[session.id] {
      bytes += size - slots[Int(slot)].bytes
      slots[Int(slot)].session = session
      slots[Int(slot)].used = now
      slots[Int(slot)].bytes = size
      unlink(slot)
      pushNewest(slot)
    } else {
      let slot: Int32
      let entry = Slot(id: session.id, session: session, used: now, bytes: size, newer: -1, older: -1)
      if let reused = free.popLast() {
        slot = reused
        slots[Int(slot)] = entry
      } else {
        slot = Int32(slots.count)
        slots.append(entry)
      }
      index[session.id] = slot
      bytes += size
      pushNewest(slot)
    }
    while oldest >= 0, oldest != newest,
      index.count > limit || bytes > byteLimit || now.timeIntervalSince(slots[Int(oldest)].used) > idleTimeout
    {
      remove(oldest)
    }
  }

  private mutating func remove(_ slot: Int32) {
    unlink(slot)
    index[slots[Int(slot)].id] = nil
    bytes -= slots[Int(slot)].bytes
    slots[Int(slot)] = Slot(id: "", session: nil, used: .distantPast, bytes: 0, newer: -1, older: -1)
    free.append(slot)
  }

  private mutating func unlink(_ slot: Int32) {
    let entry = slots[Int(slot)]
    if entry.newer >= 0 { slots[Int(entry.newer)].older = entry.older } else if newest == slot { newest = entry.older }
    if entry.older >= 0 { slots[Int(entry.older)].newer = entry.newer } else if oldest == slot { oldest = entry.newer }
    slots[Int(slot)].newer = -1
    slots[Int(slot)].older = -1
  }

  private mutating func pushNewest(_ slot: Int32) {
    slots[Int(slot)].older = newest
    slots[Int(slot)].newer = -1
    if newest >= 0 { slots[Int(newest)].newer = slot }
    newest = slot
    if oldest < 0 { oldest = slot }
  }
}
