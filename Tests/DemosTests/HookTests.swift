import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

@Suite struct HookTests {
    @Test func standardStepsDoWhatTheySay() {
        #expect(StandardSteps.majorityVote([[0, 1, 2], [1, 1, 0], [1, 0, 0]], 3) == [1, 1, 0])
        // A tie goes to the lowest class.
        #expect(StandardSteps.majorityVote([[2], [1]], 3) == [1])
        let average = StandardSteps.averageProbabilities([Matrix([[1, 0]]), Matrix([[0.5, 0.5]])])
        #expect(average == Matrix([[0.75, 0.25]]))
        let candidates = [
            ThresholdCandidate(threshold: 0.5, accuracy: 0.90, cost: 100),
            ThresholdCandidate(threshold: 0.7, accuracy: 0.95, cost: 300),
            ThresholdCandidate(threshold: 0.9, accuracy: 0.96, cost: 200),
        ]
        #expect(StandardSteps.chooseThreshold(candidates, 0.95) == 0.9)
        #expect(StandardSteps.chooseThreshold(candidates, 0.99) == nil)
        #expect(abs(StandardSteps.performanceGapRecovered(0.6, 0.7, 0.8)! - 0.5) < 1e-12)
        #expect(StandardSteps.performanceGapRecovered(0.8, 0.7, 0.8) == nil)
        #expect(StandardSteps.keepTopFraction([0.1, 0.9, 0.5, 0.7], 0.5) == [1, 3])
    }

    @Test func injectedStepsChangeTheDemo() {
        var neverDefer = DemoHooks.standard
        neverDefer.shouldDefer = { _, _ in false }
        let r = CascadeDemo.run(seed: 1, hooks: neverDefer)
        #expect(r.points.allSatisfy { $0.deferralRate == 0 && $0.accuracy == r.small.accuracy })

        var constant = DemoHooks.standard
        constant.performanceGapRecovered = { _, _, _ in 0.5 }
        #expect(WeakToStrongDemo.run(seed: 1, hooks: constant).methods.allSatisfy { $0.pgr == 0.5 })
    }
}
