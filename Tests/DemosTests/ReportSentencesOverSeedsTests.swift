import JSON
import Testing

@testable import DemoReports
@testable import Demos

/// Each demo's default run (its registry `defaultJSON`) on seeds 1–20, computed once per test
/// process and shared by the tests that count its claims and sentences over those seeds.
enum DefaultRuns {
    static let seeds = Array(UInt64(1)...20)
    static let cascade = runs("cascade")
    static let router = runs("router")
    static let ensemble = runs("ensemble")
    static let speculative = runs("speculative")
    static let filter = runs("filter")
    static let distill = runs("distill")
    static let salt = runs("salt")

    /// The runs of the demo named `name`, or nil for a demo not kept here.
    static func of(_ name: String) -> [JSONValue]? {
        switch name {
        case "cascade": cascade
        case "router": router
        case "ensemble": ensemble
        case "speculative": speculative
        case "filter": filter
        case "distill": distill
        case "salt": salt
        default: nil
        }
    }

    private static func runs(_ name: String) -> [JSONValue] {
        guard let entry = DemoCatalogue.entry(named: name) else { return [] }
        return seeds.map(entry.defaultJSON)
    }
}

/// Sentences a single-seed report prints whatever the run's numbers (not worded from them), each
/// counted over seeds 1–20 on the default run like the registry's claims (ClaimTests): a general
/// sentence must hold on at least 19.
@Suite struct ReportSentencesOverSeedsTests {
    /// RouterReport.whyStory calls the cascade "better-informed": the small model's top
    /// probability, read after it answered, separates its mistakes better (higher AUROC) than the
    /// router reading the query alone.
    @Test func theCascadesScoreSeparatesTheSmallModelsMistakesBetterThanTheRouters() {
        let better = DefaultRuns.router.filter { json in
            guard let cascade = json["cascade_auroc"]?.double, let router = json["router_auroc"]?.double else {
                return false
            }
            return cascade > router
        }.count
        #expect(better == 20, "\(better) of 20")
    }

    /// EnsembleReport.gapStory: "No classifier beats the Bayes accuracy". Measured on 1,500 test
    /// points, no combination at any size, and not the large model, beats it by more than test-set
    /// noise (2.5 standard errors).
    @Test func nothingBeatsTheBayesAccuracyBeyondTestNoise() {
        var within = 0
        for json in DefaultRuns.ensemble {
            guard let bayes = json["bayes_accuracy"]?.double, let large = json["large"]?["accuracy"]?.double else {
                continue
            }
            let noise = 2.5 * (bayes * (1 - bayes) / 1500).squareRoot()
            let accuracies = (json["curve"]?.items ?? []).compactMap { $0["accuracy"]?.double } + [large]
            if !accuracies.isEmpty && accuracies.allSatisfy({ $0 <= bayes + noise }) { within += 1 }
        }
        #expect(within == 20, "\(within) of 20")
    }

    /// EnsembleReport.condorcetComparison: the default members "learn from overlapping samples of
    /// the same data, so their errors correlate".
    @Test func theDefaultMembersErrorsCorrelate() {
        let correlated = DefaultRuns.ensemble.filter { ($0["error_correlation"]?.double ?? 0) > 0 }.count
        #expect(correlated == 20, "\(correlated) of 20")
    }

    /// SaltReport's table note: the entropy floor is "the source's own uncertainty, which no model
    /// beats": no training's loss at any evaluated step, and not the small teacher's, is below it.
    @Test func noSaltLossIsBelowTheEntropyFloor() {
        var above = 0
        for json in DefaultRuns.salt {
            guard let floor = json["entropy_floor"]?.double, let teacher = json["teacher_loss"]?.double else {
                continue
            }
            let losses = ["baseline", "salt", "salt_ds", "kd_throughout"].flatMap { run in
                (json[run]?["curve"]?.items ?? []).compactMap(\.double)
            }
            if losses.count == 4 * (json["evaluation_steps"]?.items.count ?? 0)
                && (losses + [teacher]).allSatisfy({ $0 >= floor })
            {
                above += 1
            }
        }
        #expect(above == 20, "\(above) of 20")
    }
}

/// The numbers over seeds 1–20 that lessons quote from `tandem run DEMO --seeds 20` without a
/// live marker, as the lessons round them (half up).
@Suite struct LessonNumbersOverSeedsTests {
    /// Within half a unit of the last digit quoted (`quoted` in points, `value` a fraction).
    static func rounds(_ value: Double, toPoints quoted: Double) -> Bool {
        abs(value * 100 - quoted) <= 0.05 + 1e-9
    }

    /// Lesson 2: boosting 25 beats averaging 25 by a median of 2.8 points; voting scores below
    /// averaging by a median of 0.8 points, from 3.7 below to 0.1 above.
    @Test func lessonTwoEnsembleMedians() throws {
        let sweep = SeedSweep(demo: "ensemble", seeds: DefaultRuns.seeds, runs: DefaultRuns.ensemble, claims: [])
        let boosting = try #require(sweep.summary.first { $0.key == "boosting_minus_average" })
        #expect(Self.rounds(boosting.median, toPoints: 2.8), "\(boosting.median)")
        let vote = try #require(sweep.summary.first { $0.key == "vote_minus_average" })
        #expect(
            Self.rounds(vote.median, toPoints: -0.8) && Self.rounds(vote.min, toPoints: -3.7)
                && Self.rounds(vote.max, toPoints: 0.1), "\(vote)")
    }
}
