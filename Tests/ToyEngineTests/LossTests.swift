import Foundation
import Testing

@testable import ToyEngine

@Suite struct LossTests {
    @Test func confidenceLossEqualsItsFormulaOnAHandComputedBatch() throws {
        // Weak labels average 50/50, so the hardened student labels must be two of each class.
        let weak = Matrix([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7], [0.2, 0.8]])
        // Student p(class 0) = σ(z₀ − z₁): σ(2) ≈ .881, σ(−1) ≈ .269, σ(1) ≈ .731, σ(−2) ≈ .119.
        let logits = Matrix([[2, 0], [0, 1], [1, 0], [-2, 0]])
        // The two highest p(class 0) are rows 0 and 2 → hardened labels 0, 1, 0, 1.
        let hardened = Losses.hardenedPredictions(weakSoft: weak, studentProbabilities: logits.softmaxRows())
        #expect(hardened == Matrix([[1, 0], [0, 1], [1, 0], [0, 1]]))
        // Target = (1 − α)·weak + α·hardened with α = 0.5, worked by hand.
        let target = Losses.confidenceTarget(weakSoft: weak, studentProbabilities: logits.softmaxRows(), alpha: 0.5)
        let handTarget = Matrix([[0.95, 0.05], [0.3, 0.7], [0.65, 0.35], [0.1, 0.9]])
        #expect(target.maxAbsDifference(handTarget) < 1e-15)
        // Loss = −¼ Σᵢ Σ_c tᵢc log pᵢc, with log σ(d) = −log(1 + e^(−d)) for the score gap d.
        func logSigmoid(_ d: Double) -> Double { -log(1 + exp(-d)) }
        let gaps = [2.0, -1.0, 1.0, -2.0]
        var expected = 0.0
        for i in 0..<4 {
            expected -= handTarget[i, 0] * logSigmoid(gaps[i]) + handTarget[i, 1] * logSigmoid(-gaps[i])
        }
        expected /= 4
        let (loss, gradient) = Losses.auxiliaryConfidence(logits: logits, weakSoft: weak, alpha: 0.5)
        #expect(abs(loss - expected) < 1e-12)
        // Gradient (softmax − target) / n, the target held fixed.
        #expect(gradient.maxAbsDifference((logits.softmaxRows() - handTarget) * 0.25) < 1e-15)
    }

    @Test func multiClassHardeningKeepsTheWeakClassBalance() {
        let weak = Matrix([[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]])  // quotas 2, 1, 2
        let student = Matrix([[0.1, 0.8, 0.1], [0.5, 0.3, 0.2], [0.4, 0.5, 0.1], [0.3, 0.3, 0.4], [0.6, 0.2, 0.2]])
        let hardened = Losses.hardenedPredictions(weakSoft: weak, studentProbabilities: student)
        // Most confident pairs first: 0→1 (.8), 4→0 (.6), 1→0 (.5); class 0 and 1 are then full,
        // so 3→2 (.4) and 2→2.
        #expect(hardened.argmaxRows() == [1, 0, 2, 2, 0])
        #expect(hardened.columnSums() == [2, 1, 2])
    }

    @Test func binaryHardeningIsAThresholdOnClassZero() {
        var rng = SplitMix64(seed: 17)
        for _ in 0..<20 {
            let n = 3 + rng.int(below: 30)
            let weak = Matrix.random(rows: n, cols: 2, std: 2, rng: &rng).softmaxRows()
            let student = Matrix.random(rows: n, cols: 2, std: 2, rng: &rng).softmaxRows()
            let hardened = Losses.hardenedPredictions(weakSoft: weak, studentProbabilities: student)
            let classZero = (0..<n).filter { hardened[$0, 0] == 1 }
            let k0 = classZero.count
            #expect(abs(Double(k0) - weak.columnSums()[0]) <= 0.5 + 1e-9)
            let topByP0 = (0..<n).sorted { student[$0, 0] > student[$1, 0] }.prefix(k0)
            #expect(Set(classZero) == Set(topByP0))
            #expect(hardened.rowSums().allSatisfy { $0 == 1 })
        }
    }

    @Test func alphaWarmsUpLinearlyThenHolds() {
        #expect(Losses.confidenceAlpha(progress: 0, alphaMax: 0.5, warmupFraction: 0.2) == 0)
        #expect(abs(Losses.confidenceAlpha(progress: 0.1, alphaMax: 0.5, warmupFraction: 0.2) - 0.25) < 1e-15)
        #expect(Losses.confidenceAlpha(progress: 0.7, alphaMax: 0.5, warmupFraction: 0.2) == 0.5)
        #expect(Losses.confidenceAlpha(progress: 0.3, alphaMax: 0.75, warmupFraction: 0) == 0.75)
        // At the start of training the confidence loss is plain cross-entropy to the weak labels.
        let logits = GradientTests.logits
        let weak = GradientTests.soft
        let start = Loss.auxiliaryConfidence(alphaMax: 0.5, warmupFraction: 0.1).evaluate(
            logits: logits, targets: .soft(weak), progress: 0)
        #expect(start.loss == Losses.crossEntropy(logits: logits, targets: .soft(weak)).loss)
    }

    @Test func distillationScalesByTemperatureSquared() {
        let logits = GradientTests.logits
        let teacher = Targets.soft(GradientTests.soft)
        let t = 3.0
        let kd = Losses.distillation(logits: logits, targets: teacher, temperature: t)
        let plain = Losses.crossEntropy(logits: logits * (1 / t), targets: teacher)
        #expect(abs(kd.loss - t * t * plain.loss) < 1e-12)
        #expect(
            Losses.distillation(logits: logits, targets: teacher, temperature: 1)
                == Losses.crossEntropy(logits: logits, targets: teacher))
    }

    @Test func hardCrossEntropyIsMeanNegativeLogProbability() {
        let logits = Matrix([[0, 0], [1, 3]])
        let expected = (log(2.0) + log(1 + exp(2.0))) / 2
        #expect(abs(Losses.crossEntropy(logits: logits, targets: .hard([0, 0])).loss - expected) < 1e-12)
    }
}
