import Foundation

/// The task behind the weak-to-strong demo: a miniature of Burns et al. (2023) built so that
/// weak-to-strong generalization happens for the reason the paper and its theory give.
///
/// **Elicitation.** Burns et al. explain weak-to-strong generalization by elicitation: a
/// pretrained strong model already represents the task's concept saliently, and fine-tuning on
/// weak labels brings it out. Lang, Sontag & Vijayaraghavan (NeurIPS 2024) and Charikar,
/// Pabbaraju & Shiragur (NeurIPS 2024) add: the student gains over its supervisor where it
/// cannot fit the supervisor's mistakes cheaply (its *misfit* on the weak labels). This task
/// builds exactly that.
///
/// **The world (per example).** A concept t ~ N(0, I) (one number for two classes, one per class
/// for more), the label y = 1[t > 0] (two classes) or argmax t (K classes); world features
/// ξ ~ N(0, I) whose first coordinates are the *cue* ζ (one per concept coordinate); 128 "junk"
/// features ~ N(0, I); and each model's private noise ε.
///
/// **Weak models** (`weakLadder`, GPT-2-like upwards) are frozen noisy views plus a trained
/// linear head: x_w = [ (t + g_w·ζ + s_w·ε_w) / √(1 + g_w² + s_w²), 0.3·junk₀…₇ ]. A weak model
/// cannot separate the cue from the concept, so its mistakes are partly *systematic* (along ζ,
/// which the strong student could represent) and partly *idiosyncratic* (ε_w, which nothing in the
/// student's view predicts). Larger weak models have less of both.
///
/// **Strong models** (`strongLadder`) are "pretrained": frozen features plus a trained linear
/// head, h_k = [ (t + σ_k·ε_k) / √(1 + σ_k²), b_k·ξ, e_k·junk ]. The concept is the single
/// most salient direction of the view (unit variance); the cue sits in the faint b_k·ξ block and
/// memorising idiosyncratic labels needs the fainter e_k·junk block. A larger student sees the
/// concept more cleanly (smaller σ_k) and the cue and junk more faintly (smaller b_k, e_k).
///
/// Trained by plain SGD from zero, a linear head learns salient directions first and faint ones
/// late (that is the student's prior): it first recovers the concept — beating its supervisor —
/// then slowly learns the cue and memorises the weak errors with the junk (overfitting to weak
/// labels, which the auxiliary confidence loss and early stopping counter). Adam would remove that
/// preference and with it the size trend.
///
/// Design notes (measured, seeds 1–20 and 21–40): junk features that grow in number with the
/// student's size (so that larger rungs cost more multiply-adds) flattened the PGR-against-size
/// trend at the top, so every rung keeps 128 junk features and the same head cost; the rungs
/// differ in their views' quality, as pretrained models of different sizes do. With four classes
/// the confidence loss needs the class-balanced hardening (`Losses.hardenedPredictions`): a plain
/// argmax of the student's probabilities lost about half its PGR.
///
/// Splits follow Burns et al.: half A (ground truth for the weak models), half B (labelled by a
/// weak model for the student; its true labels train the ceiling), a validation split (labelled by
/// the weak model for early stopping: no ground truth) and a test split.
public struct WeakToStrongTask: Sendable {
    /// One rung of the weak ladder: how strongly the cue and the private noise enter its view.
    public struct WeakModel: Sendable, Equatable {
        /// A name for what the rung stands for (e.g. "GPT-2-like").
        public let name: String
        /// g: weight of the cue ζ in the weak model's picture of the concept (systematic errors).
        public let cue: Double
        /// s: weight of the private noise (idiosyncratic errors).
        public let noise: Double
    }

    /// One rung of the strong ladder: how cleanly and how saliently its pretrained view holds the
    /// concept, the cue and the junk.
    public struct StrongModel: Sendable, Equatable {
        /// A name for what the rung stands for (e.g. "GPT-4-like").
        public let name: String
        /// σ: noise on the concept coordinate(s) of the view.
        public let conceptNoise: Double
        /// b: scale of the world features ξ (the cue among them) in the view.
        public let cueScale: Double
        /// e: scale of the junk features in the view.
        public let junkScale: Double
        /// How many junk features the view holds.
        public let junkFeatures: Int
    }

    /// The weak ladder, weakest first.
    public static let weakLadder: [WeakModel] = [
        WeakModel(name: "GPT-2-like", cue: 0.9, noise: 0.9),
        WeakModel(name: "GPT-2-medium-like", cue: 0.7, noise: 0.7),
        WeakModel(name: "GPT-2-XL-like", cue: 0.5, noise: 0.55),
    ]

    /// The strong ladder, smallest first: cleaner concept, fainter cue and junk as size grows.
    public static let strongLadder: [StrongModel] = (0..<4).map { k in
        StrongModel(
            name: ["GPT-3-like", "GPT-3.5-like", "GPT-4-small-like", "GPT-4-like"][k],
            conceptNoise: [0.2, 0.13, 0.08, 0.04][k], cueScale: 0.3 * pow(0.75, Double(k)),
            junkScale: 0.5 * pow(0.8, Double(k)), junkFeatures: 128)
    }

    /// With more than two classes, each weak model leans harder on the cue and has less private
    /// noise (g and s scaled by these): its errors are more systematic. With the two-class
    /// weights, K = 4 gives weak labels whose errors the student corrects too easily (naive PGR
    /// near the confidence loss's, no room for the paper's gap between them).
    public static let multiClassCueFactor = 2.2
    /// See `multiClassCueFactor`.
    public static let multiClassNoiseFactor = 0.8

    /// Junk features the weak models see (at scale `weakJunkScale`).
    public static let weakJunkFeatures = 8
    /// Scale of the junk features in the weak models' view.
    public static let weakJunkScale = 0.3

