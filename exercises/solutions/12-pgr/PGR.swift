/// # Exercise 12 — Performance gap recovered (reference solution)
///
/// Lesson 5, *Weak-to-strong generalization*.

/// The fraction of the weak-to-ceiling gap recovered, or nil when there is no gap.
public func performanceGapRecovered(weak: Double, weakToStrong: Double, strongCeiling: Double) -> Double? {
    let gap = strongCeiling - weak
    guard gap > 1e-12 else { return nil }
    return (weakToStrong - weak) / gap
}
