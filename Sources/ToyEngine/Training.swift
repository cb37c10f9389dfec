/// Stop when validation accuracy has not improved for `patience` epochs, keeping the best weights.
public struct EarlyStopping {
    /// Validation inputs (n × features).
    public var inputs: Matrix
    /// Validation ground-truth labels.
    public var labels: [Int]
    /// Epochs without a new best before stopping.
    public var patience: Int
    /// Whether the model ends with the best epoch's weights (true) or the last epoch's.
    public var restoreBest: Bool

    /// Early stopping on a validation split.
    public init(inputs: Matrix, labels: [Int], patience: Int, restoreBest: Bool = true) {
        self.inputs = inputs
        self.labels = labels
        self.patience = patience
        self.restoreBest = restoreBest
    }
}

/// Everything `train` needs besides the model, the data and the generator.
public struct TrainingConfig {
    /// Passes over the training set (at most, with early stopping).
    public var epochs: Int
    /// Examples per minibatch (the last batch of an epoch may be smaller).
    public var batchSize: Int
    /// The update rule.
    public var optimizer: Optimizer
    /// L2 weight decay on weights (not biases).
    public var weightDecay: Double
    /// The objective.
    public var loss: Loss
    /// Optional early stopping on a validation split.
    public var earlyStopping: EarlyStopping?
    /// Shuffle the training set each epoch with the `rng` passed to `train` (false: fixed order).
    public var shuffle: Bool

    /// A training configuration; only epochs, batch size and optimizer are required.
    public init(
        epochs: Int, batchSize: Int, optimizer: Optimizer, weightDecay: Double = 0, loss: Loss = .crossEntropy,
        earlyStopping: EarlyStopping? = nil, shuffle: Bool = true
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.weightDecay = weightDecay
        self.loss = loss
        self.earlyStopping = earlyStopping
        self.shuffle = shuffle
    }
}

/// One epoch of training, as the demos chart it.
public struct EpochRecord: Sendable, Equatable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Mean training loss over the epoch's examples (the objective, without weight decay).
    public var loss: Double
    /// Accuracy on the training inputs after the epoch, against the targets' labels
    /// (for soft targets: their most probable class).
    public var trainAccuracy: Double
    /// Accuracy on the early-stopping validation split after the epoch, if there is one.
    public var validationAccuracy: Double?
}

/// The record of a training run.
public struct TrainingHistory: Sendable, Equatable {
    /// One record per epoch run.
    public var epochs: [EpochRecord]
    /// The epoch whose weights the model holds at the end: the best validation epoch under early
    /// stopping (with `restoreBest`), else the last epoch.
    public var bestEpoch: Int
    /// Whether early stopping ended training before `config.epochs`.
    public var stoppedEarly: Bool

    /// The last epoch's record.
    public var last: EpochRecord? { epochs.last }
}

/// Runs minibatch training steps on one model: forward, loss, backward, optimizer update.
/// `train` uses it for epochs; the benchmark uses it for a fixed number of steps.
public struct Trainer {
    /// The model being trained (changed in place).
    public let model: any Model
    /// The objective.
    public let loss: Loss
    /// The optimizer and its running state.
    public var state: OptimizerState

    /// A trainer with fresh optimizer state.
    public init(model: any Model, loss: Loss, optimizer: Optimizer, weightDecay: Double = 0) {
        HeapTuning.keepFreedMemory()
        self.model = model
        self.loss = loss
        self.state = OptimizerState(optimizer: optimizer, weightDecay: weightDecay)
    }

    /// One update on a minibatch; returns the batch's mean loss before the update.
    /// `progress` (0…1) is the fraction of training done, for losses that change over training.
    @discardableResult
    public mutating func step(inputs: Matrix, targets: Targets, progress: Double = 0) -> Double {
        let pass = model.forward(inputs)
        let (value, gradient) = loss.evaluate(logits: pass.logits, targets: targets, progress: progress)
        let gradients = model.backward(pass, logitsGradient: gradient)
        state.step(model, gradients: gradients)
        return value
    }
}

/// Trains `model` in place on `inputs` and `targets` and returns the per-epoch history.
///
/// Each epoch shuffles the rows with `rng` (unless `config.shuffle` is false), steps through
/// minibatches, then measures training (and validation) accuracy and calls `onEpoch` with the
/// record and the model, so a demo can chart e.g. test accuracy per epoch. With early stopping
/// the model ends with its best validation weights.
@discardableResult
public func train(
    _ model: any Model, inputs: Matrix, targets: Targets, config: TrainingConfig, rng: inout SplitMix64,
    onEpoch: ((EpochRecord, any Model) -> Void)? = nil
) -> TrainingHistory {
    precondition(inputs.rows == targets.count, "train: \(inputs.rows) inputs but \(targets.count) targets")
    precondition(config.batchSize > 0 && config.epochs >= 0, "train: batch size must be positive")
    let n = inputs.rows
    let batchesPerEpoch = (n + config.batchSize - 1) / config.batchSize
    let totalSteps = Swift.max(1, batchesPerEpoch * config.epochs)
    var trainer = Trainer(model: model, loss: config.loss, optimizer: config.optimizer, weightDecay: config.weightDecay)
    let trainLabels = targets.labels
    var history = TrainingHistory(epochs: [], bestEpoch: 0, stoppedEarly: false)
    var best: (accuracy: Double, epoch: Int, parameters: [Matrix])?
    var order = Array(0..<n)
    for epoch in stride(from: 1, through: config.epochs, by: 1) {
        if config.shuffle { rng.shuffle(&order) }
        var lossSum = 0.0
        var start = 0
        while start < n {
            let batch = Array(order[start..<Swift.min(start + config.batchSize, n)])
            let progress = Double(trainer.state.steps) / Double(totalSteps)
            lossSum +=
                trainer.step(inputs: inputs.rows(batch), targets: targets.subset(batch), progress: progress)
                * Double(batch.count)
            start += config.batchSize
        }
        let trainAccuracy = Metrics.accuracy(predictions: model.predict(inputs), labels: trainLabels)
        var record = EpochRecord(
            epoch: epoch, loss: n > 0 ? lossSum / Double(n) : 0, trainAccuracy: trainAccuracy, validationAccuracy: nil)
        var stop = false
        if let early = config.earlyStopping {
            let accuracy = Metrics.accuracy(predictions: model.predict(early.inputs), labels: early.labels)
            record.validationAccuracy = accuracy
            if best == nil || accuracy > best!.accuracy {
                best = (accuracy, epoch, model.parameters)
            } else if epoch - best!.epoch >= early.patience {
                stop = true
            }
        }
        history.epochs.append(record)
        history.bestEpoch = epoch
        onEpoch?(record, model)
        if stop {
            history.stoppedEarly = epoch < config.epochs
            break
        }
    }
    if let early = config.earlyStopping, early.restoreBest, let best {
        model.parameters = best.parameters
        history.bestEpoch = best.epoch
    }
    return history
}
