/// # Exercise 10 — Speculative decoding's accept/reject step
///
/// Lesson 4, *Routing and speculative decoding* (`tandem read routing-and-speculative-decoding`).
///
/// A small draft model proposes a token `x`, sampled from its distribution `q`; the large target
/// model's distribution at the same position is `p` (both are probability vectors over the same
/// vocabulary). Speculative sampling (Leviathan et al. 2023; Chen et al. 2023) keeps the output
/// distributed *exactly* as `p`:
///
/// 1. accept `x` with probability `min(1, p[x] / q[x])`: with a uniform draw `u` in [0, 1),
///    accept when `u < p[x] / q[x]`;
/// 2. on rejection, sample a replacement from the **residual** distribution
///    `r = max(0, p − q)` (element-wise), divided by its sum.
///
/// Randomness comes in as arguments so that the step can be checked exactly: `acceptDraw` is the
/// `u` of step 1, and `residualDraw` (uniform in [0, 1)) picks the replacement by inverse CDF:
/// the smallest token `j` with `residualDraw < (r[0] + … + r[j]) / (r[0] + … + r[n−1])`.
/// (If rounding leaves no such `j`, return the last token with `r[j] > 0`.)
///
/// **Implement** `speculativeStep(target:draft:drafted:acceptDraw:residualDraw:)`. You may assume
/// `q[drafted] > 0`. Whenever a rejection is possible, the residual has a positive sum.
///
/// **Done** when `tandem check speculative-step` passes.

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
    // TODO: accept with probability min(1, p[x]/q[x]); otherwise sample from max(0, p − q), normalised.
    if acceptDraw < p[x] { return SpeculativeOutcome(accepted: true, token: x) }
    var cumulative = 0.0
    for j in p.indices {
        cumulative += p[j]
        if residualDraw < cumulative { return SpeculativeOutcome(accepted: false, token: j) }
    }
    return SpeculativeOutcome(accepted: false, token: p.count - 1)
}
