import Foundation
import ToyEngine

/// `ensemble`: many small models (different seeds and bootstrap samples) combined by majority
/// vote, probability averaging or weighted averaging, and the same kind of small model boosted
/// (AdaBoost), against one large model, on the binary `clusters` task. The members are tiny
/// (two hidden units: two lines through a boundary that curves around twelve clusters), so they
/// share a large bias that averaging keeps and boosting, which trains each new member on the
/// examples the previous ones got wrong, can remove. The Condorcet curve shows what the vote
/// would reach if the members' errors were independent; the Bayes accuracy, what no classifier
/// can beat on this task.
public enum EnsembleDemo {
    public enum Method: String, Sendable, CaseIterable, Codable {
        case vote, average, weighted, boosting
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

    public typealias Baseline = ModelBaseline

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
        /// The Bayes-optimal accuracy of the task (the rule that knows the class densities), on a
        /// Monte Carlo sample of `bayesSamples` fresh points, and its standard error.
        public var bayesAccuracy: Double
        public var bayesStandardError: Double
        /// Boosting rounds whose weak learner was no better than chance on the weighted data
        /// (skipped, as AdaBoost prescribes).
        public var boostingSkipped: Int

        public var meanMember: Double { members.reduce(0, +) / Double(max(members.count, 1)) }
        public var bestMember: Double { members.max() ?? 0 }
    }

    /// Ensemble sizes of the curve: 1, 3, 5, …, 25 and the chosen size.
    public static func curveSizes(_ members: Int) -> [Int] {
        Array(Set(stride(from: 1, through: 25, by: 2)).union([members])).sorted()
    }

    /// Fresh points the Bayes accuracy is estimated on (standard error about 0.1 point).
    public static let bayesSamples = 40_000
    /// Hidden units of each member.
    public static let memberHidden = 2

    public static func run(_ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard) -> Result {
        // A curved boundary (six clusters per class) that a 2-unit MLP can only cut with two
        // lines: members differ from sample to sample (variance) and all miss the same curves
        // (bias).
        var taskOptions = ClusterTask.Options()
        taskOptions.clustersPerClass = 6
        taskOptions.spread = 1.4
        taskOptions.trainCount = 500
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

        // AdaBoost (Freund & Schapire 1997) over the same tiny MLP: each round trains on a
        // resample drawn with the current example weights, then up-weights its mistakes.
        var weights = [Double](repeating: 1 / Double(train.count), count: train.count)
        var boostedScore = [Double](repeating: 0, count: test.count)
        var boostingAccuracy: [Int: Double] = [:]
        var skipped = 0
        for round in 0..<memberCount {
            var roundRNG = SplitMix64(seed: seed ^ 0xB005_7000 ^ UInt64(round + 1) &* 0x9E37_79B9)
            let rows = weightedResample(weights, count: train.count, rng: &roundRNG)
            let model = MLP(inputs: train.features, hidden: [memberHidden], classes: 2, rng: &roundRNG)
            let sample = train.subset(rows)
            Recipes.fit(
                model, inputs: sample.inputs, targets: .hard(sample.labels), epochs: memberEpochs,
                learningRate: memberLR, batchSize: memberBatch, rng: &roundRNG)
            let trainPredictions = model.predict(train.inputs)
            var error = 0.0
            for i in 0..<train.count where trainPredictions[i] != train.labels[i] { error += weights[i] }
            if error < 0.5 {
                let clamped = max(error, 1e-9)
                let alpha = 0.5 * log((1 - clamped) / clamped)
                var total = 0.0
                for i in 0..<train.count {
                    weights[i] *= exp(trainPredictions[i] == train.labels[i] ? -alpha : alpha)
                    total += weights[i]
                }
                for i in 0..<train.count { weights[i] /= total }
                for (i, p) in model.predict(test.inputs).enumerated() { boostedScore[i] += p == 1 ? alpha : -alpha }
            } else {
                skipped += 1
            }
            if sizes.contains(round + 1) {
                boostingAccuracy[round + 1] = Metrics.accuracy(
                    predictions: boostedScore.map { $0 > 0 ? 1 : 0 }, labels: test.labels)
            }
        }

        func combined(_ size: Int, _ method: Method) -> Double {
            let chosen = Array(testProbabilities.prefix(size))
            let predictions: [Int]
            switch method {
            case .vote:
                predictions = hooks.majorityVote(chosen.map { $0.argmaxRows() }, 2)
            case .average:
                predictions = hooks.averageProbabilities(chosen).argmaxRows()
            case .boosting:
                return boostingAccuracy[size] ?? .nan
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
        let bayes = bayesAccuracy(task, samples: bayesSamples, seed: seed)
        return Result(
            seed: seed, options: options, members: members, memberCost: memberCost,
            ensemble: Baseline(
                accuracy: combined(options.members, options.method), cost: Double(options.members) * memberCost),
            large: largeBaseline, curve: curve,
            errorCorrelation: errorCorrelation(
                testProbabilities.prefix(options.members).map { correctness($0.argmaxRows(), test.labels) }),
            bayesAccuracy: bayes,
            bayesStandardError: (bayes * (1 - bayes) / Double(bayesSamples)).squareRoot(), boostingSkipped: skipped)
    }

    /// `count` indices drawn with replacement, each with probability proportional to its weight.
    static func weightedResample(_ weights: [Double], count: Int, rng: inout SplitMix64) -> [Int] {
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        var total = 0.0
        for w in weights {
            total += w
            cumulative.append(total)
        }
        return (0..<count).map { _ in
            let u = rng.nextDouble() * total
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] > u { high = mid } else { low = mid + 1 }
            }
            return low
        }
    }

    /// The Bayes-optimal accuracy of `task`: fresh points drawn from its generator (classes in
    /// turn, a uniform cluster of the class, Gaussian noise of the task's width), each labelled
    /// by the class whose mixture density is highest there — the best any classifier can do.
    public static func bayesAccuracy(_ task: ClusterTask, samples: Int, seed: UInt64) -> Double {
        let o = task.options
        var rng = SplitMix64(seed: seed ^ 0xBA7E_5000)
        var point = [Double](repeating: 0, count: o.dimensions)
        var logDensity = [Double](repeating: 0, count: o.clustersPerClass)
        var right = 0
        for i in 0..<samples {
            let label = i % o.classes
            let centre = label * o.clustersPerClass + rng.int(below: o.clustersPerClass)
            for c in 0..<o.dimensions { point[c] = task.centres[centre, c] + o.width * rng.normal() }
            var best = (score: -Double.infinity, label: 0)
            for k in 0..<o.classes {
                // log Σ_j exp(−‖x − μ_kj‖² / 2w²), the class's density up to a shared constant.
                for j in 0..<o.clustersPerClass {
                    var d = 0.0
                    for c in 0..<o.dimensions {
                        let t = point[c] - task.centres[k * o.clustersPerClass + j, c]
                        d += t * t
                    }
                    logDensity[j] = -d / (2 * o.width * o.width)
                }
                let top = logDensity.max() ?? 0
                let score = top + log(logDensity.reduce(0) { $0 + exp($1 - top) })
                if score > best.score { best = (score, k) }
            }
            if best.label == label { right += 1 }
        }
        return Double(right) / Double(samples)
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
