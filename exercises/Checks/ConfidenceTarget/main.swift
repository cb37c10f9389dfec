import CheckKit
import ConfidenceTarget

func reference(_ weak: [Double], _ strong: [Double], _ alpha: Double) -> [Double] {
    guard !weak.isEmpty else { return [] }
    let mean = weak.reduce(0, +) / Double(weak.count)
    let k = Int((mean * Double(weak.count)).rounded())
    let order = Array(strong.enumerated()).sorted { ($1.element, $0.offset) < ($0.element, $1.offset) }
    let chosen = Set(order.prefix(k).map(\.offset))
    return weak.indices.map { (1 - alpha) * weak[$0] + alpha * (chosen.contains($0) ? 1 : 0) }
}

let checker = Checker(exercise: "confidence-target")
func check(_ name: String, _ weak: [Double], _ strong: [Double], _ alpha: Double) {
    checker.expect(
        name, input: "confidenceTargets(weak: \(show(weak)), strong: \(show(strong)), alpha: \(show(alpha)))",
        expected: reference(weak, strong, alpha), { confidenceTargets(weak: weak, strong: strong, alpha: alpha) },
        describe: show, matches: { close($0, $1) })
}
check("alpha 0 gives back the weak labels", [0.9, 0.2, 0.6, 0.3], [0.4, 0.5, 0.7, 0.1], 0)
check("alpha 1 gives the hardened strong predictions", [0.9, 0.2, 0.6, 0.3], [0.4, 0.5, 0.7, 0.1], 1)
check("alpha 0.5 mixes the two", [0.9, 0.2, 0.6, 0.3], [0.4, 0.5, 0.7, 0.1], 0.5)
check("balance comes from the weak labels, not from 0.5", [0.9, 0.8, 0.9, 0.2], [0.1, 0.2, 0.3, 0.4], 1)
check("the strong model's own threshold is irrelevant: only its ranking", [0.5, 0.5], [0.01, 0.02], 1)
check("equal strong values: the lower index is hardened first", [0.6, 0.4, 0.5], [0.7, 0.7, 0.2], 1)
check("an empty batch", [], [], 0.5)
var random = CaseRandom(seed: 7)
for index in 0..<200 {
    let n = random.int(in: 1...12)
    let weak = (0..<n).map { _ in random.unit() }
    let strong = (0..<n).map { _ in random.unit() }
    check("random batch #\(index + 1) (seed 7)", weak, strong, random.double(in: 0...1))
}
checker.finish()
