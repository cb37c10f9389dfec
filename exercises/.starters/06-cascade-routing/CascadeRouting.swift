/// # Exercise 6 — Cascade routing and its expected cost
///
/// Lesson 3, *Cascading inference* (`tandem read cascades`).
///
/// A cascade asks the small, cheap model first. When the small model's confidence (say its top
/// softmax probability) reaches the threshold τ, its answer is accepted; otherwise the query is
/// deferred to the large, expensive model. The small model is paid for on *every* query; the
/// large model only on deferred ones.
///
/// **Implement**
/// - `route(confidence:threshold:)`: `.accept` when `confidence >= threshold`, else `.deferToLarge`
///   (a confidence exactly at τ is accepted).
/// - `expectedCost(confidences:threshold:smallCost:largeCost:)`: the mean cost per query over the
///   given queries, i.e. `smallCost + (fraction deferred) × largeCost`. No queries cost 0.
///
/// **Done** when `tandem check cascade-routing` passes. Then try `tandem run cascade --mine` to
/// watch your routing drive the live cascade demo.

public enum Route: Equatable, Sendable {
    case accept
    case deferToLarge
}

/// Accept the small model's answer when its confidence reaches the threshold.
public func route(confidence: Double, threshold: Double) -> Route {
    // TODO: compare the confidence with the threshold (equal means accept).
    return .accept
}

/// Mean cost per query: the small model always runs, the large one only on deferred queries.
public func expectedCost(confidences: [Double], threshold: Double, smallCost: Double, largeCost: Double) -> Double {
    // TODO: count the queries `route` defers, then combine the two costs.
    return smallCost
}
