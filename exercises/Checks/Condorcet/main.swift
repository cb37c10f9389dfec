import CheckKit
import Condorcet

/// Independent reference: the distribution of the number of right voters, built voter by voter.
func reference(_ n: Int, _ p: Double) -> Double {
    var counts = [1.0]
    for _ in 0..<n {
        var next = Array(repeating: 0.0, count: counts.count + 1)
        for (k, q) in counts.enumerated() {
            next[k] += q * (1 - p)
            next[k + 1] += q * p
        }
        counts = next
    }
    var total = 0.0
    for (k, q) in counts.enumerated() {
        if 2 * k > n { total += q } else if 2 * k == n { total += q / 2 }
    }
    return total
}

let checker = Checker(exercise: "condorcet")
func check(_ name: String, _ n: Int, _ p: Double, expected: Double? = nil, tolerance: Double = 1e-9) {
    checker.expect(
        name, input: "majorityAccuracy(voters: \(n), accuracy: \(show(p)))", expected: expected ?? reference(n, p),
        { majorityAccuracy(voters: n, accuracy: p) }, describe: show, matches: { close($0, $1, tolerance: tolerance) })
}
check("one voter is just the voter", 1, 0.6)
check("three voters at p = 0.6 (64.8%)", 3, 0.6, expected: 0.648)
check("eleven voters at p = 0.6 (75.3%, rounded)", 11, 0.6, expected: 0.753, tolerance: 5e-4)
check("21 voters at p = 0.6 (82.6%, rounded)", 21, 0.6, expected: 0.826, tolerance: 5e-4)
check("five voters at p = 0.7 (83.7%, rounded)", 5, 0.7, expected: 0.837, tolerance: 5e-4)
check("two voters: a tie is a coin flip", 2, 0.6)
check("four voters", 4, 0.6)
check("worse than chance: the majority is worse still", 11, 0.4)
check("p = 0.5 stays 0.5", 9, 0.5, expected: 0.5)
check("certain voters", 7, 1, expected: 1)
check("always-wrong voters", 7, 0, expected: 0)
check("1001 voters at p = 0.51: no overflow", 1001, 0.51, tolerance: 1e-7)
check("1000 voters at p = 0.49", 1000, 0.49, tolerance: 1e-7)
var random = CaseRandom(seed: 19)
for index in 0..<120 {
    let n = random.int(in: 1...301)
    let p = random.unit()
    check("random jury #\(index + 1) (seed 19)", n, p, tolerance: 1e-7)
}
checker.finish()
