/// # Exercise 8 — AUROC of a deferral score
///
/// Lesson 3, *Cascading inference* (`tandem read cascades`).
///
/// A cascade trusts the small model when its score (say, its confidence) is high. What matters is
/// not the score's values but its *ranking*: does it put the small model's right answers above its
/// wrong ones? The AUROC measures exactly that: the probability that a randomly chosen right
/// answer scores higher than a randomly chosen wrong one, with ties counting one half.
///
///     AUROC = (number of (right, wrong) pairs with score_right > score_wrong
///              + ½ × number of such pairs with equal scores) / (rights × wrongs)
///
/// 1 is a perfect ranking, 0.5 no better than chance.
///
/// **Implement** `auroc(scores:correct:)`: `scores[i]` is the small model's score on example `i`
/// and `correct[i]` whether its answer was right. Return `nil` when there is no right answer or
/// no wrong answer (the AUROC is undefined).
///
/// **Done** when `tandem check auroc` passes.

/// The probability that a right answer outscores a wrong one (ties count ½), or nil.
public func auroc(scores: [Double], correct: [Bool]) -> Double? {
    // TODO: compare every right answer's score with every wrong answer's score.
    let rights = correct.filter { $0 }.count
    return Double(rights) / Double(max(correct.count, 1))
}
