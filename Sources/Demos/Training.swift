import ToyEngine

/// A model's test accuracy and its cost (multiply-adds per query): the single models a demo
/// compares against (the cascade's, router's and ensemble's `Baseline`).
public struct ModelBaseline: Sendable, Equatable {
    public var accuracy: Double
    public var cost: Double
}

/// The few training recipes the demos share, so each demo reads as its experiment.
enum Recipes {
    /// Trains `model` with Adam on `inputs` towards `targets`.
    @discardableResult
    static func fit(
        _ model: any Model, inputs: Matrix, targets: Targets, epochs: Int, learningRate: Double,
        batchSize: Int = 32, weightDecay: Double = 0, loss: Loss = .crossEntropy,
        earlyStopping: EarlyStopping? = nil, rng: inout SplitMix64,
        onEpoch: ((EpochRecord, any Model) -> Void)? = nil
    ) -> TrainingHistory {
        let config = TrainingConfig(
            epochs: epochs, batchSize: batchSize, optimizer: .adam(learningRate: learningRate),
            weightDecay: weightDecay, loss: loss, earlyStopping: earlyStopping)
        return train(model, inputs: inputs, targets: targets, config: config, rng: &rng, onEpoch: onEpoch)
    }

    /// Test accuracy of `model` on `set`.
    static func accuracy(_ model: any Model, on set: LabeledSet) -> Double {
        Metrics.accuracy(predictions: model.predict(set.inputs), labels: set.labels)
    }
}

/// Whether each prediction is right.
func correctness(_ predictions: [Int], _ labels: [Int]) -> [Bool] {
    zip(predictions, labels).map { $0 == $1 }
}

/// The fraction of `true` values (0 for an empty array).
func fraction(_ flags: [Bool]) -> Double {
    flags.isEmpty ? 0 : Double(flags.filter { $0 }.count) / Double(flags.count)
}

/// The median of `values` (the mean of the middle two for an even count); nil when empty.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
