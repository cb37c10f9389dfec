import ToyEngine

/// `cascade`: a small model answers when its score reaches τ; otherwise the query goes on to a
/// larger model. On the `support` dataset: the small model is logistic regression on the
/// keyword view, the large one an MLP on the rich view (with `--tiers 3`, logistic regression on
/// the rich view sits in between).
public enum CascadeDemo {
    public enum Scorer: String, Sendable, CaseIterable, Codable {
        /// The small model's highest class probability.
        case maxprob
        /// The gap between its two highest probabilities.
        case margin
        /// A learned scorer: logistic regression trained on validation data to predict whether
        /// the small model is right (FrugalGPT's kind of scorer), from the small model's
        /// probabilities and the message's keyword features. It scores the small model's answer,
        /// so it runs after the small model: it is not a router (see `RouterDemo`).
        case learned
    }

    public struct Options: Sendable, Equatable {
        /// Report one threshold in detail.
        public var threshold: Double?
        public var scorer: Scorer = .maxprob
        /// Choose the cheapest τ reaching this accuracy on validation data; report it on test.
        public var targetAccuracy: Double?
        /// 2 (small → large) or 3 (small → medium → large).
        public var tiers = 2
        public init() {}
    }

    public typealias Baseline = ModelBaseline

    /// One threshold on test data.
    public struct Point: Sendable, Equatable {
        public var threshold: Double
        public var accuracy: Double
        public var cost: Double
        /// Fraction of queries the small model passes on.
        public var deferralRate: Double
        /// Accuracy of deferring the same fraction at random instead (expected value).
        public var randomDeferralAccuracy: Double
        /// Accuracy of the oracle at the same deferral rate (so the same cost): it defers first
        /// the small model's mistakes that the deferred branch gets right.
        public var oracleAccuracy: Double
    }

    /// One point of the risk–coverage curve: the small model answers the `coverage` share of
    /// queries it scores highest, and gets the `risk` share of those wrong.
    public struct RiskPoint: Sendable, Equatable {
        public var coverage: Double
        public var risk: Double
    }

    /// What temperature scaling (one T fitted on validation data) does to a max-probability
    /// cascade deferring a fixed share of queries.
    public struct TemperatureEffect: Sendable, Equatable {
        /// The fitted temperature.
        public var temperature: Double
        /// The deferral rate compared.
        public var deferralRate: Double
        /// Queries deferred before scaling that are still deferred after, as a share of the
        /// deferred set (1: the same queries).
        public var overlap: Double
        /// Queries that changed sides (moved into the deferred set; as many moved out).
        public var changed: Int
        /// Deferred queries at that rate.
        public var deferred: Int
        /// Cascade accuracy at that rate before and after scaling.
        public var accuracyBefore: Double
        public var accuracyAfter: Double
        /// AUROC of max probability before and after scaling.
        public var aurocBefore: Double?
        public var aurocAfter: Double?
    }

    /// What happened to one kind of message at the focus threshold.
    public struct KindBreakdown: Sendable, Equatable {
        public var kind: SupportDataset.Kind
        public var count: Int
        public var deferred: Int
        /// Kept by the small model but answered wrongly.
        public var keptWrong: Int
    }

    /// A message in the `--threshold` report.
    public struct Example: Sendable, Equatable {
        public var text: String
        public var score: Double
        public var smallGuess: String
        public var truth: String
    }

    public struct Focus: Sendable, Equatable {
        public var point: Point
        public var kinds: [KindBreakdown]
        public var deferredExamples: [Example]
        public var confidentMistakes: [Example]
    }

    public struct TargetChoice: Sendable, Equatable {
        public var target: Double
        /// nil when no threshold reaches the target on validation data.
        public var threshold: Double?
        public var validationAccuracy: Double?
        public var test: Point?
    }

    /// The learned scorer against max-probability at the same deferral rate (so the same cost,
    /// give or take the scorer's own few multiply-adds).
    public struct ScorerComparison: Sendable, Equatable {
        public var deferralRate: Double
        public var maxprobAccuracy: Double
        public var learnedAccuracy: Double
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var scorer: Scorer
        public var tiers: Int
        public var small: Baseline
        public var medium: Baseline?
        public var large: Baseline
        /// What a deferred query costs on average: the large model, or with three tiers the
        /// medium model plus the large one for what the medium model passes on.
        public var deferredCost: Double
        /// Accuracy of that deferred branch on its own (all queries).
        public var deferredAccuracy: Double
        public var points: [Point]
        /// Defer exactly the small model's mistakes.
        public var oracle: Point
        /// The cheapest point within one point (0.01) of the large model's accuracy, if any.
        public var matching: Point?
        public var comparison: [ScorerComparison]
        public var focus: Focus?
        public var target: TargetChoice?
        /// AUROC of the deferral score: how well it ranks the small model's right answers above
        /// its wrong ones (test set; nil if the small model is never or always wrong).
        public var auroc: Double?
        /// Risk against coverage for the deferral score (coverage 10%, 20%, …, 100%).
        public var riskCoverage: [RiskPoint]
        /// Temperature scaling's effect on the max-probability deferral set.
        public var temperature: TemperatureEffect
    }

