import Foundation
import ToyEngine

/// `ensemble`: many small models (different seeds and bootstrap samples) combined by majority
/// vote, probability averaging or weighted averaging, against one large model, on the binary
/// `clusters` task. The Condorcet curve shows what the vote would reach if the members' errors
/// were independent.
public enum EnsembleDemo {
    public enum Method: String, Sendable, CaseIterable, Codable {
        case vote, average, weighted
    }

    /// How different the members' training is.
    public enum Diversity: String, Sendable, CaseIterable, Codable {
        /// Same data; only the initial weights differ.
        case low
        /// Each member trains on its own bootstrap sample (bagging).
        case medium
        /// Bootstrap samples, and each member sees a random 4 of the 6 features.
        case high
    }

    public struct Options: Sendable, Equatable {
        public var members = 11
        public var method: Method = .average
        public var diversity: Diversity = .medium
        public init() {}
    }

    public struct Baseline: Sendable, Equatable {
        public var accuracy: Double
        public var cost: Double
    }

    public struct CurvePoint: Sendable, Equatable {
        public var size: Int
        public var method: Method
        public var accuracy: Double
        public var cost: Double
        /// Majority-vote accuracy of `size` independent voters with the members' mean accuracy.
        public var condorcet: Double
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var options: Options
        /// Test accuracy of each member of the default-size (`options.members`) ensemble.
        public var members: [Double]
        public var memberCost: Double
        public var ensemble: Baseline
        public var large: Baseline
        public var curve: [CurvePoint]
        /// Mean pairwise correlation of the members' errors on test data.
        public var errorCorrelation: Double

        public var meanMember: Double { members.reduce(0, +) / Double(max(members.count, 1)) }
        public var bestMember: Double { members.max() ?? 0 }
    }

    /// Ensemble sizes of the curve: 1, 3, 5, …, 25 and the chosen size.
    public static func curveSizes(_ members: Int) -> [Int] {
        Array(Set(stride(from: 1, through: 25, by: 2)).union([members])).sorted()
    }

