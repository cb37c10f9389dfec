/// `clusters`: classes made of several Gaussian clusters each, so the boundary between classes
/// is curved and small models see it only roughly. Used by the ensemble, distillation and
/// data-filtering demos.
///
/// Each class owns `clustersPerClass` centres drawn from N(0, `spread`²·I); a point is its
/// centre plus N(0, `width`²·I) noise. True labels are class-balanced by construction in every
/// split (⌊n/classes⌋ or one more per class): `cleanLabels`, `validation` and `test`. The
/// training split can be made messy on purpose (its noisy `train.labels` are then no longer
/// exactly balanced):
/// - `labelNoise`: this fraction of training labels replaced by another class at random;
/// - `flipNoise`: this fraction of class-0 training examples relabelled as class 1 (a systematic
///   bias that moves the learned boundary, unlike symmetric noise);
/// - `duplicates`: this fraction of the training rows replaced by near-copies of a handful of
///   cluster centres (easy, redundant examples). The true labels stay in `cleanLabels`.
/// Validation and test are always clean.
public struct ClusterTask: Sendable {
    /// The task's knobs; the defaults are a clean two-class task.
    public struct Options: Sendable, Equatable, Codable {
        /// Number of classes.
        public var classes = 2
        /// Gaussian clusters that make up each class.
        public var clustersPerClass = 4
        /// Features per example.
        public var dimensions = 6
        /// Standard deviation of the cluster centres around the origin (larger: easier task).
        public var spread = 1.6
        /// Standard deviation of the points around their centre (larger: more overlap).
        public var width = 1.0
        /// Examples in the training split.
        public var trainCount = 600
        /// Examples in the validation split.
        public var validationCount = 400
        /// Examples in the test split.
        public var testCount = 1500
        /// Fraction of training labels replaced by another class at random.
        public var labelNoise = 0.0
        /// Fraction of class-0 training examples relabelled as class 1 (a systematic bias).
        public var flipNoise = 0.0
        /// Fraction of training rows replaced by near-copies of a few cluster centres.
        public var duplicates = 0.0
        /// The defaults above.
        public init() {}
    }

    /// The options the task was generated with.
    public let options: Options
    /// The training split with the noise and duplicates the options ask for.
    public let train: LabeledSet
    /// The true labels of `train`, before any label noise.
    public let cleanLabels: [Int]
    /// Which training rows are near-duplicates.
    public let isDuplicate: [Bool]
    /// The clean validation split (true labels).
    public let validation: LabeledSet
    /// The clean test split (true labels).
    public let test: LabeledSet
    /// The cluster centres, `classes × clustersPerClass` rows, class-major.
    public let centres: Matrix

    /// Generates the task from `seed`: same seed and options, same centres, splits and noise.
    public init(seed: UInt64, options: Options = Options()) {
        self.options = options
        var rng = SplitMix64(seed: seed ^ 0x434C_5553_5445_5200)
        var worldRNG = rng.split()
        let centreCount = options.classes * options.clustersPerClass
        centres = Matrix.random(rows: centreCount, cols: options.dimensions, std: options.spread, rng: &worldRNG)
        var trainRNG = rng.split()
        var validationRNG = rng.split()
        var testRNG = rng.split()
        var messRNG = rng.split()
        let clean = ClusterTask.sample(count: options.trainCount, options: options, centres: centres, rng: &trainRNG)
        validation = ClusterTask.sample(
            count: options.validationCount, options: options, centres: centres, rng: &validationRNG)
        test = ClusterTask.sample(count: options.testCount, options: options, centres: centres, rng: &testRNG)

        var inputs = clean.inputs
        var labels = clean.labels
        var duplicate = [Bool](repeating: false, count: clean.count)
        // Near-copies of a few centres (one per class), replacing rows of the same class.
        let duplicateCount = Int((options.duplicates * Double(clean.count)).rounded())
        if duplicateCount > 0 {
            let rows = messRNG.permutation(clean.count).prefix(duplicateCount)
            for r in rows {
                let centre = labels[r] * options.clustersPerClass + messRNG.int(below: min(2, options.clustersPerClass))
                for c in 0..<options.dimensions {
                    inputs[r, c] = centres[centre, c] + 0.05 * options.width * messRNG.normal()
                }
                duplicate[r] = true
            }
        }
        for r in 0..<labels.count {
            if labels[r] == 0, options.flipNoise > 0, messRNG.bernoulli(options.flipNoise) {
                labels[r] = 1
            } else if options.labelNoise > 0, messRNG.bernoulli(options.labelNoise) {
                labels[r] = (labels[r] + 1 + messRNG.int(below: options.classes - 1)) % options.classes
            }
        }
        cleanLabels = clean.labels
        isDuplicate = duplicate
        train = LabeledSet(inputs: inputs, labels: labels, classes: options.classes)
    }

    static func sample(count: Int, options: Options, centres: Matrix, rng: inout SplitMix64) -> LabeledSet {
        let labels = balancedLabels(count: count, classes: options.classes, rng: &rng)
        var inputs = Matrix(rows: count, cols: options.dimensions)
        for (r, label) in labels.enumerated() {
            let centre = label * options.clustersPerClass + rng.int(below: options.clustersPerClass)
            for c in 0..<options.dimensions {
                inputs[r, c] = centres[centre, c] + options.width * rng.normal()
            }
        }
        return LabeledSet(inputs: inputs, labels: labels, classes: options.classes)
    }
}
