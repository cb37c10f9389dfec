import Foundation
import ToyEngineAVX2

#if canImport(Glibc)
    import CMalloc
#endif

/// Which compiled version of the hot loops (matrix product, Adam) this process runs.
///
/// Swift's default x86-64 target is SSE2 (two doubles per register); the `ToyEngineAVX2` target
/// holds the same loops compiled for AVX2, about twice as fast. They are chosen once, when the CPU
/// reports AVX2 (`/proc/cpuinfo` on Linux). `TANDEM_ENGINE_KERNEL=portable` forces the portable
/// loops, e.g. to measure them. Both give identical bits: no fused multiply-add in either.
public enum EngineKernel: String, Sendable, CaseIterable {
    /// Four-double lanes, any x86-64 or arm64 CPU.
    case portable
    /// Eight-double lanes compiled for AVX2.
    case avx2

    /// The kernel this process uses.
    public static let active: EngineKernel = {
        if ProcessInfo.processInfo.environment["TANDEM_ENGINE_KERNEL"] == "portable" { return .portable }
        return cpuHasAVX2 ? .avx2 : .portable
    }()

    /// Whether this CPU (and its operating system) runs the `ToyEngineAVX2` loops.
    public static let cpuHasAVX2: Bool = {
        #if arch(x86_64) && os(Linux)
            guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
                let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
            else { return false }
            return supportsAVX2Kernels(cpuFlags: Set(flags.split(separator: " ").map(String.init)))
        #else
            return false
        #endif
    }()

    /// The `/proc/cpuinfo` flags of every instruction family that `-target-cpu haswell` lets the
    /// compiler emit unasked (bit manipulation, LZCNT as `abm`, MOVBE, F16C, FMA, POPCNT), not
    /// only AVX and AVX2: a virtual machine may hide some of them while showing AVX2.
    static let haswellFlags: Set<String> = ["avx", "avx2", "fma", "bmi1", "bmi2", "abm", "movbe", "f16c", "popcnt"]

    /// Whether a CPU with these `/proc/cpuinfo` flags can run code compiled for Haswell.
    static func supportsAVX2Kernels(cpuFlags: Set<String>) -> Bool {
        haswellFlags.isSubset(of: cpuFlags)
    }

    /// C (m×n) = A (m×k) · B (k×n) with this kernel (see `MatrixProduct.swift`).
    func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aRowStride: Int, aDepthStride: Int,
        b: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>
    ) {
        switch self {
        case .portable:
            portableGemm(m: m, n: n, k: k, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, b: b, c: c)
        case .avx2:
            AVX2Kernels.gemm(m: m, n: n, k: k, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, b: b, c: c)
        }
    }

    /// One Adam step over a parameter with this kernel (see `Optimizer.swift`).
    func adam(
        count: Int, theta: UnsafeMutablePointer<Double>, m: UnsafeMutablePointer<Double>,
        v: UnsafeMutablePointer<Double>,
        g: UnsafePointer<Double>, decay: Double, rate: Double, beta1: Double, beta2: Double, epsilon: Double,
        c1: Double, c2: Double
    ) {
        switch self {
        case .portable:
            portableAdam(
                count: count, theta: theta, m: m, v: v, g: g, decay: decay, rate: rate, beta1: beta1, beta2: beta2,
                epsilon: epsilon, c1: c1, c2: c2)
        case .avx2:
            AVX2Kernels.adam(
                count: count, theta: theta, m: m, v: v, g: g, decay: decay, rate: rate, beta1: beta1, beta2: beta2,
                epsilon: epsilon, c1: c1, c2: c2)
        }
    }
}

/// Training frees and reallocates the same few hundred kilobytes every step. glibc would hand
/// that memory back to the kernel and fault it in again (about a tenth of a step's time); asking
/// it to keep up to 64 MiB of freed heap avoids that. Process-wide, set once, harmless elsewhere.
enum HeapTuning {
    /// Whether glibc accepted both settings (false on other C libraries).
    static let applied: Bool = {
        #if canImport(Glibc)
            // Called directly, not looked up with dlsym: the release `tandem` is a static executable,
            // where dlsym finds nothing and the setting was silently lost.
            return mallopt(M_TRIM_THRESHOLD, 64 << 20) == 1 && mallopt(M_MMAP_THRESHOLD, 16 << 20) == 1
        #else
            return false
        #endif
    }()

    static func keepFreedMemory() { _ = applied }
}
