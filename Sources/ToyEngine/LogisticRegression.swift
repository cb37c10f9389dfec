/// Multinomial logistic regression: `softmax(x · W + b)`, a single dense layer.
///
/// The smallest model in the demos: its cost is `inputs × classes` multiply-adds.
public final class LogisticRegression: Model {
    /// Features per example.
    public let inputCount: Int
    /// Number of classes.
    public let classCount: Int
    /// `[W, b]`: W is inputs × classes, b is 1 × classes.
    public var parameters: [Matrix]

    /// Weights drawn from N(0, 0.01²) with `rng`, biases zero.
    public init(inputs: Int, classes: Int, rng: inout SplitMix64) {
        precondition(inputs > 0 && classes > 0, "LogisticRegression: sizes must be positive")
        inputCount = inputs
        classCount = classes
        parameters = [Matrix.random(rows: inputs, cols: classes, std: 0.01, rng: &rng), Matrix(rows: 1, cols: classes)]
    }

    private init(copying other: LogisticRegression) {
        inputCount = other.inputCount
        classCount = other.classCount
        parameters = other.parameters
    }

    /// inputs × classes multiply-adds.
    public var cost: Int { Dense.cost(inputs: inputCount, outputs: classCount) }

    /// The weight matrix is decayed, the bias not.
    public var decayMask: [Bool] { [true, false] }

    /// The weight matrix (inputs × classes).
    public var weights: Matrix { parameters[0] }
    /// The bias row (1 × classes).
    public var bias: Matrix { parameters[1] }

    /// Scores `x · W + b`.
    public func logits(_ x: Matrix) -> Matrix {
        precondition(x.cols == inputCount, "LogisticRegression: \(x.cols) features, expected \(inputCount)")
        return Dense.forward(x, weights: parameters[0], bias: parameters[1])
    }

    /// Saves the input.
    public func forward(_ x: Matrix) -> ForwardPass {
        ForwardPass(logits: logits(x), saved: [x])
    }

    /// `[xᵀ · dz, column sums of dz]`.
    public func backward(_ pass: ForwardPass, logitsGradient: Matrix) -> [Matrix] {
        let g = Dense.backward(
            input: pass.saved[0], weights: parameters[0], outputGradient: logitsGradient, needInput: false)
        return [g.weights, g.bias]
    }

    /// An independent copy with the same weights.
    public func copy() -> LogisticRegression { LogisticRegression(copying: self) }
}
