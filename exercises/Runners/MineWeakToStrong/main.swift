// `tandem run weak-to-strong --mine`: the weak-to-strong demo scored by your exercise 5 PGR and
// trained with your exercise 7 confidence-loss target, next to tandem's own.
import ConfidenceTarget
import Demos
import Foundation
import PGR
import RunnerKit
import ToyEngine

// Honours every option of `tandem run weak-to-strong`: --seed, --classes, --weak-size,
// --strong-size, --sweep (PGR per size, yours next to tandem's), --curve (where early stopping
// lands) and --bootstrap (the chain's PGR).
let arguments = RunnerArguments()
let seed = arguments.seed
var options = WeakToStrongDemo.Options()
options.classes = arguments.int("classes") ?? options.classes
options.weakSize = arguments.int("weak-size") ?? options.weakSize
options.strongSize = arguments.int("strong-size") ?? options.strongSize
options.sweep = arguments.flag("sweep")
options.curve = arguments.flag("curve")
options.bootstrap = arguments.flag("bootstrap")

var mine = DemoHooks.standard
mine.performanceGapRecovered = { weak, weakToStrong, ceiling in
    performanceGapRecovered(weak: weak, weakToStrong: weakToStrong, strongCeiling: ceiling)
}
mine.confidenceTarget = { weakSoft, student, alpha in
    // Your function works on binary tasks (probability of class 1); other tasks keep tandem's.
    guard weakSoft.cols == 2 else { return DemoHooks.standard.confidenceTarget(weakSoft, student, alpha) }
    let target = confidenceTargets(weak: weakSoft.column(1), strong: student.column(1), alpha: alpha)
    return Matrix(target.map { [1 - $0, $0] })
}

print(
    "Weak-to-strong demo (seed \(seed), \(options.classes) classes, weak size \(options.weakSize), strong size "
        + "\(options.strongSize)) with your PGR and confidence target, next to tandem's."
)
let yours = WeakToStrongDemo.run(options, seed: seed, hooks: mine)
let theirs = WeakToStrongDemo.run(options, seed: seed)
print("weak model \(percent(yours.weakAccuracy)), strong ceiling \(percent(yours.ceilingAccuracy))")
print("")
func pgrText(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "undefined" }
func samePGR(_ x: Double?, _ y: Double?) -> Bool { (x == nil) == (y == nil) && abs((x ?? 0) - (y ?? 0)) < 1e-9 }
print("method        accuracy  PGR (yours)  | tandem: accuracy  PGR")
var differences = 0
for (a, b) in zip(yours.methods, theirs.methods) {
    let same = abs(a.accuracy - b.accuracy) < 1e-12 && samePGR(a.pgr, b.pgr)
    if !same { differences += 1 }
    print(
        pad(a.name, 12, left: true) + "  " + pad(percent(a.accuracy), 8) + "  " + pad(pgrText(a.pgr), 11)
            + "  |          " + pad(percent(b.accuracy), 7) + "  " + pgrText(b.pgr) + (same ? "" : "  <- differs"))
}
if let cells = yours.sweep, let tandem = theirs.sweep {
    print("")
    print("weak size  strong size  naive / confidence PGR (yours)  | tandem's")
    for (a, b) in zip(cells, tandem) {
        let same = samePGR(a.naive.pgr, b.naive.pgr) && samePGR(a.confidence.pgr, b.confidence.pgr)
        if !same { differences += 1 }
        let sizes = pad("\(a.weakSize)", 9) + "  " + pad("\(a.strongSize)", 11) + "  "
        let mine: String = pgrText(a.naive.pgr) + " / " + pgrText(a.confidence.pgr)
        let tandems: String = pgrText(b.naive.pgr) + " / " + pgrText(b.confidence.pgr)
        print(sizes + pad(mine, 30) + "  |  " + tandems + (same ? "" : "  <- differs"))
    }
}
if let curve = yours.curve, let tandem = theirs.curve {
    print("")
    print(
        "Test accuracy after the last of \(curve.confidence.count) epochs with the confidence loss: yours "
            + "\(percent(curve.confidence.last ?? 0)), tandem's \(percent(tandem.confidence.last ?? 0)); "
            + "naive training \(percent(curve.naive.last ?? 0)), early stopping at epoch \(curve.earlyStoppingEpoch).")
}
if let chain = yours.bootstrap, let tandem = theirs.bootstrap {
    let same = samePGR(chain.chainPGR, tandem.chainPGR) && samePGR(chain.directPGR, tandem.directPGR)
    if !same { differences += 1 }
    let yoursText = "PGR directly \(pgrText(chain.directPGR)), through the chain \(pgrText(chain.chainPGR))"
    let tandemText = "tandem's: \(pgrText(tandem.directPGR)), \(pgrText(tandem.chainPGR))"
    print("")
    print("Bootstrapping: " + yoursText + " (" + tandemText + ")" + (same ? "" : "  <- differs"))
}
print("")
print(
    differences == 0
        ? "Your functions reproduce tandem's weak-to-strong results."
        : "\(differences) method(s) differ from tandem's: `tandem check pgr` and `tandem check confidence-target` show why."
)
