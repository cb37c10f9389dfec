import AdaBoostRound
import CheckKit
import Foundation

/// Independent reference: after re-weighting, the mistakes hold exactly half the weight (the
/// known property of AdaBoost's update), so the new weights follow without exponentials.
func reference(_ weights: [Double], _ correct: [Bool]) -> [Double] {
    var wrong = 0.0
    var right = 0.0
    for (w, c) in zip(weights, correct) {
        if c { right += w } else { wrong += w }
    }
    let error = wrong / (wrong + right)
    let e = min(max(error, 1e-10), 1 - 1e-10)
    let alpha = log(sqrt((1 - e) / e))
    // Mistakes scale by sqrt((1-e)/e), hits by sqrt(e/(1-e)); normalising gives these shares.
    let up = sqrt((1 - e) / e)
    let down = sqrt(e / (1 - e))
    let norm = wrong * up + right * down
    let updated = zip(weights, correct).map { $0.1 ? $0.0 * down / norm : $0.0 * up / norm }
    return [error, alpha] + updated
}

let checker = Checker(exercise: "adaboost-round")
func check(_ name: String, _ weights: [Double], _ correct: [Bool]) {
    checker.expect(
        name, input: "adaBoostRound(weights: \(show(weights)), correct: \(correct))",
        expected: reference(weights, correct),
        {
            let r = adaBoostRound(weights: weights, correct: correct)
            return [r.weightedError, r.learnerWeight] + r.newWeights
        },
        describe: { v in "ε = \(show(v[0])), α = \(show(v[1])), new weights \(show(Array(v.dropFirst(2))))" },
        matches: { close($0, $1, tolerance: 1e-8) })
}
check("uniform weights, one mistake in four", [0.25, 0.25, 0.25, 0.25], [true, true, true, false])
check("the mistake carries most of the weight", [0.1, 0.1, 0.8], [true, true, false])
check("weights that do not sum to 1", [2, 1, 1], [false, true, true])
check("a coin flip: ε = 0.5 gives α = 0 and unchanged shares", [0.5, 0.5], [true, false])
check("a perfect learner: ε = 0, α finite", [0.2, 0.3, 0.5], [true, true, true])
check("worse than chance: α is negative", [0.25, 0.25, 0.25, 0.25], [false, false, false, true])
var random = CaseRandom(seed: 17)
for index in 0..<200 {
    let n = random.int(in: 1...15)
    let weights = (0..<n).map { _ in random.double(in: 0.01...1) }
    let errorRate = random.double(in: 0.05...0.6)
    let correct = (0..<n).map { _ in random.unit() >= errorRate }
    check("random round #\(index + 1) (seed 17)", weights, correct)
}
checker.finish()
