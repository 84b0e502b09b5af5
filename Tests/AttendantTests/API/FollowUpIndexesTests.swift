import Synchronization
import Testing

@testable import Attendant

/// The lazily built follow-up indexes (`FollowUpIndexes`): once a language, a lock a language.
@Suite struct FollowUpIndexesTests {
  /// Counts the builds of each language.
  final class Builds: Sendable {
    let counts = Mutex<[Language: Int]>([:])
    func build(_ language: Language) -> LanguageIndex? {
      counts.withLock { $0[language, default: 0] += 1 }
      return nil
    }
    func count(_ language: Language) -> Int { counts.withLock { $0[language, default: 0] } }
  }

  @Test func eachLanguageIsBuiltOnceAndItsAbsenceIsKept() {
    let indexes = FollowUpIndexes(languages: [Language.en, .hr])
    let builds = Builds()
    for _ in 0..<3 {
      _ = indexes.index(.en) { builds.build(.en) }
      _ = indexes.index(.hr) { builds.build(.hr) }
    }
    #expect(builds.count(.en) == 1)
    #expect(builds.count(.hr) == 1)
  }

  @Test func aLanguageOutsideTheContentIsBuiltEachTimeAndNotKept() {
    let indexes = FollowUpIndexes(languages: [Language.en])
    let builds = Builds()
    _ = indexes.index(.vi) { builds.build(.vi) }
    _ = indexes.index(.vi) { builds.build(.vi) }
    #expect(builds.count(.vi) == 2)
  }

  /// Each language has a lock of its own: while one language's index is being built, another's can be
  /// asked for (with one lock for all, this would wait on itself for ever).
  @Test func buildingOneLanguageDoesNotHoldTheOthers() {
    let indexes = FollowUpIndexes(languages: [Language.en, .hr])
    let builds = Builds()
    _ = indexes.index(.en) {
      _ = indexes.index(.hr) { builds.build(.hr) }
      return builds.build(.en)
    }
    #expect(builds.count(.en) == 1)
    #expect(builds.count(.hr) == 1)
  }

  @Test func concurrentTurnsInOneLanguageBuildItOnce() async {
    let indexes = FollowUpIndexes(languages: [Language.tr])
    let builds = Builds()
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { _ = indexes.index(.tr) { builds.build(.tr) } }
      }
    }
    #expect(builds.count(.tr) == 1)
  }
}
