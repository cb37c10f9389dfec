import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

/// The over-seed sentences of lessons 5 and 6 that no `--json` number carries (the others are
/// live numbers, checked by `tandem lint` and `CourseLiveNumbersTests`), each counted on seeds
/// 1–20 from the runs `WeakToStrongFindingsTests` computes once.
@Suite struct WeakToStrongLessonSentenceTests {
    static var runs: [WeakToStrongDemo.Result] { WeakToStrongFindingsTests.runs }

    /// Lesson 6: early stopping "ends above naive training on 18 seeds and below on none, by a
    /// median of 1.7 points".
    @Test func earlyStoppingIsNeverBelowNaiveTraining() throws {
        let differences = Self.runs.map { $0.method("early-stopped")!.accuracy - $0.method("naive")!.accuracy }
        #expect(differences.filter { $0 > 0 }.count == 18, "\(differences)")
        #expect(differences.allSatisfy { $0 >= 0 }, "\(differences)")
        let medianPoints = try #require(median(differences)) * 100
        #expect((medianPoints * 10).rounded() / 10 == 1.7, "\(medianPoints)")
    }

    /// Lesson 6: "its median PGR beats naive training's for every pair of sizes" (the sweep).
    @Test func confidenceLossBeatsNaiveInEverySweepCell() {
        for w in 1...3 {
            for s in 1...4 {
                let naive = WeakToStrongFindingsTests.medianPGR(Self.runs, w, s) { $0.naive.pgr }
                let confidence = WeakToStrongFindingsTests.medianPGR(Self.runs, w, s) { $0.confidence.pgr }
                #expect(confidence > naive, "weak \(w), strong \(s): \(confidence) against \(naive)")
            }
        }
    }

    /// Lesson 6: "Over seeds 1–20 the chain wins on all 20".
    @Test func bootstrappingBeatsDirectTrainingOnEverySeed() {
        let losing = Self.runs.filter { $0.bootstrap!.chainAccuracy <= $0.bootstrap!.directAccuracy }.map(\.seed)
        #expect(losing.isEmpty, "seeds \(losing)")
    }
}

/// Lesson 2's over-seed medians in points, which `tandem lint` cannot hold (its live numbers
/// compare a fraction only with a `%`): counted on seeds 1–20 of the default ensemble run.
@Suite struct EnsembleLessonSentenceTests {
    static let runs = (UInt64(1)...20).map { EnsembleDemo.run(seed: $0) }

    static func points(_ value: Double) -> Double { (value * 1000).rounded() / 10 }

    /// "boosting beats averaging on 19 of 20 seeds (by a median of 2.8 points)".
    @Test func boostingBeatsAveragingByAMedianOf2Point8Points() throws {
        let gains = Self.runs.compactMap(EnsembleDemo.boostingMinusAverage)
        #expect(gains.count == 20)
        #expect(Self.points(try #require(median(gains))) == 2.8, "\(gains)")
    }

    /// Voting "scores below averaging on 16 of 20 seeds, by a median of 0.8 points (from 3.7
    /// points below to 0.1 above)".
    @Test func votingLosesToAveragingByAMedianOf0Point8Points() throws {
        let differences = Self.runs.compactMap(EnsembleDemo.voteMinusAverage)
        #expect(differences.count == 20)
        #expect(Self.points(try #require(median(differences))) == -0.8, "\(differences)")
        #expect(Self.points(try #require(differences.min())) == -3.7, "\(differences)")
        #expect(Self.points(try #require(differences.max())) == 0.1, "\(differences)")
    }
}
