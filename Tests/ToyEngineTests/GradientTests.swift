import Foundation
import Testing

@testable import ToyEngine

/// Central finite differences of `f` at `x`, one element at a time.
func numericGradient(_ x: Matrix, step: Double = 1e-5, _ f: (Matrix) -> Double) -> Matrix {
    var g = Matrix(rows: x.rows, cols: x.cols)
    for i in x.values.indices {
        var plus = x
        var minus = x
        plus.values[i] += step
        minus.values[i] -= step
        g.values[i] = (f(plus) - f(minus)) / (2 * step)
    }
    return g
}

/// Largest elementwise error relative to the gradient's scale.
func relativeError(_ analytic: Matrix, _ numeric: Matrix) -> Double {
    let scale = max(1e-8, numeric.values.map(abs).max() ?? 0)
    return analytic.maxAbsDifference(numeric) / scale
}

/// A fixed random "upstream gradient" turns any matrix-valued op into the scalar Σ dy ⊙ op(x).
func contract(_ m: Matrix, _ weights: Matrix) -> Double {
    zip(m.values, weights.values).reduce(0) { $0 + $1.0 * $1.1 }
}

/// For each of `model`'s parameters, the relative error between `backward`'s gradient of the
/// cross-entropy loss on `x` and a central-difference estimate of it.
func crossEntropyGradientErrors(_ model: some Model, _ x: Matrix, _ targets: Targets) -> [Double] {
    let pass = model.forward(x)
    let gradients = model.backward(
        pass, logitsGradient: Losses.crossEntropy(logits: pass.logits, targets: targets).gradient)
    return model.parameters.indices.map { index in
        let original = model.parameters[index]
        let numeric = numericGradient(original) { candidate in
            model.parameters[index] = candidate
            defer { model.parameters[index] = original }
            return Losses.crossEntropy(logits: model.logits(x), targets: targets).loss
        }
        return relativeError(gradients[index], numeric)
    }
}

@Suite struct GradientTests {
    @Test func denseLayerGradients() {
        var rng = SplitMix64(seed: 1)
        let x = Matrix.random(rows: 5, cols: 3, std: 1, rng: &rng)
        let w = Matrix.random(rows: 3, cols: 4, std: 1, rng: &rng)
        let b = Matrix.random(rows: 1, cols: 4, std: 1, rng: &rng)
        let dy = Matrix.random(rows: 5, cols: 4, std: 1, rng: &rng)
        let g = Dense.backward(input: x, weights: w, outputGradient: dy)
        let dx = numericGradient(x) { contract(Dense.forward($0, weights: w, bias: b), dy) }
        let dw = numericGradient(w) { contract(Dense.forward(x, weights: $0, bias: b), dy) }
        let db = numericGradient(b) { contract(Dense.forward(x, weights: w, bias: $0), dy) }
        #expect(relativeError(g.input!, dx) < 1e-7)
        #expect(relativeError(g.weights, dw) < 1e-7)
        #expect(relativeError(g.bias, db) < 1e-7)
    }

    @Test(arguments: Activation.allCases)
    func activationGradients(activation: Activation) {
        // Points kept away from ReLU's kink at 0, where the derivative is undefined.
        let z = Matrix([[-1.5, -0.3, 0.2], [0.7, 1.9, -2.4]])
        let dy = Matrix([[0.3, -1.1, 0.5], [2.0, -0.4, 0.9]])
        let analytic = activation.backward(preActivation: z, output: activation.forward(z), outputGradient: dy)
        let numeric = numericGradient(z) { contract(activation.forward($0), dy) }
        #expect(relativeError(analytic, numeric) < 1e-7)
    }

    static let logits = Matrix([[0.5, -1.2, 2.0], [1.0, 0.3, -0.7], [-0.4, 0.8, 0.1], [2.2, -0.5, 0.3]])
    static let soft = Matrix([[0.2, 0.1, 0.7], [0.5, 0.3, 0.2], [0.1, 0.6, 0.3], [0.8, 0.1, 0.1]])

    @Test func crossEntropyGradientsHardAndSoft() {
        for targets in [Targets.hard([2, 0, 1, 0]), .soft(Self.soft)] {
            let analytic = Losses.crossEntropy(logits: Self.logits, targets: targets).gradient
            let numeric = numericGradient(Self.logits) { Losses.crossEntropy(logits: $0, targets: targets).loss }
            #expect(relativeError(analytic, numeric) < 1e-7)
        }
    }

    @Test(arguments: [0.5, 1.0, 2.0, 4.0])
    func distillationGradient(temperature: Double) {
        let targets = Targets.soft(Self.soft)
        let analytic = Losses.distillation(logits: Self.logits, targets: targets, temperature: temperature).gradient
        let numeric = numericGradient(Self.logits) {
            Losses.distillation(logits: $0, targets: targets, temperature: temperature).loss
        }
        #expect(relativeError(analytic, numeric) < 1e-7)
    }

    @Test(arguments: [0.0, 0.3, 0.75])
    func auxiliaryConfidenceGradient(alpha: Double) {
        // The hardened target is piecewise constant in the logits, so away from a reassignment the
        // finite difference of the whole loss equals the gradient with the target held fixed.
        let analytic = Losses.auxiliaryConfidence(logits: Self.logits, weakSoft: Self.soft, alpha: alpha).gradient
        let numeric = numericGradient(Self.logits) {
            Losses.auxiliaryConfidence(logits: $0, weakSoft: Self.soft, alpha: alpha).loss
        }
        #expect(relativeError(analytic, numeric) < 1e-7)
    }

    @Test(arguments: Activation.allCases)
    func wholeModelGradients(activation: Activation) {
        var rng = SplitMix64(seed: 2)
        let model = MLP(inputs: 3, hidden: [4, 5], classes: 3, activation: activation, rng: &rng)
        // Non-zero biases so every path is exercised.
        for i in model.parameters.indices where i % 2 == 1 {
            model.parameters[i] = Matrix.random(rows: 1, cols: model.parameters[i].cols, std: 0.5, rng: &rng)
        }
        let x = Matrix.random(rows: 6, cols: 3, std: 1, rng: &rng)
        let targets = Targets.hard([0, 1, 2, 1, 0, 2])
        for (index, error) in crossEntropyGradientErrors(model, x, targets).enumerated() {
            #expect(error < 1e-6, "parameter \(index)")
        }
    }

    @Test func logisticRegressionGradients() {
        var rng = SplitMix64(seed: 4)
        let model = LogisticRegression(inputs: 4, classes: 3, rng: &rng)
        let x = Matrix.random(rows: 5, cols: 4, std: 1, rng: &rng)
        let targets = Targets.soft(Matrix.random(rows: 5, cols: 3, std: 1, rng: &rng).softmaxRows())
        for (index, error) in crossEntropyGradientErrors(model, x, targets).enumerated() {
            #expect(error < 1e-6, "parameter \(index)")
        }
    }
}
