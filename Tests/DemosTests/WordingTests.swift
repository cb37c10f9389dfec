import Terminal
import Testing

@testable import DemoReports
@testable import Demos

/// Sentences that depend on the numbers say what the numbers say.
@Suite struct WordingTests {
    @Test func errorSharingFollowsTheCorrelation() {
        #expect(EnsembleDemo.sharing(0.64) == "they share most mistakes")
        #expect(EnsembleDemo.sharing(0.39) == "they share many mistakes")
        #expect(EnsembleDemo.sharing(0.12) == "they mostly make different mistakes")
        var options = EnsembleDemo.Options()
        options.diversity = .high
        let high = EnsembleDemo.run(options, seed: 1)
        let report = EnsembleDemo.report(high, settings: TerminalSettings(width: 200, color: false))
        #expect(report.contains(EnsembleDemo.sharing(high.errorCorrelation)))
        #expect(high.errorCorrelation >= 0.5 || !report.contains("share most mistakes"))
    }

    /// One member has no pair to correlate: the report must not print a correlation of 0 and
    /// call the members different.
    @Test func aSingleMemberHasNoErrorCorrelationToReport() {
        var options = EnsembleDemo.Options()
        options.members = 1
        let result = EnsembleDemo.run(options, seed: 1)
        let report = EnsembleDemo.report(result, settings: TerminalSettings(width: 400, color: false))
        #expect(report.contains("The 1 member\n") && !report.contains("1 members"))
        #expect(!report.contains("correlate at") && !report.contains("(0.00)"))
        #expect(!report.contains(EnsembleDemo.sharing(result.errorCorrelation)))
        #expect(report.contains("A single member: no pair whose errors could correlate."))
    }

    @Test func ensembleHeadlineComparesAsPrinted() throws {
        // A tie as printed (to 0.1%) is "match their best member", not "not the best": the
        // ensemble's accuracy nudged below the best member's by less than the printed precision.
        var result = EnsembleDemo.run(seed: 1)
        let printed = (result.bestMember * 1000).rounded() / 1000
        result.ensemble.accuracy = printed == result.bestMember ? printed - 0.00004 : printed
        #expect(result.ensemble.accuracy != result.bestMember)
        let headline = EnsembleDemo.headline(result)
        #expect(Format.percent(result.ensemble.accuracy) == Format.percent(result.bestMember))
        #expect(headline.contains("match their best member"))
        result.ensemble.accuracy = result.bestMember - 0.002
        #expect(EnsembleDemo.headline(result).contains("beat the average member but not the best"))
    }

    @Test func speculativeGapSaysWhetherLargerBlocksDriftFurther() {
        let result = SpeculativeDemo.run(seed: 1)
        let small = result.points.filter { $0.gamma <= 4 }.map { abs($0.relativeGap) }.max() ?? 0
        let large = result.points.filter { $0.gamma > 4 }.map { abs($0.relativeGap) }.max() ?? 0
        let story = SpeculativeDemo.gapStory(result)
        #expect(story.contains(large > small ? "the gap grows" : "no larger here"))
        #expect(story.contains("correlated along a block"))
    }

