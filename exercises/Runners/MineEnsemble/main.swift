// `tandem run ensemble --mine`: the ensemble demo combined by your exercise 1 and 2 functions
// (`majorityVote` and `averageProbabilities`), next to tandem's own.
import Averaging
import Demos
import Foundation
import MajorityVote
import ToyEngine

let arguments = Array(CommandLine.arguments.dropFirst())
let seed = arguments.firstIndex(of: "--seed").flatMap { arguments.indices.contains($0 + 1) ? UInt64(arguments[$0 + 1]) : nil } ?? 1

var mine = DemoHooks.standard
mine.majorityVote = { votes, _ in
    guard let first = votes.first else { return [] }
    return (0..<first.count).map { i in majorityVote(votes.map { $0[i] }) }
}
mine.averageProbabilities = { members in
    guard let first = members.first else { return Matrix(rows: 0, cols: 0) }
    return Matrix((0..<first.rows).map { i in averageProbabilities(members.map { $0.rowArray(i) }) })
}

print("Ensemble demo (seed \(seed)) combined by your majorityVote() and averageProbabilities(), next to tandem's.")
print("")
print("method    members  yours     tandem's")
var differences = 0
for method in [EnsembleDemo.Method.vote, .average] {
    var options = EnsembleDemo.Options()
    options.method = method
    let yours = EnsembleDemo.run(options, seed: seed, hooks: mine)
    let theirs = EnsembleDemo.run(options, seed: seed)
    let same = abs(yours.ensemble.accuracy - theirs.ensemble.accuracy) < 1e-12
    if !same { differences += 1 }
    print(pad(method.rawValue, 8, left: true) + "  " + pad("\(options.members)", 7) + "  " + pad(percent(yours.ensemble.accuracy), 8, left: true)
          + "  " + pad(percent(theirs.ensemble.accuracy), 8, left: true) + (same ? "" : "  <- differs"))
    if method == .vote {
        print(String(format: "(the members alone: mean %@, best %@; the large model: %@)",
                     percent(theirs.meanMember), percent(theirs.bestMember), percent(theirs.large.accuracy)))
    }
}
print("")
print(differences == 0
      ? "Your functions combine the ensemble exactly as tandem's do."
      : "Your functions give a different ensemble: `tandem check majority-vote` and `tandem check averaging` show why.")

func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + space : space + text
}
