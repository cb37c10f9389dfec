/// # Exercise 2 — Majority vote
///
/// Lesson 2, *Ensembles of small models* (`tandem read ensembles`).
///
/// Several small models ("members") each predict a class label for the same example. A hard-voting
/// ensemble answers with the label most members predicted.
///
/// **Implement** `majorityVote(_:)`: given the members' votes for one example (each an `Int`
/// label, at least one vote), return the label with the most votes. **Ties** go to the
/// *smallest* tied label, so `[2, 1, 2, 1]` gives `1`. Labels may be any integers, including
/// negative ones and labels no member of the ensemble shares with another.
///
/// **Done** when `tandem check majority-vote` passes: the checks compare your answer with the
/// rule above on fixed cases (unanimous, single vote, ties) and on 200 seeded random ballots.

/// The label most members voted for; ties go to the smallest tied label.
public func majorityVote(_ votes: [Int]) -> Int {
    // TODO: count the votes per label, then pick the label with the highest count
    // (the smallest such label on a tie). This placeholder just trusts the first member.
    return votes.first ?? 0
}