    /// The deferral rate at which temperature scaling's effect is measured.
    public static let temperatureDeferralRate = 0.25

    /// The thresholds swept: 0, 0.05, …, 0.95, 0.97, 0.99.
    public static let thresholds: [Double] = (0...19).map { Double($0 * 5) / 100 } + [0.97, 0.99]

    public static func run(_ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard) -> Result {
        let models = SupportModels(seed: seed)
        let data = models.data
        let small = models.small
        let large = models.large
        var rng = models.rng
        let intents = SupportDataset.intents.count

        // Everything below is bookkeeping on predictions: models run once per split.
        let smallTest = small.probabilities(data.test.keywordView.inputs)
        let smallValidation = small.probabilities(data.validation.keywordView.inputs)
        let labels = data.test.keywordView.labels
        let smallRight = correctness(smallTest.argmaxRows(), labels)
        let largeRight = correctness(large.predict(data.test.richView.inputs), labels)
        let largeValidationRight = correctness(
            large.predict(data.validation.richView.inputs), data.validation.keywordView.labels)

        // The learned scorer: trained on validation data to predict whether the small model is right.
        let learnedScorer = LogisticRegression(inputs: intents + SupportDataset.keywordFeatures, classes: 2, rng: &rng)
        let scorerInputs = { (probabilities: Matrix, keywords: Matrix) in Matrix.hcat(probabilities, keywords) }
        let smallValidationRight = correctness(smallValidation.argmaxRows(), data.validation.keywordView.labels)
        Recipes.fit(
            learnedScorer, inputs: scorerInputs(smallValidation, data.validation.keywordView.inputs),
            targets: .hard(smallValidationRight.map { $0 ? 1 : 0 }), epochs: 20, learningRate: 0.05, batchSize: 64,
            rng: &rng)
        func scores(_ scorer: Scorer, _ probabilities: Matrix, _ keywords: Matrix) -> [Double] {
            switch scorer {
            case .maxprob: return probabilities.maxRows()
            case .margin:
                return (0..<probabilities.rows).map { r in
                    let sorted = probabilities.rowArray(r).sorted(by: >)
                    return sorted[0] - (sorted.count > 1 ? sorted[1] : 0)
                }
            case .learned: return learnedScorer.probabilities(scorerInputs(probabilities, keywords)).column(1)
            }
        }

        // What happens to a deferred query: the large model answers it, or (three tiers) a medium
        // model does when it is sure, passing the rest on to the large model.
        var medium: Baseline?
        let largeBaseline = Baseline(accuracy: fraction(largeRight), cost: Double(large.cost))
        var deferredRight = largeRight
        var deferredCost = Double(large.cost)
        var deferredValidationRight = largeValidationRight
        if options.tiers >= 3 {
            let middle = LogisticRegression(inputs: data.options.richFeatures, classes: intents, rng: &rng)
            Recipes.fit(
                middle, inputs: data.train.richView.inputs, targets: .hard(data.train.richView.labels),
                epochs: 15, learningRate: 0.05, batchSize: 64, weightDecay: 0.003, rng: &rng)
            func escalate(_ probabilities: Matrix, _ labels: [Int], _ largeRight: [Bool], _ threshold: Double) -> (
                right: [Bool], rate: Double
            ) {
                let middleRight = correctness(probabilities.argmaxRows(), labels)
                let up = probabilities.maxRows().map { hooks.shouldDefer($0, threshold) }
                return (up.indices.map { up[$0] ? largeRight[$0] : middleRight[$0] }, fraction(up))
            }
            // The medium model's own threshold, chosen on validation data: the lowest that keeps
            // the medium → large pair within half a point of the large model.
            let middleValidation = middle.probabilities(data.validation.richView.inputs)
            let validationLabels = data.validation.keywordView.labels
            let largeValidation = fraction(largeValidationRight)
            let middleThreshold =
                thresholds.first { t in
                    fraction(escalate(middleValidation, validationLabels, largeValidationRight, t).right)
                        >= largeValidation - 0.005
                } ?? 1
            let middleTest = middle.probabilities(data.test.richView.inputs)
            medium = Baseline(
                accuracy: Metrics.accuracy(predictions: middleTest.argmaxRows(), labels: labels),
                cost: Double(middle.cost))
            let test = escalate(middleTest, labels, largeRight, middleThreshold)
            deferredRight = test.right
            deferredCost = hooks.expectedCost(Double(middle.cost), Double(large.cost), test.rate)
            deferredValidationRight =
                escalate(middleValidation, validationLabels, largeValidationRight, middleThreshold).right
        }

        let scorerCost = options.scorer == .learned ? Double(learnedScorer.cost) : 0
        let smallCost = Double(small.cost) + scorerCost
        let testScores = scores(options.scorer, smallTest, data.test.keywordView.inputs)

        func point(_ threshold: Double, scores: [Double], smallRight: [Bool], largeRight: [Bool]) -> Point {
            let deferred = scores.map { hooks.shouldDefer($0, threshold) }
            let right = deferred.indices.map { deferred[$0] ? largeRight[$0] : smallRight[$0] }
            let rate = fraction(deferred)
            // The oracle's ranking: first the small model's mistakes that the deferred branch fixes,
            // then queries where deferring changes nothing, last the small model's right answers
            // that the deferred branch would get wrong.
            let oracleScores = smallRight.indices.map { i -> Double in
                smallRight[i] == largeRight[i] ? 1 : largeRight[i] ? 0 : 2
            }
            return Point(
                threshold: threshold, accuracy: fraction(right),
                cost: hooks.expectedCost(smallCost, deferredCost, rate), deferralRate: rate,
                randomDeferralAccuracy: (1 - rate) * fraction(smallRight) + rate * fraction(largeRight),
                oracleAccuracy: accuracyDeferringLowest(rate, oracleScores, smallRight, largeRight))
        }
        let points = thresholds.map { point($0, scores: testScores, smallRight: smallRight, largeRight: deferredRight) }
        let oracleDeferred = smallRight.map { !$0 }
        let oracleRate = fraction(oracleDeferred)
        let oracleAccuracy = fraction(smallRight.indices.map { smallRight[$0] || deferredRight[$0] })
        let oracle = Point(
            threshold: .nan, accuracy: oracleAccuracy,
            cost: hooks.expectedCost(Double(small.cost), deferredCost, oracleRate), deferralRate: oracleRate,
            randomDeferralAccuracy: (1 - oracleRate) * fraction(smallRight) + oracleRate * fraction(deferredRight),
            oracleAccuracy: oracleAccuracy)
        let matching = points.filter { $0.accuracy >= largeBaseline.accuracy - 0.01 }.min {
            ($0.cost, $0.threshold) < ($1.cost, $1.threshold)
        }

        // The learned scorer vs max-probability at equal deferral rates.
        let maxprobScores = scores(.maxprob, smallTest, data.test.keywordView.inputs)
        let learnedScores = scores(.learned, smallTest, data.test.keywordView.inputs)
        let comparison = [0.25, 0.35, 0.45].map { rate in
            ScorerComparison(
                deferralRate: rate,
                maxprobAccuracy: accuracyDeferringLowest(rate, maxprobScores, smallRight, deferredRight),
                learnedAccuracy: accuracyDeferringLowest(rate, learnedScores, smallRight, deferredRight))
        }

        // Temperature scaling changes the probabilities, never their argmax; what a cascade
        // needs is the ranking of max probabilities, which it can change only with 3+ classes.
        let temperature = Selective.fitTemperature(
            logits: small.logits(data.validation.keywordView.inputs), labels: data.validation.keywordView.labels)
        let scaledScores = small.probabilities(data.test.keywordView.inputs, temperature: temperature).maxRows()
        let rate = temperatureDeferralRate
        let before = Set(Selective.lowest(rate, of: maxprobScores))
        let after = Set(Selective.lowest(rate, of: scaledScores))
        let temperatureEffect = TemperatureEffect(
            temperature: temperature, deferralRate: rate,
            overlap: before.isEmpty ? 1 : Double(before.intersection(after).count) / Double(before.count),
            changed: after.subtracting(before).count, deferred: before.count,
            accuracyBefore: accuracyDeferringLowest(rate, maxprobScores, smallRight, deferredRight),
            accuracyAfter: accuracyDeferringLowest(rate, scaledScores, smallRight, deferredRight),
            aurocBefore: Selective.auroc(scores: maxprobScores, right: smallRight),
            aurocAfter: Selective.auroc(scores: scaledScores, right: smallRight))

        var result = Result(
            seed: seed, scorer: options.scorer, tiers: options.tiers,
            small: Baseline(accuracy: fraction(smallRight), cost: Double(small.cost)), medium: medium,
            large: largeBaseline, deferredCost: deferredCost, deferredAccuracy: fraction(deferredRight), points: points,
            oracle: oracle, matching: matching,
            comparison: comparison,
            auroc: Selective.auroc(scores: testScores, right: smallRight),
            riskCoverage: Selective.riskCoverage(
                scores: testScores, right: smallRight, coverages: (1...10).map { Double($0) / 10 }
            ).map { RiskPoint(coverage: $0.coverage, risk: $0.risk) },
            temperature: temperatureEffect)

        if let threshold = options.threshold {
            let focusPoint = point(threshold, scores: testScores, smallRight: smallRight, largeRight: deferredRight)
            let guesses = smallTest.argmaxRows()
            var kinds: [KindBreakdown] = []
            for kind in SupportDataset.Kind.allCases {
                let rows = data.test.messages.indices.filter { data.test.messages[$0].kind == kind }
                kinds.append(
                    KindBreakdown(
                        kind: kind, count: rows.count,
                        deferred: rows.filter { hooks.shouldDefer(testScores[$0], threshold) }.count,
                        keptWrong: rows.filter { !hooks.shouldDefer(testScores[$0], threshold) && !smallRight[$0] }
                            .count))
            }
            func example(_ i: Int) -> Example {
                Example(
                    text: data.test.messages[i].text, score: testScores[i],
                    smallGuess: SupportDataset.intents[guesses[i]], truth: SupportDataset.intents[labels[i]])
            }
            let deferredRows = labels.indices.filter { hooks.shouldDefer(testScores[$0], threshold) }
            // One deferred example of each hard kind, then the rest in order.
            var shown: [Int] = []
            for kind in SupportDataset.Kind.allCases {
                if let i = deferredRows.first(where: { data.test.messages[$0].kind == kind }) { shown.append(i) }
            }
            let mistakes = labels.indices.filter { !hooks.shouldDefer(testScores[$0], threshold) && !smallRight[$0] }
                .sorted { (testScores[$0], -$0) > (testScores[$1], -$1) }
            result.focus = Focus(
                point: focusPoint, kinds: kinds, deferredExamples: shown.prefix(4).map(example),
                confidentMistakes: mistakes.prefix(3).map(example))
        }

        if let target = options.targetAccuracy {
            let validationScores = scores(options.scorer, smallValidation, data.validation.keywordView.inputs)
            let candidates = thresholds.map { threshold -> ThresholdCandidate in
                let p = point(
                    threshold, scores: validationScores, smallRight: smallValidationRight,
                    largeRight: deferredValidationRight)
                return ThresholdCandidate(threshold: threshold, accuracy: p.accuracy, cost: p.cost)
            }
            var choice = TargetChoice(target: target)
            if let chosen = hooks.chooseThreshold(candidates, target) {
                choice.threshold = chosen
                choice.validationAccuracy = candidates.first { $0.threshold == chosen }?.accuracy
                choice.test = point(chosen, scores: testScores, smallRight: smallRight, largeRight: deferredRight)
            }
            result.target = choice
        }
        return result
    }

