/// # Exercise 2 — Majority vote (reference solution)
///
/// Lesson 2, *Ensembles of small models*. Ties go to the smallest tied label.

/// The label most members voted for; ties go to the smallest tied label.
public func majorityVote(_ votes: [Int]) -> Int {
    var counts: [Int: Int] = [:]
    for vote in votes { counts[vote, default: 0] += 1 }
    var best = votes.first ?? 0
    var bestCount = 0
    for (label, count) in counts where count > bestCount || (count == bestCount && label < best) {
        best = label
        bestCount = count
    }
    return best
}
