/// The engine's two hot loops compiled for AVX2 CPUs (this target is built with
/// `-target-cpu haswell` on x86-64). ToyEngine calls them only after checking that the CPU has
/// AVX2, so the package still builds and runs on any x86-64 or arm64 machine.
///
/// They are the portable kernels of `ToyEngine/MatrixProduct.swift` and `ToyEngine/Optimizer.swift`
/// with an eight-double lane (four-wide registers, 16 of them): keep the three in step. There is
/// no fused multiply-add, so both give the same bits as the textbook loops.
public enum AVX2Kernels {
    typealias Lane = SIMD8<Double>

    /// C (m×n) = A (m×k) · B (k×n). B and C row-major and contiguous; A read through strides.
    @inline(never)
    public static func gemm(
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
            // Leftover columns (fewer than a lane), same k order.
            for r in 0..<rows where j < n {
                let ar = aTile + r * aRowStride
                for jj in j..<n {
                    var sum = 0.0
                    for p in 0..<k { sum += ar[p * aDepthStride] * b[p * n + jj] }
                    c[(i + r) * n + jj] = sum
                }
            }
            i += 4
        }
    }

    @inline(__always)
    static func tile4(
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
            let bv = UnsafeRawPointer(bp).loadUnaligned(as: Lane.self)
            c0 += Lane(repeating: ap[0]) * bv
            c1 += Lane(repeating: ap[rowStride]) * bv
            c2 += Lane(repeating: ap[2 * rowStride]) * bv
            c3 += Lane(repeating: ap[3 * rowStride]) * bv
            ap += depthStride
            bp += ldb
        }
        UnsafeMutableRawPointer(c).storeBytes(of: c0, as: Lane.self)
        UnsafeMutableRawPointer(c + ldc).storeBytes(of: c1, as: Lane.self)
        UnsafeMutableRawPointer(c + 2 * ldc).storeBytes(of: c2, as: Lane.self)
        UnsafeMutableRawPointer(c + 3 * ldc).storeBytes(of: c3, as: Lane.self)
    }

    @inline(__always)
    static func tile1(
        k: Int, a: UnsafePointer<Double>, depthStride: Int, b: UnsafePointer<Double>, ldb: Int,
        c: UnsafeMutablePointer<Double>
    ) {
        var c0 = Lane()
        var ap = a
        var bp = b
        for _ in 0..<k {
            c0 += Lane(repeating: ap[0]) * UnsafeRawPointer(bp).loadUnaligned(as: Lane.self)
            ap += depthStride
            bp += ldb
        }
        UnsafeMutableRawPointer(c).storeBytes(of: c0, as: Lane.self)
    }

    /// One Adam step over `count` parameters (see `OptimizerState`): the same arithmetic per element.
    @inline(never)
    public static func adam(
        count: Int, theta tp: UnsafeMutablePointer<Double>, m mp: UnsafeMutablePointer<Double>,
        v vp: UnsafeMutablePointer<Double>, g gp: UnsafePointer<Double>, decay: Double, rate: Double,
        beta1: Double, beta2: Double, epsilon: Double, c1: Double, c2: Double
    ) {
        let w = Lane.scalarCount
        var j = 0
        while j + w <= count {
            let t = UnsafeRawPointer(tp + j).loadUnaligned(as: Lane.self)
            let gj = UnsafeRawPointer(gp + j).loadUnaligned(as: Lane.self) + decay * t
            let mj = beta1 * UnsafeRawPointer(mp + j).loadUnaligned(as: Lane.self) + (1 - beta1) * gj
            let vj = beta2 * UnsafeRawPointer(vp + j).loadUnaligned(as: Lane.self) + (1 - beta2) * gj * gj
            UnsafeMutableRawPointer(mp + j).storeBytes(of: mj, as: Lane.self)
            UnsafeMutableRawPointer(vp + j).storeBytes(of: vj, as: Lane.self)
            let step = rate * (mj * c1) / ((vj * c2).squareRoot() + epsilon)
            UnsafeMutableRawPointer(tp + j).storeBytes(of: t - step, as: Lane.self)
            j += w
        }
        while j < count {
            let gj = gp[j] + decay * tp[j]
            mp[j] = beta1 * mp[j] + (1 - beta1) * gj
            vp[j] = beta2 * vp[j] + (1 - beta2) * gj * gj
            tp[j] -= rate * (mp[j] * c1) / ((vp[j] * c2).squareRoot() + epsilon)
            j += 1
        }
    }
}
