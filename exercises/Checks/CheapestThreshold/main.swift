import CheapestThreshold
import CheckKit

func reference(_ validation: [ValidationExample], _ candidates: [Double], _ target: Double) -> Double? {
    guard !validation.isEmpty else { return nil }
    let scored = candidates.map { threshold -> (threshold: Double, deferred: Int, accuracy: Double) in
        let answered = validation.map { $0.confidence >= threshold ? $0.smallCorrect : $0.largeCorrect }
        return (
            threshold, validation.filter { $0.confidence < threshold }.count,
            Double(answered.filter { $0 }.count) / Double(validation.count)
        )
    }
    return scored.filter { $0.accuracy >= target }
        .min { ($0.deferred, $0.threshold) < ($1.deferred, $1.threshold) }?.threshold
}

func describe(_ validation: [ValidationExample]) -> String {
    "["
        + validation.map {
            "(\(show($0.confidence)), small \($0.smallCorrect ? "✓" : "✗"), large \($0.largeCorrect ? "✓" : "✗"))"
        }
        .joined(separator: ", ") + "]"
}

let checker = Checker(exercise: "cheapest-threshold")
func check(_ name: String, _ validation: [ValidationExample], _ candidates: [Double], _ target: Double) {
    checker.expect(
        name,
        input:
            "cheapestThreshold(\(describe(validation)), candidates: \(show(candidates)), targetAccuracy: \(show(target)))",
        expected: reference(validation, candidates, target),
        { cheapestThreshold(validation, candidates: candidates, targetAccuracy: target) },
        describe: show, matches: { close($0, $1) })
}
let e = ValidationExample.init
let easy = [e(0.9, true, true), e(0.8, true, true), e(0.4, false, true), e(0.3, false, true)]
check("a low threshold is enough when the small model is right where confident", easy, [0.0, 0.5, 0.95], 1.0)
check("an unreachable target gives nil", [e(0.9, false, false)], [0.0, 0.5, 1.0], 0.5)
check("no candidates gives nil", easy, [], 0.5)
check("candidates in any order", easy, [0.95, 0.5, 0.0], 1.0)
let bumpy = [e(0.9, true, false), e(0.6, true, false), e(0.5, false, true), e(0.2, false, true)]
check("accuracy is not monotone in the threshold", bumpy, [0.0, 0.55, 0.7, 1.0], 1.0)
check("a target of 0 is met by the cheapest candidate", bumpy, [0.3, 0.1, 0.7], 0.0)
var random = CaseRandom(seed: 4)
for index in 0..<150 {
    let validation = (0..<random.int(in: 1...15)).map { _ -> ValidationExample in
        let confidence = (random.unit() * 20).rounded() / 20
        return e(confidence, random.unit() < confidence, random.unit() < 0.85)
    }
    let candidates = (0..<random.int(in: 1...8)).map { _ in (random.unit() * 20).rounded() / 20 }
    check("random validation set #\(index + 1) (seed 4)", validation, candidates, random.double(in: 0.4...1))
}
checker.finish()
