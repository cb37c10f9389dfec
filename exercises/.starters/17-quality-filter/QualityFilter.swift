/// # Exercise 17 — A quality-classifier filter
///
/// Lesson 7, *Data selection and filtering with weak models* (`tandem read data-filtering`).
///
/// GPT-3's data pipeline (Brown et al. 2020, appendix A) trained a logistic-regression classifier
/// to tell curated text from raw web text, scored every web document with it, and kept documents
/// by sampling on that score, so that low-scoring documents are not all thrown away.
///
/// **Implement**
/// - `qualityScores(features:weights:bias:)`: each document's score `σ(w · x + b)`, where
///   `σ(z) = 1 / (1 + e^(−z))`, `x = features[i]` and `w · x` is the dot product.
/// - `sampleKeep(scores:draws:)`: the indices of the kept documents, in increasing order, where
///   document i is kept when its uniform draw is below its score: `draws[i] < scores[i]` (so it is
///   kept with probability equal to its score).
///
/// For large |z| compute σ without overflow: for z ≥ 0 use `1 / (1 + e^(−z))`, for z < 0 use
/// `e^z / (1 + e^z)`.
///
/// **Done** when `tandem check quality-filter` passes.

import Foundation

/// σ(w · x + b) for each document.
public func qualityScores(features: [[Double]], weights: [Double], bias: Double) -> [Double] {
    // TODO: the dot product with the weights, plus the bias, through the logistic function.
    return features.map { x in zip(x, weights).map { $0 * $1 }.reduce(bias, +) }
}

/// The indices of the documents kept by sampling on their scores.
public func sampleKeep(scores: [Double], draws: [Double]) -> [Int] {
    // TODO: keep document i when draws[i] < scores[i].
    return scores.indices.filter { scores[$0] >= 0.5 }
}
