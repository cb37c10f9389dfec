import CheckKit
import TwoStageCost

/// Independent reference: counts ranks instead of sorting.
func reference(_ small: Double, _ large: Double, _ sl: [Double], _ ll: [Double], _ d: [Bool]) -> [Double] {
    let n = sl.count
    guard n > 0 else { return [0, 0, 0] }
    var total = 0.0
    var latencies: [Double] = []
    var deferredCount = 0
    for i in 0..<n {
        let latency = d[i] ? sl[i] + ll[i] : sl[i]
        latencies.append(latency)
        total += latency
        if d[i] { deferredCount += 1 }
    }
    // Nearest rank: the smallest latency with at least ⌈0.95 n⌉ latencies at or below it.
    var needed = (95 * n + 99) / 100
    if needed < 1 { needed = 1 }
    let p95 = latencies.filter { x in latencies.filter { $0 <= x }.count >= needed }.min()!
    return [small + large * Double(deferredCount) / Double(n), total / Double(n), p95]
}

let checker = Checker(exercise: "two-stage-cost")
func check(_ name: String, _ small: Double, _ large: Double, _ sl: [Double], _ ll: [Double], _ d: [Bool]) {
    checker.expect(
        name,
        input:
            "summarize(smallCost: \(show(small)), largeCost: \(show(large)), smallLatency: \(show(sl)), largeLatency: \(show(ll)), deferred: \(d))",
        expected: reference(small, large, sl, ll, d),
        {
            let s = summarize(smallCost: small, largeCost: large, smallLatency: sl, largeLatency: ll, deferred: d)
            return [s.costPerQuery, s.meanLatency, s.p95Latency]
        },
        describe: { "(costPerQuery, meanLatency, p95Latency) = \(show($0))" }, matches: { close($0, $1) })
}
check(
    "nothing deferred: the small model alone", 1, 20, [10, 12, 11, 9], [300, 300, 300, 300],
    [false, false, false, false])
check("one query in four deferred", 1, 20, [10, 12, 11, 9], [300, 280, 310, 290], [false, true, false, false])
check("everything deferred: both models, one after the other", 1, 20, [10, 10], [100, 200], [true, true])
check("no queries", 1, 20, [], [], [])
check("a single query", 2, 30, [15], [400], [true])
// 20 queries: ⌈0.95 × 20⌉ = 19, the second largest; one slow deferral must not set the p95 alone.
check(
    "20 queries, one slow deferral: the p95 is the 19th latency", 1, 10,
    (1...20).map { Double($0) }, Array(repeating: 500, count: 20), (1...20).map { $0 == 20 })
var random = CaseRandom(seed: 11)
for index in 0..<150 {
    let n = random.int(in: 1...60)
    let rate = random.unit()
    let sl = (0..<n).map { _ in random.double(in: 5...30) }
    let ll = (0..<n).map { _ in random.double(in: 100...900) }
    let d = (0..<n).map { _ in random.unit() < rate }
    check(
        "random system #\(index + 1) (seed 11)", random.double(in: 0.1...2), random.double(in: 5...50), sl, ll, d)
}
checker.finish()
