import Foundation

/// The fixed training job behind `tandem bench`, so the engine's speed can be compared with numpy
/// (`benchmarks/engine/numpy_bench.py` runs the same shapes and steps in float64).
///
/// Job: an MLP 64→128→128→4 with ReLU, softmax cross-entropy, Adam (η = 10⁻³), batch 64,
/// 200 steps over a seeded dataset of 4,096 rows (features N(0, 1), labels from a random linear
/// teacher). Batches walk one shuffled order of the rows, wrapping around.
public enum EngineBenchmark {
    /// Rows in the dataset.
    public static let rows = 4096
    /// Layer widths: inputs, hidden…, classes.
    public static let widths = [64, 128, 128, 4]
    /// Examples per step.
    public static let batchSize = 64
    /// Optimizer steps timed.
    public static let steps = 200

    /// The outcome of one timed run.
    public struct Result: Sendable, Equatable {
        /// Training examples processed per second.
        public var examplesPerSecond: Double
        /// 6 × (forward multiply-adds per example) × examples per second / 10⁹: a multiply-add is
        /// two flops, and the backward pass is counted as twice the forward.
        public var gflops: Double
        /// Wall time of the timed steps, in seconds.
        public var seconds: Double
        /// CPU time of this thread during the timed steps, in seconds (below `seconds` when other
        /// processes share the cores).
        public var cpuSeconds: Double
        /// The mean loss of the last step (a check that the job really trains).
        public var finalLoss: Double
        /// Multiply-adds per example in one forward pass.
        public var forwardCost: Int
    }

    /// Runs the job `repeats` times (fresh model each time, same seed) and returns the fastest run.
    public static func run(seed: UInt64 = 2024, repeats: Int = 3) -> Result {
        var rng = SplitMix64(seed: seed)
        var dataRNG = rng.split()
        let inputs = Matrix.random(rows: rows, cols: widths[0], std: 1, rng: &dataRNG)
        let teacher = Matrix.random(rows: widths[0], cols: widths.last!, std: 1, rng: &dataRNG)
        let labels = (inputs * teacher).argmaxRows()
        let order = dataRNG.permutation(rows)
        var best: Result?
        for _ in 0..<Swift.max(repeats, 1) {
            var modelRNG = SplitMix64(seed: seed &+ 1)
            let model = MLP(
                inputs: widths[0], hidden: Array(widths.dropFirst().dropLast()), classes: widths.last!,
                activation: .relu, rng: &modelRNG)
            var trainer = Trainer(model: model, loss: .crossEntropy, optimizer: .adam(learningRate: 1e-3))
            var loss = 0.0
            let clock = ContinuousClock()
            let cpuStart = threadCPUTime()
            let start = clock.now
            for step in 0..<steps {
                let first = (step * batchSize) % rows
                let batch = Array(order[first..<(first + batchSize)])
                loss = trainer.step(inputs: inputs.rows(batch), targets: .hard(batch.map { labels[$0] }))
            }
            let elapsed = clock.now - start
            let cpuSeconds = threadCPUTime() - cpuStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let examplesPerSecond = Double(steps * batchSize) / seconds
            let result = Result(
                examplesPerSecond: examplesPerSecond, gflops: 6 * Double(model.cost) * examplesPerSecond / 1e9,
                seconds: seconds, cpuSeconds: cpuSeconds, finalLoss: loss, forwardCost: model.cost)
            if best == nil || result.examplesPerSecond > best!.examplesPerSecond { best = result }
        }
        return best!
    }
}

/// This thread's CPU time in seconds.
private func threadCPUTime() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
