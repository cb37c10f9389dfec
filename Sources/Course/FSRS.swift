import Foundation

/// How well something was recalled, as FSRS rates a review.
public enum ReviewRating: Int, Sendable, Codable, CaseIterable, Equatable {
    /// Forgot it (a wrong answer).
    case again = 1
    /// Recalled it with serious difficulty (a partial answer, or a right one only after a hint).
    case hard = 2
    /// Recalled it (a right answer).
    case good = 3
    /// Recalled it easily (only a student's own rating says this).
    case easy = 4

    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}

/// The memory state FSRS keeps for one review item (a quiz question, or an exercise to solve
/// again). Stored inside the item's progress record as an optional field, so files without it
/// still load (see `LeitnerMigration` for records from the Leitner-box era).
public struct FSRSCard: Codable, Sendable, Equatable {
    public enum Phase: String, Codable, Sendable, Equatable {
        /// Not yet past its first (short) learning step.
        case learning
        /// Scheduled in whole days from its stability.
        case review
        /// Forgotten after reaching review: back through the short relearning step.
        case relearning
    }

    public var phase: Phase
    /// Index into the learning or relearning steps; nil in review.
    public var step: Int?
    /// Days until recall probability falls to 90%; nil before the first review.
    public var stability: Double?
    /// 1 (easy) … 10 (hard); nil before the first review.
    public var difficulty: Double?
    public var lastReview: Date?
    public var due: Date
    /// Reviews so far, and how many of them were "again".
    public var reviews: Int
    public var lapses: Int

    public init(
        phase: Phase = .learning, step: Int? = 0, stability: Double? = nil, difficulty: Double? = nil,
        lastReview: Date? = nil, due: Date, reviews: Int = 0, lapses: Int = 0
    ) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.lastReview = lastReview
        self.due = due
        self.reviews = reviews
        self.lapses = lapses
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phase = try c.decodeIfPresent(Phase.self, forKey: .phase) ?? .learning
        step = try c.decodeIfPresent(Int.self, forKey: .step)
        stability = try c.decodeIfPresent(Double.self, forKey: .stability)
        difficulty = try c.decodeIfPresent(Double.self, forKey: .difficulty)
        lastReview = try c.decodeIfPresent(Date.self, forKey: .lastReview)
        due = try c.decodeIfPresent(Date.self, forKey: .due) ?? .distantPast
        reviews = try c.decodeIfPresent(Int.self, forKey: .reviews) ?? 0
        lapses = try c.decodeIfPresent(Int.self, forKey: .lapses) ?? 0
    }
}

/// The FSRS-6 scheduler (Free Spaced Repetition Scheduler, version 6), a line-by-line port of
/// the reference implementation py-fsrs 6.3.1 (`fsrs/scheduler.py`,
/// https://github.com/open-spaced-repetition/py-fsrs, MIT) with its published default
/// parameters. The model: recall probability after `t` days is
/// `R = (1 + F·t/S)^(−w20)` with `F = 0.9^(−1/w20) − 1`, so `R = 0.9` when `t = S`; each review
/// updates stability `S` and difficulty `D` from the rating and the recall probability at that
/// moment, and the next interval is the number of days until `R` falls to the target retention.
/// The algorithm is described at https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm.
///
/// Differences from py-fsrs, all by configuration: no interval fuzz (tandem's schedule is
/// deterministic and testable), and tandem's own learning steps (`tandem`): one ten-minute step,
/// so a right first answer goes straight to a two-day interval and a wrong one comes back in ten
/// minutes, as Leitner's box 1 did.
public struct FSRSScheduler: Sendable, Equatable {
    /// FSRS-6 default parameters w0…w20 (py-fsrs 6.3.1 `DEFAULT_PARAMETERS`; w20 is the decay).
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
        0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let minimumStability = 0.001
    static let day: TimeInterval = 86_400

    public var parameters: [Double]
    /// The recall probability at which an item comes due (the course's `target_retention`).
    public var desiredRetention: Double
    public var learningSteps: [TimeInterval]
    public var relearningSteps: [TimeInterval]
    /// Longest interval, in days.
    public var maximumInterval: Int

    public init(
        parameters: [Double] = FSRSScheduler.defaultParameters, desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [600], relearningSteps: [TimeInterval] = [600], maximumInterval: Int = 36_500
    ) {
        self.parameters = parameters.count == 21 ? parameters : FSRSScheduler.defaultParameters
        self.desiredRetention = min(max(desiredRetention, 0.5), 0.99)
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
    }

    /// tandem's scheduler for a target retention: default parameters, one ten-minute step.
    public static func tandem(retention: Double = 0.9) -> FSRSScheduler {
        FSRSScheduler(desiredRetention: retention)
    }

    /// py-fsrs's own defaults (steps of 1 and 10 minutes, relearning 10 minutes): used by the
    /// tests that reproduce its worked examples.
    public static let reference = FSRSScheduler(learningSteps: [60, 600], relearningSteps: [600])

