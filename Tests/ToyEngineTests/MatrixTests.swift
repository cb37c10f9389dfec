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
