import ToyEngine

/// `weak-to-strong`: Burns et al.'s (2023) experiment in miniature, on `WeakToStrongTask`.
///
/// A weak supervisor (a rung of the weak ladder, GPT-2-like upwards: a frozen noisy view and a
/// linear head) is trained on half A with ground truth and labels half B; a strong student (a
/// rung of the strong ladder, up to GPT-4-like: a frozen "pretrained" view and a linear head) is
/// trained on those weak labels only — naive (the weak soft labels), hard (the weak hard labels),
/// with the auxiliary confidence loss, or naive with early stopping on weak-labelled validation
/// data. The ceiling is the same student trained on half B's ground truth. Every head starts at
/// zero and trains with plain minibatch SGD, whose preference for salient directions is the
/// student's prior (see `WeakToStrongTask`).
///
/// `--sweep` runs every weak × strong pair (the paper's PGR-against-size picture), `--bootstrap`
/// the chain weak → each intermediate strong rung → the largest, `--curve` test accuracy per epoch.
/// Every model's randomness comes from the seed, its role and its sizes, so a pair gives the same
/// numbers in the default run, the sweep and the chain.
public enum WeakToStrongDemo {
    /// The seed `tandem run weak-to-strong` uses when none is given: chosen openly, as the first of
    /// seeds 1–20 where every method's PGR lies in the middle half (between the quartiles) of
    /// seeds 1–20 (a test checks it), so the default run is representative.
    public static let defaultSeed: UInt64 = 20

    public struct Options: Sendable, Equatable {
        /// Classes, 2…10.
        public var classes = 2
        /// The weak supervisor: rung 1…3 of `WeakToStrongTask.weakLadder` (1 = GPT-2-like).
        public var weakSize = 1
        /// The strong student: rung 1…4 of `WeakToStrongTask.strongLadder` (4 = GPT-4-like).
        public var strongSize = 4
        /// Also run every weak size × strong size.
        public var sweep = false
        /// Also record test accuracy per epoch.
        public var curve = false
        /// Also run the bootstrapping chain through the intermediate strong sizes.
        public var bootstrap = false
        public init() {}
    }

    /// The default knobs with --sweep, --curve and --bootstrap on.
    public static var everything: Options {
        var options = Options()
        options.sweep = true
        options.curve = true
        options.bootstrap = true
        return options
    }

    /// How every head trains; internal knobs documented in one place.
    struct Setting {
        var epochs = 20
        var batchSize = 32
        /// Plain SGD. A two-class softmax head at rate η moves its logit difference as a sigmoid
        /// head at 2η: this is the design's 0.2.
        var learningRate = 0.1
        /// The confidence loss's α: 0.75 (the paper's value for its largest students), warmed up
        /// linearly over the first 20% of training (the public code, openai/weak-to-strong, warms
        /// its coefficient up too; the shape of the warm-up differs, see `Losses.confidenceAlpha`).
        var alphaMax = 0.75
        var warmupFraction = 0.2
    }

    public struct Method: Sendable, Equatable {
        public var name: String
        public var accuracy: Double
        public var pgr: Double?
        /// accuracy − weak accuracy.
        public var gain: Double
        /// The share of test examples where the student's prediction differs from the weak
        /// model's label (its misfit on the weak labels).
        public var misfit: Double
        /// On test examples the weak model gets wrong, the share the student gets right.
        public var correctedWeakErrors: Double
        /// On test examples the weak model gets right, the share the student gets wrong.
        public var brokenWeakSuccesses: Double
    }

    /// One weak size × strong size pair of `--sweep` (sizes count from 1, smallest first).
    public struct SweepCell: Sendable, Equatable {
        public var weakSize: Int
        public var strongSize: Int
        public var weakAccuracy: Double
        public var ceilingAccuracy: Double
        public var naive: Method
        public var confidence: Method
    }

    /// `--curve`: test accuracy after each epoch.
    public struct Curve: Sendable, Equatable {
        public var naive: [Double]
        public var confidence: [Double]
        /// After each epoch, the naive student's agreement with the weak labels of the validation
        /// split (what early stopping sees).
        public var weakAgreement: [Double]
        /// The epoch early stopping keeps (1-based).
        public var earlyStoppingEpoch: Int
    }

