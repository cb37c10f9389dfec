import Capstone
import CheckKit
import ToyEngine

// The capstone's scorer: the models of the cascade demo, trained here; the student's policy is
// calibrated on the validation split and scored on the test split, which it never sees.
let seed: UInt64 = 2024
let bar = 0.95
let data = SupportDataset(seed: seed)
var rng = SplitMix64(seed: seed ^ 0x4341_5053_544F_4E45)
let intents = SupportDataset.intents.count
let small = LogisticRegression(inputs: SupportDataset.keywordFeatures, classes: intents, rng: &rng)
_ = train(
    small, inputs: data.train.keywordView.inputs, targets: .hard(data.train.keywordView.labels),
    config: TrainingConfig(epochs: 20, batchSize: 64, optimizer: .adam(learningRate: 0.05)), rng: &rng)
let large = MLP(inputs: data.options.richFeatures, hidden: [24], classes: intents, rng: &rng)
_ = train(
    large, inputs: data.train.richView.inputs, targets: .hard(data.train.richView.labels),
    config: TrainingConfig(epochs: 10, batchSize: 64, optimizer: .adam(learningRate: 0.03)), rng: &rng)
let smallCost = Double(small.cost)
let largeCost = Double(large.cost)
let costs = SupportCosts(small: smallCost, large: largeCost, budget: smallCost + 0.4 * largeCost)

struct Stream {
    var queries: [SupportQuery]
    var small: [[Double]]
    var large: [[Double]]
    var labels: [Int]
}
func stream(_ split: SupportDataset.Split) -> Stream {
    let smallP = small.probabilities(split.keywordView.inputs)
    let largeP = large.probabilities(split.richView.inputs)
    let n = split.messages.count
    return Stream(
        queries: (0..<n).map {
            SupportQuery(text: split.messages[$0].text, keywords: split.keywordView.inputs.rowArray($0))
        },
        small: (0..<n).map { smallP.rowArray($0) }, large: (0..<n).map { largeP.rowArray($0) },
        labels: split.keywordView.labels)
}
let calibrationStream = stream(data.validation)
let test = stream(data.test)
let calibration = (0..<calibrationStream.labels.count).map {
    CalibrationExample(
        query: calibrationStream.queries[$0], small: calibrationStream.small[$0], large: calibrationStream.large[$0],
        intent: calibrationStream.labels[$0])
}

func argmax(_ p: [Double]) -> Int { p.indices.max { p[$0] < p[$1] || (p[$0] == p[$1] && $0 > $1) } ?? 0 }

/// Runs a policy over the test stream: (accuracy, mean cost per message).
func score(_ answer: (SupportQuery, (SupportModel) -> [Double]) -> Int) -> (accuracy: Double, cost: Double) {
    var right = 0
    var spent = 0.0
    for i in test.labels.indices {
        var asked = Set<String>()
        let guess = answer(test.queries[i]) { model in
            switch model {
            case .small:
                if asked.insert("small").inserted { spent += smallCost }
                return test.small[i]
            case .large:
                if asked.insert("large").inserted { spent += largeCost }
                return test.large[i]
            }
        }
        if guess == test.labels[i] { right += 1 }
    }
    let n = Double(test.labels.count)
    return (Double(right) / n, spent / n)
}

/// The reference policy, written independently of the student's file: a max-probability cascade
/// whose threshold has the best calibration accuracy within 95% of the budget.
func referenceThreshold() -> Double {
    var best = (tau: 0.0, accuracy: -1.0)
    for tau in Set(calibrationStream.small.map { $0.max()! }).sorted() + [1.01] {
        var right = 0
        var deferred = 0
        for i in calibrationStream.labels.indices {
            let unsure = calibrationStream.small[i].max()! < tau
            deferred += unsure ? 1 : 0
            right +=
                argmax(unsure ? calibrationStream.large[i] : calibrationStream.small[i]) == calibrationStream.labels[i]
                ? 1 : 0
        }
        let n = Double(calibrationStream.labels.count)
        if smallCost + Double(deferred) / n * largeCost <= 0.95 * costs.budget && Double(right) / n > best.accuracy {
            best = (tau, Double(right) / n)
        }
    }
    return best.tau
}
let tau = referenceThreshold()
let reference = score { _, ask in
    let p = ask(.small)
    return p.max()! >= tau ? argmax(p) : argmax(ask(.large))
}

let checker = Checker(exercise: "capstone")
checker.announce("calibrating your policy")
let policy = SupportPolicy(calibration: calibration, costs: costs)
checker.announce("answering the held-out stream")
let mine = score { query, ask in policy.answer(query, ask: ask) }

/// The oracle cascade at a cost: the small model on every message, and the large model on as many
/// of the messages the small model gets wrong and the large one right as the cost allows.
let smallRight = test.labels.indices.filter { argmax(test.small[$0]) == test.labels[$0] }.count
let rescuable = test.labels.indices.filter {
    argmax(test.small[$0]) != test.labels[$0] && argmax(test.large[$0]) == test.labels[$0]
}.count
let n = Double(test.labels.count)
let rate = min(1, max(0, (mine.cost - smallCost) / largeCost))
let oracle = Double(smallRight) / n + min(rate, Double(rescuable) / n)

func percent(_ x: Double) -> String { show((x * 1000).rounded() / 10) + "%" }
let summary =
    "accuracy \(percent(mine.accuracy)) at \(show(mine.cost)) per message (budget \(show(costs.budget)))"
checker.require(
    "within the budget", input: "1000 held-out messages",
    requirement: "a mean cost per message of at most \(show(costs.budget))", actual: summary,
    mine.cost <= costs.budget * (1 + 1e-12))
checker.require(
    "above the bar", input: "1000 held-out messages", requirement: "an accuracy of at least \(percent(bar))",
    actual: summary, mine.accuracy >= bar)
checker.finish(scores: [
    "accuracy": mine.accuracy, "cost": mine.cost, "budget": costs.budget, "bar": bar, "oracle": oracle,
    "reference_accuracy": reference.accuracy, "reference_cost": reference.cost,
])
