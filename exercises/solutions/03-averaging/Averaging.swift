/// # Exercise 3 — Probability averaging and weighted averaging (reference solution)
///
/// Lesson 2, *Ensembles of small models*.

/// The per-class mean of the members' probability vectors.
public func averageProbabilities(_ members: [[Double]]) -> [Double] {
    weightedAverage(members, weights: Array(repeating: 1, count: members.count))
}

/// The per-class weighted mean, with the weights normalised by their sum.
public func weightedAverage(_ members: [[Double]], weights: [Double]) -> [Double] {
    guard let classes = members.first?.count else { return [] }
    let total = weights.reduce(0, +)
    var result = Array(repeating: 0.0, count: classes)
    for (member, weight) in zip(members, weights) {
        for c in 0..<classes { result[c] += weight * member[c] / total }
    }
    return result
}
