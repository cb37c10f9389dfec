import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

/// Every claim of the cascade, router, ensemble and speculative demos over seeds 1–20: a claim
/// the reports or lessons state in general must hold on at least 19; the others are quoted with
/// their count, which is pinned here so a change in the engine shows up as a failing test (then
/// update the count and every sentence that quotes it: lessons 2–4).
@Suite struct ClaimTests {
    /// Holding counts over seeds 1–20, claim by claim, in the registry's order.
    static let expected: [String: [Int]] = [
        "cascade": [20, 20, 20, 20],
        "router": [20, 17, 20],
        "ensemble": [14, 19, 19, 16],
        "speculative": [20, 20, 20, 19],
    ]

    @Test(arguments: ["cascade", "router", "ensemble", "speculative"])
    func claimsHoldAsOftenAsStated(name: String) throws {
        let entry = try #require(DemoCatalogue.entries.first { $0.name == name })
        let sweep = SeedSweep(
            demo: name, seeds: DefaultRuns.seeds, runs: try #require(DefaultRuns.of(name)), claims: entry.claims)
        let counts = sweep.claims.map(\.holding)
        #expect(sweep.claims.allSatisfy { $0.defined == 20 }, "\(name): a claim undefined on some seed")
        #expect(counts == Self.expected[name], "\(name): \(sweep.claims.map(\.sentence))")
    }

    /// AUROC as the Mann–Whitney statistic: ties count half, undefined with one group empty.
    @Test func aurocRanksRightAboveWrong() {
        #expect(Selective.auroc(scores: [0.9, 0.8, 0.3, 0.1], right: [true, true, false, false]) == 1)
        #expect(Selective.auroc(scores: [0.1, 0.3, 0.8, 0.9], right: [true, true, false, false]) == 0)
        #expect(Selective.auroc(scores: [0.5, 0.5], right: [true, false]) == 0.5)
        #expect(Selective.auroc(scores: [0.9, 0.7, 0.8], right: [true, true, false]) == 0.5)
        #expect(Selective.auroc(scores: [0.9], right: [true]) == nil)
    }

    /// With two classes the top probability is a monotone function of the logit gap, so no
    /// temperature changes which queries a max-probability cascade defers; with six it can.
    @Test func temperatureCannotReorderTwoClassesButCanSix() {
        var rng = SplitMix64(seed: 7)
        let two = Matrix.random(rows: 300, cols: 2, std: 2, rng: &rng)
        for t in [0.3, 0.7, 2, 5] {
            #expect(
                Selective.lowest(0.25, of: two.softmaxRows().maxRows())
                    == Selective.lowest(0.25, of: two.softmaxRows(temperature: t).maxRows()))
        }
        let six = Matrix.random(rows: 300, cols: 6, std: 2, rng: &rng)
        #expect(
            Set(Selective.lowest(0.25, of: six.softmaxRows().maxRows()))
                != Set(Selective.lowest(0.25, of: six.softmaxRows(temperature: 4).maxRows())))
        // The support task's cascade: scaling moves a few queries, never the whole set.
        let r = CascadeDemo.run(seed: 1)
        #expect(r.temperature.overlap > 0.5 && r.temperature.overlap <= 1)
        #expect(r.temperature.deferred == 250)
    }

    /// The oracle at a budget defers the small model's mistakes first: with budget at least the
    /// error rate it fixes everything the large model can.
    @Test func oracleAtTheSameBudgetBoundsTheCascade() {
        let r = CascadeDemo.run(seed: 2)
        for p in r.points {
            #expect(p.oracleAccuracy >= p.accuracy - 1e-12)
            if p.deferralRate >= r.oracle.deferralRate { #expect(abs(p.oracleAccuracy - r.oracle.accuracy) < 1e-12) }
        }
    }

    /// The greedy check compares against an independent decode, so a wrong verifier fails it.
    @Test func brokenGreedyVerifierIsCaught() {
        var options = SpeculativeDemo.Options()
        options.tokens = 2_000
        let exact = SpeculativeDemo.run(options, seed: 3)
        #expect(exact.greedyIdentical)
        let lenient = SpeculativeDemo.run(options, seed: 3) { p, x in p[p.startIndex + x] > 0.1 }
        #expect(!lenient.greedyIdentical)
        #expect(SpeculativeDemo.report(lenient, settings: .init(width: 100, color: false)).contains("NOT identical"))
        #expect(lenient.greedyTokensPerCall > exact.greedyTokensPerCall)
    }

    /// Speculative decoding costs compute: more per token than plain decoding, growing with γ.
    @Test func speculativeComputePerTokenExceedsPlainDecoding() {
        let r = SpeculativeDemo.run(seed: 1)
        #expect(r.targetCompute > r.draftCompute)
        #expect(r.points.allSatisfy { $0.computePerToken > r.targetCompute })
        let computes = r.points.map(\.computePerToken)
        #expect(computes == computes.sorted())
    }

    /// The router pays only for the model it picks; the cascade always pays for the small one.
    @Test func routerAndCascadeCostsFollowTheirFormulas() {
        let r = RouterDemo.run(seed: 1)
        for p in r.router {
            #expect(
                abs(p.cost - (r.routerCost + (1 - p.largeShare) * r.small.cost + p.largeShare * r.large.cost)) < 1e-9)
        }
        for p in r.cascade { #expect(abs(p.cost - (r.small.cost + p.largeShare * r.large.cost)) < 1e-9) }
        for c in r.comparisons {
            #expect(abs(r.small.cost + c.cascadeDeferralRate * r.large.cost - c.router.cost) < 1e-9)
        }
        #expect(abs(r.router.last!.accuracy - r.large.accuracy) < 1e-12)
    }
}
