import Foundation
// The generator itself (state, `next`, `split`, `nextDouble`) lives in the small `Seeded` module,
// which the quiz and the checkers share without linking the engine; it is re-exported here so
// `import ToyEngine` keeps giving `SplitMix64`.
@_exported import Seeded

/// The engine's draws over `SplitMix64`. Every random choice in the engine takes a generator
/// explicitly (`inout`), so a seed fixes a whole run bit for bit.
extension SplitMix64 {
    /// A uniform double in `range` (lower bound included, upper excluded).
    public mutating func uniform(_ range: Range<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextDouble()
    }

    /// A uniform integer in 0..<`bound` (`bound` > 0), by Lemire's multiply-high method.
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "int(below:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool {
        nextDouble() < p
    }

    /// A normal sample (Box–Muller; uses two uniforms per call, no cached second value).
    public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        let u1 = 1.0 - nextDouble()  // in (0, 1], so the log is finite
        let u2 = nextDouble()
        return mean + std * (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// Shuffles `array` in place (Fisher–Yates, our own so the order never depends on the stdlib).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = int(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// A shuffled copy of `array`.
    public mutating func shuffled<T>(_ array: [T]) -> [T] {
        var copy = array
        shuffle(&copy)
        return copy
    }

    /// A random permutation of 0..<`count`.
    public mutating func permutation(_ count: Int) -> [Int] {
        shuffled(Array(0..<count))
    }

    /// `count` indices drawn uniformly with replacement from 0..<`count` (a bootstrap sample;
    /// about 63.2% of the indices appear at least once).
    public mutating func bootstrapIndices(count: Int) -> [Int] {
        (0..<count).map { _ in int(below: count) }
    }

    /// An index drawn with the given (non-negative, not necessarily normalised) weights.
    /// Falls back to the last positive weight against rounding; all-zero weights give 0.
    public mutating func categorical(_ probabilities: [Double]) -> Int {
        let total = probabilities.reduce(0, +)
        guard total > 0 else { return 0 }
        let u = nextDouble() * total
        var cumulative = 0.0
        var lastPositive = 0
        for (index, p) in probabilities.enumerated() where p > 0 {
            cumulative += p
            lastPositive = index
            if u < cumulative { return index }
        }
        return lastPositive
    }
}
