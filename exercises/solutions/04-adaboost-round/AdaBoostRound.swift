/// # Exercise 4 — One round of AdaBoost (reference solution)
///
/// Lesson 2, *Ensembles of small models*.

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
    let total = weights.reduce(0, +)
    let wrong = zip(weights, correct).filter { !$0.1 }.map(\.0).reduce(0, +)
    let error = wrong / total
    let clamped = min(max(error, 1e-10), 1 - 1e-10)
    let alpha = 0.5 * log((1 - clamped) / clamped)
    let raw = zip(weights, correct).map { $0.0 * exp($0.1 ? -alpha : alpha) }
    let sum = raw.reduce(0, +)
    return BoostingRound(weightedError: error, learnerWeight: alpha, newWeights: raw.map { $0 / sum })
}
