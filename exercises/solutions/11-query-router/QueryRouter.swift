/// # Exercise 11 — A query-only router (reference solution)
///
/// Lesson 4, *Routing and speculative decoding*.

/// Whether the large model has the higher utility (quality − costWeight × cost); ties go small.
public func route(
    smallQuality: Double, largeQuality: Double, smallCost: Double, largeCost: Double, costWeight: Double
) -> Bool {
    largeQuality - costWeight * largeCost > smallQuality - costWeight * smallCost
}

/// The queries to send to the large model: the largest positive gains, at most largeShare × n.
public func routeUnderBudget(smallQuality: [Double], largeQuality: [Double], largeShare: Double) -> [Bool] {
    let n = smallQuality.count
    let k = Int(largeShare * Double(n))
    let gain = (0..<n).map { largeQuality[$0] - smallQuality[$0] }
    let ranked = (0..<n).filter { gain[$0] > 0 }.sorted { gain[$0] > gain[$1] || (gain[$0] == gain[$1] && $0 < $1) }
    var large = Array(repeating: false, count: n)
    for i in ranked.prefix(max(k, 0)) { large[i] = true }
    return large
}
