import Course
import Foundation

/// A scored exercise's numbers as its checker reports them (`score_*` fields of the verdict):
/// the student's accuracy and cost, the budget and the bar, the oracle cascade at the student's
/// cost, and the reference solution's accuracy and cost.
public struct ScoreReport: Sendable, Equatable {
    public var accuracy: Double
    public var cost: Double
    public var budget: Double
    public var bar: Double
    public var oracle: Double
    public var referenceAccuracy: Double
    public var referenceCost: Double

    public init(
        accuracy: Double, cost: Double, budget: Double, bar: Double, oracle: Double, referenceAccuracy: Double,
        referenceCost: Double
    ) {
        self.accuracy = accuracy
        self.cost = cost
        self.budget = budget
        self.bar = bar
        self.oracle = oracle
        self.referenceAccuracy = referenceAccuracy
        self.referenceCost = referenceCost
    }

    /// Nil unless the verdict carries every score field as a finite number.
    init?(verdict: [String: String]) {
        func number(_ name: String) -> Double? {
            guard let value = verdict["score_" + name].flatMap(Double.init), value.isFinite else { return nil }
            return value
        }
        guard let accuracy = number("accuracy"), let cost = number("cost"), let budget = number("budget"),
            let bar = number("bar"), let oracle = number("oracle"),
            let referenceAccuracy = number("reference_accuracy"), let referenceCost = number("reference_cost")
        else { return nil }
        self.init(
            accuracy: accuracy, cost: cost, budget: budget, bar: bar, oracle: oracle,
            referenceAccuracy: referenceAccuracy, referenceCost: referenceCost)
    }

    public var score: ExerciseScore { ExerciseScore(accuracy: accuracy, costPerQuery: cost) }

    /// More accurate than the reference solution within the budget, or as accurate for less.
    public var beatsReference: Bool {
        score.isBetter(than: ExerciseScore(accuracy: referenceAccuracy, costPerQuery: referenceCost))
    }

    /// The accuracy the oracle cascade reaches at the student's cost, minus the student's.
    public var oracleGap: Double { oracle - accuracy }

    /// "91.3%": one decimal.
    public static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    static func amount(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The lines `check` prints under a passed scored exercise.
    public func lines(previousBest: ExerciseScore?) -> [String] {
        var lines = [
            "Accuracy \(Self.percent(accuracy)) at \(Self.amount(cost)) per query (budget \(Self.amount(budget)); bar \(Self.percent(bar))).",
            "The oracle cascade at your cost: \(Self.percent(oracle)) (gap \(String(format: "%.1f", oracleGap * 100)) points).",
            "The reference solution: \(Self.percent(referenceAccuracy)) at \(Self.amount(referenceCost)) per query.",
        ]
        if beatsReference { lines.append("You beat the reference solution!") }
        if let previousBest {
            if score.isBetter(than: previousBest) {
                lines.append(
                    "A new best (was \(Self.percent(previousBest.accuracy)) at \(Self.amount(previousBest.costPerQuery)))."
                )
            } else {
                lines.append(
                    "Your best stays \(Self.percent(previousBest.accuracy)) at \(Self.amount(previousBest.costPerQuery))."
                )
            }
        }
        return lines
    }
}
