/// # Exercise 13 — Producing weak labels (reference solution)
///
/// Lesson 5, *Weak-to-strong generalization*.

import ToyEngine

/// Weak labels for half B: probabilities (rows sum to 1) and their most probable classes.
public struct WeakLabels {
    public var soft: Matrix
    public var hard: [Int]

    public init(soft: Matrix, hard: [Int]) {
        self.soft = soft
        self.hard = hard
    }
}

/// How the weak supervisor is trained (given: not part of the exercise).
public let weakSupervisorConfig = TrainingConfig(epochs: 30, batchSize: 16, optimizer: .sgd(learningRate: 0.5))

/// Train the weak supervisor on half A, then label half B.
public func makeWeakLabels(inputs: Matrix, labels: [Int], classes: Int, seed: UInt64) -> WeakLabels {
    let n = inputs.rows
    let halfA = inputs.rows(0..<n / 2)
    let halfB = inputs.rows(n / 2..<n)
    var rng = SplitMix64(seed: seed)
    let model = LogisticRegression(inputs: inputs.cols, classes: classes, rng: &rng)
    train(model, inputs: halfA, targets: .hard(Array(labels[0..<n / 2])), config: weakSupervisorConfig, rng: &rng)
    let soft = model.probabilities(halfB)
    return WeakLabels(soft: soft, hard: soft.argmaxRows())
}
