import Synchronization

/// Reusable per-query buffers, so that scoring a message allocates nothing proportional to the
/// number of intents, and resetting costs only the entries the message touched.
final class ScratchPool: Sendable {
  /// Score accumulators for one query.
  struct Scratch {
    var words: [Double]
    var characters: [Double]
    var covered: [Double]
    var fitted: [Double]
    var isTouched: [Bool]
    var touched: [Int32] = []

    init(intents: Int) {
      words = [Double](repeating: 0, count: intents)
      characters = [Double](repeating: 0, count: intents)
      covered = [Double](repeating: 0, count: intents)
      fitted = [Double](repeating: 0, count: intents)
      isTouched = [Bool](repeating: false, count: intents)
    }

    /// Zeroes what the last query wrote: the touched entries, or everything when `all`.
    mutating func reset(all: Bool) {
      if all {
        for index in words.indices {
          words[index] = 0
          characters[index] = 0
          covered[index] = 0
          fitted[index] = 0
        }
        return
      }
      for intent in touched {
        let i = Int(intent)
        words[i] = 0
        characters[i] = 0
        covered[i] = 0
        isTouched[i] = false
      }
      touched.removeAll(keepingCapacity: true)
    }
  }

  private let intents: Int
  /// Whether queries leave touched entries untracked, so that a reset clears whole buffers (few intents).
  private let clearsAll: Bool
  private let free = Mutex<[Scratch]>([])

  init(intents: Int, clearsAll: Bool) {
    self.intents = intents
    self.clearsAll = clearsAll
  }

  /// Runs `body` with a clean scratch, then returns it to the pool.
  func with<R>(_ body: (inout Scratch) -> R) -> R {
    var scratch = free.withLock { $0.popLast() } ?? Scratch(intents: intents)
    let result = body(&scratch)
    scratch.reset(all: clearsAll)
    free.withLock { pool in
      if pool.count < 8 { pool.append(scratch) }
    }
    return result
  }
}
