/// # Exercise 13 — Producing weak labels
///
/// Lesson 5, *Weak-to-strong generalization* (`tandem read weak-to-strong`).
///
/// In weak-to-strong experiments the weak supervisor must label data it was **not** trained on:
/// split the labelled data in two halves, train the weak model on half A with the ground truth,
/// then let it label half B. The strong student later trains on half B's weak labels only.
///
/// **Implement** `makeWeakLabels(inputs:labels:classes:seed:)` with the engine (`ToyEngine`):
/// 1. Half A is rows `0..<n/2` of `inputs` (with `labels[0..<n/2]`); half B is rows `n/2..<n`.
///    (`inputs.rows(range)` takes rows; `n = inputs.rows`, integer division.)
/// 2. `var rng = SplitMix64(seed: seed)`, then create
///    `LogisticRegression(inputs: inputs.cols, classes: classes, rng: &rng)` and train it on half A
///    with `train(model, inputs:, targets: .hard(...), config: weakSupervisorConfig, rng: &rng)`.
/// 3. Return half B's **soft** labels (`model.probabilities(halfB)`, one row per example) and
///    **hard** labels (the most probable class of each row: `argmaxRows()`).
///
/// Never look at half B's true labels: that would be cheating the experiment.
///
/// **Done** when `tandem check weak-labels` passes: the checks compare with the recipe above
/// (same seed, same engine: identical numbers), check that soft rows sum to 1, that hard labels
/// agree with the soft ones, and that the weak labels beat chance.

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
    // TODO: split the rows into halves, train a LogisticRegression on half A, then label half B.
    // This placeholder says "I don't know" (uniform probabilities) for every row of half B.
    let countB = inputs.rows - inputs.rows / 2
    let uniform = Matrix(rows: countB, cols: classes, repeating: 1 / Double(classes))
    return WeakLabels(soft: uniform, hard: Array(repeating: 0, count: countB))
}
