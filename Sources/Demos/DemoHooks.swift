import ToyEngine

/// The steps of the demos that the course's exercises ask students to write, as replaceable
/// closures. Every demo takes a `DemoHooks` (default: `.standard`, tandem's own versions), so an
/// exercise runner can pass the student's functions and rerun the demo on them
/// (`tandem run cascade --mine`). A runner starts from `.standard` and replaces the steps the
/// student wrote (there is no public initializer), so adding a hook breaks no runner's source.
public struct DemoHooks: Sendable {
    /// Majority vote: `votes[m][i]` is member m's class for example i; returns one class per
    /// example (ties go to the lowest class).
    public var majorityVote: @Sendable (_ votes: [[Int]], _ classes: Int) -> [Int]
    /// Probability averaging: the members' probability matrices (n × classes each) → their mean.
    public var averageProbabilities: @Sendable (_ members: [Matrix]) -> Matrix
    /// Cascade routing: whether a query with this score goes on to the larger model.
    public var shouldDefer: @Sendable (_ score: Double, _ threshold: Double) -> Bool
    /// Expected cost per query of a two-model cascade: the small model is always paid for, the
    /// large one only for deferred queries.
    public var expectedCost: @Sendable (_ smallCost: Double, _ largeCost: Double, _ deferralRate: Double) -> Double
    /// Threshold choice: among candidate thresholds measured on validation data, the cheapest
    /// whose accuracy reaches `target`; nil when none does.
    public var chooseThreshold: @Sendable (_ candidates: [ThresholdCandidate], _ target: Double) -> Double?
    /// Performance gap recovered, (P_weak→strong − P_weak) / (P_ceiling − P_weak); nil when the
    /// ceiling does not beat the weak model.
    public var performanceGapRecovered: @Sendable (_ weak: Double, _ weakToStrong: Double, _ ceiling: Double) -> Double?
    /// Weak labels: the weak model's probabilities on half B → the soft targets the student
    /// learns from.
    public var weakLabels: @Sendable (_ weakProbabilities: Matrix) -> Matrix
    /// The auxiliary confidence loss's target from the weak soft labels, the student's current
    /// probabilities and α.
    public var confidenceTarget:
        @Sendable (_ weakSoft: Matrix, _ studentProbabilities: Matrix, _ alpha: Double) -> Matrix
    /// Data filtering: the indices of the `fraction` of examples with the highest scores.
    public var keepTopFraction: @Sendable (_ scores: [Double], _ fraction: Double) -> [Int]
    /// Distillation targets: the teacher's logits softened at temperature T.
    public var softTargets: @Sendable (_ teacherLogits: Matrix, _ temperature: Double) -> Matrix

    /// tandem's own implementations.
    public static let standard = DemoHooks(
        majorityVote: StandardSteps.majorityVote,
        averageProbabilities: StandardSteps.averageProbabilities,
        shouldDefer: { score, threshold in score < threshold },
        expectedCost: { small, large, rate in small + rate * large },
        chooseThreshold: StandardSteps.chooseThreshold,
        performanceGapRecovered: StandardSteps.performanceGapRecovered,
        weakLabels: { $0 },
        confidenceTarget: { weak, student, alpha in
            Losses.confidenceTarget(weakSoft: weak, studentProbabilities: student, alpha: alpha)
        },
        keepTopFraction: StandardSteps.keepTopFraction,
        softTargets: { logits, temperature in logits.softmaxRows(temperature: temperature) }
    )
}

/// A cascade threshold measured on validation data.
public struct ThresholdCandidate: Sendable, Equatable {
    public var threshold: Double
    public var accuracy: Double
    /// Multiply-adds per query.
    public var cost: Double
    public init(threshold: Double, accuracy: Double, cost: Double) {
        self.threshold = threshold
        self.accuracy = accuracy
        self.cost = cost
    }
}

/// tandem's reference implementations of the hookable steps.
public enum StandardSteps {
    public static func majorityVote(_ votes: [[Int]], _ classes: Int) -> [Int] {
        guard let first = votes.first else { return [] }
        return (0..<first.count).map { i in
            var counts = [Int](repeating: 0, count: classes)
            for member in votes { counts[member[i]] += 1 }
            var best = 0
            for c in 1..<classes where counts[c] > counts[best] { best = c }
            return best
        }
    }

    public static func averageProbabilities(_ members: [Matrix]) -> Matrix {
        guard let first = members.first else { return Matrix(rows: 0, cols: 0) }
        var total = first
        for member in members.dropFirst() { total = total + member }
        return total * (1 / Double(members.count))
    }

    public static func chooseThreshold(_ candidates: [ThresholdCandidate], _ target: Double) -> Double? {
        candidates.filter { $0.accuracy >= target }
            .min { ($0.cost, $0.threshold) < ($1.cost, $1.threshold) }?.threshold
    }

    public static func performanceGapRecovered(_ weak: Double, _ weakToStrong: Double, _ ceiling: Double) -> Double? {
        guard ceiling > weak else { return nil }
        return (weakToStrong - weak) / (ceiling - weak)
    }

    public static func keepTopFraction(_ scores: [Double], _ fraction: Double) -> [Int] {
        let keep = min(scores.count, max(0, Int((fraction * Double(scores.count)).rounded())))
        let order = scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
        return Array(order.prefix(keep)).sorted()
    }
}
