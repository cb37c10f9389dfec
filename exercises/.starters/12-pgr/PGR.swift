/// # Exercise 12 — Performance gap recovered (PGR)
///
/// Lesson 5, *Weak-to-strong generalization* (`tandem read weak-to-strong`).
///
/// Three accuracies on the same test set: the weak supervisor's (`weak`), the strong student's
/// after training on the weak labels (`weakToStrong`), and the strong model's when trained on
/// ground truth (`strongCeiling`). PGR is the fraction of the gap between weak and ceiling that
/// the student recovered:
///
///     PGR = (weakToStrong − weak) / (strongCeiling − weak)
///
/// 1 means the whole gap was recovered, 0 means the student only matched its supervisor; it can be
/// negative (worse than the supervisor) or above 1 (better than the ceiling).
///
/// **Implement** `performanceGapRecovered(weak:weakToStrong:strongCeiling:)`, returning `nil` when
/// PGR is **undefined**: when there is no gap to recover, i.e. `strongCeiling - weak <= 1e-12`
/// (a ceiling equal to or below the weak model makes the ratio meaningless).
///
/// **Done** when `tandem check pgr` passes.

/// The fraction of the weak-to-ceiling gap recovered, or nil when there is no gap.
public func performanceGapRecovered(weak: Double, weakToStrong: Double, strongCeiling: Double) -> Double? {
    // TODO: return nil when there is no gap, otherwise the ratio above.
    return weakToStrong - weak
}
