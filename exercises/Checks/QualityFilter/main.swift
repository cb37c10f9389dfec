import CheckKit
import Foundation
import QualityFilter

/// Independent reference: σ through tanh, σ(z) = (1 + tanh(z/2)) / 2.
func referenceScores(_ features: [[Double]], _ w: [Double], _ b: Double) -> [Double] {
    features.map { x in
        var z = b
        for j in x.indices { z += x[j] * w[j] }
        return (1 + tanh(z / 2)) / 2
    }
}

func referenceKeep(_ scores: [Double], _ draws: [Double]) -> [Int] {
    var kept: [Int] = []
    for i in scores.indices where !(draws[i] >= scores[i]) { kept.append(i) }
    return kept
}

let checker = Checker(exercise: "quality-filter")
func checkScores(_ name: String, _ features: [[Double]], _ w: [Double], _ b: Double) {
    checker.expect(
        name, input: "qualityScores(features: \(show(features)), weights: \(show(w)), bias: \(show(b)))",
        expected: referenceScores(features, w, b), { qualityScores(features: features, weights: w, bias: b) },
        describe: show, matches: { close($0, $1, tolerance: 1e-12) })
}
func checkKeep(_ name: String, _ scores: [Double], _ draws: [Double]) {
    checker.expect(
        name, input: "sampleKeep(scores: \(show(scores)), draws: \(show(draws)))",
        expected: referenceKeep(scores, draws)
    ) { sampleKeep(scores: scores, draws: draws) }
}
checkScores("z = 0 scores one half", [[0, 0]], [1, 2], 0)
checkScores("a curated-looking document", [[2, 1], [0.5, -1]], [1.5, 0.5], -0.2)
checkScores("large |z| does not overflow", [[800], [-800]], [1], 0)
checkKeep("kept with probability equal to the score", [0.9, 0.2, 0.6], [0.5, 0.5, 0.5])
checkKeep("a draw equal to the score is not below it", [0.5, 0.25], [0.5, 0.1])
checkKeep("a low score can still be kept", [0.05, 0.95], [0.01, 0.99])
checkKeep("no documents", [], [])
var random = CaseRandom(seed: 43)
for index in 0..<150 {
    let d = random.int(in: 1...6)
    let features = (0..<random.int(in: 1...10)).map { _ in (0..<d).map { _ in random.double(in: -3...3) } }
    let w = (0..<d).map { _ in random.double(in: -2...2) }
    checkScores("random documents #\(index + 1) (seed 43)", features, w, random.double(in: -1...1))
    let scores = features.map { _ in random.unit() }
    checkKeep("random sample #\(index + 1) (seed 43)", scores, scores.map { _ in random.unit() })
}
checker.finish()
