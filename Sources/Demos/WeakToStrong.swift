import ToyEngine

/// `weak-to-strong`: Burns et al.'s recipe on the latent-feature task.
///
/// A weak "GPT-2-like" model (logistic regression on the weak view) is trained on half A with
/// ground truth and labels half B; a strong "GPT-4-like" student (an MLP on the strong,
/// "pretrained" view) is trained on those weak labels only — naive (soft labels, the
/// distillation loss), hard labels, or the auxiliary confidence loss. The ceiling is the same
/// student trained on half B's ground truth.
///
/// Presets: `default` (a student that cannot fit the weak model's noise and corrects it) and
/// `overfit` (a larger student, a small half B and long training with pure-noise features it
/// can memorise with: naive training slowly copies the weak errors, which early stopping and
/// the confidence loss counter).
public enum WeakToStrongDemo {
    public enum Preset: String, Sendable, CaseIterable, Codable {
        case standard = "default"
        case overfit
    }

    public struct Options: Sendable, Equatable {
        public var preset: Preset = .standard
        /// Overrides the preset's noise on the weak view (idiosyncratic errors).
        public var weakNoise: Double?
        /// Overrides the preset's count of factors the weak view is blind to (systematic errors).
        public var blind: Int?
        /// Also run the PGR table over weak sizes × strong sizes.
        public var sweep = false
        /// Also record test accuracy per epoch.
        public var curve = false
        public init() {}
    }

    /// How a preset trains; internal knobs documented in one place.
    struct Setting {
        var task = LatentTask.Options()
        var strongHidden = [32]
        var epochs = 20
        var learningRate = 0.01
        var weightDecay = 0.01
        var weakEpochs = 30
        var alphaMax = 0.75
        // α ramps linearly from 0 to alphaMax over the first 10% of training, then holds (the
        // paper's α for its largest students). The public code (openai/weak-to-strong, loss.py)
        // differs: during its 10% warm-up α = step fraction × 0.5, so it only reaches 0.05, and
        // then steps to 0.5; ours has no such jump.
        var warmupFraction = 0.1
        var patience = 4

        static func of(_ options: Options) -> Setting {
            var setting = Setting()
            if options.preset == .overfit {
                // A wide student, few examples, noise features to memorise with, long training
                // and no weight decay: after a few epochs it starts copying the weak errors.
                setting.task.halfBCount = 300
                setting.task.strongNuisance = 16
                setting.strongHidden = [64]
                setting.epochs = 60
                setting.learningRate = 0.003
                setting.weightDecay = 0
            }
            if let noise = options.weakNoise { setting.task.weakNoise = noise }
            if let blind = options.blind { setting.task.blind = blind }
            return setting
        }
    }

    public struct Method: Sendable, Equatable {
        public var name: String
        public var accuracy: Double
        public var pgr: Double?
        /// On test examples where the weak model is wrong, the fraction the student gets right.
        public var correctedWeakErrors: Double
        /// On test examples where the weak model is right, the fraction the student gets wrong.
        public var brokenWeakSuccesses: Double
        /// The fraction of test examples where the student predicts what the weak model predicts.
        public var weakAgreement: Double
    }

    /// One cell of `--sweep`.
    public struct SweepCell: Sendable, Equatable {
        public var weakSize: Int
        public var strongSize: Int
        public var weakAccuracy: Double
        public var studentAccuracy: Double
        public var ceilingAccuracy: Double
        public var pgr: Double?
    }

    /// `--curve`: test accuracy after each epoch.
    public struct Curve: Sendable, Equatable {
        public var naive: [Double]
        public var confidence: [Double]
        /// The epoch early stopping (on weak-labelled validation data) keeps.
        public var earlyStoppingEpoch: Int
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var preset: Preset
        public var weakNoise: Double
        public var blind: Int
        public var factors: Int
        /// Test examples every accuracy is measured on.
        public var testCount: Int
        public var weakAccuracy: Double
        public var ceilingAccuracy: Double
        /// naive, hard, confidence, in that order.
        public var methods: [Method]
        /// Naive training stopped early on weak-labelled validation data.
        public var earlyStopped: Method
        public var weakCost: Int
        public var strongCost: Int
        public var sweep: [SweepCell]?
        public var curve: Curve?

        public func method(_ name: String) -> Method? { methods.first { $0.name == name } }
    }

