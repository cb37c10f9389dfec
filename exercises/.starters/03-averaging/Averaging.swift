/// # Exercise 3 — Probability averaging and weighted averaging
///
/// Lesson 2, *Ensembles of small models* (`tandem read ensembles`).
///
/// Instead of counting votes, a soft-voting ensemble averages the members' predicted class
/// probabilities, so a confident member counts for more than a hesitant one. A weighted ensemble
/// trusts some members more than others.
///
/// **Implement**
/// - `averageProbabilities(_:)`: `members[m][c]` is member `m`'s probability for class `c`; return
///   the per-class mean over members.
/// - `weightedAverage(_:weights:)`: the same, but member `m` counts with `weights[m]`. Weights are
///   non-negative and need not sum to 1: divide by their sum, so the result is still a
///   probability distribution. A member with weight 0 has no influence.
///
/// Every member has the same number of classes and there is at least one member; for
/// `weightedAverage` the weights' sum is positive.
///
/// **Done** when `tandem check averaging` passes: the checks compare with the definitions on fixed
/// and seeded random ensembles, and check that results sum to 1.

/// The per-class mean of the members' probability vectors.
public func averageProbabilities(_ members: [[Double]]) -> [Double] {
    // TODO: add up the members' vectors class by class, then divide by the number of members.
    return members.first ?? []
}

/// The per-class weighted mean, with the weights normalised by their sum.
public func weightedAverage(_ members: [[Double]], weights: [Double]) -> [Double] {
    // TODO: like averageProbabilities, but scale member m by weights[m] and divide by the
    // weights' sum.
    return averageProbabilities(members)
}
