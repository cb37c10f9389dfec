import AUROC
import CheckKit

/// Independent reference: every (right, wrong) pair.
func reference(_ scores: [Double], _ correct: [Bool]) -> Double? {
    var wins = 0.0
    var pairs = 0.0
    for i in scores.indices where correct[i] {
        for j in scores.indices where !correct[j] {
            pairs += 1
            if scores[i] > scores[j] { wins += 1 } else if scores[i] == scores[j] { wins += 0.5 }
        }
    }
    return pairs == 0 ? nil : wins / pairs
}

let checker = Checker(exercise: "auroc")
func check(_ name: String, _ scores: [Double], _ correct: [Bool]) {
    checker.expect(
        name, input: "auroc(scores: \(show(scores)), correct: \(correct))", expected: reference(scores, correct),
        { auroc(scores: scores, correct: correct) }, describe: show, matches: { close($0, $1) })
}
check("a perfect ranking", [0.9, 0.8, 0.3, 0.2], [true, true, false, false])
check("a reversed ranking", [0.9, 0.8, 0.3, 0.2], [false, false, true, true])
check("one pair out of order", [0.9, 0.6, 0.7, 0.2], [true, true, false, false])
check("ties count one half", [0.5, 0.5, 0.5, 0.5], [true, false, true, false])
check("a tie between one right and one wrong", [0.9, 0.7, 0.7, 0.1], [true, true, false, false])
check("only right answers: undefined", [0.9, 0.4], [true, true])
check("only wrong answers: undefined", [0.9, 0.4], [false, false])
check("no examples: undefined", [], [])
var random = CaseRandom(seed: 23)
for index in 0..<200 {
    let n = random.int(in: 2...40)
    // Coarse scores make ties common; right answers lean higher.
    let correct = (0..<n).map { _ in random.unit() < 0.7 }
    let scores = correct.map { c in ((random.double(in: 0...1) + (c ? 0.3 : 0) * random.unit()) * 10).rounded() / 10 }
    check("random scores #\(index + 1) (seed 23)", scores, correct)
}
checker.finish()
