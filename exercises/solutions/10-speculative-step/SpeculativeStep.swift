/// # Exercise 10 — Speculative decoding's accept/reject step (reference solution)
///
/// Lesson 4, *Routing and speculative decoding*.

public struct SpeculativeOutcome: Equatable {
    /// Whether the drafted token was kept.
    public var accepted: Bool
    /// The token emitted: the drafted one, or the replacement sampled from the residual.
    public var token: Int

    public init(accepted: Bool, token: Int) {
        self.accepted = accepted
        self.token = token
    }
}

/// One verification step of speculative sampling.
public func speculativeStep(
    target p: [Double], draft q: [Double], drafted x: Int, acceptDraw: Double, residualDraw: Double
) -> SpeculativeOutcome {
    if acceptDraw < p[x] / q[x] { return SpeculativeOutcome(accepted: true, token: x) }
    let residual = zip(p, q).map { max(0, $0 - $1) }
    let total = residual.reduce(0, +)
    var cumulative = 0.0
    for j in residual.indices where residual[j] > 0 {
        cumulative += residual[j]
        if residualDraw < cumulative / total { return SpeculativeOutcome(accepted: false, token: j) }
    }
    let last = residual.lastIndex { $0 > 0 } ?? x
    return SpeculativeOutcome(accepted: false, token: last)
}
