import Foundation
import Testing

@testable import DemoReports
@testable import Demos

/// Every claim the filter, distill and salt demos make (their registry `claims`), counted over
/// seeds 1–20. The counts are pinned: the reports and lessons word each claim by them (a general
/// statement only at 19 of 20 or more, otherwise the count), so a change to a demo that moves a
/// count must update the wording too.
@Suite struct ClaimsOverSeedsTests {
    static func tallies(_ entry: DemoEntry) throws -> [ClaimTally] {
        let runs = try #require(DefaultRuns.of(entry.name))
        return SeedSweep(demo: entry.name, seeds: DefaultRuns.seeds, runs: runs, claims: entry.claims).claims
    }

    static func check(_ name: String, expected: [Int]) throws {
        let entry = try #require(DemoCatalogue.entry(named: name))
        let tallies = try tallies(entry)
        for tally in tallies { print("\(entry.name): \(tally.sentence)") }
        #expect(tallies.count == expected.count)
        for (tally, holding) in zip(tallies, expected) {
            #expect(tally.defined == 20, "\(entry.name): \(tally.statement) is undefined on some seed")
            #expect(
                tally.holding == holding, "\(entry.name): \(tally.statement): \(tally.holding) of 20, pinned \(holding)"
            )
        }
    }

    @Test func saltClaims() throws {
        try Self.check("salt", expected: [20, 20, 20, 20, 4, 20, 20])
    }

    @Test func filterClaims() throws {
        try Self.check("filter", expected: [19, 20, 20, 15, 6, 10])
    }

    @Test func distillClaims() throws {
        try Self.check("distill", expected: [20, 20, 13, 9, 13, 20])
    }
}
