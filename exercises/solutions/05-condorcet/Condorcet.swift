/// # Exercise 5 — The Condorcet jury theorem (reference solution)
///
/// Lesson 2, *Ensembles of small models*.

import Foundation

/// The probability that a majority of `voters` independent voters, each right with
/// probability `accuracy`, is right (ties broken by a fair coin).
public func majorityAccuracy(voters: Int, accuracy: Double) -> Double {
    let n = voters
    let p = accuracy
    func term(_ k: Int) -> Double {
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        let logChoose = lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
        return exp(logChoose + Double(k) * log(p) + Double(n - k) * log(1 - p))
    }
    var total = 0.0
    for k in 0...n where 2 * k > n { total += term(k) }
    if n % 2 == 0 { total += 0.5 * term(n / 2) }
    return total
}
