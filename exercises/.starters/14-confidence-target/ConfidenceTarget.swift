/// # Exercise 14 — The auxiliary confidence loss target
///
/// Lesson 6, *Supervising a strong model with a weak one* (`tandem read weak-supervision`).
///
/// Burns et al. (2023) let the strong student disagree with its weak supervisor by mixing the
/// weak soft label with the student's own *hardened* prediction. Cross-entropy is linear in its
/// target, so the auxiliary loss is plain cross-entropy to one mixed target per example:
///
///     target = (1 − α) · weak + α · hardened(strong)
///
/// Binary task: `weak[i]` is the weak supervisor's probability of class 1 for example `i`,
/// `strong[i]` the strong student's. Hardening uses a threshold chosen per batch so the hardened
/// labels keep the weak labels' class balance: with `n` examples, let
/// `k = Int((mean(weak) × n).rounded())`; the `k` examples with the highest `strong` are hardened
/// to 1 and the rest to 0 (on equal `strong` values the lower index wins).
///
/// **Implement** `confidenceTargets(weak:strong:alpha:)` returning the target per example, in the
/// input's order. `weak` and `strong` have the same length; an empty batch gives `[]`.
/// α = 0 gives back the weak labels; α = 1 gives the hardened predictions.
///
/// **Done** when `tandem check confidence-target` passes.

/// The per-example target of the auxiliary confidence loss.
public func confidenceTargets(weak: [Double], strong: [Double], alpha: Double) -> [Double] {
    // TODO: find k from the weak labels' balance, harden the k most confident strong predictions
    // to 1 (the rest to 0), then mix with the weak labels using alpha.
    return weak
}
