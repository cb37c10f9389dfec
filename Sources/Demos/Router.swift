import ToyEngine

/// `router`: a router reads the query alone, before any model runs, and sends it to the small or
/// the large model, paying only for the one it picks; against the cascade, which always pays for
/// the small model and decides from its answer. Same support task and the same two models as
/// the cascade demo (`SupportModels`).
public enum RouterDemo {
    public typealias Baseline = ModelBaseline

    /// One operating point: `largeShare` of the queries go to the large model.
    public struct Point: Sendable, Equatable {
        public var largeShare: Double
        public var cost: Double
        public var accuracy: Double
    }

    /// The router against the cascade at the router's cost.
    public struct Comparison: Sendable, Equatable {
        /// The router's point.
        public var router: Point
        /// The cascade spending the same multiply-adds per query: its deferral rate and accuracy.
        public var cascadeDeferralRate: Double
        public var cascadeAccuracy: Double
        /// cascade − router (positive: the cascade wins at this cost).
        public var cascadeGain: Double { cascadeAccuracy - router.accuracy }
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var small: Baseline
        public var large: Baseline
        /// The router's own cost per query (logistic regression on the keyword view).
        public var routerCost: Double
        /// AUROC of the router's score for "the small model will be right" (test set).
        public var routerAUROC: Double?
        /// AUROC of the cascade's score (the small model's max probability) for the same event.
        public var cascadeAUROC: Double?
        /// Router sending 0%, 10%, …, 100% of queries to the large model.
        public var router: [Point]
        /// Cascade (max-probability scorer) deferring 0%, 10%, …, 100%.
        public var cascade: [Point]
        /// At each router point's cost, the cascade's accuracy (the cascade's cost range starts at
        /// the small model's cost, so the router's cheapest points have no cascade to compare).
        public var comparisons: [Comparison]
        /// The same comparison if the small model cost `whatIfSmallCostShare` of the large one
        /// (the measured accuracies, another price list): who wins depends on that ratio.
        public var whatIfComparisons: [Comparison]
        public var whatIfSmallCost: Double
    }

    /// The small model's cost, as a share of the large model's, in the what-if comparison.
    public static let whatIfSmallCostShare = 0.3

    /// The shares of queries sent to the large model.
    public static let shares: [Double] = (0...10).map { Double($0) / 10 }

    public static func run(seed: UInt64 = 1) -> Result {
        var models = SupportModels(seed: seed)
        let data = models.data
        let labels = data.test.keywordView.labels
        let smallRight = correctness(models.small.predict(data.test.keywordView.inputs), labels)
        let largeRight = correctness(models.large.predict(data.test.richView.inputs), labels)
        let smallCost = Double(models.small.cost)
        let largeCost = Double(models.large.cost)

        // The router: logistic regression on the query's keyword view, trained on validation data
        // to predict whether the small model will be right. It never sees an answer.
        let validation = data.validation.keywordView
        let validationRight = correctness(models.small.predict(validation.inputs), validation.labels)
        let router = LogisticRegression(inputs: SupportDataset.keywordFeatures, classes: 2, rng: &models.rng)
        Recipes.fit(
            router, inputs: validation.inputs, targets: .hard(validationRight.map { $0 ? 1 : 0 }), epochs: 30,
            learningRate: 0.05, batchSize: 64, rng: &models.rng)
        let routerScores = router.probabilities(data.test.keywordView.inputs).column(1)
        let routerCost = Double(router.cost)
        let cascadeScores = models.small.probabilities(data.test.keywordView.inputs).maxRows()

        func accuracy(sendingLowest share: Double, of scores: [Double]) -> Double {
            CascadeDemo.accuracyDeferringLowest(share, scores, smallRight, largeRight)
        }
        func routerPoints(smallCost: Double) -> [Point] {
            shares.map { share in
                Point(
                    largeShare: share, cost: routerCost + (1 - share) * smallCost + share * largeCost,
                    accuracy: accuracy(sendingLowest: share, of: routerScores))
            }
        }
        let cascadePoints = shares.map { share in
            Point(
                largeShare: share, cost: smallCost + share * largeCost,
                accuracy: accuracy(sendingLowest: share, of: cascadeScores))
        }
        // Equal cost: the cascade defers d with small + d · large = the router's cost.
        func comparisons(smallCost: Double) -> [Comparison] {
            routerPoints(smallCost: smallCost).compactMap { point -> Comparison? in
                let rate = (point.cost - smallCost) / largeCost
                guard (0...1).contains(rate) else { return nil }
                return Comparison(
                    router: point, cascadeDeferralRate: rate,
                    cascadeAccuracy: accuracy(sendingLowest: rate, of: cascadeScores))
            }
        }
        let whatIfSmallCost = whatIfSmallCostShare * largeCost
        return Result(
            seed: seed, small: Baseline(accuracy: fraction(smallRight), cost: smallCost),
            large: Baseline(accuracy: fraction(largeRight), cost: largeCost), routerCost: routerCost,
            routerAUROC: Selective.auroc(scores: routerScores, right: smallRight),
            cascadeAUROC: Selective.auroc(scores: cascadeScores, right: smallRight),
            router: routerPoints(smallCost: smallCost), cascade: cascadePoints,
            comparisons: comparisons(smallCost: smallCost), whatIfComparisons: comparisons(smallCost: whatIfSmallCost),
            whatIfSmallCost: whatIfSmallCost)
    }
}