    /// One hop of the bootstrapping chain: a student of this size trained on the previous hop's
    /// soft labels (the first hop on the weak model's).
    public struct Hop: Sendable, Equatable {
        public var strongSize: Int
        public var accuracy: Double
        public var ceilingAccuracy: Double
        /// PGR against the weak supervisor and this size's ceiling.
        public var pgr: Double?
    }

    /// `--bootstrap`: weak → largest directly against weak → each intermediate size → largest.
    public struct Bootstrap: Sendable, Equatable {
        public var directAccuracy: Double
        public var directPGR: Double?
        public var chainAccuracy: Double
        public var chainPGR: Double?
        /// Every hop, the last one being the largest student.
        public var chain: [Hop]
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var classes: Int
        public var weakSize: Int
        public var strongSize: Int
        public var weakName: String
        public var strongName: String
        /// Multiply-adds per prediction of the weak model's and the student's heads.
        public var weakCost: Int
        public var strongCost: Int
        /// Test examples every accuracy is measured on.
        public var testCount: Int
        public var weakAccuracy: Double
        public var ceilingAccuracy: Double
        /// naive, hard, confidence, early-stopped, in that order.
        public var methods: [Method]
        public var curve: Curve?
        public var sweep: [SweepCell]?
        public var bootstrap: Bootstrap?

        public func method(_ name: String) -> Method? { methods.first { $0.name == name } }
    }

    /// The method names, in the order of `Result.methods`.
    public static let methodNames = ["naive", "hard", "confidence", "early-stopped"]

    /// Everything one seed's experiments share: the task, the weak models and their labels, the
    /// strong views, cached so the default run, the sweep and the chain reuse them.
    final class Lab {
        let seed: UInt64
        let task: WeakToStrongTask
        let setting = Setting()
        let hooks: DemoHooks
        let classes: Int
        private var weakModels: [Int: (model: LogisticRegression, testPredictions: [Int], accuracy: Double)] = [:]
        private var views: [Int: (halfB: Matrix, validation: Matrix, test: Matrix)] = [:]
        private var ceilings: [Int: Double] = [:]
        /// Students by (weak size, strong size): the default run, the sweep and the chain's direct
        /// student share a pair's, so none is trained twice.
        private var naiveRuns: [Pair: NaiveRun] = [:]
        private var confidenceRuns: [Pair: (predictions: [Int], curve: [Double])] = [:]

        struct Pair: Hashable {
            let weak: Int
            let strong: Int
        }

        typealias NaiveRun = (final: [Int], stopped: [Int], curve: [Double], agreement: [Double], stopEpoch: Int)

        init(seed: UInt64, classes: Int, hooks: DemoHooks) {
            self.seed = seed
            self.classes = classes
            self.hooks = hooks
            var options = WeakToStrongTask.Options()
            options.classes = classes
            task = WeakToStrongTask(seed: seed, options: options)
        }

        /// A generator for one model, from the seed, its role and its sizes.
        func stream(_ role: UInt64, _ weak: Int, _ strong: Int) -> SplitMix64 {
            SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ (role << 16) ^ (UInt64(weak) << 8) ^ UInt64(strong))
        }

        func head(_ features: Int) -> LogisticRegression {
            var unused = SplitMix64(seed: 0)
            let model = LogisticRegression(inputs: features, classes: classes, rng: &unused)
            model.parameters = [Matrix(rows: features, cols: classes), Matrix(rows: 1, cols: classes)]
            return model
        }

        /// Weak rung `size` (1-based), trained on half A's ground truth.
        func weak(_ size: Int) -> (model: LogisticRegression, testPredictions: [Int], accuracy: Double) {
            if let cached = weakModels[size] { return cached }
            let model = head(task.weakFeatures)
            var rng = stream(1, size, 0)
            WeakToStrongDemo.trainHead(
                model, inputs: task.weakView(size - 1, of: task.halfA),
                targets: Matrix.oneHot(task.halfA.labels, classes: classes), setting: setting, rng: &rng)
            let predictions = model.predict(task.weakView(size - 1, of: task.test))
            let entry = (model, predictions, Metrics.accuracy(predictions: predictions, labels: task.test.labels))
            weakModels[size] = entry
            return entry
        }

        /// Weak rung `size`'s soft labels on half B (through the `weakLabels` hook).
        func weakLabels(_ size: Int) -> Matrix {
            hooks.weakLabels(weak(size).model.probabilities(task.weakView(size - 1, of: task.halfB)))
        }

