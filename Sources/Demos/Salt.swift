import Foundation
import ToyEngine

/// `salt`: a small model helps a larger one pre-train (SALT, Rawat et al. 2024).
///
/// The corpus is the engine's second-order Markov source (`MarkovSource`): the next token depends
/// on the two before it. The small model is softmax regression on the one-hot code of the last
/// token; the large one is an MLP over the last two tokens. The small model is trained first, the
/// standard way, on the same stream. Then the large model is pre-trained four ways on the same stream of
/// tokens, from the same initial weights, for the same number of steps:
/// - `baseline`: next-token cross-entropy throughout;
/// - `salt`: for the first `kdFraction` of the steps, the small model's probabilities are the
///   targets (knowledge distillation at T = 1); then next-token training takes over;
/// - `saltDS`: as `salt`, but the distillation phase trains on examples the small model selects:
///   of twice as many candidate positions, the half whose observed next token the small model finds
///   neither easy nor hopeless (its loss in the middle band), "challenging yet learnable". The
///   standard phase then continues where plain SALT's does, so some candidates are seen twice
///   (once as distillation examples);
/// - `kdThroughout`: distillation from the small model for the whole run.
/// Quality is the exact expected next-token loss against the source's own probabilities, over the
/// contexts as often as held-out text has them (lower is better; the source's entropy is the floor).
public enum SaltDemo {
    public struct Options: Sendable, Equatable {
        /// Gradient steps of every large-model run.
        public var steps = 300
        /// Positions per minibatch.
        public var batchSize = 32
        /// The share of the steps in the distillation phase of SALT and SALT_DS.
        public var kdFraction = 0.25
        /// Steps between evaluations.
        public var evaluateEvery = 10
        public init() {}
    }

    /// One way of pre-training the large model.
    public struct Run: Sendable, Equatable {
        public var name: String
        /// The expected loss at steps `evaluationSteps`.
        public var curve: [Double]
        /// The first evaluated step at which the loss is at or below the baseline's final loss;
        /// nil if it never gets there.
        public var stepsToBaselineQuality: Int?
        public var finalLoss: Double { curve.last ?? .nan }
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var steps: Int
        public var kdSteps: Int
        public var evaluationSteps: [Int]
        public var baseline: Run
        public var salt: Run
        public var saltDS: Run
        public var kdThroughout: Run
        /// The small model's own expected loss (the teacher's ceiling).
        public var teacherLoss: Double
        /// The source's conditional entropy: the lowest loss any model can reach.
        public var entropyFloor: Double
        public var smallCost: Int
        public var largeCost: Int
        public var runs: [Run] { [baseline, salt, saltDS, kdThroughout] }
        /// The index in `evaluationSteps` of the step at which SALT hands over (the first
        /// evaluation at or after it).
        public var switchIndex: Int? { evaluationSteps.firstIndex { $0 >= kdSteps } }
    }

    /// The large model's hidden layer. The small model has none: it is softmax regression on the
    /// last token alone (a bigram model trained by gradient descent), so it cannot learn what the
    /// token two back adds — its ceiling.
    public static let largeHidden = [32]
    /// Adam's step size for the large model (the small one uses 0.02).
    static let largeLearningRate = 0.003

