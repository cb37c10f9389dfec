import CheckKit
import SpeculativeStep

/// Independent reference, in the "accept when u·q[x] < p[x]" form, with the residual's inverse
/// CDF computed as "the first j whose cumulative share exceeds the draw".
func reference(_ p: [Double], _ q: [Double], _ x: Int, _ u: Double, _ v: Double) -> SpeculativeOutcome {
    if u * q[x] < p[x] { return SpeculativeOutcome(accepted: true, token: x) }
    var residual: [Double] = []
    for j in p.indices { residual.append(p[j] > q[j] ? p[j] - q[j] : 0) }
    let total = residual.reduce(0, +)
    var below = 0.0
    var last = x
    for j in residual.indices where residual[j] > 0 {
        below += residual[j]
        last = j
        if v * total < below { return SpeculativeOutcome(accepted: false, token: j) }
    }
    return SpeculativeOutcome(accepted: false, token: last)
}

func describe(_ o: SpeculativeOutcome) -> String { o.accepted ? "accept \(o.token)" : "reject, emit \(o.token)" }

let checker = Checker(exercise: "speculative-step")
func check(_ name: String, _ p: [Double], _ q: [Double], _ x: Int, _ u: Double, _ v: Double) {
    checker.expect(
        name,
        input:
            "speculativeStep(target: \(show(p)), draft: \(show(q)), drafted: \(x), acceptDraw: \(show(u)), residualDraw: \(show(v)))",
        expected: reference(p, q, x, u, v),
        { speculativeStep(target: p, draft: q, drafted: x, acceptDraw: u, residualDraw: v) },
        describe: describe, matches: ==)
}
let p = [0.5, 0.3, 0.2]
let q = [0.2, 0.6, 0.2]
check("the target likes the token more than the draft: always accepted", p, q, 0, 0.99, 0.5)
check("p/q = 0.5, draw 0.4: accepted", p, q, 1, 0.4, 0.5)
check("p/q = 0.5, draw 0.6: rejected; the residual is all on token 0", p, q, 1, 0.6, 0.9)
check("equal probabilities: accepted whatever the draw", p, q, 2, 0.999, 0.5)
// Residual of p = [0.1, 0.4, 0.4, 0.1] and q = [0.4, 0.1, 0.1, 0.4] is [0, 0.3, 0.3, 0], i.e. ½, ½.
let p4 = [0.1, 0.4, 0.4, 0.1]
let q4 = [0.4, 0.1, 0.1, 0.4]
check("rejected, low residual draw: token 1", p4, q4, 0, 0.5, 0.2)
check("rejected, high residual draw: token 2 (the residual is normalised)", p4, q4, 0, 0.5, 0.8)
check("rejected, draw 0.05: token 1 (sampling from p would give token 0)", p4, q4, 3, 0.9, 0.05)
// The residual is max(0, p − q): with p − q negative on token 2, a draw there must skip it.
let p3 = [0.2, 0.2, 0.6]
let q3 = [0.7, 0.1, 0.2]
check("the residual is zero where q > p (token 0 never comes out)", p3, q3, 0, 0.9, 0.05)
check("residual [0, 0.1, 0.4]: draw 0.3 lands on token 2", p3, q3, 0, 0.9, 0.3)
check("residual [0, 0.1, 0.4]: draw 0.15 lands on token 1", p3, q3, 0, 0.9, 0.15)
var random = CaseRandom(seed: 31)
for index in 0..<400 {
    let n = random.int(in: 2...8)
    let target = random.distribution(n)
    let draft = random.distribution(n)
    let drafted = random.int(in: 0...(n - 1))
    check(
        "random step #\(index + 1) (seed 31)", target, draft, drafted, random.unit(), random.unit())
}
checker.finish()
