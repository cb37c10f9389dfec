// `tandem run ensemble --mine`: the ensemble demo combined by your exercise 1 and 2 functions
// (`majorityVote` and `averageProbabilities`), next to tandem's own.
import Averaging
import Demos
import Foundation
import MajorityVote
import RunnerKit
import ToyEngine

// Honours every option of `tandem run ensemble`: --seed, --members, --diversity, and --method
// (marked with *; the other methods are shown too, since every one runs on your functions).
let arguments = RunnerArguments()
let seed = arguments.seed
var base = EnsembleDemo.Options()
base.members = arguments.int("members") ?? base.members
base.diversity = arguments.choice("diversity") ?? base.diversity
let chosen: EnsembleDemo.Method = arguments.choice("method") ?? base.method

var mine = DemoHooks.standard
mine.majorityVote = { votes, _ in
    guard let first = votes.first else { return [] }
    return (0..<first.count).map { i in majorityVote(votes.map { $0[i] }) }
}
mine.averageProbabilities = { members in
    guard let first = members.first else { return Matrix(rows: 0, cols: 0) }
    return Matrix((0..<first.rows).map { i in averageProbabilities(members.map { $0.rowArray(i) }) })
}

print(
    "Ensemble demo (seed \(seed), \(base.diversity.rawValue) diversity) combined by your majorityVote() and averageProbabilities(), next to tandem's."
)
print("")
print("method      members  yours     tandem's")
var differences = 0
for method in EnsembleDemo.Method.allCases {
    var options = base
    options.method = method
    let yours = EnsembleDemo.run(options, seed: seed, hooks: mine)
    let theirs = EnsembleDemo.run(options, seed: seed)
    let same = abs(yours.ensemble.accuracy - theirs.ensemble.accuracy) < 1e-12
    if !same { differences += 1 }
    print(
        pad(method.rawValue + (method == chosen ? " *" : ""), 10, left: true) + "  " + pad("\(options.members)", 7)
            + "  " + pad(percent(yours.ensemble.accuracy), 8, left: true)
            + "  " + pad(percent(theirs.ensemble.accuracy), 8, left: true) + (same ? "" : "  <- differs"))
    if method == .vote {
        print(
            String(
                format: "(the members alone: mean %@, best %@; the large model: %@)",
                percent(theirs.meanMember), percent(theirs.bestMember), percent(theirs.large.accuracy)))
    }
}
print("(* marks --method; every method runs on your functions.)")
print("")
print(
    differences == 0
        ? "Your functions combine the ensemble exactly as tandem's do."
        : "Your functions give a different ensemble: `tandem check majority-vote` and `tandem check averaging` show why."
)