    var w: [Double] { parameters }
    var decay: Double { -parameters[20] }
    var factor: Double { pow(0.9, 1 / decay) - 1 }

    /// A card for an item never reviewed: learning, due at `now`.
    public func newCard(now: Date) -> FSRSCard { FSRSCard(due: now) }

    /// Whole days from `from` to `to` (py-fsrs uses `timedelta.days`: floored), never negative.
    static func elapsedDays(from: Date, to: Date) -> Int {
        max(0, Int((to.timeIntervalSince(from) / day).rounded(.down)))
    }

    /// Probability of recall at `now`: 0 for an item never reviewed.
    public func retrievability(_ card: FSRSCard, at now: Date) -> Double {
        guard let last = card.lastReview, let stability = card.stability else { return 0 }
        let days = Double(Self.elapsedDays(from: last, to: now))
        return pow(1 + factor * days / stability, decay)
    }

    /// The card after a review with `rating` at `now`.
    public func review(_ card: FSRSCard, rating: ReviewRating, now: Date) -> FSRSCard {
        var card = card
        let sinceLast = card.lastReview.map { Self.elapsedDays(from: $0, to: now) }
        let interval: TimeInterval

        func updateMemory() {
            guard let s = card.stability, let d = card.difficulty else {
                card.stability = initialStability(rating)
                card.difficulty = clampDifficulty(initialDifficulty(rating))
                return
            }
            if let sinceLast, sinceLast < 1 {
                card.stability = shortTermStability(s, rating: rating)
            } else {
                card.stability = nextStability(
                    difficulty: d, stability: s, retrievability: retrievability(card, at: now), rating: rating)
            }
            card.difficulty = nextDifficulty(d, rating: rating)
        }

        switch card.phase {
        case .learning, .relearning:
            updateMemory()
            let steps = card.phase == .learning ? learningSteps : relearningSteps
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&card)
            } else {
                switch rating {
                case .again:
                    card.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 {
                        interval = steps[0] * 1.5
                    } else if step == 0 {
                        interval = (steps[0] + steps[1]) / 2
                    } else {
                        interval = steps[min(step, steps.count - 1)]
                    }
                case .good:
                    if step + 1 >= steps.count {
                        interval = graduate(&card)
                    } else {
                        card.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    interval = graduate(&card)
                }
            }
        case .review:
            updateMemory()
            if rating == .again && !relearningSteps.isEmpty {
                card.phase = .relearning
                card.step = 0
                interval = relearningSteps[0]
            } else {
                interval = Double(nextInterval(card.stability ?? Self.minimumStability)) * Self.day
            }
        }
        if rating == .again && card.reviews > 0 { card.lapses += 1 }
        card.reviews += 1
        card.due = now.addingTimeInterval(interval)
        card.lastReview = now
        return card
    }

    private func graduate(_ card: inout FSRSCard) -> TimeInterval {
        card.phase = .review
        card.step = nil
        return Double(nextInterval(card.stability ?? Self.minimumStability)) * Self.day
    }

    /// Days until recall probability falls to the target: S/F·(r^(1/decay) − 1), rounded half to
    /// even as Python's `round` does, at least 1 and at most `maximumInterval`.
    public func nextInterval(_ stability: Double) -> Int {
        let days = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        guard days.isFinite else { return maximumInterval }
        let rounded = days.rounded(.toNearestOrEven)
        return Int(min(max(rounded, 1), Double(maximumInterval)))
    }

    func clampStability(_ s: Double) -> Double { max(s, Self.minimumStability) }
    func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    func initialStability(_ rating: ReviewRating) -> Double { clampStability(w[rating.rawValue - 1]) }

    func initialDifficulty(_ rating: ReviewRating) -> Double {
        w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
    }

    func shortTermStability(_ s: Double, rating: ReviewRating) -> Double {
        var increase = exp(w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(s, -w[19])
        if rating == .good || rating == .easy { increase = max(increase, 1) }
        return clampStability(s * increase)
    }

    func nextDifficulty(_ d: Double, rating: ReviewRating) -> Double {
        let delta = -(w[6] * (Double(rating.rawValue) - 3))
        let damped = d + (10 - d) * delta / 9
        let reverted = w[7] * initialDifficulty(.easy) + (1 - w[7]) * damped
        return clampDifficulty(reverted)
    }

    func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: ReviewRating)
        -> Double
    {
        if rating == .again {
            let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp((1 - r) * w[14])
            let shortTerm = s / exp(w[17] * w[18])
            return clampStability(min(longTerm, shortTerm))
        }
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return clampStability(
            s * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus))
    }
}

extension CourseFolder {
    /// The course's FSRS scheduler: its `[review] target_retention`.
    public var scheduler: FSRSScheduler { .tandem(retention: manifest.targetRetention) }
}
