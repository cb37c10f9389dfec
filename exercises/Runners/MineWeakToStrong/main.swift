// `tandem run weak-to-strong --mine`: the weak-to-strong demo scored by your exercise 5 PGR and
// trained with your exercise 7 confidence-loss target, next to tandem's own.
import ConfidenceTarget
import Demos
import Foundation
import PGR
import ToyEngine

let arguments = Array(CommandLine.arguments.dropFirst())
let seed = arguments.firstIndex(of: "--seed").flatMap { arguments.indices.contains($0 + 1) ? UInt64(arguments[$0 + 1]) : nil } ?? 1

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

print("Weak-to-strong demo (seed \(seed)) with your PGR and confidence target, next to tandem's.")
let yours = WeakToStrongDemo.run(seed: seed, hooks: mine)
let theirs = WeakToStrongDemo.run(seed: seed)
print("weak model \(percent(yours.weakAccuracy)), strong ceiling \(percent(yours.ceilingAccuracy))")
print("")
print("method        accuracy  PGR (yours)  | tandem: accuracy  PGR")
var differences = 0
for (a, b) in zip(yours.methods, theirs.methods) {
    let same = abs(a.accuracy - b.accuracy) < 1e-12 && (a.pgr ?? .nan).isNaN == (b.pgr ?? .nan).isNaN
        && abs((a.pgr ?? 0) - (b.pgr ?? 0)) < 1e-9
    if !same { differences += 1 }
    print(pad(a.name, 12, left: true) + "  " + pad(percent(a.accuracy), 8) + "  " + pad(a.pgr.map { String(format: "%.2f", $0) } ?? "undefined", 11)
          + "  |          " + pad(percent(b.accuracy), 7) + "  " + (b.pgr.map { String(format: "%.2f", $0) } ?? "undefined")
          + (same ? "" : "  <- differs"))
}
print("")
print(differences == 0
      ? "Your functions reproduce tandem's weak-to-strong results."
      : "\(differences) method(s) differ from tandem's: `tandem check pgr` and `tandem check confidence-target` show why.")

func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + space : space + text
}