    public static func run(_ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard) -> Result {
        let setting = Setting.of(options)
        let task = LatentTask(seed: seed, options: setting.task)
        var rng = SplitMix64(seed: seed ^ 0x5732_5300)

        // The weak supervisor, trained on half A's ground truth.
        let weak = LogisticRegression(inputs: task.weakFeatures, classes: 2, rng: &rng)
        Recipes.fit(
            weak, inputs: task.halfA.weak.inputs, targets: .hard(task.halfA.weak.labels),
            epochs: setting.weakEpochs, learningRate: 0.05, rng: &rng)
        let weakTestPredictions = weak.predict(task.test.weak.inputs)
        let weakAccuracy = Metrics.accuracy(predictions: weakTestPredictions, labels: task.test.weak.labels)
        let weakSoft = hooks.weakLabels(weak.probabilities(task.halfB.weak.inputs))
        let weakValidationLabels = weak.predict(task.validation.weak.inputs)

        let x = task.halfB.strong.inputs
        func student(_ stream: UInt64) -> (MLP, SplitMix64) {
            var modelRNG = SplitMix64(seed: seed ^ 0x5354_5544 ^ stream)
            let model = MLP(inputs: task.strongFeatures, hidden: setting.strongHidden, classes: 2, rng: &modelRNG)
            return (model, modelRNG)
        }
        func testAccuracy(_ model: any Model) -> Double { Recipes.accuracy(model, on: task.test.strong) }

        // Ceiling: the student trained on ground truth.
        var (ceilingModel, ceilingRNG) = student(1)
        Recipes.fit(
            ceilingModel, inputs: x, targets: .hard(task.halfB.strong.labels), epochs: setting.epochs,
            learningRate: setting.learningRate, weightDecay: setting.weightDecay, rng: &ceilingRNG)
        let ceiling = testAccuracy(ceilingModel)

        func method(_ name: String, _ model: any Model) -> Method {
            let predictions = model.predict(task.test.strong.inputs)
            let accuracy = Metrics.accuracy(predictions: predictions, labels: task.test.strong.labels)
            var wrong = 0
            var fixed = 0
            var right = 0
            var broken = 0
            var agree = 0
            for i in predictions.indices {
                let studentRight = predictions[i] == task.test.strong.labels[i]
                if predictions[i] == weakTestPredictions[i] { agree += 1 }
                if weakTestPredictions[i] != task.test.strong.labels[i] {
                    wrong += 1
                    if studentRight { fixed += 1 }
                } else {
                    right += 1
                    if !studentRight { broken += 1 }
                }
            }
            return Method(
                name: name, accuracy: accuracy,
                pgr: hooks.performanceGapRecovered(weakAccuracy, accuracy, ceiling),
                correctedWeakErrors: wrong > 0 ? Double(fixed) / Double(wrong) : 0,
                brokenWeakSuccesses: right > 0 ? Double(broken) / Double(right) : 0,
                weakAgreement: predictions.isEmpty ? 0 : Double(agree) / Double(predictions.count))
        }

        // Naive: soft weak labels (the distillation loss at T = 1).
        var naiveCurve: [Double] = []
        var (naive, naiveRNG) = student(2)
        Recipes.fit(
            naive, inputs: x, targets: .soft(weakSoft), epochs: setting.epochs, learningRate: setting.learningRate,
            weightDecay: setting.weightDecay, rng: &naiveRNG,
            onEpoch: options.curve ? { _, model in naiveCurve.append(testAccuracy(model)) } : nil)
        // Hard weak labels.
        var (hard, hardRNG) = student(2)
        Recipes.fit(
            hard, inputs: x, targets: .hard(weakSoft.argmaxRows()), epochs: setting.epochs,
            learningRate: setting.learningRate, weightDecay: setting.weightDecay, rng: &hardRNG)
        // The auxiliary confidence loss.
        var confidenceCurve: [Double] = []
        var (confident, confidentRNG) = student(2)
        trainWithConfidence(
            confident, inputs: x, weakSoft: weakSoft, setting: setting, target: hooks.confidenceTarget,
            rng: &confidentRNG,
            onEpoch: options.curve ? { model in confidenceCurve.append(testAccuracy(model)) } : nil)
        // Naive with early stopping on validation data labelled by the weak model (no ground truth).
        var (stopped, stoppedRNG) = student(2)
        let history = Recipes.fit(
            stopped, inputs: x, targets: .soft(weakSoft), epochs: setting.epochs,
            learningRate: setting.learningRate, weightDecay: setting.weightDecay,
            earlyStopping: EarlyStopping(
                inputs: task.validation.strong.inputs, labels: weakValidationLabels,
                patience: setting.patience),
            rng: &stoppedRNG)

        var result = Result(
            seed: seed, preset: options.preset, weakNoise: setting.task.weakNoise, blind: setting.task.blind,
            factors: setting.task.factors, testCount: task.test.count, weakAccuracy: weakAccuracy,
            ceilingAccuracy: ceiling,
            methods: [method("naive", naive), method("hard", hard), method("confidence", confident)],
            earlyStopped: method("early-stopped", stopped),
            weakCost: weak.cost, strongCost: naive.cost)
        if options.curve {
            result.curve = Curve(naive: naiveCurve, confidence: confidenceCurve, earlyStoppingEpoch: history.bestEpoch)
        }
        if options.sweep {
            result.sweep = sweep(seed: seed, base: setting, hooks: hooks)
        }
        return result
    }

