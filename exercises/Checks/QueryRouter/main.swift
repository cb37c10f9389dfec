import CheckKit
import QueryRouter

/// Independent references.
func referenceRoute(_ sq: Double, _ lq: Double, _ sc: Double, _ lc: Double, _ w: Double) -> Bool {
    (lq - sq) > w * (lc - sc)
}

/// Greedy selection: repeatedly take the best remaining positive gain (lowest index on ties).
func referenceBudget(_ sq: [Double], _ lq: [Double], _ share: Double) -> [Bool] {
    let n = sq.count
    var budget = Int(share * Double(n))
    var chosen = Array(repeating: false, count: n)
    while budget > 0 {
        var best = -1
        for i in 0..<n where !chosen[i] && lq[i] - sq[i] > 0 {
            if best < 0 || lq[i] - sq[i] > lq[best] - sq[best] { best = i }
        }
        if best < 0 { break }
        chosen[best] = true
        budget -= 1
    }
    return chosen
}

let checker = Checker(exercise: "query-router")
func checkRoute(_ name: String, _ sq: Double, _ lq: Double, _ sc: Double, _ lc: Double, _ w: Double) {
    checker.expect(
        name,
        input:
            "route(smallQuality: \(show(sq)), largeQuality: \(show(lq)), smallCost: \(show(sc)), largeCost: \(show(lc)), costWeight: \(show(w)))",
        expected: referenceRoute(sq, lq, sc, lc, w)
    ) { route(smallQuality: sq, largeQuality: lq, smallCost: sc, largeCost: lc, costWeight: w) }
}
func checkBudget(_ name: String, _ sq: [Double], _ lq: [Double], _ share: Double) {
    checker.expect(
        name,
        input: "routeUnderBudget(smallQuality: \(show(sq)), largeQuality: \(show(lq)), largeShare: \(show(share)))",
        expected: referenceBudget(sq, lq, share)
    ) { routeUnderBudget(smallQuality: sq, largeQuality: lq, largeShare: share) }
}
checkRoute("cost does not matter: the better model wins", 0.6, 0.9, 1, 20, 0)
checkRoute("a small gain is not worth the price", 0.8, 0.85, 1, 20, 0.01)
checkRoute("a large gain is worth it", 0.3, 0.9, 1, 20, 0.01)
checkRoute("equal utilities go to the small model", 0.5, 0.75, 0, 1, 0.25)
checkBudget("room for everyone who gains", [0.5, 0.9, 0.2], [0.8, 0.95, 0.9], 1)
checkBudget("one large call: the biggest gain gets it", [0.5, 0.9, 0.2], [0.8, 0.95, 0.9], 0.34)
checkBudget("no gain, no large call, even with budget left", [0.9, 0.8], [0.7, 0.8], 1)
checkBudget("equal gains: the lower index first", [0.5, 0.5, 0.5], [0.7, 0.7, 0.7], 0.5)
checkBudget("a budget share of 0.99 of 4 queries is 3 calls", [0.1, 0.2, 0.3, 0.4], [0.9, 0.9, 0.9, 0.9], 0.99)
checkBudget("no queries", [], [], 0.5)
var random = CaseRandom(seed: 37)
for index in 0..<200 {
    let sq = random.unit()
    let lq = random.unit()
    checkRoute(
        "random route #\(index + 1) (seed 37)", sq, lq, random.double(in: 0...2), random.double(in: 5...40),
        random.double(in: 0...0.05))
    let n = random.int(in: 1...25)
    let small = (0..<n).map { _ in Double(random.int(in: 0...10)) / 10 }
    let large = (0..<n).map { _ in Double(random.int(in: 0...10)) / 10 }
    checkBudget("random budget #\(index + 1) (seed 37)", small, large, random.unit())
}
checker.finish()
