import Testing

@testable import ToyEngine

/// Two classes split by a random hyperplane, with a margin of 0.3 around it.
func separableData(count: Int, features: Int, rng: inout SplitMix64) -> (Matrix, [Int]) {
    let normal = Matrix.random(rows: features, cols: 1, std: 1, rng: &rng)
    var rows = [[Double]]()
    var labels = [Int]()
    while rows.count < count {
        let x = (0..<features).map { _ in rng.normal() }
        let side = (Matrix(rowVector: x) * normal)[0, 0]
        if abs(side) < 0.3 { continue }
        rows.append(x)
        labels.append(side > 0 ? 1 : 0)
    }
    return (Matrix(rows), labels)
}

/// XOR of the signs of two coordinates, points kept 0.1 away from the axes.
func xorData(count: Int, rng: inout SplitMix64) -> (Matrix, [Int]) {
    var rows = [[Double]]()
    var labels = [Int]()
    while rows.count < count {
        let x = rng.uniform(-1..<1)
        let y = rng.uniform(-1..<1)
        if abs(x) < 0.1 || abs(y) < 0.1 { continue }
        rows.append([x, y])
        labels.append((x > 0) != (y > 0) ? 1 : 0)
    }
    return (Matrix(rows), labels)
}

@Suite struct TrainingTests {
    @Test func logisticRegressionSeparatesSeparableData() {
        var rng = SplitMix64(seed: 21)
        let (x, y) = separableData(count: 800, features: 4, rng: &rng)
        let model = LogisticRegression(inputs: 4, classes: 2, rng: &rng)
        let config = TrainingConfig(epochs: 40, batchSize: 32, optimizer: .adam(learningRate: 0.05))
        train(model, inputs: x.rows(0..<400), targets: .hard(Array(y[0..<400])), config: config, rng: &rng)
        let accuracy = Metrics.accuracy(predictions: model.predict(x.rows(400..<800)), labels: Array(y[400..<800]))
        #expect(accuracy >= 0.99)
    }

    @Test func mlpSolvesXORWhereALinearModelCannot() {
        var rng = SplitMix64(seed: 22)
        let (x, y) = xorData(count: 400, rng: &rng)
        let train200 = x.rows(0..<200)
        let labels200 = Targets.hard(Array(y[0..<200]))
        let test = x.rows(200..<400)
        let testLabels = Array(y[200..<400])
        let config = TrainingConfig(epochs: 60, batchSize: 20, optimizer: .adam(learningRate: 0.03))
        let linear = LogisticRegression(inputs: 2, classes: 2, rng: &rng)
        train(linear, inputs: train200, targets: labels200, config: config, rng: &rng)
        let mlp = MLP(inputs: 2, hidden: [16], classes: 2, activation: .tanh, rng: &rng)
        train(mlp, inputs: train200, targets: labels200, config: config, rng: &rng)
        #expect(Metrics.accuracy(predictions: linear.predict(test), labels: testLabels) < 0.75)
        #expect(Metrics.accuracy(predictions: mlp.predict(test), labels: testLabels) >= 0.95)
    }

    /// One complete small run: data, model and training all from `seed`.
    func run(seed: UInt64, loss: Loss = .crossEntropy, optimizer: Optimizer = .adam(learningRate: 0.01)) -> (
        [Matrix], TrainingHistory
    ) {
        var rng = SplitMix64(seed: seed)
        let (x, y) = xorData(count: 120, rng: &rng)
        let model = MLP(inputs: 2, hidden: [8, 8], classes: 2, activation: .relu, rng: &rng)
        let targets: Targets =
            loss == .crossEntropy ? .hard(y) : .soft(Matrix.oneHot(y, classes: 2).map { 0.1 + 0.8 * $0 })
        let config = TrainingConfig(epochs: 5, batchSize: 16, optimizer: optimizer, weightDecay: 1e-3, loss: loss)
        let history = train(model, inputs: x, targets: targets, config: config, rng: &rng)
        return (model.parameters, history)
    }

    @Test(arguments: [
        Loss.crossEntropy, .distillation(temperature: 2), .auxiliaryConfidence(alphaMax: 0.5, warmupFraction: 0.2),
    ])
    func sameSeedGivesIdenticalBits(loss: Loss) {
        let (a, historyA) = run(seed: 99, loss: loss)
        let (b, historyB) = run(seed: 99, loss: loss)
        #expect(a == b)  // Matrix equality compares every Double exactly.
        #expect(historyA == historyB)
        #expect(run(seed: 100, loss: loss).0 != a)
    }

    @Test func historyHasOneRecordPerEpochAndLossFalls() {
        for optimizer in [Optimizer.adam(learningRate: 0.01), .sgd(learningRate: 0.1, momentum: 0.9)] {
            let (_, history) = run(seed: 5, optimizer: optimizer)
            #expect(history.epochs.map(\.epoch) == [1, 2, 3, 4, 5])
            #expect(history.bestEpoch == 5 && !history.stoppedEarly)
            #expect(history.epochs.last!.loss < history.epochs.first!.loss)
            #expect(history.epochs.allSatisfy { $0.validationAccuracy == nil })
        }
    }

