// `tandem run distill --mine`: the distillation demo trained on soft targets from your
// exercise 9 `softmax`, next to tandem's own.
import Demos
import DistillationLoss
import Foundation
import RunnerKit
import ToyEngine

// Honours every option of `tandem run distill`: --seed, --temperatures.
let arguments = RunnerArguments()
let seed = arguments.seed
var options = DistillDemo.Options()
let temperatures = arguments.values("temperatures").compactMap(Double.init)
if !temperatures.isEmpty { options.temperatures = temperatures }

var mine = DemoHooks.standard
mine.softTargets = { logits, temperature in
    Matrix((0..<logits.rows).map { softmax(logits.rowArray($0), temperature: temperature) })
}

print("Distill demo (seed \(seed)) with soft targets from your softmax(), next to tandem's.")
let yours = DistillDemo.run(options, seed: seed, hooks: mine)
let theirs = DistillDemo.run(options, seed: seed)
print("teacher \(percent(yours.teacher.accuracy)); student on hard labels \(percent(yours.hardLabels.accuracy))")
print("")
print("   T  student (yours)  | tandem's")
var differences = 0
for (a, b) in zip(yours.soft, theirs.soft) {
    let same = abs(a.scores.accuracy - b.scores.accuracy) < 1e-9
    if !same { differences += 1 }
    print(
        String(format: "%4.1f", a.temperature) + "  " + pad(percent(a.scores.accuracy), 15) + "  |  "
            + pad(percent(b.scores.accuracy), 7)
            + (same ? "" : "  <- differs"))
}
print("")
print(
    differences == 0
        ? "Your softmax gives the same students as tandem's."
        : "\(differences) temperature(s) differ: `tandem check distillation-loss` shows why.")