        func view(_ size: Int) -> (halfB: Matrix, validation: Matrix, test: Matrix) {
            if let cached = views[size] { return cached }
            let entry = (
                task.strongView(size - 1, of: task.halfB), task.strongView(size - 1, of: task.validation),
                task.strongView(size - 1, of: task.test)
            )
            views[size] = entry
            return entry
        }

        func testAccuracy(_ model: LogisticRegression, _ size: Int) -> Double {
            Metrics.accuracy(predictions: model.predict(view(size).test), labels: task.test.labels)
        }

        /// Strong rung `size` trained on half B's ground truth.
        func ceiling(_ size: Int) -> Double {
            if let cached = ceilings[size] { return cached }
            let model = head(task.strongFeatures(size - 1))
            var rng = stream(2, 0, size)
            WeakToStrongDemo.trainHead(
                model, inputs: view(size).halfB, targets: Matrix.oneHot(task.halfB.labels, classes: classes),
                setting: setting, rng: &rng)
            let accuracy = testAccuracy(model, size)
            ceilings[size] = accuracy
            return accuracy
        }

        /// A student of `size` trained on `targets` (soft rows over half B); `role` names the
        /// method for its generator. Returns the model; `onEpoch` sees it after every epoch.
        func student(
            _ size: Int, targets: Matrix, role: UInt64, weakSize: Int, confidence: Bool = false,
            onEpoch: ((LogisticRegression) -> Void)? = nil
        ) -> LogisticRegression {
            let model = head(task.strongFeatures(size - 1))
            var rng = stream(role, weakSize, size)
            var target: ((Matrix, Matrix, Double) -> Matrix)? = nil
            if confidence { target = hooks.confidenceTarget }
            var afterEpoch: (() -> Void)? = nil
            if let onEpoch { afterEpoch = { onEpoch(model) } }
            WeakToStrongDemo.trainHead(
                model, inputs: view(size).halfB, targets: targets, setting: setting, confidence: target, rng: &rng,
                onEpoch: afterEpoch)
            return model
        }

        /// A method's numbers on the test split against weak rung `weakSize`.
        func method(_ name: String, predictions: [Int], weakSize: Int, ceiling: Double) -> Method {
            let weak = weak(weakSize)
            let labels = task.test.labels
            let accuracy = Metrics.accuracy(predictions: predictions, labels: labels)
            var wrong = 0
            var fixed = 0
            var right = 0
            var broken = 0
            var disagree = 0
            for i in predictions.indices {
                let studentRight = predictions[i] == labels[i]
                if predictions[i] != weak.testPredictions[i] { disagree += 1 }
                if weak.testPredictions[i] != labels[i] {
                    wrong += 1
                    if studentRight { fixed += 1 }
                } else {
                    right += 1
                    if !studentRight { broken += 1 }
                }
            }
            return Method(
                name: name, accuracy: accuracy, pgr: hooks.performanceGapRecovered(weak.accuracy, accuracy, ceiling),
                gain: accuracy - weak.accuracy,
                misfit: predictions.isEmpty ? 0 : Double(disagree) / Double(predictions.count),
                correctedWeakErrors: wrong > 0 ? Double(fixed) / Double(wrong) : 0,
                brokenWeakSuccesses: right > 0 ? Double(broken) / Double(right) : 0)
        }

        /// Naive training; with `track`, its per-epoch record too: test accuracy, agreement with
        /// the weak validation labels, and the early-stopped student (the epoch of best agreement,
        /// the earliest on ties: no ground truth is used). Untracked (the sweep's cells, the chain's
        /// direct student) it skips the per-epoch predictions, which cost about as much as the
        /// training; `stopped` is then the final student and `curve` empty.
        func naive(weakSize: Int, strongSize: Int, track: Bool = true) -> NaiveRun {
            let pair = Pair(weak: weakSize, strong: strongSize)
            if let cached = naiveRuns[pair], !track || !cached.curve.isEmpty { return cached }
            var curve: [Double] = []
            var agreement: [Double] = []
            var best: (agreement: Double, epoch: Int, predictions: [Int])?
            var onEpoch: ((LogisticRegression) -> Void)? = nil
            if track {
                let validationLabels = weak(weakSize).model.predict(task.weakView(weakSize - 1, of: task.validation))
                onEpoch = { model in
                    let predictions = model.predict(self.view(strongSize).test)
                    curve.append(Metrics.accuracy(predictions: predictions, labels: self.task.test.labels))
                    let agree = Metrics.accuracy(
                        predictions: model.predict(self.view(strongSize).validation), labels: validationLabels)
                    agreement.append(agree)
                    if best == nil || agree > best!.agreement { best = (agree, agreement.count, predictions) }
                }
            }
            let model = student(
                strongSize, targets: weakLabels(weakSize), role: 3, weakSize: weakSize, onEpoch: onEpoch)
            let final = model.predict(view(strongSize).test)
            let run = (final, best?.predictions ?? final, curve, agreement, best?.epoch ?? setting.epochs)
            naiveRuns[pair] = run
            return run
        }

