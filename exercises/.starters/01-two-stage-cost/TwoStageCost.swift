/// # Exercise 1 — Cost and latency of a two-stage system
///
/// Lesson 1, *Why combine small and large models* (`tandem read why-combine`).
///
/// A two-stage system sends every query to the small model first; some queries are deferred to
/// the large model as well. For each query `i` you know the small model's latency
/// `smallLatency[i]`, the large model's latency `largeLatency[i]` (only paid if it runs), and
/// whether it was deferred (`deferred[i]`). Each call of the small model costs `smallCost`, each
/// call of the large model `largeCost`.
///
/// A deferred query waits for both models, one after the other:
///
///     latency[i] = smallLatency[i] + (deferred[i] ? largeLatency[i] : 0)
///     costPerQuery = smallCost + (number deferred / number of queries) × largeCost
///
/// **Implement** `summarize(smallCost:largeCost:smallLatency:largeLatency:deferred:)`, returning
/// - `costPerQuery`, as above;
/// - `meanLatency`, the mean of `latency[i]`;
/// - `p95Latency`, the 95th percentile of `latency[i]` by the *nearest-rank* rule: sort the
///   latencies ascending and take the one at (1-based) rank `⌈0.95 × n⌉`, which in integer
///   arithmetic is `(95 * n + 99) / 100` (safer than rounding `0.95 * Double(n)` up).
///
/// The three arrays have the same length n. With no queries (n = 0) every field is 0.
///
/// **Done** when `tandem check two-stage-cost` passes.

public struct TwoStageSummary: Equatable {
    public var costPerQuery: Double
    public var meanLatency: Double
    public var p95Latency: Double

    public init(costPerQuery: Double, meanLatency: Double, p95Latency: Double) {
        self.costPerQuery = costPerQuery
        self.meanLatency = meanLatency
        self.p95Latency = p95Latency
    }
}

/// Cost per query, mean latency and p95 latency of a small-then-large system.
public func summarize(
    smallCost: Double, largeCost: Double, smallLatency: [Double], largeLatency: [Double], deferred: [Bool]
) -> TwoStageSummary {
    // TODO: add the large model's cost and latency for the deferred queries, and use the
    // nearest-rank rule for the 95th percentile.
    guard !smallLatency.isEmpty else { return TwoStageSummary(costPerQuery: 0, meanLatency: 0, p95Latency: 0) }
    let mean = smallLatency.reduce(0, +) / Double(smallLatency.count)
    return TwoStageSummary(costPerQuery: smallCost, meanLatency: mean, p95Latency: smallLatency.max()!)
}
