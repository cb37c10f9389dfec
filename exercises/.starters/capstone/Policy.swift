/// # Exercise 21 — Capstone: a customer-support pipeline under a budget
///
/// Lesson 9, *Case study: an AI system optimization strategy* (`tandem read case-study`).
///
/// Support messages arrive one by one; each belongs to one of six intents (billing, shipping,
/// refund, technical, account, cancel). Two models can read them: a **small** keyword model
/// (cheap) and a **large** model with a richer view of the text (accurate, and
/// `costs.large / costs.small` times as expensive). Answer every message with an intent, as
/// accurately as you can, while the **mean cost per message stays within `costs.budget`**.
///
/// Your policy decides, per message, which models to ask: `ask(.small)` and `ask(.large)` run a
/// model and return its probabilities over the six intents (each model is charged at most once
/// per message, however often you ask). Anything goes: a cascade (small first, large when
/// unsure), a router (decide from the text or keywords before asking), an ensemble (ask both and
/// combine), your own learned scorer…
///
/// Before the stream starts, your policy gets a **calibration set**: 600 messages with both
/// models' probabilities and the true intent, to choose thresholds or fit whatever you like.
/// `tandem check capstone` then scores it on 1000 **held-out** messages it never sees, and
/// reports the accuracy, the cost per message, the gap to the oracle cascade at your cost (a
/// cascade that defers exactly the small model's mistakes the large model gets right), and the
/// reference solution's numbers.
///
/// **Implement** `SupportPolicy.init(calibration:costs:)` and `answer(_:ask:)`.
///
/// **Done** when `tandem check capstone` passes: a mean cost per message of at most
/// `costs.budget` and an accuracy of at least **95%**. Your best passing score is kept in your
/// progress (`tandem list`). Beat the reference solution if you can.

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

    public init(calibration: [CalibrationExample], costs: SupportCosts) {
        self.costs = costs
        // TODO: learn what you need from the calibration set (a threshold, a scorer, …).
    }

    /// The intent to answer `query` with. `ask` runs a model and returns its probabilities.
    public func answer(_ query: SupportQuery, ask: (SupportModel) -> [Double]) -> Int {
        // TODO: the small model alone is cheap but not accurate enough.
        return topIntent(ask(.small))
    }
}
