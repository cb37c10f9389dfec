import Foundation
import ToyEngine

/// `filter`: a weak model picks the strong model's training data.
///
/// The pool (the `clusters` task) is messy on purpose: a quarter of class 0 is mislabelled as
/// class 1 (a systematic bias), a few more labels are flipped at random, and a fifth of the rows
/// are near-copies of a few easy points. A small model (an MLP with 4 hidden units) trained on the pool
/// scores every example by its loss on the given label; the strong model (an MLP) trains on the
/// `fraction` with the lowest loss within each label. Every strong run takes the same number of gradient steps,
/// so a smaller kept set is not simply less training.
public enum FilterDemo {
    public struct Options: Sendable, Equatable {
        public init() {}
    }

    public struct Point: Sendable, Equatable {
        public var fraction: Double
        public var weakSelected: Double
        public var random: Double
        public var strongSelected: Double
        /// Test accuracy when a small quality classifier, trained on the strong model's
        /// judgements of a small sample, picks the data.
        public var classifierSelected: Double
        /// Accuracy on the clean validation split of the strong model trained on the weak model's
        /// picks: how the kept fraction is chosen, without looking at the test set.
        public var weakValidation: Double
        /// Of the kept rows chosen by the weak model, the fraction whose label is wrong.
        public var weakKeptNoise: Double
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var allDataAccuracy: Double
        /// Fraction of the pool whose label is wrong.
        public var poolNoise: Double
        public var weakCost: Int
        public var strongCost: Int
        /// Multiply-adds per example of the quality classifier.
        public var qualityCost: Int
        /// Examples in the pool.
        public var poolCount: Int
        public var points: [Point]

        /// The kept fraction below 100% whose weak-selected model does best on the validation
        /// split (the smaller fraction on ties): the fraction a practitioner would pick, chosen
        /// without the test set, so its test accuracy is an honest estimate.
        public var chosen: Point? {
            points.filter { $0.fraction < 1 }
                .max { ($0.weakValidation, -$0.fraction) < ($1.weakValidation, -$1.fraction) }
        }
    }

    public static let fractions = [0.4, 0.6, 0.8, 1.0]

    /// Pool examples the strong model judges for the quality classifier.
    public static let judgedCount = 120

    /// Gradient steps every strong training run takes.
    static let strongSteps = 160

