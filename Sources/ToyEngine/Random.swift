import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, seedable 64-bit generator.
///
/// Every random choice in the engine takes one of these explicitly (`inout`), so a seed fixes a
/// whole run bit for bit. Use `split()` (or `SplitMix64(seed: seed &+ k)`) to give independent
/// parts of a program their own stream, so adding a draw in one part does not shift the others.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The generator's whole state: the next output is a hash of `state + golden gamma`.
    public private(set) var state: UInt64

    /// A generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A child generator seeded from this one's next output: an independent stream.
    public mutating func split() -> SplitMix64 {
        SplitMix64(seed: next())
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

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
