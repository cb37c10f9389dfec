/// # Exercise 20 — Sizing a fleet for a traffic level under a latency target
///
/// Lesson 9, *Case study: an AI system optimization strategy* (`tandem read case-study`).
///
/// Queries arrive at random (a Poisson process) at `arrivalRate` per second; each server handles
/// one query at a time and takes on average `serviceTime` seconds (exponentially distributed).
/// With c servers this is the M/M/c queue. Let `a = arrivalRate × serviceTime` (the load in
/// servers' worth of work) and `ρ = a / c`; the queue is stable only when ρ < 1. The probability
/// that an arriving query has to wait is Erlang's C formula:
///
///     C(c, a) = (a^c / c!) / (1 − ρ)  ÷  ( Σ_{k=0}^{c−1} a^k / k!  +  (a^c / c!) / (1 − ρ) )
///
/// and the waiting time W then satisfies `P(W > t) = C(c, a) · e^(−(c/serviceTime − arrivalRate)·t)`.
/// So the q-quantile of the wait is 0 when `C(c, a) ≤ 1 − q`, and otherwise
/// `ln(C(c, a) / (1 − q)) / (c / serviceTime − arrivalRate)`.
///
/// **Implement**
/// - `erlangC(servers:load:)`: C(c, a) for ρ < 1 (return 1 when ρ ≥ 1: every query waits);
/// - `waitQuantile(servers:arrivalRate:serviceTime:quantile:)`: the q-quantile of the wait in
///   seconds (`.infinity` when ρ ≥ 1);
/// - `fleetSize(arrivalRate:serviceTime:waitTarget:quantile:)`: the smallest number of servers
///   whose q-quantile wait is at most `waitTarget` seconds.
///
/// Loads go up to a few hundred servers: `a^c / c!` overflows long before that. Compute the terms
/// one from the other (`term(k) = term(k − 1) × a / k`), or use the Erlang B recursion
/// `B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))`, then `C = B / (1 − ρ·(1 − B))`.
///
/// **Done** when `tandem check fleet-sizing` passes.

import Foundation

/// Erlang's C formula: the probability that a query waits, with `servers` servers and `load` = a.
public func erlangC(servers: Int, load: Double) -> Double {
    // TODO
    return min(1, load / Double(servers))
}

/// The `quantile` (e.g. 0.95) of the waiting time in seconds.
public func waitQuantile(servers: Int, arrivalRate: Double, serviceTime: Double, quantile: Double) -> Double {
    // TODO
    return 0
}

/// The fewest servers that keep the `quantile` of the wait at or under `waitTarget` seconds.
public func fleetSize(arrivalRate: Double, serviceTime: Double, waitTarget: Double, quantile: Double) -> Int {
    // TODO: try c = 1, 2, 3, … until the wait quantile meets the target.
    return Int((arrivalRate * serviceTime).rounded(.up))
}
