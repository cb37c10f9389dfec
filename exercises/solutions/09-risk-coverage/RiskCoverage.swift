/// # Exercise 9 — A risk–coverage curve (reference solution)
///
/// Lesson 3, *Cascading inference*.

public struct RiskCoveragePoint: Equatable {
    public var threshold: Double
    public var coverage: Double
    public var risk: Double

    public init(threshold: Double, coverage: Double, risk: Double) {
        self.threshold = threshold
        self.coverage = coverage
        self.risk = risk
    }
}

/// The risk–coverage curve of a score: one point per distinct score, highest first.
public func riskCoverageCurve(scores: [Double], correct: [Bool]) -> [RiskCoveragePoint] {
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var points: [RiskCoveragePoint] = []
    var wrong = 0
    for (k, i) in order.enumerated() {
        if !correct[i] { wrong += 1 }
        let last = k + 1 == order.count || scores[order[k + 1]] != scores[i]
        guard last else { continue }
        points.append(
            RiskCoveragePoint(
                threshold: scores[i], coverage: Double(k + 1) / Double(order.count),
                risk: Double(wrong) / Double(k + 1)))
    }
    return points
}
