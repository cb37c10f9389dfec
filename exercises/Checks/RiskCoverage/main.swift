import CheckKit
import RiskCoverage

/// Independent reference: for each distinct score, count directly.
func reference(_ scores: [Double], _ correct: [Bool]) -> [[Double]] {
    let distinct = Set(scores).sorted(by: >)
    return distinct.map { s in
        let kept = scores.indices.filter { scores[$0] >= s }
        let wrong = kept.filter { !correct[$0] }.count
        return [s, Double(kept.count) / Double(scores.count), Double(wrong) / Double(kept.count)]
    }
}

func describe(_ points: [[Double]]) -> String {
    "[" + points.map { "(τ \(show($0[0])), coverage \(show($0[1])), risk \(show($0[2])))" }.joined(separator: ", ")
        + "]"
}

let checker = Checker(exercise: "risk-coverage")
func check(_ name: String, _ scores: [Double], _ correct: [Bool]) {
    checker.expect(
        name, input: "riskCoverageCurve(scores: \(show(scores)), correct: \(correct))",
        expected: reference(scores, correct),
        { riskCoverageCurve(scores: scores, correct: correct).map { [$0.threshold, $0.coverage, $0.risk] } },
        describe: describe,
        matches: { a, b in a.count == b.count && zip(a, b).allSatisfy { close($0, $1) } })
}
check("four distinct scores", [0.9, 0.8, 0.6, 0.3], [true, true, false, true])
check("given in any order", [0.3, 0.9, 0.6, 0.8], [true, true, false, true])
check("ties form one point", [0.9, 0.7, 0.7, 0.7, 0.2], [true, false, true, true, false])
check("all equal: a single point at full coverage", [0.5, 0.5, 0.5], [true, false, false])
check("no examples: an empty curve", [], [])
var random = CaseRandom(seed: 29)
for index in 0..<200 {
    let n = random.int(in: 1...30)
    let scores = (0..<n).map { _ in Double(random.int(in: 0...10)) / 10 }
    let correct = scores.map { random.unit() < 0.3 + 0.6 * $0 }
    check("random scores #\(index + 1) (seed 29)", scores, correct)
}
checker.finish()
