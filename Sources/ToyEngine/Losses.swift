import Foundation

/// What a model is trained towards: class labels, or a probability row per example.
public enum Targets: Sendable, Equatable {
    /// One class label per example.
    case hard([Int])
    /// One probability row per example (n × classes), e.g. a teacher's or weak model's output.
    case soft(Matrix)

    /// Number of examples.
    public var count: Int {
        switch self {
        case .hard(let labels): return labels.count
        case .soft(let m): return m.rows
        }
    }

    /// The targets at `indices` (a minibatch).
    public func subset(_ indices: [Int]) -> Targets {
        switch self {
        case .hard(let labels): return .hard(indices.map { labels[$0] })
        case .soft(let m): return .soft(m.rows(indices))
        }
    }

    /// The targets as probability rows (hard labels become one-hot rows).
    public func probabilities(classes: Int) -> Matrix {
        switch self {
        case .hard(let labels): return Matrix.oneHot(labels, classes: classes)
        case .soft(let m): return m
        }
    }

    /// The most probable class of each target (hard labels unchanged).
    public var labels: [Int] {
        switch self {
        case .hard(let labels): return labels
        case .soft(let m): return m.argmaxRows()
        }
    }
}

/// The training objective; each case's value and gradient are in `Losses`.
public enum Loss: Sendable, Equatable {
    /// Mean cross-entropy to hard or soft targets (soft targets: knowledge distillation at T = 1).
    case crossEntropy
    /// Knowledge distillation (Hinton et al. 2015): cross-entropy from the student's
    /// `softmax(z / T)` to soft targets (already softened at T), times T² so gradient sizes
    /// stay comparable across temperatures.
    case distillation(temperature: Double)
    /// Burns et al. (2023) auxiliary confidence loss for weak-to-strong training on weak soft
    /// labels: cross-entropy to `(1 − α)·weak + α·hardened student prediction`, with α rising
    /// linearly from 0 to `alphaMax` over the first `warmupFraction` of training, then constant.
    case auxiliaryConfidence(alphaMax: Double, warmupFraction: Double)

    /// The loss and `dL/dlogits` for a batch, at `progress` (0…1, the fraction of training done:
    /// only the confidence loss uses it).
    public func evaluate(logits: Matrix, targets: Targets, progress: Double) -> (loss: Double, gradient: Matrix) {
        switch self {
        case .crossEntropy:
            return Losses.crossEntropy(logits: logits, targets: targets)
        case .distillation(let temperature):
            return Losses.distillation(logits: logits, targets: targets, temperature: temperature)
        case .auxiliaryConfidence(let alphaMax, let warmupFraction):
            let alpha = Losses.confidenceAlpha(progress: progress, alphaMax: alphaMax, warmupFraction: warmupFraction)
            return Losses.auxiliaryConfidence(
                logits: logits, weakSoft: targets.probabilities(classes: logits.cols), alpha: alpha)
        }
    }
}

/// Each loss's value beside its gradient with respect to the logits. All are means over the batch.
public enum Losses {
    /// Mean cross-entropy `−(1/n) Σᵢ Σ_c tᵢc · log softmax(zᵢ)_c`, and its gradient
    /// `(softmax(z) − t) / n`. Hard labels are one-hot targets.
    public static func crossEntropy(logits: Matrix, targets: Targets) -> (loss: Double, gradient: Matrix) {
        softCrossEntropy(logits: logits, targets: targets.probabilities(classes: logits.cols), temperature: 1)
    }

    /// Distillation at temperature T: `T² · CE(t, softmax(z / T))`, gradient `T · (softmax(z/T) − t) / n`
    /// (the T² scaling cancels one 1/T from the chain rule, leaving T).
    public static func distillation(logits: Matrix, targets: Targets, temperature: Double) -> (
        loss: Double, gradient: Matrix
    ) {
        let (loss, gradient) = softCrossEntropy(
            logits: logits, targets: targets.probabilities(classes: logits.cols), temperature: temperature)
        let t2 = temperature * temperature
        return (t2 * loss, t2 * gradient)
    }

