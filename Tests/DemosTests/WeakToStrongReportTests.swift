import Foundation
import JSON
import Terminal
import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

/// The weak-to-strong report, JSON and hooks: words follow the numbers, JSON carries every key
/// issue 11 lists, the counts the report quotes are the real counts over seeds 1–20.
@Suite struct WeakToStrongReportTests {
    static func parse(_ value: JSONValue) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any])
    }

    @Test func theCountsTheReportQuotesAreTheRealOnes() {
        let runs = WeakToStrongFindingsTests.runs
        let counts = WeakToStrongDemo.SeedCounts(
            studentBeatsWeak: runs.filter { $0.method("naive")!.accuracy > $0.weakAccuracy }.count,
            confidenceBeatsNaive: runs.filter { $0.method("confidence")!.pgr! > $0.method("naive")!.pgr! }.count,
            earlyStoppingBeatsNaive: runs.filter {
                $0.method("early-stopped")!.accuracy > $0.method("naive")!.accuracy
            }.count,
            naivePeaksThenFalls: runs.filter { $0.curve!.naive.dropLast().max()! > $0.curve!.naive.last! }.count)
        #expect(counts == WeakToStrongDemo.seedCounts)
        // The claims of `--seeds` agree with them.
        let tallies = WeakToStrongDemo.claims.map { claim in
            runs.filter { claim.holds(WeakToStrongDemo.json($0)) == true }.count
        }
        #expect(tallies == [counts.studentBeatsWeak, counts.confidenceBeatsNaive, counts.earlyStoppingBeatsNaive])
    }

    /// curveStory says early stopping "recovers only part of the drop" only where it stays below
    /// naive training's peak, and "the peak itself" where it keeps the peak epoch: each sentence
    /// true on every seed it is printed on (over seeds 1–20: 17 and 1, seed 3 keeping the peak).
    @Test func earlyStoppingSentencesAreTrueWhereverTheyArePrinted() {
        var partial: [UInt64] = []
        var atPeak: [UInt64] = []
        for r in WeakToStrongFindingsTests.runs {
            let curve = r.curve!
            let stopped = curve.naive[curve.earlyStoppingEpoch - 1]
            let story = WeakToStrongDemo.curveStory(curve)
            if story.contains("recovers only part of the drop") {
                partial.append(r.seed)
                #expect(stopped > curve.naive.last! && stopped < curve.naive.max()!, "seed \(r.seed)")
            }
            if story.contains("the peak itself") {
                atPeak.append(r.seed)
                #expect(stopped == curve.naive.max()! && stopped > curve.naive.last!, "seed \(r.seed)")
            }
        }
        #expect(partial.count + atPeak.count == WeakToStrongDemo.seedCounts.earlyStoppingBeatsNaive)
        #expect(atPeak == [3], "early stopping keeps the peak on seeds \(atPeak)")
    }

    /// sweepStory: "No student gains more than it misfits" (a student gains only on examples where
    /// it disagrees with the weak model), for every student of every seed's sweep and default run.
    @Test func noStudentGainsMoreThanItMisfits() {
        for r in WeakToStrongFindingsTests.runs {
            let students = r.methods + r.sweep!.flatMap { [$0.naive, $0.confidence] }
            #expect(students.allSatisfy { $0.gain <= $0.misfit + 1e-12 }, "seed \(r.seed)")
        }
    }

    /// sweepStory: "Misfit and gain ... move together" (with r printed beside it) over each seed's
    /// 24 students: positively correlated on every seed, though the per-seed r spreads from about
    /// 0.3 to 0.8 and reaches finding 6's pooled bar (0.5) on 11 of the 20.
    @Test func misfitAndGainMoveTogetherOnEachSeedsSweep() {
        let correlations = WeakToStrongFindingsTests.runs.map {
            WeakToStrongDemo.misfitFit($0.sweep!).correlation ?? 0
        }
        #expect(correlations.allSatisfy { $0 > 0 }, "\(correlations)")
        #expect(correlations.filter { $0 >= 0.5 }.count == 11, "\(correlations)")
    }

    /// Lesson 6's counts over seeds 1–20: the bootstrapping chain beats direct training on all 20,
    /// early stopping ends below naive training on none, and the confidence loss's median PGR beats
    /// naive training's for every pair of sizes.
    @Test func lessonSixCountsOverSeeds() {
        let runs = WeakToStrongFindingsTests.runs
        let chainWins = runs.filter { $0.bootstrap!.chainAccuracy > $0.bootstrap!.directAccuracy }.count
        #expect(chainWins == 20, "\(chainWins) of 20")
        let stoppedBelow = runs.filter { $0.method("early-stopped")!.accuracy < $0.method("naive")!.accuracy }.count
        #expect(stoppedBelow == 0, "\(stoppedBelow) of 20")
        for w in 1...3 {
            for s in 1...4 {
                let naive = WeakToStrongFindingsTests.medianPGR(runs, w, s) { $0.naive.pgr }
                let confidence = WeakToStrongFindingsTests.medianPGR(runs, w, s) { $0.confidence.pgr }
                #expect(confidence > naive, "W\(w)→S\(s): confidence \(confidence), naive \(naive)")
            }
        }
    }

    /// Lesson 6's median gain of early stopping over naive training, in points (its other medians
    /// over seeds are live numbers, which CourseLiveNumbersTests checks through `tandem lint`).
    @Test func lessonSixEarlyStoppingMedianGain() {
        let runs = WeakToStrongFindingsTests.runs
        let stopping = median(runs.map { $0.method("early-stopped")!.accuracy - $0.method("naive")!.accuracy })!
        #expect(Format.fixed(stopping * 100, 1) == "1.7")
    }

    @Test func jsonCarriesTheIssuesKeysAndNullForUndefined() throws {
        let r = WeakToStrongFindingsTests.runs[0]
        let object = try Self.parse(WeakToStrongDemo.json(r))
        for key in ["weak_accuracy", "ceiling_accuracy", "classes", "methods", "curve", "sweep", "bootstrap"] {
            #expect(object[key] != nil, "\(key)")
        }
        let methods = try #require(object["methods"] as? [[String: Any]])
        #expect(methods.map { $0["name"] as? String } == ["naive", "hard", "confidence", "early-stopped"])
        for m in methods { #expect(m["accuracy"] is Double && m["pgr"] is Double && m["misfit"] is Double) }
        let curve = try #require(object["curve"] as? [String: Any])
        #expect((curve["naive"] as? [Double])?.count == 20 && (curve["confidence"] as? [Double])?.count == 20)
        #expect(curve["early_stopping_epoch"] is Int)
        let sweep = try #require(object["sweep"] as? [[String: Any]])
        #expect(sweep.count == 12)
        #expect(sweep.map { $0["weak_size"] as? Int } == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
        #expect(sweep.map { $0["strong_size"] as? Int } == [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4])
        for key in [
            "weak_accuracy", "ceiling_accuracy", "naive_accuracy", "naive_pgr", "confidence_accuracy", "confidence_pgr",
        ] {
            #expect(sweep.allSatisfy { $0[key] is Double }, "\(key)")
        }
        let bootstrap = try #require(object["bootstrap"] as? [String: Any])
        #expect(bootstrap["direct_pgr"] is Double && bootstrap["chain_pgr"] is Double)
        let chain = try #require(bootstrap["chain"] as? [[String: Any]])
        #expect(
            chain.map { $0["strong_size"] as? Int } == [1, 2, 3, 4] && chain.allSatisfy { $0["accuracy"] is Double })

        // No gap: PGR is null, never NaN.
        var flat = r
        flat.ceilingAccuracy = flat.weakAccuracy
        flat.methods = flat.methods.map {
            var m = $0
            m.pgr = StandardSteps.performanceGapRecovered(flat.weakAccuracy, m.accuracy, flat.ceilingAccuracy)
            return m
        }
        let text = WeakToStrongDemo.json(flat).serialized()
        #expect(text.contains("\"pgr\":null") && !text.lowercased().contains("nan"))
        #expect(WeakToStrongDemo.headline(flat).hasPrefix("No gap to recover"))
    }

    @Test func reportWordsFollowTheNumbers() {
        let r = WeakToStrongFindingsTests.runs[Int(WeakToStrongDemo.defaultSeed) - 1]
        let report = WeakToStrongDemo.report(r, settings: TerminalSettings(width: 80))
        let naive = r.method("naive")!
        #expect(report.contains(Format.percent(naive.accuracy)) && report.contains(Format.percent(naive.misfit)))
        #expect(report.contains("beats its supervisor"))
        // Misfit beside gain for each method, and in the sweep for both methods.
        #expect(report.contains("misfit") && report.contains("gain"))
        // Each hop of the chain is shown.
        for hop in r.bootstrap!.chain { #expect(report.contains(Format.percent(hop.accuracy))) }

        let overfit = WeakToStrongDemo.Curve(
            naive: [0.9, 0.88, 0.85], confidence: [0.9, 0.92, 0.93], weakAgreement: [0.8, 0.82, 0.81],
            earlyStoppingEpoch: 2)
        let story = WeakToStrongDemo.curveStory(overfit)
        #expect(story.contains("peaks at 90.0% (epoch 1) and ends lower, at 85.0%"))
        #expect(story.contains("keeps epoch 2") && story.contains("88.0%, above the end"))
        #expect(story.contains("above naive training"))
        let steady = WeakToStrongDemo.Curve(
            naive: [0.7, 0.8], confidence: [0.7, 0.75], weakAgreement: [0.8, 0.9], earlyStoppingEpoch: 2)
        #expect(WeakToStrongDemo.curveStory(steady).contains("ends at its peak, 80.0%"))
        #expect(WeakToStrongDemo.curveStory(steady).contains("below naive training"))
    }

    @Test func sweepStoryNamesCellsWhereTheConfidenceLossHurts() {
        var sweep = WeakToStrongFindingsTests.runs[0].sweep!
        sweep[0].confidence.pgr = (sweep[0].naive.pgr ?? 0) - 0.1
        let story = WeakToStrongDemo.sweepStory(sweep)
        #expect(story.contains("lowers it in W1→S1"))
    }

    @Test func confidenceTrainingEqualsTheEnginesLossBitForBit() {
        var rng = SplitMix64(seed: 3)
        let inputs = Matrix.random(rows: 70, cols: 5, std: 1, rng: &rng)
        let weak = Matrix.random(rows: 70, cols: 2, std: 1, rng: &rng).softmaxRows()
        var setting = WeakToStrongDemo.Setting()
        setting.epochs = 4
        var modelRNG = SplitMix64(seed: 9)
        let ours = LogisticRegression(inputs: 5, classes: 2, rng: &modelRNG)
        let theirs = ours.copy()
        var a = SplitMix64(seed: 4)
        var b = SplitMix64(seed: 4)
        WeakToStrongDemo.trainHead(
            ours, inputs: inputs, targets: weak, setting: setting, confidence: DemoHooks.standard.confidenceTarget,
            rng: &a)
        let config = TrainingConfig(
            epochs: 4, batchSize: 32, optimizer: .sgd(learningRate: setting.learningRate),
            loss: .auxiliaryConfidence(alphaMax: setting.alphaMax, warmupFraction: setting.warmupFraction))
        train(theirs, inputs: inputs, targets: .soft(weak), config: config, rng: &b)
        #expect(ours.parameters == theirs.parameters)
    }

    /// A pair runs the same in the default run, the sweep and the chain's direct student.
    @Test func aPairGivesTheSameNumbersEverywhere() {
        let r = WeakToStrongFindingsTests.runs[2]
        let cell = WeakToStrongFindingsTests.cell(r, 1, 4)
        #expect(cell.naive == r.method("naive")! && cell.confidence == r.method("confidence")!)
        #expect(cell.weakAccuracy == r.weakAccuracy && cell.ceilingAccuracy == r.ceilingAccuracy)
    }
}

@Suite struct WeakToStrongClassesTests {
    /// Every class count the CLI accepts runs and gives sane numbers: the ceiling beats the weak
    /// model, which beats chance, and the naive student beats its supervisor.
    @Test(arguments: [3, 10])
    func everyClassCountRuns(classes: Int) {
        var options = WeakToStrongDemo.Options()
        options.classes = classes
        let r = WeakToStrongDemo.run(options)
        #expect(r.classes == classes)
        #expect(r.weakAccuracy > 1 / Double(classes) && r.ceilingAccuracy > r.weakAccuracy)
        #expect(r.method("naive")!.accuracy > r.weakAccuracy)
        #expect(r.methods.allSatisfy { (0...1).contains($0.accuracy) && (0...1).contains($0.misfit) })
    }
}
