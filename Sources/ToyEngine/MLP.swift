/// A multilayer perceptron: dense layers with an activation between them, linear logits at the end.
///
/// `MLP(inputs: 64, hidden: [128, 128], classes: 4)` is 64→128→128→4. With `hidden: []` it is
/// multinomial logistic regression. Weights start as N(0, gain/fan-in) (He for ReLU, LeCun for
/// tanh); biases start at zero.
public final class MLP: Model {
    /// Features per example.
    public let inputCount: Int
    /// Number of classes.
    public let classCount: Int
    /// Hidden layer widths, input side first.
    public let hiddenSizes: [Int]
    /// The nonlinearity after each hidden layer.
    public let activation: Activation
    /// W₀, b₀, W₁, b₁, …: `W_l` is (width_l × width_{l+1}), `b_l` is 1 × width_{l+1}.
    public var parameters: [Matrix]

    /// A freshly initialised network drawing its weights from `rng`.
    public init(inputs: Int, hidden: [Int], classes: Int, activation: Activation = .relu, rng: inout SplitMix64) {
        precondition(inputs > 0 && classes > 0 && hidden.allSatisfy { $0 > 0 }, "MLP: sizes must be positive")
        inputCount = inputs
        classCount = classes
        hiddenSizes = hidden
        self.activation = activation
        let widths = [inputs] + hidden + [classes]
        let gain = activation == .relu ? 2.0 : 1.0
        var parameters = [Matrix]()
        for l in 0..<(widths.count - 1) {
            let std = (gain / Double(widths[l])).squareRoot()
            parameters.append(Matrix.random(rows: widths[l], cols: widths[l + 1], std: std, rng: &rng))
            parameters.append(Matrix(rows: 1, cols: widths[l + 1]))
        }
        self.parameters = parameters
    }

    private init(copying other: MLP) {
        inputCount = other.inputCount
        classCount = other.classCount
        hiddenSizes = other.hiddenSizes
        activation = other.activation
        parameters = other.parameters
    }

    /// Number of dense layers (hidden layers + the output layer).
    public var layerCount: Int { parameters.count / 2 }

    /// Σ over layers of in × out: one multiply-add per weight.
    public var cost: Int {
        let widths = [inputCount] + hiddenSizes + [classCount]
        return zip(widths, widths.dropFirst()).reduce(0) { $0 + Dense.cost(inputs: $1.0, outputs: $1.1) }
    }

    /// Weights are decayed, biases not.
    public var decayMask: [Bool] { parameters.indices.map { $0 % 2 == 0 } }

    /// Scores before softmax.
    public func logits(_ x: Matrix) -> Matrix {
        forward(x).logits
    }

    /// Saves, per layer, its input and (for hidden layers) its pre-activation.
    public func forward(_ x: Matrix) -> ForwardPass {
        precondition(x.cols == inputCount, "MLP: \(x.cols) features, expected \(inputCount)")
        var saved = [Matrix]()
        var h = x
        for l in 0..<layerCount {
            saved.append(h)
            let z = Dense.forward(h, weights: parameters[2 * l], bias: parameters[2 * l + 1])
            if l == layerCount - 1 { return ForwardPass(logits: z, saved: saved) }
            saved.append(z)
            h = activation.forward(z)
        }
        return ForwardPass(logits: h, saved: saved)
    }

    /// Back through the layers: dense backward, then the activation's backward.
    public func backward(_ pass: ForwardPass, logitsGradient: Matrix) -> [Matrix] {
        var gradients = [Matrix](repeating: Matrix(rows: 0, cols: 0), count: parameters.count)
        var dy = logitsGradient
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let input = pass.saved[2 * l]
            let g = Dense.backward(input: input, weights: parameters[2 * l], outputGradient: dy, needInput: l > 0)
            gradients[2 * l] = g.weights
            gradients[2 * l + 1] = g.bias
            if l > 0, let dInput = g.input {
                // `input` is the activation of layer l−1, whose pre-activation was saved before it.
                dy = activation.backward(preActivation: pass.saved[2 * l - 1], output: input, outputGradient: dInput)
            }
        }
        return gradients
    }

    /// An independent copy with the same weights.
    public func copy() -> MLP { MLP(copying: self) }
}
