import Foundation
import Terminal
import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

/// Burns et al.'s findings as issue 11 states them, each over seeds 1–20 (medians over seeds),
/// on the default weak-to-strong run with `--sweep --curve --bootstrap`. Every seed's runs are
/// computed once and shared by the tests.
@Suite struct WeakToStrongFindingsTests {
    static let seeds = Array(UInt64(1)...20)

    static func everything(classes: Int = 2) -> WeakToStrongDemo.Options {
        var options = WeakToStrongDemo.Options()
        options.classes = classes
        options.sweep = true
        options.curve = true
        options.bootstrap = classes == 2
        return options
    }

    /// Seeds 1–20, binary, everything on (runs the seeds concurrently).
    static let runs: [WeakToStrongDemo.Result] = runAll(everything(), seeds: seeds)
    /// Seeds 1–20 with four classes (sweep and curve).
    static let fourClassRuns: [WeakToStrongDemo.Result] = runAll(everything(classes: 4), seeds: seeds)

    static func runAll(_ options: WeakToStrongDemo.Options, seeds: [UInt64]) -> [WeakToStrongDemo.Result] {
        let results = Locked([WeakToStrongDemo.Result?](repeating: nil, count: seeds.count))
        DispatchQueue.concurrentPerform(iterations: seeds.count) { i in
            let result = WeakToStrongDemo.run(options, seed: seeds[i])
            results.withLock { $0[i] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    static func cell(_ r: WeakToStrongDemo.Result, _ w: Int, _ s: Int) -> WeakToStrongDemo.SweepCell {
        r.sweep!.first { $0.weakSize == w && $0.strongSize == s }!
    }

    static func medianPGR(
        _ runs: [WeakToStrongDemo.Result], _ w: Int, _ s: Int, _ pick: (WeakToStrongDemo.SweepCell) -> Double?
    ) -> Double {
        median(runs.compactMap { pick(cell($0, w, s)) })!
    }

    // 1. Strong students beat their weak supervisor.
    static func finding1(_ runs: [WeakToStrongDemo.Result]) -> (beating: Int, cells: Int) {
        var beating = 0
        var cells = 0
        for r in runs {
            for c in r.sweep! where c.ceilingAccuracy - c.weakAccuracy >= 0.02 {
                cells += 1
                if c.naive.accuracy > c.weakAccuracy { beating += 1 }
            }
        }
        return (beating, cells)
    }

    @Test func finding1StudentsBeatTheirSupervisorInNearlyEveryCell() {
        let (beating, cells) = Self.finding1(Self.runs)
        #expect(cells >= 200 && beating * 100 >= cells * 95, "\(beating) of \(cells)")
    }

    // 2. PGR grows with the student's size.
    static func finding2(_ runs: [WeakToStrongDemo.Result]) -> [[Double]] {
        (1...3).map { w in (1...4).map { s in medianPGR(runs, w, s) { $0.naive.pgr } } }
    }

    @Test func finding2NaivePGRGrowsWithStrongSizeForEveryWeakSize() {
        for (w, row) in Self.finding2(Self.runs).enumerated() {
            #expect(zip(row, row.dropFirst()).allSatisfy { $0 < $1 }, "weak \(w + 1): \(row)")
            #expect(row.last! - row.first! >= 0.2, "weak \(w + 1): \(row)")
        }
    }

    // 3. The auxiliary confidence loss at the largest gap.
    @Test func finding3ConfidenceLossRecoversMostOfTheLargestGap() {
        let naive = Self.medianPGR(Self.runs, 1, 4) { $0.naive.pgr }
        let confidence = Self.medianPGR(Self.runs, 1, 4) { $0.confidence.pgr }
        #expect(confidence >= 0.6 && confidence >= naive + 0.2, "confidence \(confidence), naive \(naive)")
    }

    // 4. Overfitting to weak labels, and early stopping.
    @Test func finding4NaiveTrainingPeaksThenFallsAndEarlyStoppingRecoversPart() {
        var peakThenFall = 0
        var recovered: [Double] = []
        for r in Self.runs {
            let curve = r.curve!.naive
            if curve.dropLast().max()! > curve.last! { peakThenFall += 1 }
            recovered.append(r.method("early-stopped")!.accuracy - r.method("naive")!.accuracy)
        }
        #expect(peakThenFall >= 15, "\(peakThenFall) of 20")
        #expect(median(recovered)! > 0, "\(recovered)")
    }

    // 5. Bootstrapping beats direct training at the largest gap.
    @Test func finding5BootstrappingBeatsDirectAtTheLargestGap() {
        let chain = median(Self.runs.map { $0.bootstrap!.chainAccuracy })!
        let direct = median(Self.runs.map { $0.bootstrap!.directAccuracy })!
        #expect(chain > direct, "chain \(chain), direct \(direct)")
        // Direct is the default run's naive student.
        #expect(Self.runs.allSatisfy { $0.bootstrap!.directAccuracy == $0.method("naive")!.accuracy })
    }

    // 6. Misfit tracks gain.
    static func misfitCorrelation(_ runs: [WeakToStrongDemo.Result]) -> Double {
        WeakToStrongDemo.misfitFit(runs.flatMap { $0.sweep! }).correlation ?? 0
    }

    @Test func finding6MisfitTracksGainAcrossTheSweep() {
        let r = Self.misfitCorrelation(Self.runs)
        #expect(r >= 0.5, "r = \(r)")
    }

    // 7. The default seed is representative.
    @Test func finding7DefaultSeedIsInTheMiddleHalfForEveryMethod() {
        let chosen = WeakToStrongDemo.representativeSeed(Self.runs)
        #expect(chosen == WeakToStrongDemo.defaultSeed)
    }

    // Multi-class: findings 1–3 at K = 4.
    @Test func fourClassesKeepFindingsOneToThree() {
        let (beating, cells) = Self.finding1(Self.fourClassRuns)
        #expect(cells >= 200 && beating * 100 >= cells * 95, "\(beating) of \(cells)")
        for (w, row) in Self.finding2(Self.fourClassRuns).enumerated() {
            #expect(zip(row, row.dropFirst()).allSatisfy { $0 < $1 }, "weak \(w + 1): \(row)")
            #expect(row.last! - row.first! >= 0.2, "weak \(w + 1): \(row)")
        }
        let naive = Self.medianPGR(Self.fourClassRuns, 1, 4) { $0.naive.pgr }
        let confidence = Self.medianPGR(Self.fourClassRuns, 1, 4) { $0.confidence.pgr }
        #expect(confidence >= 0.6 && confidence >= naive + 0.2, "confidence \(confidence), naive \(naive)")
    }
}