    /// Weak sizes (factors the weak view sees) × strong sizes (rank of the strong view).
    public static let sweepWeakSizes = [2, 4, 6]
    public static let sweepStrongSizes = [6, 7, 8]

    /// Each cell averages accuracies over `sweepReplicates` worlds (PGR of the averages), because
    /// a single small world gives a noisy ratio when the gap is small.
    public static let sweepReplicates = 3

    static func sweep(seed: UInt64, base: Setting, hooks: DemoHooks) -> [SweepCell] {
        var cells: [SweepCell] = []
        for weakSize in sweepWeakSizes {
            for strongSize in sweepStrongSizes {
                var options = base.task
                options.blind = options.factors - weakSize
                options.strongRank = strongSize
                var weakSum = 0.0
                var studentSum = 0.0
                var ceilingSum = 0.0
                for replicate in 0..<sweepReplicates {
                    // The same worlds in every cell, so cells differ only by the two sizes.
                    let world = seed &* 1000 &+ UInt64(replicate)
                    let task = LatentTask(seed: world, options: options)
                    var rng = SplitMix64(seed: world ^ 0x5357_4545_50)
                    let weak = LogisticRegression(inputs: task.weakFeatures, classes: 2, rng: &rng)
                    Recipes.fit(
                        weak, inputs: task.halfA.weak.inputs, targets: .hard(task.halfA.weak.labels),
                        epochs: base.weakEpochs, learningRate: 0.05, rng: &rng)
                    weakSum += Recipes.accuracy(weak, on: task.test.weak)
                    let soft = hooks.weakLabels(weak.probabilities(task.halfB.weak.inputs))
                    for (k, targets) in [Targets.soft(soft), .hard(task.halfB.strong.labels)].enumerated() {
                        var modelRNG = SplitMix64(seed: world ^ 0x5354_5544)
                        let model = MLP(
                            inputs: task.strongFeatures, hidden: base.strongHidden, classes: 2, rng: &modelRNG)
                        Recipes.fit(
                            model, inputs: task.halfB.strong.inputs, targets: targets, epochs: base.epochs,
                            learningRate: base.learningRate, weightDecay: base.weightDecay, rng: &modelRNG)
                        let accuracy = Recipes.accuracy(model, on: task.test.strong)
                        if k == 0 { studentSum += accuracy } else { ceilingSum += accuracy }
                    }
                }
                let n = Double(sweepReplicates)
                cells.append(
                    SweepCell(
                        weakSize: weakSize, strongSize: strongSize, weakAccuracy: weakSum / n,
                        studentAccuracy: studentSum / n, ceilingAccuracy: ceilingSum / n,
                        pgr: hooks.performanceGapRecovered(weakSum / n, studentSum / n, ceilingSum / n)))
            }
        }
        return cells
    }

    /// Training with the auxiliary confidence loss, step by step as the engine's `train` does
    /// (same shuffles, batches and α schedule), but with the target computed by `target`, so an
    /// exercise can supply its own. With the standard hook it equals
    /// `train(… loss: .auxiliaryConfidence(alphaMax:warmupFraction:))` bit for bit.
    static func trainWithConfidence(
        _ model: any Model, inputs: Matrix, weakSoft: Matrix, setting: Setting,
        target: (Matrix, Matrix, Double) -> Matrix, rng: inout SplitMix64,
        onEpoch: ((any Model) -> Void)? = nil
    ) {
        let n = inputs.rows
        let batchSize = 32
        let batches = (n + batchSize - 1) / batchSize
        let totalSteps = max(1, batches * setting.epochs)
        var state = OptimizerState(
            optimizer: .adam(learningRate: setting.learningRate), weightDecay: setting.weightDecay)
        var order = Array(0..<n)
        for _ in 0..<setting.epochs {
            rng.shuffle(&order)
            var start = 0
            while start < n {
                let batch = Array(order[start..<min(start + batchSize, n)])
                let progress = Double(state.steps) / Double(totalSteps)
                let alpha = Losses.confidenceAlpha(
                    progress: progress, alphaMax: setting.alphaMax, warmupFraction: setting.warmupFraction)
                let pass = model.forward(inputs.rows(batch))
                let goal = target(weakSoft.rows(batch), pass.logits.softmaxRows(), alpha)
                let (_, gradient) = Losses.softCrossEntropy(logits: pass.logits, targets: goal, temperature: 1)
                state.step(model, gradients: model.backward(pass, logitsGradient: gradient))
                start += batchSize
            }
            onEpoch?(model)
        }
    }
}
