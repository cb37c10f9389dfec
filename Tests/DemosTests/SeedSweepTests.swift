import DemoReports
import Demos
import JSON
import Terminal
import Testing

/// `--seeds N`: the numbers of each seed's JSON summarised, and claims counted with the 19-of-20 rule.
@Suite struct SeedSweepTests {
    static let plain = TerminalSettings(width: 60, color: false, ascii: false)

    @Test func medianOfOddAndEvenCounts() {
        #expect(SeedSweep.median([3, 1, 2]) == 2)
        #expect(SeedSweep.median([4, 1, 3, 2]) == 2.5)
        #expect(SeedSweep.median([]).isNaN)
    }

    @Test func numbersAreNamedByDottedKeysMethodNamesAndPositions() {
        let value = JSONValue.object([
            ("demo", .string("x")), ("seed", .unsigned(7)), ("accuracy", .number(0.5)),
            ("chosen", .object([("cost", .integer(300)), ("label", .string("a"))])),
            ("methods", .array([.object([("name", .string("naive")), ("pgr", .number(0.4))])])),
            ("points", .array([.object([("fraction", .number(0.2))]), .object([("fraction", .number(0.4))])])),
            ("curve", .array([.number(0.1), .number(0.2)])), ("undefined", .null), ("flag", .bool(true)),
        ])
        let names = SeedSweep.numbers(in: value).map(\.0)
        #expect(names == ["accuracy", "chosen.cost", "methods.naive.pgr", "points.0.fraction", "points.1.fraction"])
        #expect(value.number(at: "methods.naive.pgr") == 0.4)
        #expect(value.number(at: "undefined") == nil)
    }

    @Test func summaryAndClaimsOverSeeds() {
        let claim = DemoClaim("The value is positive") { json in json.number(at: "value").map { $0 > 0 } }
        // Seeds 1…20: value = seed − 2 (negative on seed 1, zero on seed 2), undefined on seed 3.
        let sweep = SeedSweep.run(demo: "toy", first: 1, count: 20, claims: [claim]) { seed in
            seed == 3 ? .object([("value", .null)]) : .object([("value", .number(Double(seed) - 2))])
        }
        #expect(sweep.seeds == Array(1...20))
        let entry = try! #require(sweep.summary.first)
        #expect(entry.key == "value" && entry.defined == 19 && entry.min == -1 && entry.max == 18)
        #expect(entry.median == 9)  // the 10th of −1, 0, 2, 3, …, 18
        let tally = sweep.claims[0]
        #expect(tally.holding == 17 && tally.defined == 19 && !tally.isGeneral)
        #expect(tally.sentence == "On 17 of 19 seeds: the value is positive.")
        let report = sweep.report(title: "Toy", settings: Self.plain)
        #expect(report.contains("On 17 of 19 seeds: the value is positive."))
        #expect(report.contains("value (19 seeds)"))
        #expect(report.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 60 })
        let json = sweep.json().serialized()
        #expect(json.hasPrefix(#"{"demo":"toy","seeds":[{"value":-1},{"value":0},{"value":null}"#))
        #expect(json.contains(#""summary":{"value":{"median":9,"min":-1,"max":18}}"#))
    }

    @Test func aClaimIsGeneralFromNineteenOfTwenty() {
        #expect(ClaimTally(statement: "S", holding: 19, defined: 20).isGeneral)
        #expect(!ClaimTally(statement: "S", holding: 18, defined: 20).isGeneral)
        #expect(ClaimTally(statement: "S", holding: 19, defined: 20).sentence == "S (on 19 of 20 seeds).")
        #expect(ClaimTally(statement: "PGR grows", holding: 3, defined: 20).sentence == "On 3 of 20 seeds: PGR grows.")
        #expect(!ClaimTally(statement: "S", holding: 0, defined: 0).isGeneral)
    }

    @Test func exceedsComparesTwoKeysAndIsUndefinedWhenOneIsMissing() {
        let claim = DemoClaim.exceeds("A beats B", "a", "b.c")
        #expect(claim.holds(.object([("a", .number(2)), ("b", .object([("c", .number(1))]))])) == true)
        #expect(claim.holds(.object([("a", .number(1)), ("b", .object([("c", .number(1))]))])) == false)
        #expect(claim.holds(.object([("a", .number(2)), ("b", .null)])) == nil)
    }
}
