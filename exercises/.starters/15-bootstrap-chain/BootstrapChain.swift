/// # Exercise 15 — A bootstrapping chain's labels
///
/// Lesson 6, *Supervising a strong model with a weak one* (`tandem read weak-supervision`).
///
/// Instead of supervising the strong model with the weak one directly, bootstrapping goes through
/// models of growing size, each supervising the next (Burns et al. 2023 found that this helps on
/// chess puzzles): weak → intermediate → strong.
///
/// You get the learners in order (`stages`, weakest first), the ground truth labels of the first
/// data split, and `stages.count + 1` splits of inputs (`splits[0]` … `splits[stages.count]`).
/// A learner is a function that trains on inputs and labels and returns a classifier:
///
/// - stage 0 trains on `splits[0]` with `groundTruth`, then labels `splits[1]`;
/// - stage k (k ≥ 1) trains on `splits[k]` with the labels stage k − 1 produced, then labels
///   `splits[k + 1]`.
///
/// Each model only ever sees labels from the model before it; only the first sees ground truth.
///
/// **Implement** `bootstrapLabels(stages:splits:groundTruth:)`, returning the labels each stage
/// produced, in order: element k holds stage k's labels for `splits[k + 1]`. No stages give `[]`.
///
/// **Done** when `tandem check bootstrap-chain` passes.

/// Trains on (inputs, labels) and returns the trained classifier.
public typealias Learner = (_ inputs: [[Double]], _ labels: [Int]) -> (_ input: [Double]) -> Int

/// The labels each stage of a weak-to-strong chain gives the next split.
public func bootstrapLabels(stages: [Learner], splits: [[[Double]]], groundTruth: [Int]) -> [[Int]] {
    // TODO: train each stage on the previous stage's labels (the first on ground truth).
    var produced: [[Int]] = []
    for (k, learner) in stages.enumerated() {
        let classifier = learner(splits[0], groundTruth)
        produced.append(splits[k + 1].map(classifier))
    }
    return produced
}
