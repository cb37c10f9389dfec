import CheckKit
import FleetSizing
import Foundation

/// Independent reference: Erlang C from the formula itself, in logarithms (lgamma for c!).
func referenceC(_ c: Int, _ a: Double) -> Double {
    let rho = a / Double(c)
    if rho >= 1 { return 1 }
    func logTerm(_ k: Int) -> Double { Double(k) * log(a) - lgamma(Double(k + 1)) }
    let top = logTerm(c) - log(1 - rho)
    // Σ_{k<c} a^k/k! relative to the top term, to stay in range.
    var sum = 0.0
    for k in 0..<c { sum += exp(logTerm(k) - top) }
    return 1 / (sum + 1)
}

func referenceWait(_ c: Int, _ lambda: Double, _ s: Double, _ q: Double) -> Double {
    let a = lambda * s
    if a >= Double(c) { return .infinity }
    let p = referenceC(c, a)
    return p <= 1 - q ? 0 : log(p / (1 - q)) / (Double(c) / s - lambda)
}

func referenceFleet(_ lambda: Double, _ s: Double, _ target: Double, _ q: Double) -> Int {
    var c = 1
    while referenceWait(c, lambda, s, q) > target { c += 1 }
    return c
}

let checker = Checker(exercise: "fleet-sizing")
func checkC(_ name: String, _ c: Int, _ a: Double, expected: Double? = nil) {
    checker.expect(
        name, input: "erlangC(servers: \(c), load: \(show(a)))", expected: expected ?? referenceC(c, a),
        { erlangC(servers: c, load: a) }, describe: show, matches: { close($0, $1, tolerance: 1e-7) })
}
func checkWait(_ name: String, _ c: Int, _ lambda: Double, _ s: Double, _ q: Double) {
    checker.expect(
        name,
        input:
            "waitQuantile(servers: \(c), arrivalRate: \(show(lambda)), serviceTime: \(show(s)), quantile: \(show(q)))",
        expected: referenceWait(c, lambda, s, q),
        { waitQuantile(servers: c, arrivalRate: lambda, serviceTime: s, quantile: q) }, describe: show,
        matches: { $0 == $1 || close($0, $1, tolerance: 1e-6) })
}
func checkFleet(_ name: String, _ lambda: Double, _ s: Double, _ target: Double, _ q: Double) {
    checker.expect(
        name,
        input:
            "fleetSize(arrivalRate: \(show(lambda)), serviceTime: \(show(s)), waitTarget: \(show(target)), quantile: \(show(q)))",
        expected: referenceFleet(lambda, s, target, q)
    ) { fleetSize(arrivalRate: lambda, serviceTime: s, waitTarget: target, quantile: q) }
}
checkC("one server: C is the utilisation", 1, 0.7, expected: 0.7)
checkC("two servers at load 1 (C = 1/3)", 2, 1, expected: 1.0 / 3)
checkC("an overloaded fleet: everyone waits", 3, 3.5, expected: 1)
checkC("300 servers at load 280: no overflow", 300, 280)
checkWait("one server, light load: the p95 wait", 1, 2, 0.25, 0.95)
checkWait("plenty of servers: the p95 wait is 0", 10, 2, 0.25, 0.95)
checkWait("an unstable queue waits forever", 2, 10, 0.25, 0.95)
checkFleet("10 queries/s at 0.5 s each, p95 wait ≤ 0.1 s", 10, 0.5, 0.1, 0.95)
checkFleet("a strict target needs more servers", 10, 0.5, 0.001, 0.99)
checkFleet("light traffic: one server", 0.1, 0.5, 1, 0.95)
checkFleet("a large model's fleet: 40 queries/s at 2 s, p95 wait ≤ 0.5 s", 40, 2, 0.5, 0.95)
var random = CaseRandom(seed: 53)
for index in 0..<120 {
    let lambda = random.double(in: 0.5...100)
    let s = random.double(in: 0.05...3)
    let q = [0.5, 0.9, 0.95, 0.99][random.int(in: 0...3)]
    let c = max(1, Int(lambda * s) + random.int(in: 0...6))
    checkC("random load #\(index + 1) (seed 53)", c, lambda * s)
    checkWait("random wait #\(index + 1) (seed 53)", c, lambda, s, q)
    checkFleet("random fleet #\(index + 1) (seed 53)", lambda, s, random.double(in: 0.001...2), q)
}
checker.finish()
