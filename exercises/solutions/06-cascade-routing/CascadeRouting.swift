/// # Exercise 6 — Cascade routing and its expected cost (reference solution)
///
/// Lesson 3, *Cascading inference*.

public enum Route: Equatable, Sendable {
    case accept
    case deferToLarge
}

/// Accept the small model's answer when its confidence reaches the threshold.
public func route(confidence: Double, threshold: Double) -> Route {
    confidence >= threshold ? .accept : .deferToLarge
}

/// Mean cost per query: the small model always runs, the large one only on deferred queries.
public func expectedCost(confidences: [Double], threshold: Double, smallCost: Double, largeCost: Double) -> Double {
    guard !confidences.isEmpty else { return 0 }
    let deferred = confidences.filter { route(confidence: $0, threshold: threshold) == .deferToLarge }.count
    return smallCost + Double(deferred) / Double(confidences.count) * largeCost
}
