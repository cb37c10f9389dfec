import Testing

@testable import ToyEngine

@Suite struct ModelTests {
    @Test func costsMatchAHandCount() {
        var rng = SplitMix64(seed: 1)
        // 3→5→4→2: 3·5 + 5·4 + 4·2 = 15 + 20 + 8 = 43 multiply-adds.
        let mlp = MLP(inputs: 3, hidden: [5, 4], classes: 2, rng: &rng)
        #expect(mlp.cost == 43)
        // Parameters: 43 weights + 5 + 4 + 2 biases.
        #expect(mlp.parameterCount == 54)
        #expect(LogisticRegression(inputs: 10, classes: 3, rng: &rng).cost == 30)
        #expect(MLP(inputs: 64, hidden: [128, 128], classes: 4, rng: &rng).cost == 25_088)
    }

    @Test func predictionsAndProbabilitiesAgree() {
        var rng = SplitMix64(seed: 2)
        let model = MLP(inputs: 4, hidden: [6], classes: 3, activation: .tanh, rng: &rng)
        let x = Matrix.random(rows: 7, cols: 4, std: 1, rng: &rng)
        let p = model.probabilities(x)
        #expect(p.rows == 7 && p.cols == 3)
        for s in p.rowSums() { #expect(abs(s - 1) < 1e-12) }
        #expect(model.predict(x) == p.argmaxRows())
        #expect(model.probabilities(x, temperature: 1) == p)
    }

    @Test func copiesAreIndependent() {
        var rng = SplitMix64(seed: 3)
        let model = MLP(inputs: 2, hidden: [3], classes: 2, rng: &rng)
        let copy = model.copy()
        #expect(copy.parameters == model.parameters)
        model.parameters[0][0, 0] += 1
        #expect(copy.parameters != model.parameters)
        let lr = LogisticRegression(inputs: 2, classes: 2, rng: &rng)
        let lrCopy = lr.copy()
        lr.parameters[1][0, 1] = 5
        #expect(lrCopy.bias[0, 1] == 0)
    }

    @Test func sameSeedSameInitialWeights() {
        var a = SplitMix64(seed: 8)
        var b = SplitMix64(seed: 8)
        #expect(
            MLP(inputs: 5, hidden: [7], classes: 3, rng: &a).parameters
                == MLP(inputs: 5, hidden: [7], classes: 3, rng: &b).parameters)
    }
}
