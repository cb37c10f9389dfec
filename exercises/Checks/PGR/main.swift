import CheckKit
import PGR

let checker = Checker(exercise: "pgr")
func check(_ name: String, _ weak: Double, _ w2s: Double, _ ceiling: Double, _ expected: Double?) {
    checker.expect(
        name,
        input:
            "performanceGapRecovered(weak: \(show(weak)), weakToStrong: \(show(w2s)), strongCeiling: \(show(ceiling)))",
        expected: expected, { performanceGapRecovered(weak: weak, weakToStrong: w2s, strongCeiling: ceiling) },
        describe: show, matches: { close($0, $1) })
}
check("the vision example from the lesson (PGR ≈ 0.67)", 0.566, 0.619, 0.645, (0.619 - 0.566) / (0.645 - 0.566))
check("the whole gap recovered", 0.6, 0.9, 0.9, 1)
check("the student only matches its supervisor", 0.6, 0.6, 0.9, 0)
check("worse than the supervisor is negative", 0.7, 0.6, 0.8, -1)
check("better than the ceiling is above 1", 0.5, 0.8, 0.7, 1.5)
check("no gap: undefined", 0.8, 0.85, 0.8, nil)
check("ceiling below the weak model: undefined", 0.8, 0.7, 0.75, nil)
var random = CaseRandom(seed: 5)
for index in 0..<200 {
    let weak = random.double(in: 0.5...0.8)
    let ceiling = random.double(in: 0.5...0.95)
    let w2s = random.double(in: 0.5...0.95)
    let expected: Double? = ceiling - weak <= 1e-12 ? nil : (w2s - weak) / (ceiling - weak)
    check("random accuracies #\(index + 1) (seed 5)", weak, w2s, ceiling, expected)
}
checker.finish()
