// `tandem run cascade --mine`: the cascade demo driven by your exercise 3 functions
// (`route` decides every deferral, `expectedCost` prices every threshold), next to tandem's own.
import CascadeRouting
import Demos
import Foundation
import RunnerKit
import ToyEngine

// Honours every option of `tandem run cascade`: --seed, --threshold, --scorer, --target-accuracy, --tiers.
let arguments = RunnerArguments()
let seed = arguments.seed
var options = CascadeDemo.Options()
options.threshold = arguments.double("threshold")
options.scorer = arguments.choice("scorer") ?? .maxprob
options.targetAccuracy = arguments.double("target-accuracy")
options.tiers = arguments.int("tiers") ?? 2

var mine = DemoHooks.standard
mine.shouldDefer = { score, threshold in route(confidence: score, threshold: threshold) == .deferToLarge }
mine.expectedCost = { small, large, rate in
    // The demo knows the deferral rate; your function takes confidences. 10 000 synthetic
    // queries with that share below the threshold give the same rate to within 0.005 %.
    let deferred = Int((rate * 10_000).rounded())
    let confidences = Array(repeating: 0.0, count: deferred) + Array(repeating: 1.0, count: 10_000 - deferred)
    return expectedCost(confidences: confidences, threshold: 0.5, smallCost: small, largeCost: large)
}

print(
    "Cascade demo (seed \(seed), scorer \(options.scorer.rawValue), \(options.tiers) tiers) with your route() and expectedCost(), next to tandem's."
)
let theirs = CascadeDemo.run(options, seed: seed)
let yours = CascadeDemo.run(options, seed: seed, hooks: mine)
print("small model: accuracy \(percent(yours.small.accuracy)), large model: accuracy \(percent(yours.large.accuracy))")
print("")
print("   τ   deferred  accuracy       cost   |  tandem: deferred  accuracy       cost")
var differences = 0
for (a, b) in zip(yours.points, theirs.points) {
    let same = abs(a.deferralRate - b.deferralRate) < 1e-9 && abs(a.cost - b.cost) <= 1e-3 * max(1, b.cost)
    if !same { differences += 1 }
    let cost = { (value: Double) in String(format: "%9.0f", value) }
    print(
        String(format: "%5.2f", a.threshold) + "  " + pad(percent(a.deferralRate), 8) + "  "
            + pad(percent(a.accuracy), 8)
            + "  " + cost(a.cost) + "   |         " + pad(percent(b.deferralRate), 7) + "  "
            + pad(percent(b.accuracy), 8)
            + "  " + cost(b.cost) + (same ? "" : "  <- differs"))
}
if let focus = yours.focus, let tandem = theirs.focus {
    print("")
    print(
        String(
            format: "At τ = %.2f: yours defers %@ (accuracy %@), tandem's %@ (accuracy %@).", focus.point.threshold,
            percent(focus.point.deferralRate), percent(focus.point.accuracy), percent(tandem.point.deferralRate),
            percent(tandem.point.accuracy)))
}
if let target = yours.target {
    let chosen = { (choice: CascadeDemo.TargetChoice?) in
        choice?.threshold.map { String(format: "τ = %.2f", $0) } ?? "no threshold reaches it"
    }
    print("")
    print(
        "Target accuracy \(percent(target.target)) on validation data: with your functions \(chosen(target)); tandem's \(chosen(theirs.target))."
    )
}
print("")
print(
    differences == 0
        ? "Your functions reproduce tandem's cascade at every threshold."
        : "\(differences) threshold(s) differ from tandem's: `tandem check cascade-routing` shows the first failing case."
)
