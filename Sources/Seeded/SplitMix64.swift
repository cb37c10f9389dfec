/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, seedable 64-bit generator.
///
/// The one generator behind every seeded choice in tandem: the engine's runs (ToyEngine adds
/// uniform, normal, shuffle and such in `Random.swift`), the quiz's option order, and the
/// checkers' cases (`CaseRandom`). A seed fixes the stream bit for bit on every machine. Use
/// `split()` (or `SplitMix64(seed: seed &+ k)`) to give independent parts of a program their own
/// stream, so adding a draw in one part does not shift the others.
///
/// Everything is `@inlinable`: the engine's hot loops (compiled `-O`) inline `next()` even when
/// this module is built for debugging.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var bits: UInt64

    /// The generator's whole state: the next output is a hash of `state + golden gamma`.
    @inlinable public var state: UInt64 { bits }

    /// A generator whose stream is fixed by `seed`.
    @inlinable public init(seed: UInt64) {
        bits = seed
    }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        bits &+= 0x9E37_79B9_7F4A_7C15
        var z = bits
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A child generator seeded from this one's next output: an independent stream.
    @inlinable public mutating func split() -> SplitMix64 {
        SplitMix64(seed: next())
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
