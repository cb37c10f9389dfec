import Foundation

/// The latent-feature task built for weak-to-strong generalization (binary labels).
///
/// Every example has `factors` hidden factors z ~ N(0, I); its label is
/// 1[ Σᵢ zᵢ/√factors + labelNoise·ε > 0 ]. Two views of the same example:
/// - the **weak view** sees only the first `factors − blind` factors, each through independent
///   noise of size `weakNoise`. A weak model trained on it makes two kinds of mistakes:
///   *idiosyncratic* ones from the noise (independent of anything the strong view sees, so a
///   strong student cannot fit them and corrects them) and *systematic* ones from the factors it
///   is blind to (a rule of z the strong student can represent, so it imitates them).
///   Raising `weakNoise` moves the weak errors toward idiosyncratic (PGR up); raising `blind`
///   moves them toward systematic (PGR down). With `weakNoise` 0 the weak rule is exactly
///   representable and naive weak-to-strong training recovers almost nothing (PGR ≈ 0).
/// - the **strong view** is a "pretrained" representation: a fixed random linear mix of *all*
///   factors into `strongRank`·2 features (when `strongRank` < `factors`, only a random
///   `strongRank`-dimensional projection of z survives), plus `strongNuisance` features of
///   pure noise a large student can use to memorise its labels.
///
/// Splits follow Burns et al.: half A (the weak model's ground-truth training set), half B
/// (labelled by the weak model for the student), validation and test. Every split is exactly
/// class-balanced (⌊n/2⌋ or one more per class).
public struct LatentTask: Sendable {
    /// The task's knobs; the defaults are the demo's default setting.
    public struct Options: Sendable, Equatable, Codable {
        /// Hidden factors behind every example (and behind its label).
        public var factors = 8
        /// Factors the weak view cannot see.
        public var blind = 2
        /// Standard deviation of the noise on each factor the weak view sees.
        public var weakNoise = 0.8
        /// Dimension of the factor projection the strong view keeps (≤ `factors`).
        public var strongRank = 8
        /// Pure-noise features appended to the strong view.
        public var strongNuisance = 8
        /// Noise on the strong view's mixed features.
        public var strongNoise = 0.1
        /// Label noise (std of ε in the label rule): keeps the ceiling below 100%.
        public var labelNoise = 0.15
        /// Examples in half A (ground truth for training the weak model).
        public var halfACount = 400
        /// Examples in half B (labelled by the weak model for the strong student).
        public var halfBCount = 600
        /// Examples in the validation split.
        public var validationCount = 300
        /// Examples in the test split.
        public var testCount = 1000
        /// The defaults above.
        public init() {}
    }

    /// One split with both views of the same examples.
    public struct Split: Sendable {
        /// The weak view (`weakFeatures` columns) with the true labels.
        public var weak: LabeledSet
        /// The strong view (`strongFeatures` columns) of the same rows, same labels.
        public var strong: LabeledSet
        /// Number of examples.
        public var count: Int { weak.count }
    }

    /// The options the task was generated with.
    public let options: Options
    /// Half A: the weak model's ground-truth training set.
    public let halfA: Split
    /// Half B: the student's training inputs, to be labelled by the weak model (true labels kept
    /// here for the ceiling: a strong model trained on B's ground truth).
    public let halfB: Split
    /// Validation split (e.g. early stopping).
    public let validation: Split
    /// Test split: every accuracy and PGR is measured here.
    public let test: Split

    /// Features of the weak view.
    public var weakFeatures: Int { options.factors - options.blind }
    /// Features of the strong view.
    public var strongFeatures: Int { 2 * options.factors + options.strongNuisance }

