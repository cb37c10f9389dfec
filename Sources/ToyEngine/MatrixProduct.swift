/// Matrix products. The work of training happens here, so this is the one place written for speed:
/// a register-blocked kernel keeps a 4-row tile of the result in SIMD registers while it walks the
/// shared dimension, so each loaded piece of `B` is used four times and each element of `A` once
/// per lane. `aᵀ · b` reads `a` in place through strides; `a · bᵀ` transposes `b` first (a cheap
/// O(n²) copy). Each result element is summed over k in order, one multiply and one add at a time
/// (no fused multiply-add), so every variant gives the same bits as the textbook triple loop.
extension Matrix {
    /// The product `a · b` (`a.cols == b.rows`).
    public static func matmul(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.cols == b.rows, "matmul: \(a.rows)×\(a.cols) · \(b.rows)×\(b.cols)")
        return product(a, b, m: a.rows, k: a.cols, aRowStride: a.cols, aDepthStride: 1)
    }

    /// The product with either operand transposed first: `op(a) · op(b)`.
    public static func matmul(_ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool) -> Matrix {
        let right = transposeB ? b.transposed() : b
        if transposeA {
            precondition(a.rows == right.rows, "matmul: (\(a.rows)×\(a.cols))ᵀ · \(right.rows)×\(right.cols)")
            return product(a, right, m: a.cols, k: a.rows, aRowStride: 1, aDepthStride: a.cols)
        }
        return matmul(a, right)
    }

    /// The product `self · other`.
    public func matmul(_ other: Matrix) -> Matrix { Matrix.matmul(self, other) }

    /// `selfᵀ · other` (`self.rows == other.rows`): e.g. a weight gradient `xᵀ · dy`.
    public func transposedMatmul(_ other: Matrix) -> Matrix {
        Matrix.matmul(self, other, transposeA: true, transposeB: false)
    }

    /// `self · otherᵀ` (`self.cols == other.cols`): e.g. an input gradient `dy · wᵀ`.
    public func matmulTransposed(_ other: Matrix) -> Matrix {
        Matrix.matmul(self, other, transposeA: false, transposeB: true)
    }

    /// The matrix product `a · b`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { matmul(a, b) }

    /// C (m × b.cols) where A's element (i, p) is `a.values[i * aRowStride + p * aDepthStride]`.
    static func product(
        _ a: Matrix, _ b: Matrix, m: Int, k: Int, aRowStride: Int, aDepthStride: Int,
        kernel: EngineKernel = .active
    ) -> Matrix {
        let n = b.cols
        // The kernel writes every element, so the storage starts uninitialised (unless a dimension
        // is zero, when the product is all zeros).
        let values = [Double](unsafeUninitializedCapacity: m * n) { cp, initialized in
            initialized = m * n
            guard let cBase = cp.baseAddress else { return }
            guard k > 0 else {
                cBase.initialize(repeating: 0, count: m * n)
                return
            }
            a.values.withUnsafeBufferPointer { ap in
                b.values.withUnsafeBufferPointer { bp in
                    guard let ap = ap.baseAddress, let bp = bp.baseAddress else { return }
                    kernel.gemm(
                        m: m, n: n, k: k, a: ap, aRowStride: aRowStride, aDepthStride: aDepthStride, b: bp, c: cBase)
                }
            }
        }
        return Matrix(rows: m, cols: n, values: values)
    }
}

/// The portable tile's row vector of result columns. Swift's default x86-64 target is SSE2 (16
/// registers of two doubles): four columns keep a 4 × 4 tile in 8 registers. (`AVX2Kernels` has
/// the same loops with eight columns.)
typealias Lane = SIMD4<Double>

/// C (m×n) = A (m×k) · B (k×n). B and C are row-major and contiguous; A is read through strides.
/// Every element of C is written (C may start uninitialised).
func portableGemm(
    m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aRowStride: Int, aDepthStride: Int,
    b: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>
) {
    guard m > 0, n > 0, k > 0 else { return }
    let w = Lane.scalarCount
    let fullLanes = n - n % w
    var i = 0
    while i < m {
        let rows = min(4, m - i)
        let aTile = a + i * aRowStride
        var j = 0
        while j < fullLanes {
            if rows == 4 {
                tile4(
                    k: k, a: aTile, rowStride: aRowStride, depthStride: aDepthStride, b: b + j, ldb: n,
                    c: c + i * n + j, ldc: n)
            } else {
                for r in 0..<rows {
                    tile1(
                        k: k, a: aTile + r * aRowStride, depthStride: aDepthStride, b: b + j, ldb: n,
                        c: c + (i + r) * n + j)
                }
            }
            j += w
        }
        if j < n {
            edge(
                rows: rows, k: k, a: aTile, rowStride: aRowStride, depthStride: aDepthStride, b: b, ldb: n,
                columns: j..<n, c: c + i * n, ldc: n)
        }
        i += 4
    }
}

@inline(__always)
private func loadLane(_ p: UnsafePointer<Double>) -> Lane {
    UnsafeRawPointer(p).loadUnaligned(as: Lane.self)
}

@inline(__always)
private func storeLane(_ v: Lane, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lane.self)
}

/// Four rows × one lane of columns of C, accumulated in registers over the whole shared dimension.
@inline(__always)
private func tile4(
    k: Int, a: UnsafePointer<Double>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int
) {
    var c0 = Lane()
    var c1 = Lane()
    var c2 = Lane()
    var c3 = Lane()
    var ap = a
    var bp = b
    for _ in 0..<k {
        let bv = loadLane(bp)
        c0 += Lane(repeating: ap[0]) * bv
        c1 += Lane(repeating: ap[rowStride]) * bv
        c2 += Lane(repeating: ap[2 * rowStride]) * bv
        c3 += Lane(repeating: ap[3 * rowStride]) * bv
        ap += depthStride
        bp += ldb
    }
    storeLane(c0, c)
    storeLane(c1, c + ldc)
    storeLane(c2, c + 2 * ldc)
    storeLane(c3, c + 3 * ldc)
}

/// One row × one lane of columns of C.
@inline(__always)
private func tile1(
    k: Int, a: UnsafePointer<Double>, depthStride: Int, b: UnsafePointer<Double>, ldb: Int,
    c: UnsafeMutablePointer<Double>
) {
    var c0 = Lane()
    var ap = a
    var bp = b
    for _ in 0..<k {
        c0 += Lane(repeating: ap[0]) * loadLane(bp)
        ap += depthStride
        bp += ldb
    }
    storeLane(c0, c)
}

/// The leftover columns (fewer than a lane) for `rows` rows, in the same k order.
@inline(__always)
private func edge(
    rows: Int, k: Int, a: UnsafePointer<Double>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Double>, ldb: Int, columns: Range<Int>, c: UnsafeMutablePointer<Double>, ldc: Int
) {
    for r in 0..<rows {
        let ar = a + r * rowStride
        for j in columns {
            var sum = 0.0
            for p in 0..<k { sum += ar[p * depthStride] * b[p * ldb + j] }
            c[r * ldc + j] = sum
        }
    }
}
