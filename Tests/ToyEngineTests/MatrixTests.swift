import Foundation
import Testing

@testable import ToyEngine

/// The textbook triple loop, as the reference for the blocked kernel.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, cols: b.cols)
    for i in 0..<a.rows {
        for j in 0..<b.cols {
            var s = 0.0
            for p in 0..<a.cols { s += a[i, p] * b[p, j] }
            c[i, j] = s
        }
    }
    return c
}

@Suite struct MatrixTests {
    @Test func productMatchesHandComputation() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect((a * b) == Matrix([[58, 64], [139, 154]]))
        #expect(a.matmulTransposed(a) == Matrix([[14, 32], [32, 77]]))
        #expect(a.transposedMatmul(a) == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    }

    @Test(arguments: [(1, 1, 1), (4, 8, 3), (5, 9, 7), (7, 17, 1), (13, 4, 10), (3, 24, 5), (9, 16, 33)])
    func blockedProductMatchesTheTripleLoop(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 100 + n * 10 + k))
        let a = Matrix.random(rows: m, cols: k, std: 1, rng: &rng)
        let b = Matrix.random(rows: k, cols: n, std: 1, rng: &rng)
        // Same summation order over k, so the results agree to the last bit.
        #expect((a * b) == naiveProduct(a, b))
        #expect(Matrix.matmul(a.transposed(), b, transposeA: true, transposeB: false) == naiveProduct(a, b))
        #expect(Matrix.matmul(a, b.transposed(), transposeA: false, transposeB: true) == naiveProduct(a, b))
        // Both compiled kernels, whichever this CPU would pick (AVX2 only where the CPU has it).
        let kernels: [EngineKernel] = EngineKernel.cpuHasAVX2 ? [.portable, .avx2] : [.portable]
        for kernel in kernels {
            #expect(
                Matrix.product(a, b, m: m, k: k, aRowStride: k, aDepthStride: 1, kernel: kernel) == naiveProduct(a, b))
            let at = a.transposed()
            #expect(
                Matrix.product(at, b, m: m, k: k, aRowStride: 1, aDepthStride: m, kernel: kernel) == naiveProduct(a, b))
        }
    }

    @Test func adamKernelsAgreeBitForBit() {
        var rng = SplitMix64(seed: 12)
        let count = 37  // a tail shorter than either lane
        let g = (0..<count).map { _ in rng.normal() }
        var results = [[Double]]()
        for kernel in EngineKernel.cpuHasAVX2 ? [EngineKernel.portable, .avx2] : [.portable] {
            var theta = (0..<count).map { Double($0) / 10 }
            var m = [Double](repeating: 0.1, count: count)
            var v = [Double](repeating: 0.2, count: count)
            theta.withUnsafeMutableBufferPointer { t in
                m.withUnsafeMutableBufferPointer { mm in
                    v.withUnsafeMutableBufferPointer { vv in
                        g.withUnsafeBufferPointer { gg in
                            kernel.adam(
                                count: count, theta: t.baseAddress!, m: mm.baseAddress!, v: vv.baseAddress!,
                                g: gg.baseAddress!, decay: 0.01,
                                rate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, c1: 10, c2: 1000)
                        }
                    }
                }
            }
            results.append(theta + m + v)
        }
        #expect(results.allSatisfy { $0 == results[0] })
        // And the scalar formula for element 5.
        let g5 = g[5] + 0.01 * 0.5
        let m5 = 0.9 * 0.1 + 0.1 * g5
        let v5 = 0.999 * 0.2 + (1 - 0.999) * g5 * g5
        #expect(results[0][5] == 0.5 - 0.001 * (m5 * 10) / ((v5 * 1000).squareRoot() + 1e-8))
    }

    @Test func shapesGatherAndConcatenate() {
        let m = Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(m[2, 1] == 6)
        #expect(Array(m.row(1)) == [3, 4])
        #expect(m.rows([2, 0, 2]) == Matrix([[5, 6], [1, 2], [5, 6]]))
        #expect(m.rows(1..<3) == Matrix([[3, 4], [5, 6]]))
        #expect(m.column(0) == [1, 3, 5])
        #expect(m.columns([1]) == Matrix([[2], [4], [6]]))
        #expect(Matrix.hcat(m, Matrix([[7], [8], [9]])) == Matrix([[1, 2, 7], [3, 4, 8], [5, 6, 9]]))
        #expect(Matrix.vcat([m, Matrix([[0, 0]])]).rows == 4)
        #expect(m.addRowVector([10, 20]) == Matrix([[11, 22], [13, 24], [15, 26]]))
        #expect(m.columnSums() == [9, 12])
        #expect(m.rowSums() == [3, 7, 11])
        #expect(m.map { $0 * 2 } == 2 * m)
        #expect(m.transposed().transposed() == m)
        #expect(Matrix.oneHot([1, 0], classes: 3) == Matrix([[0, 1, 0], [1, 0, 0]]))
    }

    @Test func softmaxIsStableAndLogSoftmaxAgrees() {
        let scores = Matrix([[1000, 1001, 999], [-1000, -1000, -1000], [0, 1, 2]])
        let p = scores.softmaxRows()
        #expect(p.values.allSatisfy { $0.isFinite })
        for s in p.rowSums() { #expect(abs(s - 1) < 1e-12) }
        #expect(abs(p[1, 0] - 1.0 / 3) < 1e-12)
        let logP = scores.logSoftmaxRows()
        #expect(logP.maxAbsDifference(p.map { log($0) }) < 1e-12)
        // Temperature flattens: softmax(z / 2).
        let warm = Matrix([[0, 2]]).softmaxRows(temperature: 2)
        #expect(abs(warm[0, 1] - 1 / (1 + exp(-1.0))) < 1e-12)
        #expect(scores.argmaxRows() == [1, 0, 2])
    }
}

