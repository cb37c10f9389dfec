/// Matrix products. The work of training happens here, so this is the one place written for speed:
/// a register-blocked kernel that keeps a 4 × 8 tile of the result in SIMD registers while it walks
/// the shared dimension, so every loaded element of `B` is used four times and every element of
/// `A` eight times. Transposed products transpose one operand first (a cheap O(n²) copy) and
/// reuse the kernel. The sum for each result element runs over `k` in order, so results do not
/// depend on blocking choices beyond the usual floating-point rounding of that order.
extension Matrix {
    /// The product `a · b` (`a.cols == b.rows`).
    public static func matmul(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.cols == b.rows, "matmul: \(a.rows)×\(a.cols) · \(b.rows)×\(b.cols)")
        var c = Matrix(rows: a.rows, cols: b.cols)
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                c.values.withUnsafeMutableBufferPointer { cp in
                    gemm(m: a.rows, n: b.cols, k: a.cols, a: ap.baseAddress, b: bp.baseAddress, c: cp.baseAddress)
                }
            }
        }
        return c
    }

    /// The product with either operand transposed first: `op(a) · op(b)`.
    public static func matmul(_ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool) -> Matrix {
        matmul(transposeA ? a.transposed() : a, transposeB ? b.transposed() : b)
    }

    /// The product `self · other`.
    public func matmul(_ other: Matrix) -> Matrix { Matrix.matmul(self, other) }

    /// `selfᵀ · other` (`self.rows == other.rows`): e.g. a weight gradient `xᵀ · dy`.
    public func transposedMatmul(_ other: Matrix) -> Matrix { Matrix.matmul(transposed(), other) }

    /// `self · otherᵀ` (`self.cols == other.cols`): e.g. an input gradient `dy · wᵀ`.
    public func matmulTransposed(_ other: Matrix) -> Matrix { Matrix.matmul(self, other.transposed()) }

    /// The matrix product `a · b`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { matmul(a, b) }
}

/// C (m×n) = A (m×k) · B (k×n), all row-major and contiguous; C must start zeroed.
@usableFromInline
func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Double>?, b: UnsafePointer<Double>?, c: UnsafeMutablePointer<Double>?) {
    guard m > 0, n > 0, k > 0, let a, let b, let c else { return }
    let n8 = n - n % 8
    var i = 0
    while i + 4 <= m {
        var j = 0
        while j < n8 {
            tile4x8(k: k, a: a + i * k, lda: k, b: b + j, ldb: n, c: c + i * n + j, ldc: n)
            j += 8
        }
        if j < n { edge(rows: 4, k: k, a: a + i * k, lda: k, b: b, ldb: n, j0: j, j1: n, c: c + i * n, ldc: n) }
        i += 4
    }
    while i < m {
        var j = 0
        while j < n8 {
            tile1x8(k: k, a: a + i * k, b: b + j, ldb: n, c: c + i * n + j)
            j += 8
        }
        if j < n { edge(rows: 1, k: k, a: a + i * k, lda: k, b: b, ldb: n, j0: j, j1: n, c: c + i * n, ldc: n) }
        i += 1
    }
}

@inline(__always)
private func load8(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
}

@inline(__always)
private func store8(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Double>.self)
}

/// Four rows × eight columns of C, accumulated in registers over the whole shared dimension.
@inline(__always)
private func tile4x8(k: Int, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
    var c0 = SIMD8<Double>(), c1 = SIMD8<Double>(), c2 = SIMD8<Double>(), c3 = SIMD8<Double>()
    let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda
    var bp = b
    for p in 0..<k {
        let bv = load8(bp)
        c0 += SIMD8(repeating: a0[p]) * bv
        c1 += SIMD8(repeating: a1[p]) * bv
        c2 += SIMD8(repeating: a2[p]) * bv
        c3 += SIMD8(repeating: a3[p]) * bv
        bp += ldb
    }
    store8(c0, c)
    store8(c1, c + ldc)
    store8(c2, c + 2 * ldc)
    store8(c3, c + 3 * ldc)
}

/// One row × eight columns of C.
@inline(__always)
private func tile1x8(k: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>) {
    var c0 = SIMD8<Double>()
    var bp = b
    for p in 0..<k {
        c0 += SIMD8(repeating: a[p]) * load8(bp)
        bp += ldb
    }
    store8(c0, c)
}

/// The leftover columns j0..<j1 (fewer than eight) for `rows` rows, in the same k order.
@inline(__always)
private func edge(rows: Int, k: Int, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, j0: Int, j1: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
    for r in 0..<rows {
        let ar = a + r * lda
        for j in j0..<j1 {
            var sum = 0.0
            for p in 0..<k { sum += ar[p] * b[p * ldb + j] }
            c[r * ldc + j] = sum
        }
    }
}
