/// A labelled set of examples: one input row per example and its class.
///
/// Every dataset generator in `Datasets/` returns these, split into the parts its demo needs.
public struct LabeledSet: Sendable, Equatable {
    /// One example per row.
    public var inputs: Matrix
    /// The class of each row, in `0..<classes`.
    public var labels: [Int]
    /// How many classes the task has.
    public var classes: Int

    /// A set over `inputs` (n × features) and their `labels`.
    public init(inputs: Matrix, labels: [Int], classes: Int) {
        precondition(inputs.rows == labels.count, "LabeledSet: \(inputs.rows) rows for \(labels.count) labels")
        self.inputs = inputs
        self.labels = labels
        self.classes = classes
    }

    /// Number of examples.
    public var count: Int { labels.count }

    /// Features per example.
    public var features: Int { inputs.cols }

    /// The examples at `indices`, in that order (repeats allowed: bootstrap samples).
    public func subset(_ indices: [Int]) -> LabeledSet {
        LabeledSet(inputs: inputs.rows(indices), labels: indices.map { labels[$0] }, classes: classes)
    }

    /// How many examples each class has.
    public var classCounts: [Int] {
        var counts = Array(repeating: 0, count: classes)
        for label in labels { counts[label] += 1 }
        return counts
    }
}

/// Balanced labels: `count` labels cycling through the classes, then shuffled, so every class
/// gets ⌊count/classes⌋ or one more. The generators use it to be class-balanced by construction.
func balancedLabels(count: Int, classes: Int, rng: inout SplitMix64) -> [Int] {
    rng.shuffled((0..<count).map { $0 % classes })
}
