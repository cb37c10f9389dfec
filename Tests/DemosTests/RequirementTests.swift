import Testing
import ToyEngine

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

    @Test func weakToStrongDefaultOverSeedsOneToTen() {
        var pgrs: [Double] = []
        for seed in UInt64(1)...10 {
            let r = WeakToStrongDemo.run(seed: seed)
            let naive = r.method("naive")!
            #expect(r.weakAccuracy < naive.accuracy, "seed \(seed): weak \(r.weakAccuracy), naive \(naive.accuracy)")
            #expect(r.weakAccuracy < r.ceilingAccuracy, "seed \(seed)")
            pgrs.append(naive.pgr!)
        }
        let middle = median(pgrs)!
        #expect(middle >= 0.2 && middle <= 0.9, "median naive PGR \(middle)")
    }

    @Test func weakToStrongOverfitPresetFavoursTheConfidenceLoss() {
        var options = WeakToStrongDemo.Options()
        options.preset = .overfit
        var naive: [Double] = []
        var confidence: [Double] = []
        for seed in UInt64(1)...10 {
            let r = WeakToStrongDemo.run(options, seed: seed)
            naive.append(r.method("naive")!.pgr!)
            confidence.append(r.method("confidence")!.pgr!)
        }
        #expect(median(confidence)! > median(naive)!, "confidence \(confidence), naive \(naive)")
    }

    @Test func weakToStrongKnobsMoveThePGRAsTheTheorySays() {
        // All weak errors systematic (no noise): the student copies the weak rule, PGR near 0.
        var systematic = WeakToStrongDemo.Options()
        systematic.weakNoise = 0
        var idiosyncratic = WeakToStrongDemo.Options()
        idiosyncratic.weakNoise = 1.5
        idiosyncratic.blind = 1
        var low: [Double] = []
        var high: [Double] = []
        for seed in UInt64(1)...3 {
            low.append(WeakToStrongDemo.run(systematic, seed: seed).method("naive")!.pgr ?? 0)
            high.append(WeakToStrongDemo.run(idiosyncratic, seed: seed).method("naive")!.pgr ?? 0)
        }
        #expect(median(low)! < 0.15, "\(low)")
        #expect(median(high)! > median(low)! + 0.2, "\(high) vs \(low)")
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
