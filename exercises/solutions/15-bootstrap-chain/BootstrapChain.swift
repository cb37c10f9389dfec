/// # Exercise 15 — A bootstrapping chain's labels (reference solution)
///
/// Lesson 6, *Supervising a strong model with a weak one*.

/// Trains on (inputs, labels) and returns the trained classifier.
public typealias Learner = (_ inputs: [[Double]], _ labels: [Int]) -> (_ input: [Double]) -> Int

/// The labels each stage of a weak-to-strong chain gives the next split.
public func bootstrapLabels(stages: [Learner], splits: [[[Double]]], groundTruth: [Int]) -> [[Int]] {
    var labels = groundTruth
    var produced: [[Int]] = []
    for (k, learner) in stages.enumerated() {
        let classifier = learner(splits[k], labels)
        labels = splits[k + 1].map(classifier)
        produced.append(labels)
    }
    return produced
}