    public static func run(_ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard) -> Result {
        // A curved boundary (six clusters per class) that a 6-unit MLP only roughly finds, so
        // members vary from sample to sample — the variance an ensemble averages away.
        var taskOptions = ClusterTask.Options()
        taskOptions.clustersPerClass = 6
        taskOptions.spread = 1.4
        taskOptions.trainCount = 500
        let memberHidden = 6
        let memberEpochs = 20
        let memberBatch = 100
        let memberLR = 0.05
        let task = ClusterTask(seed: seed, options: taskOptions)
        let train = task.train
        let test = task.test
        let validation = task.validation
        let sizes = curveSizes(options.members)
        let memberCount = max(sizes.last ?? 1, options.members)
        var rng = SplitMix64(seed: seed ^ 0x454E_5345)

        // Members: small MLPs, each from its own generator.
        var testProbabilities: [Matrix] = []
        var validationAccuracy: [Double] = []
        var memberCost = 0.0
        for m in 0..<memberCount {
            var memberRNG = SplitMix64(seed: seed ^ 0x4D45_4D00 ^ UInt64(m + 1) &* 0x9E37_79B9)
            var rows = Array(0..<train.count)
            if options.diversity != .low { rows = memberRNG.bootstrapIndices(count: train.count) }
            var features = Array(0..<train.features)
            if options.diversity == .high { features = Array(memberRNG.permutation(train.features).prefix(4)).sorted() }
            let model = MLP(inputs: features.count, hidden: [memberHidden], classes: 2, rng: &memberRNG)
            let sample = train.subset(rows)
            Recipes.fit(
                model, inputs: sample.inputs.columns(features), targets: .hard(sample.labels), epochs: memberEpochs,
                learningRate: memberLR, batchSize: memberBatch, rng: &memberRNG)
            testProbabilities.append(model.probabilities(test.inputs.columns(features)))
            validationAccuracy.append(
                Recipes.accuracy(
                    model,
                    on: LabeledSet(inputs: validation.inputs.columns(features), labels: validation.labels, classes: 2)))
            memberCost = Double(model.cost)
        }
        let memberAccuracy = testProbabilities.map {
            Metrics.accuracy(predictions: $0.argmaxRows(), labels: test.labels)
        }

        let large = MLP(inputs: train.features, hidden: [32, 32], classes: 2, rng: &rng)
        Recipes.fit(
            large, inputs: train.inputs, targets: .hard(train.labels), epochs: 30, learningRate: 0.01,
            batchSize: 64, rng: &rng)
        let largeBaseline = Baseline(accuracy: Recipes.accuracy(large, on: test), cost: Double(large.cost))

        func combined(_ size: Int, _ method: Method) -> Double {
            let chosen = Array(testProbabilities.prefix(size))
            let predictions: [Int]
            switch method {
            case .vote:
                predictions = hooks.majorityVote(chosen.map { $0.argmaxRows() }, 2)
            case .average:
                predictions = hooks.averageProbabilities(chosen).argmaxRows()
            case .weighted:
                // Weights from validation accuracy: log-odds of being right, never negative.
                let weights = validationAccuracy.prefix(size).map { a in max(0, log(max(a, 1e-6) / max(1 - a, 1e-6))) }
                let total = weights.reduce(0, +)
                let scaled = zip(chosen, weights).map { $0.0 * (total > 0 ? $0.1 / total * Double(size) : 1) }
                predictions = hooks.averageProbabilities(scaled).argmaxRows()
            }
            return Metrics.accuracy(predictions: predictions, labels: test.labels)
        }

        var curve: [CurvePoint] = []
        for size in sizes {
            let p = memberAccuracy.prefix(size).reduce(0, +) / Double(size)
            for method in Method.allCases {
                curve.append(
                    CurvePoint(
                        size: size, method: method, accuracy: combined(size, method),
                        cost: Double(size) * memberCost, condorcet: condorcet(voters: size, accuracy: p)))
            }
        }
        let members = Array(memberAccuracy.prefix(options.members))
        return Result(
            seed: seed, options: options, members: members, memberCost: memberCost,
            ensemble: Baseline(
                accuracy: combined(options.members, options.method), cost: Double(options.members) * memberCost),
            large: largeBaseline, curve: curve,
            errorCorrelation: errorCorrelation(
                testProbabilities.prefix(options.members).map { correctness($0.argmaxRows(), test.labels) }))
    }

    /// P(majority of `voters` independent voters is right), each right with `accuracy`; a tie
    /// (even count) is broken by a coin.
    public static func condorcet(voters: Int, accuracy p: Double) -> Double {
        var total = 0.0
        for k in 0...voters {
            let probability = binomial(voters, k) * pow(p, Double(k)) * pow(1 - p, Double(voters - k))
            if 2 * k > voters { total += probability } else if 2 * k == voters { total += probability / 2 }
        }
        return total
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        var result = 1.0
        for i in 0..<min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
        return result
    }

    /// Mean Pearson correlation between members' error indicators (0 when undefined).
    static func errorCorrelation(_ right: [[Bool]]) -> Double {
        let errors = right.map { $0.map { $0 ? 0.0 : 1.0 } }
        var total = 0.0
        var pairs = 0
        for a in errors.indices {
            for b in errors.indices where b > a {
                let n = Double(errors[a].count)
                let ma = errors[a].reduce(0, +) / n
                let mb = errors[b].reduce(0, +) / n
                var cov = 0.0
                var va = 0.0
                var vb = 0.0
                for i in errors[a].indices {
                    cov += (errors[a][i] - ma) * (errors[b][i] - mb)
                    va += (errors[a][i] - ma) * (errors[a][i] - ma)
                    vb += (errors[b][i] - mb) * (errors[b][i] - mb)
                }
                if va > 0 && vb > 0 {
                    total += cov / (va * vb).squareRoot()
                    pairs += 1
                }
            }
        }
        return pairs > 0 ? total / Double(pairs) : 0
    }
}
