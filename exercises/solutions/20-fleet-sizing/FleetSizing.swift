/// # Exercise 20 — Sizing a fleet for a traffic level under a latency target (reference solution)
///
/// Lesson 9, *Case study: an AI system optimization strategy*.

import Foundation

/// Erlang's C formula: the probability that a query waits, with `servers` servers and `load` = a.
public func erlangC(servers: Int, load: Double) -> Double {
    let rho = load / Double(servers)
    guard rho < 1 else { return 1 }
    var b = 1.0
    for k in stride(from: 1, through: servers, by: 1) { b = load * b / (Double(k) + load * b) }
    return b / (1 - rho * (1 - b))
}

/// The `quantile` (e.g. 0.95) of the waiting time in seconds.
public func waitQuantile(servers: Int, arrivalRate: Double, serviceTime: Double, quantile: Double) -> Double {
    let load = arrivalRate * serviceTime
    guard load < Double(servers) else { return .infinity }
    let c = erlangC(servers: servers, load: load)
    guard c > 1 - quantile else { return 0 }
    return log(c / (1 - quantile)) / (Double(servers) / serviceTime - arrivalRate)
}

/// The fewest servers that keep the `quantile` of the wait at or under `waitTarget` seconds.
public func fleetSize(arrivalRate: Double, serviceTime: Double, waitTarget: Double, quantile: Double) -> Int {
    var servers = max(1, Int((arrivalRate * serviceTime).rounded(.down)))
    while waitQuantile(servers: servers, arrivalRate: arrivalRate, serviceTime: serviceTime, quantile: quantile)
        > waitTarget
    {
        servers += 1
    }
    return servers
}
