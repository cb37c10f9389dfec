/// # Exercise 7 — The cheapest threshold that meets a target accuracy
///
/// Lesson 3, *Cascading inference* (`tandem read cascades`).
///
/// A cascade's threshold τ trades cost for accuracy: a higher τ defers more queries to the large
/// model (more cost). We choose τ on held-out validation data, where we know for each query the
/// small model's confidence and whether each model answered correctly.
///
/// At threshold τ, a validation example counts as correct when the model that answers it is
/// correct: the small model if `confidence >= τ`, otherwise the large model. The cascade's
/// accuracy is the fraction of examples counted correct.
///
/// **Implement** `cheapestThreshold(_:candidates:targetAccuracy:)`: among the candidate thresholds
/// (in any order), return the one that defers the fewest validation examples while reaching
/// `accuracy >= targetAccuracy`; on a tie in deferrals return the smaller threshold. Return `nil`
/// when no candidate reaches the target (or there are no candidates or no examples).
///
/// Careful: accuracy is *not* always monotone in τ (the large model is sometimes wrong where the
/// small one was right), so do not stop at the first failing candidate.
///
/// **Done** when `tandem check cheapest-threshold` passes.

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
public func cheapestThreshold(_ validation: [ValidationExample], candidates: [Double], targetAccuracy: Double) -> Double? {
    // TODO: for each candidate, compute the cascade's accuracy and how many examples it defers;
    // keep the cheapest candidate that reaches the target.
    return candidates.max()
}
