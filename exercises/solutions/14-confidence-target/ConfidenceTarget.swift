/// # Exercise 14 — The auxiliary confidence loss target (reference solution)
///
/// Lesson 6, *Supervising a strong model with a weak one*.

/// The per-example target of the auxiliary confidence loss.
public func confidenceTargets(weak: [Double], strong: [Double], alpha: Double) -> [Double] {
    guard !weak.isEmpty else { return [] }
    let k = Int((weak.reduce(0, +) / Double(weak.count) * Double(weak.count)).rounded())
    let ranked = strong.indices.sorted { strong[$0] > strong[$1] || (strong[$0] == strong[$1] && $0 < $1) }
    var hardened = Array(repeating: 0.0, count: weak.count)
    for index in ranked.prefix(k) { hardened[index] = 1 }
    return zip(weak, hardened).map { (1 - alpha) * $0 + alpha * $1 }
}
