import Testing

@testable import ToyEngine

@Suite struct RandomTests {
    @Test func matchesTheReferenceSplitMix64Stream() {
        // First outputs of the reference C implementation (Vigna) for seed 0.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameStreamAndSplitsDiffer() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var parent = SplitMix64(seed: 42)
        var child = parent.split()
        #expect((0..<10).map { _ in child.next() } != (0..<10).map { _ in parent.next() })
    }

    @Test func uniformAndIntegerDrawsStayInRange() {
        var rng = SplitMix64(seed: 7)
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<10_000 {
            let u = rng.nextDouble()
            #expect(u >= 0 && u < 1)
            counts[rng.int(below: 5)] += 1
        }
        #expect(counts.allSatisfy { abs($0 - 2000) < 200 })
    }

    @Test func normalSamplesHaveTheRequestedMeanAndSpread() {
        var rng = SplitMix64(seed: 3)
        let xs = (0..<20_000).map { _ in rng.normal(mean: 2, std: 3) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)
        #expect(abs(mean - 2) < 0.1)
        #expect(abs(variance.squareRoot() - 3) < 0.1)
    }

    @Test func shuffleIsAPermutationAndDeterministic() {
        var a = SplitMix64(seed: 9)
        var b = SplitMix64(seed: 9)
        let s = a.shuffled(Array(0..<50))
        #expect(s.sorted() == Array(0..<50))
        #expect(s != Array(0..<50))
        #expect(b.permutation(50) == s)
    }

    @Test func bootstrapKeepsAboutSixtyThreePercentUnique() {
        var rng = SplitMix64(seed: 11)
        let indices = rng.bootstrapIndices(count: 10_000)
        #expect(indices.count == 10_000)
        let unique = Double(Set(indices).count) / 10_000
        #expect(abs(unique - 0.632) < 0.015)
    }

    @Test func categoricalFollowsItsWeights() {
        var rng = SplitMix64(seed: 5)
        var counts = [0, 0, 0]
        for _ in 0..<10_000 { counts[rng.categorical([0.2, 0, 0.8])] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[0]) / 10_000 - 0.2) < 0.02)
        #expect(rng.categorical([0, 0]) == 0)
    }
}
