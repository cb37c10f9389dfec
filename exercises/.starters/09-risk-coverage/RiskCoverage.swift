/// # Exercise 9 — A risk–coverage curve
///
/// Lesson 3, *Cascading inference* (`tandem read cascades`).
///
/// With threshold τ, the small model answers the queries whose score is at least τ; the share it
/// answers is the **coverage**, and the share of those answers that are wrong is the **risk**.
/// Sweeping τ from high to low traces the risk–coverage curve: a good score keeps the risk low
/// until the coverage is high.
///
/// **Implement** `riskCoverageCurve(scores:correct:)`, one point per *distinct* score, from the
/// highest score to the lowest. For a distinct score s:
/// - `threshold` = s;
/// - `coverage` = (number of examples with score ≥ s) / (number of examples);
/// - `risk` = (number of wrong answers among them) / (number of examples with score ≥ s).
///
/// Examples with equal scores are always kept or deferred together, so the curve has no point
/// between them. No examples give an empty curve.
///
/// **Done** when `tandem check risk-coverage` passes.

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
    // TODO: sort by score (highest first) and add a point after each group of equal scores.
    var points: [RiskCoveragePoint] = []
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var wrong = 0
    for (k, i) in order.enumerated() {
        if !correct[i] { wrong += 1 }
        points.append(
            RiskCoveragePoint(
                threshold: scores[i], coverage: Double(k + 1) / Double(scores.count), risk: Double(wrong)))
    }
    return points
}