    /// Cross-entropy from `softmax(z / T)` to probability rows `t`, gradient `(softmax(z/T) − t) / (n·T)`.
    public static func softCrossEntropy(logits: Matrix, targets: Matrix, temperature: Double) -> (
        loss: Double, gradient: Matrix
    ) {
        precondition(
            logits.rows == targets.rows && logits.cols == targets.cols,
            "cross-entropy: logits and targets differ in shape")
        let n = Double(Swift.max(logits.rows, 1))
        let logP = logits.logSoftmaxRows(temperature: temperature)
        var loss = 0.0
        var gradient = logP
        for i in gradient.values.indices {
            let t = targets.values[i]
            if t != 0 { loss -= t * logP.values[i] }
            gradient.values[i] = (exp(logP.values[i]) - t) / (n * temperature)
        }
        return (loss / n, gradient)
    }

    /// The confidence loss's α at `progress` (fraction of training done): `alphaMax · progress /
    /// warmupFraction` during warm-up, then `alphaMax`. (openai/weak-to-strong uses α = step fraction
    /// during warm-up, which jumps at its end; the paper describes a linear warm-up, used here.)
    public static func confidenceAlpha(progress: Double, alphaMax: Double, warmupFraction: Double) -> Double {
        guard warmupFraction > 0, progress < warmupFraction else { return alphaMax }
        return alphaMax * Swift.max(progress, 0) / warmupFraction
    }

    /// The student's predictions hardened to one-hot rows so that the class counts match the weak
    /// labels' class balance on this batch: class c receives `round(n · mean_i weak_ic)` examples
    /// (largest remainders, so the counts sum to n), and examples go to classes in order of the
    /// student's probability, most confident (example, class) pair first. For two classes this is a
    /// threshold on p(class 0): the examples with the highest p(class 0) get class 0, as with
    /// `logconf_loss_fn`'s quantile threshold in openai/weak-to-strong (which interpolates the
    /// quantile, so its count can differ from ours by one).
    public static func hardenedPredictions(weakSoft: Matrix, studentProbabilities: Matrix) -> Matrix {
        precondition(
            weakSoft.rows == studentProbabilities.rows && weakSoft.cols == studentProbabilities.cols,
            "hardenedPredictions: shapes differ")
        let n = weakSoft.rows
        let k = weakSoft.cols
        guard n > 0, k > 0 else { return Matrix(rows: n, cols: k) }
        // Class quotas from the weak labels' mean, rounded by largest remainder.
        let expected = weakSoft.columnSums()
        let total = expected.reduce(0, +)
        let scaled = expected.map { total > 0 ? $0 / total * Double(n) : Double(n) / Double(k) }
        var quota = scaled.map { Int($0.rounded(.down)) }
        let order = (0..<k).sorted { (scaled[$0] - Double(quota[$0]), -$0) > (scaled[$1] - Double(quota[$1]), -$1) }
        for c in order.prefix(n - quota.reduce(0, +)) { quota[c] += 1 }
        // Most confident (example, class) pairs first; ties by example then class for determinism.
        var pairs = [(p: Double, i: Int, c: Int)]()
        pairs.reserveCapacity(n * k)
        for i in 0..<n { for c in 0..<k { pairs.append((studentProbabilities[i, c], i, c)) } }
        pairs.sort { ($0.p, -$0.i, -$0.c) > ($1.p, -$1.i, -$1.c) }
        var hardened = Matrix(rows: n, cols: k)
        var assigned = [Bool](repeating: false, count: n)
        var remaining = n
        for pair in pairs where remaining > 0 && !assigned[pair.i] && quota[pair.c] > 0 {
            hardened[pair.i, pair.c] = 1
            assigned[pair.i] = true
            quota[pair.c] -= 1
            remaining -= 1
        }
        return hardened
    }

    /// The confidence loss's target `(1 − α)·weakSoft + α·hardened(studentProbabilities)`.
    /// It is a constant for the gradient: nothing flows back through the hardened predictions.
    public static func confidenceTarget(weakSoft: Matrix, studentProbabilities: Matrix, alpha: Double) -> Matrix {
        let hardened = hardenedPredictions(weakSoft: weakSoft, studentProbabilities: studentProbabilities)
        return weakSoft.zipMap(hardened) { (1 - alpha) * $0 + alpha * $1 }
    }

    /// The auxiliary confidence loss at a given α: cross-entropy from `softmax(logits)` to
    /// `confidenceTarget(weakSoft, softmax(logits), α)`, with the target held fixed.
    public static func auxiliaryConfidence(logits: Matrix, weakSoft: Matrix, alpha: Double) -> (
        loss: Double, gradient: Matrix
    ) {
        let target = confidenceTarget(weakSoft: weakSoft, studentProbabilities: logits.softmaxRows(), alpha: alpha)
        return softCrossEntropy(logits: logits, targets: target, temperature: 1)
    }
}