    /// Generates the task from `seed`. The views' fixed parts (the strong mixing matrix) come
    /// from the seed too, so two seeds are two different "worlds" of the same design.
    public init(seed: UInt64, options: Options = Options()) {
        precondition(options.blind >= 0 && options.blind < options.factors, "LatentTask: blind must be in 0..<factors")
        precondition(
            options.strongRank >= 1 && options.strongRank <= options.factors,
            "LatentTask: strongRank must be in 1...factors")
        self.options = options
        var rng = SplitMix64(seed: seed ^ 0x4C41_5445_4E54_0000)
        var worldRNG = rng.split()
        // A random projection of z to `strongRank` directions, then mixed into 2·factors features.
        // Both orthonormal, so the strong view is well conditioned: what it keeps, it keeps clearly.
        let projection = orthonormalRows(
            Matrix.random(rows: options.strongRank, cols: options.factors, std: 1, rng: &worldRNG))
        let mixing = orthonormalRows(
            Matrix.random(rows: options.strongRank, cols: 2 * options.factors, std: 1, rng: &worldRNG)
        ).transposed()
        var parts: [Split] = []
        for count in [options.halfACount, options.halfBCount, options.validationCount, options.testCount] {
            var splitRNG = rng.split()
            parts.append(
                LatentTask.makeSplit(
                    count: count, options: options, projection: projection, mixing: mixing, rng: &splitRNG))
        }
        halfA = parts[0]
        halfB = parts[1]
        validation = parts[2]
        test = parts[3]
    }

    static func makeSplit(count: Int, options: Options, projection: Matrix, mixing: Matrix, rng: inout SplitMix64)
        -> Split
    {
        let k = options.factors
        let seen = k - options.blind
        let strongCols = 2 * k + options.strongNuisance
        var weak = Matrix(rows: count, cols: seen)
        var strong = Matrix(rows: count, cols: strongCols)
        // Labels first, exactly balanced; then factors drawn until they carry that label
        // (rejection sampling: the factors keep their true conditional distribution).
        let labels = balancedLabels(count: count, classes: 2, rng: &rng)
        let scale = 1 / Double(k).squareRoot()
        var z = [Double](repeating: 0, count: k)
        var projected = [Double](repeating: 0, count: options.strongRank)
        for r in 0..<count {
            while true {
                var score = 0.0
                for i in 0..<k {
                    z[i] = rng.normal()
                    score += z[i] * scale
                }
                score += options.labelNoise * rng.normal()
                if (score > 0 ? 1 : 0) == labels[r] { break }
            }
            for i in 0..<seen { weak[r, i] = z[i] + options.weakNoise * rng.normal() }
            for p in 0..<options.strongRank {
                var total = 0.0
                for i in 0..<k { total += projection[p, i] * z[i] }
                projected[p] = total
            }
            for f in 0..<(2 * k) {
                var total = 0.0
                for p in 0..<options.strongRank { total += mixing[f, p] * projected[p] }
                // Scaled so each feature has about unit variance.
                strong[r, f] =
                    total * (2 * Double(k) / Double(options.strongRank)).squareRoot() + options.strongNoise
                    * rng.normal()
            }
            for f in (2 * k)..<strongCols { strong[r, f] = rng.normal() }
        }
        return Split(
            weak: LabeledSet(inputs: weak, labels: labels, classes: 2),
            strong: LabeledSet(inputs: strong, labels: labels, classes: 2))
    }
}

/// The rows of `m` made orthonormal by Gram–Schmidt (rows must be independent, which random
/// normal rows are with probability 1).
func orthonormalRows(_ m: Matrix) -> Matrix {
    var out = m
    for r in 0..<m.rows {
        for q in 0..<r {
            var dot = 0.0
            for c in 0..<m.cols { dot += out[r, c] * out[q, c] }
            for c in 0..<m.cols { out[r, c] -= dot * out[q, c] }
        }
        var norm = 0.0
        for c in 0..<m.cols { norm += out[r, c] * out[r, c] }
        norm = norm.squareRoot()
        for c in 0..<m.cols { out[r, c] /= norm }
    }
    return out
}
