import Testing

@testable import Seeded

/// The generator and the hash must never drift: quiz option letters, datasets, checkers' cases and
/// the engine's goldens all follow from these values.
struct SeededTests {
    @Test func hashAndGeneratorMatchTheirReferenceValues() {
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
    }

    @Test func hashOfBytesEqualsHashOfTheirText() {
        #expect(FNV1a.hash(Array("foobar".utf8)) == FNV1a.hash("foobar"))
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)  // the FNV reference vector
        #expect(FNV1a.hex("a".utf8) == "af63dc4c8601ec8c")
        // Another basis is another hash family over the same bytes.
        #expect(FNV1a.hash("a".utf8, basis: 1) != FNV1a.hash("a"))
        #expect(FNV1a.hash([UInt8](), basis: 42) == 42)
    }

    @Test func doublesAreInTheUnitIntervalAndSplitsAreSeededFromTheParent() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<1_000 {
            let value = generator.nextDouble()
            #expect(value >= 0 && value < 1)
        }
        var parent = SplitMix64(seed: 3)
        var copy = parent
        var child = parent.split()
        var expected = SplitMix64(seed: copy.next())
        #expect(child.next() == expected.next())
        #expect(parent.state == copy.state)
    }
}
