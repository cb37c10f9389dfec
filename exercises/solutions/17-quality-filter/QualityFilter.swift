/// # Exercise 17 — A quality-classifier filter (reference solution)
///
/// Lesson 7, *Data selection and filtering with weak models*.

import Foundation

/// σ(w · x + b) for each document.
public func qualityScores(features: [[Double]], weights: [Double], bias: Double) -> [Double] {
    features.map { x in
        let z = zip(x, weights).map { $0 * $1 }.reduce(bias, +)
        return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}

/// The indices of the documents kept by sampling on their scores.
public func sampleKeep(scores: [Double], draws: [Double]) -> [Int] {
    scores.indices.filter { draws[$0] < scores[$0] }
}
