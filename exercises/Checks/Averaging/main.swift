import Averaging
import CheckKit

func referenceWeighted(_ members: [[Double]], _ weights: [Double]) -> [Double] {
    let total = weights.reduce(0, +)
    return (0..<members[0].count).map { c in
        zip(members, weights).map { $0[c] * $1 }.reduce(0, +) / total
    }
}

let checker = Checker(exercise: "averaging")
func checkAverage(_ name: String, _ members: [[Double]]) {
    checker.expect(
        name, input: "averageProbabilities(\(show(members)))",
        expected: referenceWeighted(members, members.map { _ in 1 }),
        { averageProbabilities(members) }, describe: show, matches: { close($0, $1) })
}
func checkWeighted(_ name: String, _ members: [[Double]], _ weights: [Double]) {
    checker.expect(
        name, input: "weightedAverage(\(show(members)), weights: \(show(weights)))",
        expected: referenceWeighted(members, weights),
        { weightedAverage(members, weights: weights) }, describe: show, matches: { close($0, $1) })
}

checkAverage("one member: the average is that member", [[0.2, 0.8]])
checkAverage("two members disagreeing", [[0.9, 0.1], [0.3, 0.7]])
checkAverage("three members, three classes", [[0.6, 0.3, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6]])
checkWeighted("equal weights equal the plain average", [[0.9, 0.1], [0.3, 0.7]], [1, 1])
checkWeighted("weights that do not sum to 1 are normalised", [[0.9, 0.1], [0.3, 0.7]], [3, 1])
checkWeighted("a member with weight 0 has no influence", [[1.0, 0.0], [0.2, 0.8]], [0, 2])
var random = CaseRandom(seed: 2)
for index in 0..<100 {
    let classes = random.int(in: 2...5)
    let members = (0..<random.int(in: 1...6)).map { _ in random.distribution(classes) }
    checkAverage("random ensemble #\(index + 1) (seed 2)", members)
    let weights = members.map { _ in random.double(in: 0.1...3) }
    checkWeighted("random weighted ensemble #\(index + 1) (seed 2)", members, weights)
    let sum = weightedAverage(members, weights: weights).reduce(0, +)
    checker.require(
        "weighted result sums to 1, #\(index + 1)",
        input: "weightedAverage(\(show(members)), weights: \(show(weights)))",
        requirement: "entries sum to 1", actual: "sum \(show(sum))", close(sum, 1, tolerance: 1e-9))
}
checker.finish()
