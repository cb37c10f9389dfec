import Testing
import ToyEngine

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