    /// Accuracy when the `rate` fraction of queries with the lowest scores go to the large model.
    static func accuracyDeferringLowest(_ rate: Double, _ scores: [Double], _ smallRight: [Bool], _ largeRight: [Bool])
        -> Double
    {
        var deferred = [Bool](repeating: false, count: scores.count)
        for i in Selective.lowest(rate, of: scores) { deferred[i] = true }
        return fraction(deferred.indices.map { deferred[$0] ? largeRight[$0] : smallRight[$0] })
    }
}

/// The support task's small and large models, trained once per seed, shared by the cascade and
/// the router demos so both compare the same two models.
struct SupportModels {
    let data: SupportDataset
    /// Logistic regression on the keyword view.
    let small: LogisticRegression
    /// An MLP with 24 hidden units on the rich view.
    let large: MLP
    /// The generator after training, for whatever the demo trains next.
    var rng: SplitMix64

    init(seed: UInt64) {
        data = SupportDataset(seed: seed)
        rng = SplitMix64(seed: seed ^ 0x4341_5343)
        let intents = SupportDataset.intents.count
        small = LogisticRegression(inputs: SupportDataset.keywordFeatures, classes: intents, rng: &rng)
        Recipes.fit(
            small, inputs: data.train.keywordView.inputs, targets: .hard(data.train.keywordView.labels),
            epochs: 20, learningRate: 0.05, batchSize: 64, rng: &rng)
        large = MLP(inputs: data.options.richFeatures, hidden: [24], classes: intents, rng: &rng)
        Recipes.fit(
            large, inputs: data.train.richView.inputs, targets: .hard(data.train.richView.labels),
            epochs: 10, learningRate: 0.03, batchSize: 64, rng: &rng)
    }
}

extension CascadeDemo.TargetChoice {
    init(target: Double) {
        self.init(target: target, threshold: nil, validationAccuracy: nil, test: nil)
    }
}