        /// The confidence-loss student, with its per-epoch test accuracy when `curve`.
        func confidence(weakSize: Int, strongSize: Int, curve: Bool) -> (predictions: [Int], curve: [Double]) {
            let pair = Pair(weak: weakSize, strong: strongSize)
            if let cached = confidenceRuns[pair], !curve || !cached.curve.isEmpty { return cached }
            var accuracies: [Double] = []
            let model = student(
                strongSize, targets: weakLabels(weakSize), role: 4, weakSize: weakSize, confidence: true,
                onEpoch: curve ? { accuracies.append(self.testAccuracy($0, strongSize)) } : nil)
            let run = (model.predict(view(strongSize).test), accuracies)
            confidenceRuns[pair] = run
            return run
        }
    }

    public static func run(_ options: Options = Options(), seed: UInt64 = defaultSeed, hooks: DemoHooks = .standard)
        -> Result
    {
        precondition((2...10).contains(options.classes), "weak-to-strong: classes must be in 2...10")
        precondition(WeakToStrongTask.weakLadder.indices.contains(options.weakSize - 1), "weak size out of range")
        precondition(WeakToStrongTask.strongLadder.indices.contains(options.strongSize - 1), "strong size out of range")
        let lab = Lab(seed: seed, classes: options.classes, hooks: hooks)
        let w = options.weakSize
        let s = options.strongSize
        let weak = lab.weak(w)
        let ceiling = lab.ceiling(s)
        let naive = lab.naive(weakSize: w, strongSize: s)
        let hard = lab.student(
            s, targets: Matrix.oneHot(lab.weakLabels(w).argmaxRows(), classes: options.classes), role: 5, weakSize: w)
        let confidence = lab.confidence(weakSize: w, strongSize: s, curve: options.curve)
        func method(_ name: String, _ predictions: [Int]) -> Method {
            lab.method(name, predictions: predictions, weakSize: w, ceiling: ceiling)
        }
        var result = Result(
            seed: seed, classes: options.classes, weakSize: w, strongSize: s,
            weakName: WeakToStrongTask.weakLadder[w - 1].name, strongName: WeakToStrongTask.strongLadder[s - 1].name,
            // A linear head: one multiply-add per feature and class (every weak rung has the same
            // head; the rungs differ in their frozen views).
            weakCost: lab.task.weakFeatures * options.classes,
            strongCost: lab.task.strongFeatures(s - 1) * options.classes, testCount: lab.task.test.count,
            weakAccuracy: weak.accuracy, ceilingAccuracy: ceiling,
            methods: [
                method("naive", naive.final), method("hard", hard.predict(lab.view(s).test)),
                method("confidence", confidence.predictions), method("early-stopped", naive.stopped),
            ])
        if options.curve {
            result.curve = Curve(
                naive: naive.curve, confidence: confidence.curve, weakAgreement: naive.agreement,
                earlyStoppingEpoch: naive.stopEpoch)
        }
        if options.sweep { result.sweep = sweep(lab) }
        if options.bootstrap { result.bootstrap = bootstrap(lab, weakSize: w) }
        return result
    }

    /// Weak sizes (1…3) × strong sizes (1…4): naive and confidence-loss students.
    static func sweep(_ lab: Lab) -> [SweepCell] {
        var cells: [SweepCell] = []
        for w in 1...WeakToStrongTask.weakLadder.count {
            for s in 1...WeakToStrongTask.strongLadder.count {
                let ceiling = lab.ceiling(s)
                let naive = lab.naive(weakSize: w, strongSize: s, track: false)
                let confidence = lab.confidence(weakSize: w, strongSize: s, curve: false)
                cells.append(
                    SweepCell(
                        weakSize: w, strongSize: s, weakAccuracy: lab.weak(w).accuracy, ceilingAccuracy: ceiling,
                        naive: lab.method("naive", predictions: naive.final, weakSize: w, ceiling: ceiling),
                        confidence: lab.method(
                            "confidence", predictions: confidence.predictions, weakSize: w, ceiling: ceiling)))
            }
        }
        return cells
    }

    /// Bootstrapping (naive training at every hop): weak → strong size 1 → 2 → … → the largest,
    /// each hop's student relabelling half B (soft labels) for the next.
    static func bootstrap(_ lab: Lab, weakSize w: Int) -> Bootstrap {
        let largest = WeakToStrongTask.strongLadder.count
        let weak = lab.weak(w)
        var labels = lab.weakLabels(w)
        var chain: [Hop] = []
        var last = 0.0
        for s in 1...largest {
            let model = lab.student(s, targets: labels, role: 6, weakSize: w)
            labels = model.probabilities(lab.view(s).halfB)
            last = lab.testAccuracy(model, s)
            chain.append(
                Hop(
                    strongSize: s, accuracy: last, ceilingAccuracy: lab.ceiling(s),
                    pgr: lab.hooks.performanceGapRecovered(weak.accuracy, last, lab.ceiling(s))))
        }
        // The direct student is the naive one of this pair (the default run's with the default sizes).
        let direct = Metrics.accuracy(
            predictions: lab.naive(weakSize: w, strongSize: largest, track: false).final, labels: lab.task.test.labels)
        let ceiling = lab.ceiling(largest)
        return Bootstrap(
            directAccuracy: direct, directPGR: lab.hooks.performanceGapRecovered(weak.accuracy, direct, ceiling),
            chainAccuracy: last, chainPGR: lab.hooks.performanceGapRecovered(weak.accuracy, last, ceiling),
            chain: chain)
    }

    /// Trains a linear head with plain minibatch SGD on soft `targets` (cross-entropy), or, with
    /// `confidence`, with the auxiliary confidence loss whose target `confidence` computes from the
    /// batch's weak labels, the student's current probabilities and α (so an exercise can supply
    /// its own). With the standard target it equals the engine's
    /// `train(… optimizer: .sgd, loss: .auxiliaryConfidence(alphaMax:warmupFraction:))` bit for bit.
    static func trainHead(
        _ model: any Model, inputs: Matrix, targets: Matrix, setting: Setting,
        confidence: ((Matrix, Matrix, Double) -> Matrix)? = nil, rng: inout SplitMix64,
        onEpoch: (() -> Void)? = nil
    ) {
        let n = inputs.rows
        let batchSize = setting.batchSize
        let totalSteps = max(1, (n + batchSize - 1) / batchSize * setting.epochs)
        var state = OptimizerState(optimizer: .sgd(learningRate: setting.learningRate))
        var order = Array(0..<n)
        for _ in 0..<setting.epochs {
            rng.shuffle(&order)
            var start = 0
            while start < n {
                let batch = Array(order[start..<min(start + batchSize, n)])
                let pass = model.forward(inputs.rows(batch))
                var goal = targets.rows(batch)
                if let confidence {
                    let alpha = Losses.confidenceAlpha(
                        progress: Double(state.steps) / Double(totalSteps), alphaMax: setting.alphaMax,
                        warmupFraction: setting.warmupFraction)
                    goal = confidence(goal, pass.logits.softmaxRows(), alpha)
                }
                let (_, gradient) = Losses.softCrossEntropy(logits: pass.logits, targets: goal, temperature: 1)
                state.step(model, gradients: model.backward(pass, logitsGradient: gradient))
                start += batchSize
            }
            onEpoch?()
        }
    }
}

extension WeakToStrongDemo {
    /// The first seed whose PGR lies in the middle half of `runs` (ranks ⌊n/4⌋+1 … n−⌊n/4⌋ of the
    /// sorted values) for every method: how `defaultSeed` was chosen from seeds 1–20.
    public static func representativeSeed(_ runs: [Result]) -> UInt64? {
        let quarter = runs.count / 4
        var bounds: [String: ClosedRange<Double>] = [:]
        for name in methodNames {
            let sorted = runs.compactMap { $0.method(name)?.pgr }.sorted()
            guard sorted.count == runs.count, !sorted.isEmpty else { return nil }
            bounds[name] = sorted[quarter]...sorted[sorted.count - 1 - quarter]
        }
        return runs.first { r in
            methodNames.allSatisfy { name in r.method(name)?.pgr.map { bounds[name]!.contains($0) } ?? false }
        }?.seed
    }
}