@Suite struct ProductEdgeTests {
    @Test func emptySharedDimensionGivesZeros() {
        let a = Matrix(rows: 2, cols: 0)
        let b = Matrix(rows: 0, cols: 3)
        #expect(a * b == Matrix(rows: 2, cols: 3, repeating: 0))
        #expect((Matrix(rows: 0, cols: 4) * Matrix(rows: 4, cols: 2)).rows == 0)
    }
}

@Suite struct BenchmarkJobTests {
    @Test func theFixedJobTrainsAndCountsFlopsAsDocumented() {
        let r = EngineBenchmark.run(seed: 2024, repeats: 1)
        #expect(r.forwardCost == 64 * 128 + 128 * 128 + 128 * 4)
        #expect(abs(r.gflops - 6 * Double(r.forwardCost) * r.examplesPerSecond / 1e9) < 1e-9)
        #expect(abs(r.examplesPerSecond * r.seconds - 200 * 64) < 1e-6)
        // Four balanced-ish classes start near ln 4 ≈ 1.39; 200 Adam steps get well below.
        #expect(r.finalLoss < 0.6)
        #expect(r.finalLoss == EngineBenchmark.run(seed: 2024, repeats: 1).finalLoss)
    }
}

@Suite struct KernelChoiceTests {
    /// The flags line of a Zen 4 VM like CI's (trimmed to the families that matter).
    static let zen4: Set<String> = [
        "fpu", "sse2", "popcnt", "avx", "avx2", "fma", "bmi1", "bmi2", "abm", "movbe", "f16c", "xsave",
    ]

    @Test func avx2KernelsNeedEveryHaswellFamilyNotOnlyAVX2() {
        #expect(EngineKernel.supportsAVX2Kernels(cpuFlags: Self.zen4))
        // A VM that shows AVX2 but hides BMI2 (or FMA, or MOVBE) would crash on Haswell code.
        for hidden in ["bmi2", "fma", "movbe", "avx"] {
            #expect(!EngineKernel.supportsAVX2Kernels(cpuFlags: Self.zen4.subtracting([hidden])), "without \(hidden)")
        }
        #expect(!EngineKernel.supportsAVX2Kernels(cpuFlags: ["fpu", "sse2", "sse4_2"]))
    }

    #if canImport(Glibc)
        /// mallopt is called directly (the static release binary has no dlsym): glibc takes both settings.
        @Test func glibcKeepsFreedHeapForTraining() {
            #expect(HeapTuning.applied)
        }
    #endif
}
