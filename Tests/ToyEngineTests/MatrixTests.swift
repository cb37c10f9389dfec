import Testing
@testable import ToyEngine

@Suite struct MatrixTests {
    @Test func productMatchesHandComputation() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect((a * b) == Matrix([[58, 64], [139, 154]]))
        #expect(a.transposedMatmul(a) == a.transposed() * a)
        #expect(a.matmulTransposed(a) == Matrix([[14, 32], [32, 77]]))
    }
}