    @Test func earlyStoppingKeepsTheBestEpochsWeights() {
        var rng = SplitMix64(seed: 31)
        let (x, y) = xorData(count: 60, rng: &rng)
        // Validation labels unrelated to the inputs: accuracy wanders, so patience runs out.
        let validation = Matrix.random(rows: 40, cols: 2, std: 1, rng: &rng)
        let validationLabels = (0..<40).map { _ in rng.int(below: 2) }
        let model = MLP(inputs: 2, hidden: [8], classes: 2, rng: &rng)
        let early = EarlyStopping(inputs: validation, labels: validationLabels, patience: 3)
        let config = TrainingConfig(
            epochs: 200, batchSize: 10, optimizer: .adam(learningRate: 0.05), earlyStopping: early)
        var snapshots = [[Matrix]]()
        let history = train(model, inputs: x, targets: .hard(y), config: config, rng: &rng) { record, model in
            #expect(record.epoch == snapshots.count + 1)
            snapshots.append(model.parameters)
        }
        #expect(history.stoppedEarly)
        #expect(history.epochs.count == history.bestEpoch + 3)
        #expect(snapshots.count == history.epochs.count)
        #expect(model.parameters == snapshots[history.bestEpoch - 1])
        let best = history.epochs.compactMap(\.validationAccuracy).max()!
        #expect(history.epochs[history.bestEpoch - 1].validationAccuracy == best)
    }

    @Test func weightDecayShrinksWeightsButNotBiases() {
        var rng = SplitMix64(seed: 41)
        let (x, y) = separableData(count: 100, features: 3, rng: &rng)
        func norm(_ m: Matrix) -> Double { m.values.map { $0 * $0 }.reduce(0, +) }
        var norms = [Double]()
        for decay in [0.0, 1.0] {
            var local = SplitMix64(seed: 7)
            let model = LogisticRegression(inputs: 3, classes: 2, rng: &local)
            let config = TrainingConfig(
                epochs: 10, batchSize: 10, optimizer: .sgd(learningRate: 0.1), weightDecay: decay)
            train(model, inputs: x, targets: .hard(y), config: config, rng: &local)
            norms.append(norm(model.weights))
        }
        #expect(norms[1] < 0.2 * norms[0])
        #expect(OptimizerState(optimizer: .sgd(learningRate: 1), weightDecay: 1).weightDecay == 1)
        let model = LogisticRegression(inputs: 3, classes: 2, rng: &rng)
        #expect(model.decayMask == [true, false])
    }
}

@Suite struct TrainingEdgeTests {
    @Test func zeroEpochsLeavesTheModelUntouched() {
        var rng = SplitMix64(seed: 51)
        let model = LogisticRegression(inputs: 2, classes: 2, rng: &rng)
        let before = model.parameters
        let history = train(
            model, inputs: Matrix([[1, 2], [3, 4]]), targets: .hard([0, 1]),
            config: TrainingConfig(epochs: 0, batchSize: 2, optimizer: .sgd(learningRate: 1)), rng: &rng)
        #expect(history.epochs.isEmpty && history.bestEpoch == 0)
        #expect(model.parameters == before)
    }
}

@Suite struct WeightDecayTests {
    @Test func decayIsTheGradientOfHalfLambdaTimesTheSquaredWeightNorm() {
        var rng = SplitMix64(seed: 61)
        let model = MLP(inputs: 3, hidden: [4], classes: 2, rng: &rng)
        for i in model.parameters.indices where i % 2 == 1 {
            model.parameters[i] = Matrix.random(rows: 1, cols: model.parameters[i].cols, std: 1, rng: &rng)
        }
        let before = model.parameters
        let lambda = 0.5
        let rate = 0.1
        // The penalty (λ/2)·Σ‖W‖² over the weights only, and its finite-difference gradient.
        func penalty(_ parameters: [Matrix]) -> Double {
            parameters.enumerated().filter { $0.offset % 2 == 0 }.reduce(0) {
                $0 + lambda / 2 * $1.element.values.reduce(0) { $0 + $1 * $1 }
            }
        }
        var state = OptimizerState(optimizer: .sgd(learningRate: rate), weightDecay: lambda)
        state.step(model, gradients: before.map { Matrix(rows: $0.rows, cols: $0.cols) })
        for index in before.indices {
            let numeric = numericGradient(before[index]) { candidate in
                var changed = before
                changed[index] = candidate
                return penalty(changed)
            }
            // One plain SGD step on a zero loss gradient moves θ by −η·∂penalty/∂θ.
            let step = (before[index] - model.parameters[index]) * (1 / rate)
            #expect(step.maxAbsDifference(numeric) < 1e-8, "parameter \(index)")
            if index % 2 == 1 { #expect(model.parameters[index] == before[index], "biases are not decayed") }
        }
    }
}
