/// # Exercise 5 — The Condorcet jury theorem
///
/// Lesson 2, *Ensembles of small models* (`tandem read ensembles`).
///
/// `n` independent voters are each right with probability `p`. The majority vote is right when
/// more than half of them are right:
///
///     P(majority right) = Σ over k > n/2 of C(n, k) · p^k · (1 − p)^(n − k)
///
/// For an even `n`, a tie (exactly n/2 right) is broken by a fair coin, so it adds half of its
/// probability: `½ · C(n, n/2) · p^(n/2) · (1 − p)^(n/2)`. With p = 0.6 the majority of 3 is right
/// 64.8% of the time, of 11 75.3%, of 21 82.6%: more voters help when p > ½ and hurt when p < ½.
///
/// **Implement** `majorityAccuracy(voters:accuracy:)` for `1 ≤ voters ≤ 1001` and `0 ≤ accuracy ≤ 1`.
/// Beware: `C(1001, 500)` overflows every integer type and even `Double`; work with logarithms
/// (`lgamma`) or build the probabilities up term by term.
///
/// **Done** when `tandem check condorcet` passes.

import Foundation

/// The probability that a majority of `voters` independent voters, each right with
/// probability `accuracy`, is right (ties broken by a fair coin).
public func majorityAccuracy(voters: Int, accuracy: Double) -> Double {
    // TODO: sum the binomial probabilities of the winning counts (and half the tie).
    return accuracy
}
