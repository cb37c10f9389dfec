/// # Exercise 16 — Data filtering with a weak model (reference solution)
///
/// Lesson 7, *Data selection and filtering with weak models*.

/// Indices of the `fraction` of documents with the highest scores, in increasing order.
public func keepTopFraction(scores: [Double], fraction: Double) -> [Int] {
    let k = Int((min(max(fraction, 0), 1) * Double(scores.count)).rounded())
    let ranked = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    return ranked.prefix(k).sorted()
}