    public static func run(_ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard) -> Result {
        var taskOptions = ClusterTask.Options()
        taskOptions.trainCount = 600
        taskOptions.flipNoise = 0.25
        taskOptions.labelNoise = 0.05
        taskOptions.duplicates = 0.2
        let task = ClusterTask(seed: seed, options: taskOptions)
        let pool = task.train
        var rng = SplitMix64(seed: seed ^ 0x4649_4C54)

        // Scores: the negative loss of each example's given label (high score = keep).
        func lossScores(_ probabilities: Matrix) -> [Double] {
            pool.labels.indices.map { i in log(max(probabilities[i, pool.labels[i]], 1e-12)) }
        }
        let weak = MLP(inputs: pool.features, hidden: [4], classes: 2, rng: &rng)
        Recipes.fit(
            weak, inputs: pool.inputs, targets: .hard(pool.labels), epochs: 20, learningRate: 0.03, batchSize: 64,
            rng: &rng)
        let weakScores = lossScores(weak.probabilities(pool.inputs))

        func strongModel(_ stream: UInt64) -> (MLP, SplitMix64) {
            var modelRNG = SplitMix64(seed: seed ^ 0x5354_524F ^ stream)
            return (MLP(inputs: pool.features, hidden: [32], classes: 2, rng: &modelRNG), modelRNG)
        }
        func trainStrong(_ rows: [Int], stream: UInt64) -> MLP {
            let (model, modelRNG) = strongModel(stream)
            var trainRNG = modelRNG
            let batchSize = 64
            let batchesPerEpoch = max(1, (rows.count + batchSize - 1) / batchSize)
            let epochs = max(1, (strongSteps + batchesPerEpoch - 1) / batchesPerEpoch)
            let kept = pool.subset(rows)
            Recipes.fit(
                model, inputs: kept.inputs, targets: .hard(kept.labels), epochs: epochs, learningRate: 0.01,
                batchSize: batchSize, rng: &trainRNG)
            return model
        }
        // The strong model as its own scorer, cross-fitted: each half is scored by a model
        // trained on the other half, so it cannot simply have memorised the label.
        var strongScores = [Double](repeating: 0, count: pool.count)
        let halves = [Array(stride(from: 0, to: pool.count, by: 2)), Array(stride(from: 1, to: pool.count, by: 2))]
        var strongAgrees = [Bool](repeating: false, count: pool.count)
        for (h, half) in halves.enumerated() {
            let scorer = trainStrong(halves[1 - h], stream: 100 + UInt64(h))
            let probabilities = scorer.probabilities(pool.inputs.rows(half))
            for (k, i) in half.enumerated() {
                strongScores[i] = log(max(probabilities[k, pool.labels[i]], 1e-12))
                strongAgrees[i] = probabilities[k, pool.labels[i]] >= 0.5
            }
        }

        // Classifier-based quality filtering (GPT-3's Common Crawl filter, phi-1's classifier on
        // GPT-4's ratings): the expensive judge (the strong model) rates only a small sample as
        // keep / drop (does it agree with the given label?); a small classifier learns those
        // ratings from the example and its label, and scores the whole pool.
        var judgedRNG = SplitMix64(seed: seed ^ 0x4A55_4447)
        let judged = Array(judgedRNG.permutation(pool.count).prefix(judgedCount))
        let withLabel = Matrix.hcat(pool.inputs, Matrix.oneHot(pool.labels, classes: pool.classes))
        let quality = MLP(inputs: withLabel.cols, hidden: [8], classes: 2, rng: &judgedRNG)
        Recipes.fit(
            quality, inputs: withLabel.rows(judged), targets: .hard(judged.map { strongAgrees[$0] ? 1 : 0 }),
            epochs: 60, learningRate: 0.02, batchSize: 32, rng: &judgedRNG)
        let qualityProbabilities = quality.probabilities(withLabel)
        let classifierScores = pool.labels.indices.map { qualityProbabilities[$0, 1] }

        // Selection within each given label, so the kept data keeps the pool's class balance
        // (the lowest-loss examples overall would be mostly one class's easiest points).
        func keepPerLabel(_ scores: [Double], _ fraction: Double) -> [Int] {
            var kept: [Int] = []
            for label in 0..<pool.classes {
                let rows = pool.labels.indices.filter { pool.labels[$0] == label }
                kept += hooks.keepTopFraction(rows.map { scores[$0] }, fraction).map { rows[$0] }
            }
            return kept.sorted()
        }

        let everything = Array(0..<pool.count)
        let allDataModel = trainStrong(everything, stream: 1)
        let allData = Recipes.accuracy(allDataModel, on: task.test)
        let allDataValidation = Recipes.accuracy(allDataModel, on: task.validation)
        var points: [Point] = []
        for (k, fraction) in fractions.enumerated() {
            if fraction >= 1 {
                points.append(
                    Point(
                        fraction: 1, weakSelected: allData, random: allData, strongSelected: allData,
                        classifierSelected: allData, weakValidation: allDataValidation,
                        weakKeptNoise: noise(everything, pool.labels, task.cleanLabels)))
                continue
            }
            let byWeak = keepPerLabel(weakScores, fraction)
            let byStrong = keepPerLabel(strongScores, fraction)
            let byClassifier = keepPerLabel(classifierScores, fraction)
            var pickRNG = SplitMix64(seed: seed ^ 0x5241_4E44 ^ UInt64(k))
            let atRandom = Array(pickRNG.permutation(pool.count).prefix(byWeak.count)).sorted()
            let weakModel = trainStrong(byWeak, stream: 1)
            points.append(
                Point(
                    fraction: fraction,
                    weakSelected: Recipes.accuracy(weakModel, on: task.test),
                    random: Recipes.accuracy(trainStrong(atRandom, stream: 1), on: task.test),
                    strongSelected: Recipes.accuracy(trainStrong(byStrong, stream: 1), on: task.test),
                    classifierSelected: Recipes.accuracy(trainStrong(byClassifier, stream: 1), on: task.test),
                    weakValidation: Recipes.accuracy(weakModel, on: task.validation),
                    weakKeptNoise: noise(byWeak, pool.labels, task.cleanLabels)))
        }
        let (sizeProbe, _) = strongModel(0)
        return Result(
            seed: seed, allDataAccuracy: allData, poolNoise: noise(everything, pool.labels, task.cleanLabels),
            weakCost: weak.cost, strongCost: sizeProbe.cost, qualityCost: quality.cost, poolCount: pool.count,
            points: points)
    }

    static func noise(_ rows: [Int], _ labels: [Int], _ clean: [Int]) -> Double {
        rows.isEmpty ? 0 : Double(rows.filter { labels[$0] != clean[$0] }.count) / Double(rows.count)
    }
}
