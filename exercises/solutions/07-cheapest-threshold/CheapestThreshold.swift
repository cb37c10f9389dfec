/// # Exercise 7 — The cheapest threshold that meets a target accuracy (reference solution)
///
/// Lesson 3, *Cascading inference*.

public struct ValidationExample: Equatable, Sendable {
    /// The small model's confidence in its answer.
    public var confidence: Double
    public var smallCorrect: Bool
    public var largeCorrect: Bool

    public init(confidence: Double, smallCorrect: Bool, largeCorrect: Bool) {
        self.confidence = confidence
        self.smallCorrect = smallCorrect
        self.largeCorrect = largeCorrect
    }
}

/// The candidate threshold with the fewest deferrals whose cascade accuracy reaches the target.
public func cheapestThreshold(_ validation: [ValidationExample], candidates: [Double], targetAccuracy: Double)
    -> Double?
{
    guard !validation.isEmpty else { return nil }
    var best: (threshold: Double, deferred: Int)?
    for threshold in candidates {
        var correct = 0
        var deferred = 0
        for example in validation {
            if example.confidence >= threshold {
                if example.smallCorrect { correct += 1 }
            } else {
                deferred += 1
                if example.largeCorrect { correct += 1 }
            }
        }
        guard Double(correct) / Double(validation.count) >= targetAccuracy else { continue }
        if let current = best,
            current.deferred < deferred || (current.deferred == deferred && current.threshold <= threshold)
        {
            continue
        }
        best = (threshold, deferred)
    }
    return best?.threshold
}
