/// # Exercise 11 — A query-only router
///
/// Lesson 4, *Routing and speculative decoding* (`tandem read routing-and-speculative-decoding`).
///
/// Unlike a cascade, a router decides *before* any model runs, from the query alone: a small
/// predictor estimates, for each query, how likely each model is to answer it well, and every
/// query goes to exactly one model (RouteLLM, Ong et al. 2024, learns such a router).
///
/// **Implement**
/// - `route(smallQuality:largeQuality:smallCost:largeCost:costWeight:)`: the model with the higher
///   *utility*, where utility = predicted quality − `costWeight` × cost. On equal utilities choose
///   the small model. Returns `true` for the large model.
/// - `routeUnderBudget(smallQuality:largeQuality:largeShare:)`: send to the large model the queries
///   where it helps most, but at most `k = Int(largeShare × n)` of the n queries (rounded down).
///   A query's gain is `largeQuality[i] − smallQuality[i]`; only queries with a gain > 0 may go
///   large; among them take the k largest gains (on equal gains, the lower index first). Returns
///   one `Bool` per query, `true` for the large model.
///
/// **Done** when `tandem check query-router` passes.

/// Whether the large model has the higher utility (quality − costWeight × cost); ties go small.
public func route(
    smallQuality: Double, largeQuality: Double, smallCost: Double, largeCost: Double, costWeight: Double
) -> Bool {
    // TODO: compare the two utilities.
    return largeQuality > smallQuality
}

/// The queries to send to the large model: the largest positive gains, at most largeShare × n.
public func routeUnderBudget(smallQuality: [Double], largeQuality: [Double], largeShare: Double) -> [Bool] {
    // TODO: rank the queries by gain and take at most k of those with a positive gain.
    return zip(smallQuality, largeQuality).map { $0.1 > $0.0 }
}
