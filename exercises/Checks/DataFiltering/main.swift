import CheckKit
import DataFiltering

func reference(_ scores: [Double], _ fraction: Double) -> [Int] {
    let k = Int((min(max(fraction, 0), 1) * Double(scores.count)).rounded())
    let order = Array(scores.enumerated()).sorted { ($1.element, $0.offset) < ($0.element, $1.offset) }
    return order.prefix(k).map(\.offset).sorted()
}

let checker = Checker(exercise: "data-filtering")
func check(_ name: String, _ scores: [Double], _ fraction: Double) {
    checker.expect(
        name, input: "keepTopFraction(scores: \(show(scores)), fraction: \(show(fraction)))",
        expected: reference(scores, fraction)
    ) { keepTopFraction(scores: scores, fraction: fraction) }
}
check("keep the best half", [0.1, 0.9, 0.4, 0.8], 0.5)
check("indices come back in increasing order", [0.9, 0.1, 0.95, 0.2, 0.8], 0.6)
check("the count rounds to the nearest whole number", [0.3, 0.2, 0.1], 0.5)
check("a count just below one half rounds down", [0.3, 0.2, 0.1, 0.4, 0.5], 0.29)
check("fraction 0 keeps nothing", [0.3, 0.2], 0)
check("fraction 1 keeps everything", [0.3, 0.2, 0.7], 1)
check("a fraction above 1 is clamped", [0.3, 0.2], 1.5)
check("equal scores: the lower index is kept", [0.5, 0.5, 0.5, 0.1], 0.5)
check("no documents", [], 0.5)
var random = CaseRandom(seed: 8)
for index in 0..<200 {
    let scores = (0..<random.int(in: 0...15)).map { _ in (random.unit() * 10).rounded() / 10 }
    check("random corpus #\(index + 1) (seed 8)", scores, random.unit())
}
checker.finish()
