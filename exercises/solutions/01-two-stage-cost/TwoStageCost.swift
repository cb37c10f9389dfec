/// # Exercise 1 — Cost and latency of a two-stage system (reference solution)
///
/// Lesson 1, *Why combine small and large models*.

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
    let n = smallLatency.count
    guard n > 0 else { return TwoStageSummary(costPerQuery: 0, meanLatency: 0, p95Latency: 0) }
    let latencies = (0..<n).map { smallLatency[$0] + (deferred[$0] ? largeLatency[$0] : 0) }
    let deferredCount = deferred.filter { $0 }.count
    let sorted = latencies.sorted()
    let rank = (95 * n + 99) / 100
    return TwoStageSummary(
        costPerQuery: smallCost + Double(deferredCount) / Double(n) * largeCost,
        meanLatency: latencies.reduce(0, +) / Double(n),
        p95Latency: sorted[max(rank, 1) - 1])
}
