// `tandem run cascade --mine`: the cascade demo driven by your exercise 3 functions
// (`route` decides every deferral, `expectedCost` prices every threshold), next to tandem's own.
import CascadeRouting
import Demos
import Foundation
import ToyEngine

let arguments = Array(CommandLine.arguments.dropFirst())
let seed = arguments.firstIndex(of: "--seed").flatMap { arguments.indices.contains($0 + 1) ? UInt64(arguments[$0 + 1]) : nil } ?? 1

var mine = DemoHooks.standard
mine.shouldDefer = { score, threshold in route(confidence: score, threshold: threshold) == .deferToLarge }
mine.expectedCost = { small, large, rate in
    // The demo knows the deferral rate; your function takes confidences. 10 000 synthetic
    // queries with that share below the threshold give the same rate to within 0.005 %.
    let deferred = Int((rate * 10_000).rounded())
    let confidences = Array(repeating: 0.0, count: deferred) + Array(repeating: 1.0, count: 10_000 - deferred)
    return expectedCost(confidences: confidences, threshold: 0.5, smallCost: small, largeCost: large)
}

print("Cascade demo (seed \(seed)) with your route() and expectedCost(), next to tandem's.")
let theirs = CascadeDemo.run(seed: seed)
let yours = CascadeDemo.run(seed: seed, hooks: mine)
print("small model: accuracy \(percent(yours.small.accuracy)), large model: accuracy \(percent(yours.large.accuracy))")
print("")
print("   τ   deferred  accuracy       cost   |  tandem: deferred  accuracy       cost")
var differences = 0
for (a, b) in zip(yours.points, theirs.points) {
    let same = abs(a.deferralRate - b.deferralRate) < 1e-9 && abs(a.cost - b.cost) <= 1e-3 * max(1, b.cost)
    if !same { differences += 1 }
    let cost = { (value: Double) in String(format: "%9.0f", value) }
    print(String(format: "%5.2f", a.threshold) + "  " + pad(percent(a.deferralRate), 8) + "  " + pad(percent(a.accuracy), 8)
          + "  " + cost(a.cost) + "   |         " + pad(percent(b.deferralRate), 7) + "  " + pad(percent(b.accuracy), 8)
          + "  " + cost(b.cost) + (same ? "" : "  <- differs"))
}
print("")
print(differences == 0
      ? "Your functions reproduce tandem's cascade at every threshold."
      : "\(differences) threshold(s) differ from tandem's: `tandem check cascade-routing` shows the first failing case.")

func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + space : space + text
}
