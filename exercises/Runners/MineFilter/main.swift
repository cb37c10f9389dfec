// `tandem run filter --mine`: the data-filtering demo selecting with your exercise 8
// `keepTopFraction`, next to tandem's own.
import DataFiltering
import Demos
import Foundation
import RunnerKit
import ToyEngine

// `tandem run filter` has no options besides --seed.
let seed = RunnerArguments().seed

var mine = DemoHooks.standard
mine.keepTopFraction = { scores, fraction in keepTopFraction(scores: scores, fraction: fraction) }

print("Filter demo (seed \(seed)) with your keepTopFraction(), next to tandem's.")
let yours = FilterDemo.run(seed: seed, hooks: mine)
let theirs = FilterDemo.run(seed: seed)
print("all data: \(percent(yours.allDataAccuracy)); noisy labels in the pool: \(percent(yours.poolNoise))")
print("")
print("kept   weak-selected (yours)  | tandem's")
var differences = 0
for (a, b) in zip(yours.points, theirs.points) {
    let same = abs(a.weakSelected - b.weakSelected) < 1e-9
    if !same { differences += 1 }
    print(
        pad(percent(a.fraction), 6) + "  " + pad(percent(a.weakSelected), 21) + "  |  "
            + pad(percent(b.weakSelected), 7)
            + (same ? "" : "  <- differs"))
}
print("")
print(
    differences == 0
        ? "Your filter selects the same data as tandem's."
        : "\(differences) fraction(s) differ: `tandem check data-filtering` shows why.")
