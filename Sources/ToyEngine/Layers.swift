import Foundation

/// A fully connected layer `y = x · W + b` as pure functions, forward beside backward.
///
/// `x` is a batch (n × in), `W` is in × out, `b` a 1 × out row broadcast over the batch.
public enum Dense {
    /// `x · W + b`.
    public static func forward(_ x: Matrix, weights: Matrix, bias: Matrix) -> Matrix {
        var y = Matrix.matmul(x, weights)
        y.addRowVectorInPlace(bias.values)
        return y
    }

    /// Given `dL/dy`, the gradients of the input (`dy · Wᵀ`), the weights (`xᵀ · dy`) and the
    /// bias (column sums of `dy`). Skip the input gradient for a first layer with `needInput: false`.
    public static func backward(input x: Matrix, weights: Matrix, outputGradient dy: Matrix, needInput: Bool = true)
        -> (input: Matrix?, weights: Matrix, bias: Matrix)
    {
        let dW = x.transposedMatmul(dy)
        let db = Matrix(rowVector: dy.columnSums())
        let dx = needInput ? dy.matmulTransposed(weights) : nil
        return (dx, dW, db)
    }

    /// Multiply-adds for one example: `in × out` (the bias adds are not counted).
    public static func cost(inputs: Int, outputs: Int) -> Int { inputs * outputs }
}

/// An elementwise nonlinearity between dense layers, with its derivative beside it.
public enum Activation: String, Sendable, CaseIterable {
    /// `max(0, z)`; derivative 1 where z > 0, else 0.
    case relu
    /// `tanh(z)`; derivative `1 − tanh(z)²`.
    case tanh

    /// The activation applied to every element of `z`.
    public func forward(_ z: Matrix) -> Matrix {
        switch self {
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .tanh: return z.map { Foundation.tanh($0) }
        }
    }

    /// `dL/dz` from `dL/da`, given the pre-activation `z` and the output `a = f(z)`.
    public func backward(preActivation z: Matrix, output a: Matrix, outputGradient da: Matrix) -> Matrix {
        switch self {
        case .relu: return da.zipMap(z) { g, zi in zi > 0 ? g : 0 }
        case .tanh: return da.zipMap(a) { g, ai in g * (1 - ai * ai) }
        }
    }
}
