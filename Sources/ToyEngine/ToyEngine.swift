/// ToyEngine: a tiny, exact and fast ML engine for tandem's demos, lessons and exercises.
///
/// Read it in this order, each file small and each operation beside its gradient:
/// `Random.swift` (the seeded generator), `Matrix.swift` and `MatrixProduct.swift` (numbers),
/// `RowOps.swift` (softmax, argmax), `Layers.swift` (dense layer and activations with their
/// gradients), `Model.swift`, `LogisticRegression.swift`, `MLP.swift` (models),
/// `Losses.swift` (losses with their gradients), `Optimizer.swift`, `Training.swift`,
/// `Metrics.swift`, `Benchmark.swift` (the fixed `tandem bench` job) and `Kernels.swift`
/// (which compiled version of the two hot loops runs, portable or AVX2 from the `ToyEngineAVX2`
/// target, and a glibc heap setting for training). `Datasets/` makes the course's data from seeds.
///
/// All randomness flows from an explicit `SplitMix64`; the same seed gives bit-identical results
/// on the same platform.
public enum ToyEngine {
    /// The engine's semantic version.
    public static let version = "0.1.0"
}
