/// What the forward pass keeps for the backward pass: the logits and whatever intermediate
/// matrices the model needs (for an MLP: each layer's input and pre-activation).
public struct ForwardPass {
    /// The model's scores before softmax (n × classes).
    public var logits: Matrix
    /// Intermediate values in a model-defined order; only the model that made them reads them.
    public var saved: [Matrix]

    /// A record of one forward pass.
    public init(logits: Matrix, saved: [Matrix]) {
        self.logits = logits
        self.saved = saved
    }
}

/// A classifier the engine can run, cost and train.
///
/// Inputs are rows of a matrix (n × `inputCount`); outputs are one score per class.
/// Training works on `parameters` in place: `forward` then `backward` give one gradient per
/// parameter (same order and shapes), and an `Optimizer` changes `parameters`.
public protocol Model: AnyObject {
    /// Features per example.
    var inputCount: Int { get }
    /// Number of classes.
    var classCount: Int { get }
    /// Multiply-adds for one prediction (one example's forward pass): an exact, deterministic
    /// cost that demos can compare across models.
    var cost: Int { get }
    /// The trainable matrices, in a fixed order (for an MLP: W₀, b₀, W₁, b₁, …).
    var parameters: [Matrix] { get set }
    /// Which parameters are weights (decayed by L2 weight decay) rather than biases.
    var decayMask: [Bool] { get }

    /// Scores before softmax, n × `classCount`.
    func logits(_ x: Matrix) -> Matrix
    /// Class probabilities `softmax(logits / temperature)`; a default is provided.
    func probabilities(_ x: Matrix, temperature: Double) -> Matrix
    /// The forward pass for training, keeping what `backward` needs.
    func forward(_ x: Matrix) -> ForwardPass
    /// `dL/dparameter` for every parameter, given the pass and `dL/dlogits`.
    func backward(_ pass: ForwardPass, logitsGradient: Matrix) -> [Matrix]
    /// An independent copy (same weights, no shared state): e.g. early stopping's best checkpoint.
    func copy() -> Self
}

extension Model {
    /// Class probabilities at temperature `temperature`.
    public func probabilities(_ x: Matrix, temperature: Double) -> Matrix {
        logits(x).softmaxRows(temperature: temperature)
    }

    /// Class probabilities at temperature 1.
    public func probabilities(_ x: Matrix) -> Matrix {
        probabilities(x, temperature: 1)
    }

    /// The most probable class of each row.
    public func predict(_ x: Matrix) -> [Int] {
        logits(x).argmaxRows()
    }

    /// The number of trainable numbers.
    public var parameterCount: Int {
        parameters.reduce(0) { $0 + $1.values.count }
    }
}
