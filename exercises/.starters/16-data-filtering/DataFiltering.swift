/// # Exercise 16 — Data filtering with a weak model
///
/// Lesson 7, *Data selection and filtering with weak models* (`tandem read data-filtering`).
///
/// A small model scores every training document (say, the probability that it is high quality,
/// or how well a small reference model predicts it). We keep only the best-scored fraction and
/// train the large model on that.
///
/// **Implement** `keepTopFraction(scores:fraction:)`: return the **indices** of the documents to
/// keep, in increasing index order. Keep `k = Int((fraction × n).rounded())` documents (the
/// nearest whole number, halves away from zero; fraction is clamped to 0...1), the `k` with the
/// highest scores; on equal scores the lower index is kept first.
///
/// **Done** when `tandem check data-filtering` passes.

/// Indices of the `fraction` of documents with the highest scores, in increasing order.
public func keepTopFraction(scores: [Double], fraction: Double) -> [Int] {
    // TODO: rank the indices by score (highest first, lower index on ties), keep the first k,
    // and return them sorted.
    return Array(scores.indices)
}
