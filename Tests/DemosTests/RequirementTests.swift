import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

/// Each requirement of the demos issue, over the seeds it names (or, where it names none, the
/// default seed and a few more).
@Suite struct RequirementTests {
    @Test(arguments: UInt64(1)...5)
    func cascadeMatchesLargeWithinOnePointAtMostSixtyPercentOfItsCost(seed: UInt64) {
        let r = CascadeDemo.run(seed: seed)
        let good = r.points.filter { $0.accuracy >= r.large.accuracy - 0.01 && $0.cost <= 0.6 * r.large.cost }
        #expect(!good.isEmpty, "seed \(seed): large \(r.large.accuracy)")
        #expect(r.matching != nil)
        // The small model really is cheaper and worse, and the oracle bounds every threshold.
        #expect(r.small.cost < r.large.cost && r.small.accuracy < r.large.accuracy)
        #expect(r.points.allSatisfy { $0.accuracy <= r.oracle.accuracy + 1e-12 })
    }

    @Test(arguments: UInt64(1)...5)
    func ensembleBeatsItsMeanMemberAndStaysUnderTheBayesCeiling(seed: UInt64) {
        let r = EnsembleDemo.run(seed: seed)
        #expect(r.members.count == EnsembleDemo.Options().members)
        #expect(r.ensemble.accuracy > r.meanMember, "seed \(seed)")
        // Correlated members fall short of the independent-errors (Condorcet) curve, and no
        // method beats the Bayes accuracy by more than test-set noise (1,500 points: ±2.5 SE).
        let largest = r.curve.filter { $0.method == .vote }.max { $0.size < $1.size }!
        #expect(largest.accuracy < largest.condorcet)
        let noise = 2.5 * (r.bayesAccuracy * (1 - r.bayesAccuracy) / 1500).squareRoot()
        #expect(r.curve.allSatisfy { $0.accuracy <= r.bayesAccuracy + noise }, "seed \(seed)")
        #expect(r.bayesStandardError > 0 && r.bayesStandardError < 0.002)
    }

    /// The Condorcet curve is computed from the members' mean accuracy (of the first m members,
    /// for an ensemble of m), as if they erred independently.
    @Test func condorcetCurveComesFromTheMembersMeanAccuracy() throws {
        #expect(abs(EnsembleDemo.condorcet(voters: 3, accuracy: 0.7) - 0.784) < 1e-12)
        #expect(abs(EnsembleDemo.condorcet(voters: 1, accuracy: 0.83) - 0.83) < 1e-12)
        #expect(abs(EnsembleDemo.condorcet(voters: 2, accuracy: 0.7) - 0.7) < 1e-12)  // a tie is a coin flip
        var options = EnsembleDemo.Options()
        options.members = 25
        let r = EnsembleDemo.run(options, seed: 1)
        try #require(r.members.count == 25)
        for point in r.curve {
            let mean = r.members.prefix(point.size).reduce(0, +) / Double(point.size)
            #expect(
                abs(point.condorcet - EnsembleDemo.condorcet(voters: point.size, accuracy: mean)) < 1e-12,
                "size \(point.size)")
        }
    }

    /// `--gamma` picks the block shown in detail; greedy output stays identical for it.
    @Test func speculativeOtherGammaStaysExactInGreedyMode() {
        var options = SpeculativeDemo.Options()
        options.gamma = 7
        options.tokens = 3_000
        let r = SpeculativeDemo.run(options, seed: 2)
        #expect(r.gamma == 7 && r.blockAcceptance.count == 7)
        #expect(r.greedyIdentical)
        #expect(r.blockAcceptance.allSatisfy { $0 > 0 && $0 <= 1 })
    }

    // Filter, distill and SALT claims over seeds 1–20: ClaimsOverSeedsTests.

    @Test(arguments: UInt64(1)...5)
    func speculativeMatchesTheFormulaUpToGammaFour(seed: UInt64) {
        let r = SpeculativeDemo.run(seed: seed)
        #expect(r.points.map(\.gamma) == Array(1...8))
        for p in r.points where p.gamma <= 4 {
            #expect(abs(p.relativeGap) <= 0.05, "seed \(seed) γ \(p.gamma): \(p.tokensPerCall) vs \(p.formula)")
        }
        #expect(r.greedyIdentical)
        // The output distribution is the target's: no further from a target sample than another target sample is, give or take noise.
        #expect(r.frequencyDistance < 0.05)
        #expect(r.acceptanceRate > 0.5 && r.acceptanceRate < 0.95)
    }
}