    public static func run(_ options: Options = Options(), seed: UInt64 = 1) -> Result {
        let source = MarkovSource(seed: seed)
        let v = source.options.vocabulary
        var rng = SplitMix64(seed: seed ^ 0x5341_4C54)
        let steps = max(1, options.steps)
        let batch = max(1, options.batchSize)
        let kdSteps = min(steps, max(0, Int((Double(steps) * options.kdFraction).rounded())))

        // The training stream (one pass, no example seen twice) and held-out text for the
        // context weights.
        let stream = Corpus(tokens: source.sample(count: steps * batch + 2, rng: &rng), vocabulary: v)
        let heldOut = source.sample(count: 8_000, rng: &rng)
        let evaluation = Evaluation(source: source, heldOut: heldOut)

        // The small model: trained the standard way on the same stream.
        var smallRNG = SplitMix64(seed: seed ^ 0x534D_414C)
        let smallColumns = Array(v..<(2 * v))
        let smallInputs = stream.inputs.columns(smallColumns)
        let small = MLP(inputs: smallColumns.count, hidden: [], classes: v, rng: &smallRNG)
        var smallTrainer = Trainer(model: small, loss: .crossEntropy, optimizer: .adam(learningRate: 0.02))
        for step in 0..<steps {
            let rows = Array((step * batch)..<((step + 1) * batch))
            smallTrainer.step(inputs: smallInputs.rows(rows), targets: .hard(rows.map { stream.next[$0] }))
        }
        let teacherProbabilities = small.probabilities(smallInputs)

        // SALT_DS's candidates: the positions of the first 2·kdSteps batches, scored by the small
        // model's loss on the observed next token; the middle half is kept, in stream order.
        let candidateCount = min(stream.count, 2 * kdSteps * batch)
        let candidateLoss = (0..<candidateCount).map { -log(max(teacherProbabilities[$0, stream.next[$0]], 1e-12)) }
        let byLoss = (0..<candidateCount).sorted { (candidateLoss[$0], $0) < (candidateLoss[$1], $1) }
        let selected = Array(byLoss[(candidateCount / 4)..<(candidateCount / 4 + kdSteps * batch)]).sorted()

        let evaluationSteps = Array(stride(from: 0, through: steps, by: max(1, options.evaluateEvery)))
        func train(kdUntil: Int, selectedKD: Bool) -> [Double] {
            var initRNG = SplitMix64(seed: seed ^ 0x4C41_5247)
            let model = MLP(inputs: 2 * v, hidden: largeHidden, classes: v, rng: &initRNG)
            var trainer = Trainer(
                model: model, loss: .crossEntropy, optimizer: .adam(learningRate: largeLearningRate))
            var curve: [Double] = []
            for step in 0...steps {
                if evaluationSteps.contains(step) { curve.append(evaluation.loss(model)) }
                if step == steps { break }
                let rows: [Int]
                if selectedKD && step < kdUntil {
                    rows = Array(selected[(step * batch)..<((step + 1) * batch)])
                } else {
                    rows = Array((step * batch)..<((step + 1) * batch))
                }
                let targets: Targets =
                    step < kdUntil ? .soft(teacherProbabilities.rows(rows)) : .hard(rows.map { stream.next[$0] })
                trainer.step(inputs: stream.inputs.rows(rows), targets: targets)
            }
            return curve
        }
        let baselineCurve = train(kdUntil: 0, selectedKD: false)
        let target = baselineCurve.last ?? .nan
        func makeRun(_ name: String, _ curve: [Double]) -> Run {
            let index = curve.firstIndex { $0 <= target }
            return Run(name: name, curve: curve, stepsToBaselineQuality: index.map { evaluationSteps[$0] })
        }
        let sizeProbeRNG = SplitMix64(seed: 0)
        var probe = sizeProbeRNG
        let large = MLP(inputs: 2 * v, hidden: largeHidden, classes: v, rng: &probe)
        return Result(
            seed: seed, steps: steps, kdSteps: kdSteps, evaluationSteps: evaluationSteps,
            baseline: makeRun("baseline", baselineCurve),
            salt: makeRun("salt", train(kdUntil: kdSteps, selectedKD: false)),
            saltDS: makeRun("salt_ds", train(kdUntil: kdSteps, selectedKD: true)),
            kdThroughout: makeRun("kd_throughout", train(kdUntil: steps, selectedKD: false)),
            teacherLoss: evaluation.loss(small, columns: smallColumns), entropyFloor: evaluation.entropy,
            smallCost: small.cost,
            largeCost: large.cost)
    }

    /// Training positions: the one-hot codes of the two tokens before each position, and the token.
    struct Corpus {
        let inputs: Matrix
        let next: [Int]
        var count: Int { next.count }

        init(tokens: [Int], vocabulary v: Int) {
            let n = max(0, tokens.count - 2)
            var inputs = Matrix(rows: n, cols: 2 * v)
            var next: [Int] = []
            next.reserveCapacity(n)
            for i in 0..<n {
                inputs.values[i * 2 * v + tokens[i]] = 1
                inputs.values[i * 2 * v + v + tokens[i + 1]] = 1
                next.append(tokens[i + 2])
            }
            self.inputs = inputs
            self.next = next
        }
    }

    /// The exact expected next-token loss of a model: for each context (a, b), the cross-entropy
    /// from the source's true next-token probabilities to the model's, weighted by how often
    /// held-out text has that context.
    struct Evaluation {
        let contexts: Matrix
        let truth: [[Double]]
        let weights: [Double]
        let entropy: Double

        init(source: MarkovSource, heldOut: [Int]) {
            let v = source.options.vocabulary
            var counts = [Double](repeating: 0, count: v * v)
            for i in 2..<max(2, heldOut.count) { counts[heldOut[i - 2] * v + heldOut[i - 1]] += 1 }
            let total = max(counts.reduce(0, +), 1)
            let used = counts.indices.filter { counts[$0] > 0 }
            var contexts = Matrix(rows: used.count, cols: 2 * v)
            for (row, c) in used.enumerated() {
                contexts.values[row * 2 * v + c / v] = 1
                contexts.values[row * 2 * v + v + c % v] = 1
            }
            self.contexts = contexts
            truth = used.map { c in Array(source.probabilities[(c * v)..<((c + 1) * v)]) }
            weights = used.map { counts[$0] / total }
            var h = 0.0
            for (k, p) in truth.enumerated() {
                h += weights[k] * p.reduce(0) { $0 - ($1 > 0 ? $1 * log($1) : 0) }
            }
            entropy = h
        }

        func loss(_ model: any Model, columns: [Int]? = nil) -> Double {
            let logQ = model.logits(columns.map { contexts.columns($0) } ?? contexts).logSoftmaxRows(temperature: 1)
            var total = 0.0
            for (k, p) in truth.enumerated() {
                var ce = 0.0
                for x in p.indices { ce -= p[x] * logQ[k, x] }
                total += weights[k] * ce
            }
            return total
        }
    }
}
