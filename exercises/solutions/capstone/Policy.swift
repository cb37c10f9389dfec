/// # Exercise 21 — Capstone: a customer-support pipeline under a budget (reference solution)
///
/// Lesson 9, *Case study: an AI system optimization strategy*.
///
/// A confidence cascade: ask the small model, and the large one when the small model's top
/// probability is below τ. τ is the threshold with the best calibration accuracy among those
/// whose calibration cost stays within 95% of the budget (a margin for the held-out stream).

/// The two models.
public enum SupportModel {
    case small
    case large
}

/// What the policy may look at before spending anything.
public struct SupportQuery {
    /// The message, lower case.
    public let text: String
    /// Counts of the small model's keywords in the message (its input features).
    public let keywords: [Double]

    public init(text: String, keywords: [Double]) {
        self.text = text
        self.keywords = keywords
    }
}

/// One calibration message: the query, both models' probabilities, and the true intent.
public struct CalibrationExample {
    public let query: SupportQuery
    public let small: [Double]
    public let large: [Double]
    public let intent: Int

    public init(query: SupportQuery, small: [Double], large: [Double], intent: Int) {
        self.query = query
        self.small = small
        self.large = large
        self.intent = intent
    }
}

/// What a call costs, and the budget for the mean cost per message.
public struct SupportCosts {
    public let small: Double
    public let large: Double
    public let budget: Double

    public init(small: Double, large: Double, budget: Double) {
        self.small = small
        self.large = large
        self.budget = budget
    }
}

/// The index of the largest probability (the first on ties).
public func topIntent(_ probabilities: [Double]) -> Int {
    probabilities.indices.max {
        probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 > $1)
    } ?? 0
}

public struct SupportPolicy {
    let costs: SupportCosts
    let threshold: Double

    public init(calibration: [CalibrationExample], costs: SupportCosts) {
        self.costs = costs
        let candidates = Set(calibration.map { $0.small.max() ?? 0 }).sorted() + [1.01]
        var best = (threshold: 0.0, accuracy: -1.0)
        for tau in candidates {
            var right = 0
            var deferred = 0
            for example in calibration {
                let unsure = (example.small.max() ?? 0) < tau
                if unsure { deferred += 1 }
                let guess = topIntent(unsure ? example.large : example.small)
                if guess == example.intent { right += 1 }
            }
            let n = Double(max(calibration.count, 1))
            let cost = costs.small + Double(deferred) / n * costs.large
            let accuracy = Double(right) / n
            if cost <= 0.95 * costs.budget && accuracy > best.accuracy { best = (tau, accuracy) }
        }
        threshold = best.threshold
    }

    /// The intent to answer `query` with. `ask` runs a model and returns its probabilities.
    public func answer(_ query: SupportQuery, ask: (SupportModel) -> [Double]) -> Int {
        let small = ask(.small)
        if (small.max() ?? 0) >= threshold { return topIntent(small) }
        return topIntent(ask(.large))
    }
}
