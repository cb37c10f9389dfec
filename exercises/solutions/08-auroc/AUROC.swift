/// # Exercise 8 — AUROC of a deferral score (reference solution)
///
/// Lesson 3, *Cascading inference*. Rank-based (Mann–Whitney), O(n log n).

/// The probability that a right answer outscores a wrong one (ties count ½), or nil.
public func auroc(scores: [Double], correct: [Bool]) -> Double? {
    let rights = correct.filter { $0 }.count
    let wrongs = correct.count - rights
    guard rights > 0, wrongs > 0 else { return nil }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    // Average ranks (1-based) over groups of equal scores.
    var rankSum = 0.0
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
        let averageRank = Double(start + end + 2) / 2
        for position in start...end where correct[order[position]] { rankSum += averageRank }
        start = end + 1
    }
    let r = Double(rights)
    return (rankSum - r * (r + 1) / 2) / (r * Double(wrongs))
}