    /// --target-accuracy picks τ on validation data and reports that τ on test; a target above
    /// even the large model's accuracy is not answered with "pay for the large model".
    @Test func targetAccuracyIsChosenOnValidationAndReportedOnTest() throws {
        var options = CascadeDemo.Options()
        options.targetAccuracy = 0.95
        let r = CascadeDemo.run(options, seed: 1)
        let choice = try #require(r.target)
        let threshold = try #require(choice.threshold)
        #expect(try #require(choice.validationAccuracy) >= 0.95)
        // The reported point is the test set's point at the chosen τ.
        #expect(choice.test == r.points.first { $0.threshold == threshold })

        var unreachable = r
        unreachable.target = CascadeDemo.TargetChoice(target: 0.99)
        #expect(unreachable.large.accuracy < 0.99)
        let report = CascadeDemo.report(unreachable, settings: TerminalSettings(width: 400, color: false))
        #expect(!report.contains("pay for the large model"), "the large model does not reach 99% either")
        #expect(report.contains("neither does the large model alone"))
        #expect(CascadeDemo.headline(unreachable).hasSuffix("below the target too."))
        var reachableByLarge = unreachable
        reachableByLarge.target = CascadeDemo.TargetChoice(target: r.large.accuracy - 0.001)
        #expect(
            CascadeDemo.report(reachableByLarge, settings: TerminalSettings(width: 400, color: false)).contains(
                "pay for the large model"))
    }

    @Test func routerVerdictCountsWinsAndLosses() {
        let mixed = [
            CascadeDemo.ScorerComparison(deferralRate: 0.25, maxprobAccuracy: 0.932, learnedAccuracy: 0.927),
            CascadeDemo.ScorerComparison(deferralRate: 0.35, maxprobAccuracy: 0.961, learnedAccuracy: 0.969),
        ]
        #expect(CascadeDemo.scorerVerdict(mixed).hasPrefix("Mixed: the learned scorer wins at 1 of 2 budgets"))
        #expect(CascadeDemo.scorerVerdict([mixed[1]]).hasPrefix("The learned scorer wins at every budget"))
        #expect(CascadeDemo.scorerVerdict([mixed[0]]).hasPrefix("Max-probability wins at every budget"))
    }

    @Test func narrowTablesDropSecondaryColumnsBeforeCuttingLabels() {
        let report = Report(settings: TerminalSettings(width: 30, color: false))
        var table = Table(["row", "main", "extra wide column"])
        table.dropOrder = [2]
        table.add(["medium→large", "97.0%", "3,216 multiply-adds"])
        let lines = table.render(report)
        #expect(lines[2] == "medium→large  97.0%")
        #expect(table.keptColumns(Report(settings: TerminalSettings(width: 80, color: false))) == [0, 1, 2])

        var named = Table(["message kind", "messages", "kept but wrong"])
        named.shortHeaders = ["kind", "count", "wrong"]
        named.add(["paraphrase", "156", "0"])
        let wide = Report(settings: TerminalSettings(width: 60, color: false))
        let narrow = Report(settings: TerminalSettings(width: 24, color: false))
        #expect(named.render(wide)[0] == "message kind  messages  kept but wrong")
        #expect(!named.usesShortHeaders(wide) && named.usesShortHeaders(narrow))
        #expect(named.render(narrow)[0] == "kind        count  wrong")
    }

    /// The lessons read the demos at width 58–60 and students use 40: no row label, bar label or
    /// section title is cut there.
    @Test(arguments: [58, 40])
    func lessonCommandsKeepTheirLabelsWhole(width: Int) {
        let settings = TerminalSettings(width: width, color: false)
        var cascade = CascadeDemo.Options()
        cascade.tiers = 3
        var w2s = WeakToStrongDemo.Options()
        w2s.sweep = true
        let reports = [
            CascadeDemo.report(CascadeDemo.run(cascade, seed: 1), settings: settings),
            EnsembleDemo.report(EnsembleDemo.run(seed: 1), settings: settings),
            WeakToStrongDemo.report(WeakToStrongDemo.run(w2s, seed: 1), settings: settings),
            FilterDemo.report(FilterDemo.run(seed: 1), settings: settings),
            DistillDemo.report(DistillDemo.run(seed: 1), settings: settings),
            SaltDemo.report(SaltDemo.run(seed: 1), settings: settings),
        ]
        for report in reports {
            // The only ellipsis left is the one quoted in prose ("not about my …").
            let cut = report.split(separator: "\n").filter { $0.hasSuffix("…") }
            #expect(cut.isEmpty, "cut at width \(width): \(cut)")
            #expect(report.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width })
        }
    }
}
