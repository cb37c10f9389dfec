import CascadeRouting
import CheckKit

func referenceCost(_ confidences: [Double], _ threshold: Double, _ small: Double, _ large: Double) -> Double {
    guard !confidences.isEmpty else { return 0 }
    let deferred = confidences.filter { $0 < threshold }.count
    return small + Double(deferred) / Double(confidences.count) * large
}

let checker = Checker(exercise: "cascade-routing")
let routes: [(String, Double, Double, Route)] = [
    ("a confident answer is accepted", 0.95, 0.8, .accept),
    ("a hesitant answer is deferred", 0.55, 0.8, .deferToLarge),
    ("a confidence exactly at the threshold is accepted", 0.8, 0.8, .accept),
    ("threshold 0 accepts everything", 0.0, 0.0, .accept),
    ("a threshold above 1 defers everything", 1.0, 1.01, .deferToLarge),
]
for (name, confidence, threshold, expected) in routes {
    checker.expect(
        name, input: "route(confidence: \(show(confidence)), threshold: \(show(threshold)))",
        expected: expected
    ) { route(confidence: confidence, threshold: threshold) }
}
func checkCost(_ name: String, _ confidences: [Double], _ threshold: Double, _ small: Double, _ large: Double) {
    checker.expect(
        name,
        input:
            "expectedCost(confidences: \(show(confidences)), threshold: \(show(threshold)), smallCost: \(show(small)), largeCost: \(show(large)))",
        expected: referenceCost(confidences, threshold, small, large),
        { expectedCost(confidences: confidences, threshold: threshold, smallCost: small, largeCost: large) },
        describe: show, matches: { close($0, $1) })
}
checkCost("no deferrals: only the small model is paid", [0.9, 0.95], 0.5, 1, 20)
checkCost("half deferred", [0.9, 0.3, 0.95, 0.2], 0.5, 1, 20)
checkCost("everything deferred: both models on every query", [0.1, 0.2], 0.5, 1, 20)
checkCost("no queries cost nothing", [], 0.5, 1, 20)
var random = CaseRandom(seed: 3)
for index in 0..<200 {
    let confidences = (0..<random.int(in: 1...12)).map { _ in random.unit() }
    let threshold = random.unit()
    let small = random.double(in: 0.1...2)
    let large = random.double(in: 5...50)
    checker.expect(
        "random route #\(index + 1) (seed 3)",
        input: "route(confidence: \(confidences[0]), threshold: \(threshold))",
        expected: confidences[0] >= threshold ? Route.accept : .deferToLarge
    ) {
        route(confidence: confidences[0], threshold: threshold)
    }
    checkCost("random cascade #\(index + 1) (seed 3)", confidences, threshold, small, large)
}
checker.finish()
