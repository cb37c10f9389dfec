/// # Exercise 4 — One round of AdaBoost
///
/// Lesson 2, *Ensembles of small models* (`tandem read ensembles`).
///
/// Boosting trains weak learners one after another, each on a re-weighted training set that
/// stresses the examples the previous learners got wrong (Freund & Schapire 1997). One round,
/// given the current example weights `weights` (positive) and which examples this round's weak
/// learner got right (`correct`):
///
/// 1. the weighted error `ε = (Σ of weights[i] where correct[i] is false) / (Σ of all weights)`;
/// 2. the learner's vote weight `α = ½ · ln((1 − ε) / ε)`, computed with ε clamped into
///    `[1e-10, 1 − 1e-10]` so that a perfect (or perfectly wrong) learner gets a finite α;
/// 3. the new weights: `weights[i] × exp(α)` for a mistake, `weights[i] × exp(−α)` for a hit,
///    then divided by their sum so that they add up to 1.
///
/// **Implement** `adaBoostRound(weights:correct:)` returning ε (unclamped), α and the new weights.
/// `weights` and `correct` have the same, non-zero length.
///
/// **Done** when `tandem check adaboost-round` passes.

import Foundation

public struct BoostingRound: Equatable {
    public var weightedError: Double
    public var learnerWeight: Double
    public var newWeights: [Double]

    public init(weightedError: Double, learnerWeight: Double, newWeights: [Double]) {
        self.weightedError = weightedError
        self.learnerWeight = learnerWeight
        self.newWeights = newWeights
    }
}

/// One AdaBoost round: weighted error, learner weight α, and the re-weighted examples.
public func adaBoostRound(weights: [Double], correct: [Bool]) -> BoostingRound {
    // TODO: weight the error by the example weights, compute α, and re-weight the examples.
    let mistakes = correct.filter { !$0 }.count
    let error = Double(mistakes) / Double(correct.count)
    return BoostingRound(weightedError: error, learnerWeight: 1 - error, newWeights: weights)
}
