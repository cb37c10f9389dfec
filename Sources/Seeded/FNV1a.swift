/// 64-bit FNV-1a (Fowler–Noll–Vo): a small hash that is the same in every run and on every machine
/// (Swift's `Hasher` is seeded per process). Seeds the quiz's option order from a question id,
/// buckets the engine's hashed features, and names folders after paths.
public enum FNV1a {
    /// The standard 64-bit offset basis, where every hash starts unless given another.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The 64-bit FNV prime.
    public static let prime: UInt64 = 0x100_0000_01B3

    /// The hash of `bytes`, starting from `basis` (a different basis gives an unrelated family of
    /// hashes over the same bytes).
    @inlinable public static func hash<Bytes: Sequence>(_ bytes: Bytes, basis: UInt64 = offsetBasis) -> UInt64
    where Bytes.Element == UInt8 {
        var value = basis
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* prime
        }
        return value
    }

    /// The hash of `text`'s UTF-8.
    @inlinable public static func hash(_ text: String) -> UInt64 {
        hash(text.utf8)
    }

    /// The hash of `bytes` in lower-case hex, without leading zeros (a stable file or folder name).
    @inlinable public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(hash(bytes), radix: 16)
    }
}
