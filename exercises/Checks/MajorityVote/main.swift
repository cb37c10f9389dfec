import CheckKit
import MajorityVote

/// The rule the exercise states, written independently of any solution.
func reference(_ votes: [Int]) -> Int {
    let counts = Dictionary(votes.map { ($0, 1) }, uniquingKeysWith: +)
    let top = counts.values.max() ?? 0
    return counts.filter { $0.value == top }.keys.min() ?? 0
}

let checker = Checker(exercise: "majority-vote")
let fixed: [(String, [Int])] = [
    ("a clear majority wins", [1, 0, 1]),
    ("a single member decides alone", [7]),
    ("a majority that is not the first vote", [0, 2, 2, 2, 0]),
    ("a tie goes to the smallest label", [2, 1, 2, 1]),
    ("a three-way tie goes to the smallest label", [5, 3, 4]),
    ("negative labels count like any other", [-1, -1, 3]),
    ("a tie between negative and positive labels", [4, -2]),
]
for (name, votes) in fixed {
    checker.expect(name, input: "majorityVote(\(votes))", expected: reference(votes)) { majorityVote(votes) }
}
var random = CaseRandom(seed: 1)
for index in 0..<200 {
    let members = random.int(in: 1...9)
    let votes = (0..<members).map { _ in random.int(in: 0...3) }
    checker.expect(
        "random ballot #\(index + 1) (seed 1)", input: "majorityVote(\(votes))",
        expected: reference(votes)
    ) { majorityVote(votes) }
}
checker.finish()