    /// The task's knobs.
    public struct Options: Sendable, Equatable {
        /// Classes, 2…10.
        public var classes = 2
        /// Examples in half A (the weak models' ground truth).
        public var halfACount = 800
        /// Examples in half B (labelled by a weak model for the student).
        public var halfBCount = 400
        /// Examples in the weak-labelled validation split.
        public var validationCount = 200
        /// Examples in the test split.
        public var testCount = 1000
        /// The defaults above.
        public init() {}
    }

    /// One split: the latent world of each example and its true label; the models' views are
    /// computed from it on demand.
    public struct Split: Sendable {
        /// The concept t (n × concept coordinates).
        public let concept: Matrix
        /// The world features ξ (n × world features); the first concept-count columns are the cue.
        public let world: Matrix
        /// The junk features (n × the largest junk count of any view).
        public let junk: Matrix
        /// Each weak rung's private noise (n × concept coordinates).
        public let weakNoise: [Matrix]
        /// Each strong rung's private noise (n × concept coordinates).
        public let strongNoise: [Matrix]
        /// The true class of each example.
        public let labels: [Int]
        /// Number of examples.
        public var count: Int { labels.count }
    }

    /// The options the task was generated with.
    public let options: Options
    /// Half A: the weak models' ground-truth training set.
    public let halfA: Split
    /// Half B: the student's training inputs (true labels kept for the ceiling).
    public let halfB: Split
    /// Validation split (weak-labelled, for early stopping).
    public let validation: Split
    /// Test split: every accuracy is measured here.
    public let test: Split

    /// Concept coordinates: 1 for two classes, else one per class.
    public var conceptCount: Int { options.classes == 2 ? 1 : options.classes }
    /// World features ξ (at least 4, and one per concept coordinate).
    public var worldCount: Int { Swift.max(4, conceptCount) }
    /// Features of a weak model's view.
    public var weakFeatures: Int { conceptCount + Self.weakJunkFeatures }
    /// Features of strong rung `size`'s view.
    public func strongFeatures(_ size: Int) -> Int {
        conceptCount + worldCount + Self.strongLadder[size].junkFeatures
    }

    /// Generates the task from `seed`.
    public init(seed: UInt64, options: Options = Options()) {
        precondition((2...10).contains(options.classes), "WeakToStrongTask: classes must be in 2...10")
        self.options = options
        var rng = SplitMix64(seed: seed ^ 0x5732_5354_4153_4B00)
        var parts: [Split] = []
        for count in [options.halfACount, options.halfBCount, options.validationCount, options.testCount] {
            var splitRNG = rng.split()
            parts.append(Self.makeSplit(count: count, classes: options.classes, rng: &splitRNG))
        }
        halfA = parts[0]
        halfB = parts[1]
        validation = parts[2]
        test = parts[3]
    }

    static func makeSplit(count: Int, classes: Int, rng: inout SplitMix64) -> Split {
        let c = classes == 2 ? 1 : classes
        let junkCount = strongLadder.map(\.junkFeatures).max() ?? 0
        func draw(_ cols: Int) -> Matrix { Matrix.random(rows: count, cols: cols, std: 1, rng: &rng) }
        let concept = draw(c)
        let world = draw(Swift.max(4, c))
        let junk = draw(junkCount)
        let weakNoise = weakLadder.map { _ in draw(c) }
        let strongNoise = strongLadder.map { _ in draw(c) }
        let labels: [Int] = (0..<count).map { r in
            if classes == 2 { return concept[r, 0] > 0 ? 1 : 0 }
            var best = 0
            for j in 1..<c where concept[r, j] > concept[r, best] { best = j }
            return best
        }
        return Split(
            concept: concept, world: world, junk: junk, weakNoise: weakNoise, strongNoise: strongNoise, labels: labels)
    }

    /// Weak rung `size`'s view of `split`: [ (t + g·ζ + s·ε) / √(1 + g² + s²), 0.3·junk₀…₇ ].
    public func weakView(_ size: Int, of split: Split) -> Matrix {
        let model = Self.weakLadder[size]
        let c = conceptCount
        let multiClass = options.classes > 2
        let cue = model.cue * (multiClass ? Self.multiClassCueFactor : 1)
        let noise = model.noise * (multiClass ? Self.multiClassNoiseFactor : 1)
        let norm = 1 / (1 + cue * cue + noise * noise).squareRoot()
        var x = Matrix(rows: split.count, cols: weakFeatures)
        for r in 0..<split.count {
            for j in 0..<c {
                x[r, j] = (split.concept[r, j] + cue * split.world[r, j] + noise * split.weakNoise[size][r, j]) * norm
            }
            for j in 0..<Self.weakJunkFeatures { x[r, c + j] = Self.weakJunkScale * split.junk[r, j] }
        }
        return x
    }

    /// Strong rung `size`'s pretrained view of `split`: [ (t + σ·ε) / √(1 + σ²), b·ξ, e·junk ].
    public func strongView(_ size: Int, of split: Split) -> Matrix {
        let model = Self.strongLadder[size]
        let c = conceptCount
        let w = worldCount
        let norm = 1 / (1 + model.conceptNoise * model.conceptNoise).squareRoot()
        var x = Matrix(rows: split.count, cols: strongFeatures(size))
        for r in 0..<split.count {
            for j in 0..<c {
                x[r, j] = (split.concept[r, j] + model.conceptNoise * split.strongNoise[size][r, j]) * norm
            }
            for j in 0..<w { x[r, c + j] = model.cueScale * split.world[r, j] }
            for j in 0..<model.junkFeatures { x[r, c + w + j] = model.junkScale * split.junk[r, j] }
        }
        return x
    }
}
