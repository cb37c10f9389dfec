/// How a gradient becomes a parameter change.
public enum Optimizer: Sendable, Equatable {
    /// Minibatch SGD with heavy-ball momentum: `v ← μ·v + g; θ ← θ − η·v` (μ = 0: plain SGD).
    case sgd(learningRate: Double, momentum: Double = 0)
    /// Adam (Kingma & Ba 2015) with bias correction.
    case adam(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8)
}

/// An optimizer's running state for one model: momentum or Adam moments, and the step count.
public struct OptimizerState {
    /// The update rule.
    public let optimizer: Optimizer
    /// L2 weight decay λ: adds `λ·θ` to the gradient of every parameter whose decay mask is true
    /// (the weights, not the biases), i.e. the penalty (λ/2)·‖W‖².
    public let weightDecay: Double
    /// Updates applied so far.
    public private(set) var steps = 0
    private var first: [[Double]] = []
    private var second: [[Double]] = []
    /// β₁ᵗ and β₂ᵗ for Adam's bias correction, kept as running products (one multiplication per
    /// step, the same arithmetic as multiplying t times, so results do not change).
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    /// Fresh state (zero moments).
    public init(optimizer: Optimizer, weightDecay: Double = 0) {
        self.optimizer = optimizer
        self.weightDecay = weightDecay
    }

    /// Applies one update to `model.parameters` from `gradients` (same order and shapes).
    public mutating func step(_ model: any Model, gradients: [Matrix]) {
        precondition(
            gradients.count == model.parameters.count,
            "optimizer: \(gradients.count) gradients for \(model.parameters.count) parameters")
        if first.isEmpty {
            first = gradients.map { [Double](repeating: 0, count: $0.values.count) }
            if case .adam = optimizer { second = first }
        }
        steps += 1
        if case .adam(_, let beta1, let beta2, _) = optimizer {
            beta1Power *= beta1
            beta2Power *= beta2
        }
        let mask = model.decayMask
        for index in gradients.indices {
            let decay = mask[index] ? weightDecay : 0
            gradients[index].values.withUnsafeBufferPointer { g in
                model.parameters[index].values.withUnsafeMutableBufferPointer { theta in
                    first[index].withUnsafeMutableBufferPointer { m in
                        switch optimizer {
                        case .sgd(let rate, let momentum):
                            for j in 0..<g.count {
                                m[j] = momentum * m[j] + g[j] + decay * theta[j]
                                theta[j] -= rate * m[j]
                            }
                        case .adam(let rate, let beta1, let beta2, let epsilon):
                            let c1 = 1 / (1 - beta1Power)
                            let c2 = 1 / (1 - beta2Power)
                            second[index].withUnsafeMutableBufferPointer { v in
                                guard let tp = theta.baseAddress, let mp = m.baseAddress, let vp = v.baseAddress,
                                    let gp = g.baseAddress
                                else { return }
                                EngineKernel.active.adam(
                                    count: g.count, theta: tp, m: mp, v: vp, g: gp, decay: decay, rate: rate,
                                    beta1: beta1, beta2: beta2, epsilon: epsilon, c1: c1, c2: c2)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One Adam step over a parameter, a lane of elements at a time (the same arithmetic, element by
/// element, as the scalar loop that finishes the tail: results do not depend on the lane width).
func portableAdam(
    count: Int, theta tp: UnsafeMutablePointer<Double>, m mp: UnsafeMutablePointer<Double>,
    v vp: UnsafeMutablePointer<Double>, g gp: UnsafePointer<Double>, decay: Double, rate: Double,
    beta1: Double, beta2: Double, epsilon: Double, c1: Double, c2: Double
) {
    let w = Lane.scalarCount
    var j = 0
    while j + w <= count {
        let t = UnsafeRawPointer(tp + j).loadUnaligned(as: Lane.self)
        let gj = UnsafeRawPointer(gp + j).loadUnaligned(as: Lane.self) + decay * t
        let mj = beta1 * UnsafeRawPointer(mp + j).loadUnaligned(as: Lane.self) + (1 - beta1) * gj
        let vj = beta2 * UnsafeRawPointer(vp + j).loadUnaligned(as: Lane.self) + (1 - beta2) * gj * gj
        UnsafeMutableRawPointer(mp + j).storeBytes(of: mj, as: Lane.self)
        UnsafeMutableRawPointer(vp + j).storeBytes(of: vj, as: Lane.self)
        let step = rate * (mj * c1) / ((vj * c2).squareRoot() + epsilon)
        UnsafeMutableRawPointer(tp + j).storeBytes(of: t - step, as: Lane.self)
        j += w
    }
    while j < count {
        let gj = gp[j] + decay * tp[j]
        mp[j] = beta1 * mp[j] + (1 - beta1) * gj
        vp[j] = beta2 * vp[j] + (1 - beta2) * gj * gj
        tp[j] -= rate * (mp[j] * c1) / ((vp[j] * c2).squareRoot() + epsilon)
        j += 1
    }
}
