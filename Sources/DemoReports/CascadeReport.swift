import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal
import ToyEngine

extension CascadeDemo {
    public static func headline(_ r: Result) -> String {
        if let focus = r.focus {
            let p = focus.point
            return "At τ = \(Format.fixed(p.threshold)) the cascade answers \(Format.percent(p.accuracy)) correctly at "
                + "\(Format.wholePercent(p.cost / r.large.cost)) of the large model's cost, deferring \(Format.wholePercent(p.deferralRate)) "
                + "of queries (large alone: \(Format.percent(r.large.accuracy)))."
        }
        if let target = r.target {
            guard let test = target.test, let threshold = target.threshold else {
                return
                    "No threshold reaches \(Format.percent(target.target)) on validation data; the large model alone scores \(Format.percent(r.large.accuracy))"
                    + (target.target > r.large.accuracy ? ", below the target too." : ".")
            }
            return
                "To reach \(Format.percent(target.target)), validation data picks τ = \(Format.fixed(threshold)): on test it scores "
                + "\(Format.percent(test.accuracy)) at \(Format.wholePercent(test.cost / r.large.cost)) of the large model's cost."
        }
        if let m = r.matching {
            return
                "The cascade matches the large model within 1 point (\(Format.percent(m.accuracy)) vs \(Format.percent(r.large.accuracy))) "
                + "at \(Format.wholePercent(m.cost / r.large.cost)) of its cost, deferring \(Format.wholePercent(m.deferralRate)) of queries."
        }
        let best = r.points.max { $0.accuracy < $1.accuracy }
        return
            "No threshold comes within 1 point of the large model (\(Format.percent(r.large.accuracy))); the best reaches "
            + "\(Format.percent(best?.accuracy ?? 0)) at \(Format.wholePercent((best?.cost ?? 0) / r.large.cost)) of its cost."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        let scorerName =
            [
                "maxprob": "its highest class probability", "margin": "the gap between its top two probabilities",
                "learned": "a learned scorer's estimate that its answer is right",
            ][r.scorer.rawValue] ?? r.scorer.rawValue
        out.paragraph(
            "A small keyword model (\(Format.count(r.small.cost)) multiply-adds) answers a support message when "
                + "\(scorerName) is at least τ; otherwise a larger model reading word pairs and letter trigrams "
                + (r.tiers >= 3
                    ? "takes over: first a medium model, then, if the medium model is unsure too, the large one. "
                    : "takes over (\(Format.count(r.large.cost)) multiply-adds). ")
                + "Cost per query = small + deferral rate × large: the small model is always paid for.")

        if let focus = r.focus {
            out.section("At τ = \(Format.fixed(focus.point.threshold)): what was deferred and why")
            var table = Table(["message kind", "messages", "deferred", "kept but wrong"])
            table.shortHeaders = ["kind", "count", "deferred", "wrong"]
            for k in focus.kinds {
                table.add([
                    k.kind.rawValue, "\(k.count)",
                    "\(k.deferred) (\(Format.wholePercent(k.count > 0 ? Double(k.deferred) / Double(k.count) : 0)))",
                    "\(k.keptWrong)",
                ])
            }
            out.block(table.render(out))
            out.note(
                table.usesShortHeaders(out)
                    ? "Count: test messages of that kind. Wrong: kept but wrong, answered by the small model and wrongly."
                    : "Kept but wrong: answered by the small model, and wrongly.")
            out.blank()
            out.paragraph("Deferred (the small model was unsure):")
            for e in focus.deferredExamples {
                out.paragraph(
                    "\"\(e.text)\" — score \(Format.fixed(e.score)), small guess \(e.smallGuess), truth \(e.truth)",
                    indent: "  ")
            }
            if !focus.confidentMistakes.isEmpty {
                out.paragraph(
                    "Kept but wrong (scored at least τ, so never deferred: only a higher τ would catch them):")
                for e in focus.confidentMistakes {
                    out.paragraph(
                        "\"\(e.text)\" — score \(Format.fixed(e.score)), small guess \(e.smallGuess), truth \(e.truth)",
                        indent: "  ")
                }
            }
        }

        if let target = r.target {
            out.section("Target accuracy \(Format.percent(target.target))")
            if let threshold = target.threshold, let test = target.test {
                out.paragraph(
                    "Cheapest τ reaching the target on validation data: \(Format.fixed(threshold)) "
                        + "(validation \(Format.percent(target.validationAccuracy ?? .nan))). On test: \(Format.percent(test.accuracy)), "
                        + "cost \(Format.count(test.cost)) (\(Format.wholePercent(test.cost / r.large.cost)) of large), deferring \(Format.wholePercent(test.deferralRate)). "
                        + (test.accuracy < target.target
                            ? "Test falls \(Format.fixed((target.target - test.accuracy) * 100, 1)) points short: a threshold chosen on one sample is noisy on another."
                            : "The choice holds on test."))
            } else {
                // Paying for the large model only helps when the large model itself reaches the target.
                out.paragraph(
                    target.target > r.large.accuracy
                        ? "No threshold reaches it on validation data, and neither does the large model alone (\(Format.percent(r.large.accuracy)) on test): ask for less."
                        : "No threshold reaches it on validation data: ask for less, or pay for the large model.")
            }
        }

        out.section("Accuracy and cost by threshold (test set, \(r.scorer.rawValue) scorer)")
        var table = Table(["τ", "accuracy", "cost", "of large", "deferred", "random deferral", "oracle"])
        table.shortHeaders = ["τ", "accuracy", "cost", "of large", "deferred", "random", "oracle"]
        table.dropOrder = [2, 5, 6]
        table.add([
            "small", Format.percent(r.small.accuracy), Format.count(r.small.cost),
            Format.wholePercent(r.small.cost / r.large.cost), "0%", "", "",
        ])
        var lastRate = -1.0
        for p in r.points where p.deferralRate != lastRate && p.deferralRate > 0 {
            lastRate = p.deferralRate
            table.add(
                [
                    Format.fixed(p.threshold), Format.percent(p.accuracy), Format.count(p.cost),
                    Format.wholePercent(p.cost / r.large.cost),
                    Format.wholePercent(p.deferralRate), Format.percent(p.randomDeferralAccuracy),
                    Format.percent(p.oracleAccuracy),
                ],
                highlight: p == r.matching)
        }
        if let medium = r.medium {
            table.add([
                "medium", Format.percent(medium.accuracy), Format.count(medium.cost),
                Format.wholePercent(medium.cost / r.large.cost), "", "", "",
            ])
        }
        if r.tiers >= 3 {
            table.add([
                "med→large", Format.percent(r.deferredAccuracy), Format.count(r.deferredCost),
                Format.wholePercent(r.deferredCost / r.large.cost), "", "", "",
            ])
        }
        table.add(["large", Format.percent(r.large.accuracy), Format.count(r.large.cost), "100%", "", "", ""])
        table.add([
            "oracle", Format.percent(r.oracle.accuracy), Format.count(r.oracle.cost),
            Format.wholePercent(r.oracle.cost / r.large.cost),
            Format.wholePercent(r.oracle.deferralRate), Format.percent(r.oracle.randomDeferralAccuracy),
            Format.percent(r.oracle.accuracy),
        ])
        out.block(table.render(out))
        out.blank()
        let shown = table.keptColumns(out)
        out.note(
            "Small, large" + (r.tiers >= 3 ? ", medium" : "") + ": one model alone"
                + (r.tiers >= 3 ? "; med→large: the medium model's deferrals sent on to the large one" : "")
                + ". Oracle row: defer exactly the small model's mistakes."
                + (shown.contains(2) ? " Cost: multiply-adds per query;" : "")
                + " of large: cost as a share of the large model's."
                + (shown.contains(5)
                    ? " Random deferral\(table.usesShortHeaders(out) ? " (random)" : ""): accuracy when the same share of queries is deferred by coin."
                    : "")
                + (shown.contains(6)
                    ? " Oracle column: the oracle deferring the same share (so at the same cost), mistakes first." : "")
        )
        if let m = r.matching {
            out.blank()
            out.paragraph(
                "At the highlighted point the cascade defers \(Format.wholePercent(m.deferralRate)) and scores \(Format.percent(m.accuracy)); "
                    + "random deferral at that budget scores \(Format.percent(m.randomDeferralAccuracy)), and the oracle \(Format.percent(m.oracleAccuracy))."
            )
        }

        out.section("Accuracy against cost")
        var plot = accuracyAgainstCost(
            costShares: r.points.map { $0.cost / r.large.cost } + [r.oracle.cost / r.large.cost, 1],
            accuracies: r.points.map(\.accuracy) + [r.small.accuracy, r.large.accuracy, r.oracle.accuracy])
        let sorted = r.points.sorted { $0.cost < $1.cost }
        plot.series.append(
            .init(
                name: "random deferral",
                points: [(r.small.cost / r.large.cost, r.small.accuracy), (1, r.large.accuracy)],
                marker: nil, style: .dim, asciiGlyph: ".", dash: .dotted))
        plot.series.append(
            .init(
                name: "cascade (\(r.scorer.rawValue))", points: sorted.map { ($0.cost / r.large.cost, $0.accuracy) },
                marker: nil, style: .cyan, asciiGlyph: "*"))
        plot.series.append(
            .init(name: "small", points: [(r.small.cost / r.large.cost, r.small.accuracy)], marker: "S", style: .yellow)
        )
        plot.series.append(.init(name: "large", points: [(1, r.large.accuracy)], marker: "L", style: .green))
        plot.series.append(
            .init(
                name: "oracle", points: [(r.oracle.cost / r.large.cost, r.oracle.accuracy)], marker: "O",
                style: .magenta))
        out.block(plot.render(out))
        out.blank()

        out.section("Is the score a good ranking?")
        out.paragraph(rankingStory(r))
        var risk = Table(["coverage", "risk"])
        for p in r.riskCoverage { risk.add([Format.wholePercent(p.coverage), Format.percent(p.risk)]) }
        out.block(risk.render(out))
        out.note(
            "Coverage: the share of queries the small model answers, those it scores highest; risk: the share of those it gets wrong."
        )
        out.blank()
        out.paragraph(temperatureStory(r.temperature))

        out.section("Learned scorer vs max-probability at equal cost")
        var comparison = Table(["deferred", "max-probability", "learned scorer", "difference"])
        comparison.shortHeaders = ["deferred", "max-prob", "learned", "gain"]
        for c in r.comparison {
            comparison.add([
                Format.wholePercent(c.deferralRate), Format.percent(c.maxprobAccuracy),
                Format.percent(c.learnedAccuracy),
                Format.points(c.learnedAccuracy - c.maxprobAccuracy),
            ])
        }
        out.block(comparison.render(out))
        if comparison.usesShortHeaders(out) {
            out.note(
                "Max-prob: defer by the small model's highest class probability; learned: by the learned scorer; gain: learned minus max-prob."
            )
        }
        out.blank()
        out.paragraph(scorerVerdict(r.comparison))
        return out.text
    }

    /// An empty accuracy-against-cost plot framing these points (cost as a share of the large
    /// model's on x, from 0; accuracy on y, in steps of 2 points): the cascade's and the router's.
    static func accuracyAgainstCost(costShares: [Double], accuracies: [Double]) -> LinePlot {
        let yLow = floor(((accuracies.min() ?? 0) - 0.01) * 50) / 50
        let yHigh = min(1, ceil(((accuracies.max() ?? 1) + 0.005) * 50) / 50)
        return LinePlot(
            series: [], xRange: 0...max(1, costShares.max() ?? 1), yRange: yLow...yHigh, height: 10,
            xLabel: "cost, share of the large model's", formatX: { Format.wholePercent($0) },
            formatY: { Format.wholePercent($0) })
    }

    /// The score's AUROC and the risk it leaves at full and reduced coverage, in words.
    static func rankingStory(_ r: Result) -> String {
        let auroc = r.auroc.map { Format.fixed($0, 3) } ?? "undefined (the small model is never or always wrong)"
        var text =
            "A threshold is chosen on held-out data, so what matters is how well the score (\(r.scorer.rawValue)) ranks the small "
            + "model's right answers above its wrong ones: its AUROC is \(auroc) (0.5: no better than a coin; 1: every right "
            + "answer above every wrong one)."
        if let full = r.riskCoverage.last, let most = r.riskCoverage.first(where: { abs($0.coverage - 0.7) < 0.001 }) {
            text +=
                " Answering everything, the small model is wrong on \(Format.percent(full.risk)); answering only the 70% it is surest of, on \(Format.percent(most.risk))."
        }
        return text
    }

    /// What temperature scaling did to the max-probability deferral set, from the numbers.
    static func temperatureStory(_ t: TemperatureEffect) -> String {
        let same =
            t.changed == 0
            ? "the same \(t.deferred) queries"
            : "\(t.deferred - t.changed) of the same \(t.deferred) queries (overlap \(Format.percent(t.overlap))): \(t.changed) changed sides"
        return
            "Temperature scaling (T = \(Format.fixed(t.temperature, 2)), fitted on validation data) makes the probabilities honest but keeps "
            + "each answer; a cascade deferring \(Format.wholePercent(t.deferralRate)) of queries then defers \(same), and scores "
            + (Format.percent(t.accuracyAfter) == Format.percent(t.accuracyBefore)
                ? "the same \(Format.percent(t.accuracyAfter))"
                : "\(Format.percent(t.accuracyAfter)) instead of \(Format.percent(t.accuracyBefore))")
            + ". With two classes it could not move a single "
            + "query: the top probability is then a monotone function of the logit gap. With six, T reorders only queries whose "
            + "other probabilities differ in shape."
    }

    /// Which scorer wins at equal cost, from the numbers: a clean sweep, or a mixed result.
    static func scorerVerdict(_ comparison: [ScorerComparison]) -> String {
        let gains = comparison.map { $0.learnedAccuracy - $0.maxprobAccuracy }
        let wins = gains.filter { $0 > 0 }.count
        let losses = gains.filter { $0 < 0 }.count
        let why =
            "The learned scorer sees the keyword features too, so it can learn that messages with two intents' keywords (\"not about my …\") "
            + "are risky even when the small model sounds sure; but, trained on a few hundred validation messages, it adds noise of its own."
        if wins > 0 && losses == 0 {
            return
                "The learned scorer wins at every budget, by up to \(Format.fixed((gains.max() ?? 0) * 100, 1)) points. "
                + why
        }
        if losses > 0 && wins == 0 {
            return
                "Max-probability wins at every budget, by up to \(Format.fixed(-(gains.min() ?? 0) * 100, 1)) points. "
                + why
        }
        if wins == 0 && losses == 0 { return "The two scorers tie at these budgets. " + why }
        return
            "Mixed: the learned scorer wins at \(wins) of \(gains.count) budgets (by up to \(Format.fixed((gains.max() ?? 0) * 100, 1)) points) "
            + "and loses at \(losses) (by up to \(Format.fixed(-(gains.min() ?? 0) * 100, 1))). " + why
    }

    static func focusJSON(_ f: Focus) -> JSONValue {
        let kinds: [JSONValue] = f.kinds.map { k in
            .object([
                ("kind", .string(k.kind.rawValue)), ("count", .integer(k.count)), ("deferred", .integer(k.deferred)),
                ("kept_wrong", .integer(k.keptWrong)),
            ])
        }
        return .object([
            ("point", pointJSON(f.point)), ("kinds", .array(kinds)),
            ("deferred_examples", .array(f.deferredExamples.map(exampleJSON))),
            ("confident_mistakes", .array(f.confidentMistakes.map(exampleJSON))),
        ])
    }

    static func exampleJSON(_ e: Example) -> JSONValue {
        .object([
            ("text", .string(e.text)), ("score", .number(e.score)), ("small_guess", .string(e.smallGuess)),
            ("truth", .string(e.truth)),
        ])
    }

    static func pointJSON(_ p: Point) -> JSONValue {
        .object([
            ("threshold", .number(p.threshold)), ("accuracy", .number(p.accuracy)), ("cost", .number(p.cost)),
            ("deferral_rate", .number(p.deferralRate)),
        ])
    }

    public static func json(_ r: Result) -> JSONValue {
        let medium: JSONValue = r.medium?.json ?? .null
        return .object([
            ("demo", .string("cascade")), ("seed", .unsigned(r.seed)),
            ("scorer", .string(r.scorer.rawValue)), ("tiers", .integer(r.tiers)),
            ("small", r.small.json), ("medium", medium), ("large", r.large.json),
            (
                "points",
                .array(
                    r.points.map { p in
                        .object([
                            ("threshold", .number(p.threshold)), ("accuracy", .number(p.accuracy)),
                            ("cost", .number(p.cost)),
                            ("deferral_rate", .number(p.deferralRate)),
                            ("random_deferral_accuracy", .number(p.randomDeferralAccuracy)),
                            ("oracle_accuracy", .number(p.oracleAccuracy)),
                        ])
                    })
            ),
            (
                "oracle",
                .object([
                    ("accuracy", .number(r.oracle.accuracy)), ("cost", .number(r.oracle.cost)),
                    ("deferral_rate", .number(r.oracle.deferralRate)),
                ])
            ),
            ("matching", r.matching.map(pointJSON) ?? .null),
            ("focus", r.focus.map(focusJSON) ?? .null),
            (
                "target",
                r.target.map { t in
                    .object([
                        ("accuracy", .number(t.target)), ("threshold", t.threshold.map { .number($0) } ?? .null),
                        ("validation_accuracy", t.validationAccuracy.map { .number($0) } ?? .null),
                        ("test", t.test.map(pointJSON) ?? .null),
                    ])
                } ?? .null
            ),
            ("auroc", r.auroc.map { .number($0) } ?? .null),
            (
                "risk_coverage",
                .array(
                    r.riskCoverage.map { .object([("coverage", .number($0.coverage)), ("risk", .number($0.risk))]) })
            ),
            (
                "temperature",
                .object([
                    ("value", .number(r.temperature.temperature)),
                    ("deferral_rate", .number(r.temperature.deferralRate)),
                    ("overlap", .number(r.temperature.overlap)), ("changed", .integer(r.temperature.changed)),
                    ("accuracy_before", .number(r.temperature.accuracyBefore)),
                    ("accuracy_after", .number(r.temperature.accuracyAfter)),
                    ("auroc_before", r.temperature.aurocBefore.map { .number($0) } ?? .null),
                    ("auroc_after", r.temperature.aurocAfter.map { .number($0) } ?? .null),
                ])
            ),
            (
                "scorer_comparison",
                .array(
                    r.comparison.map { c in
                        .object([
                            ("deferral_rate", .number(c.deferralRate)), ("maxprob", .number(c.maxprobAccuracy)),
                            ("learned", .number(c.learnedAccuracy)),
                        ])
                    })
            ),
        ])
    }
}

extension CascadeDemo: ReportedDemo {
    public static let claims: [DemoClaim] = [
        DemoClaim("The cascade comes within 1 point of the large model at no more than 60% of its cost") { json in
            guard let large = json["large"]?["cost"]?.double else { return nil }
            guard let cost = json["matching"]?["cost"]?.double else { return false }
            return cost <= 0.6 * large
        },
        DemoClaim("Every threshold that defers some but not all queries beats random deferral at the same cost") {
            json in
            let points = json["points"]?.items ?? []
            let inner = points.filter { p in
                guard let rate = p["deferral_rate"]?.double else { return false }
                return rate > 0 && rate < 1
            }
            guard !inner.isEmpty else { return nil }
            return inner.allSatisfy { p in
                (p["accuracy"]?.double ?? 0) > (p["random_deferral_accuracy"]?.double ?? 1)
            }
        },
        DemoClaim(
            "The max-probability score ranks the small model's right answers above its wrong ones with AUROC above 0.8"
        ) {
            json in
            json["auroc"]?.double.map { $0 > 0.8 }
        },
        DemoClaim("Temperature scaling keeps at least 90% of the queries a 25% deferral rate sends on") { json in
            json["temperature"]?["overlap"]?.double.map { $0 >= 0.9 }
        },
    ]

    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("small.accuracy", "small model accuracy", true), ("large.accuracy", "large model accuracy", true),
        ("matching.accuracy", "cascade within 1 point of large: accuracy", true),
        ("matching.deferral_rate", "  its deferral rate", true), ("oracle.accuracy", "oracle accuracy", true),
        ("auroc", "AUROC of the deferral score", false), ("temperature.value", "fitted temperature", false),
        ("temperature.overlap", "deferral-set overlap after scaling", true),
    ]

    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"cascade\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("scorer", meaning: "the deferral score: maxprob, margin or learned"),
        JSONKeyDoc("tiers", meaning: "2 or 3"),
        JSONKeyDoc("small", meaning: "{accuracy, cost}: the small model alone (cost in multiply-adds per query)"),
        JSONKeyDoc("medium", meaning: "{accuracy, cost} of the medium model with three tiers, else null"),
        JSONKeyDoc("large", meaning: "{accuracy, cost}: the large model alone"),
        JSONKeyDoc("points[]", meaning: "one entry per threshold τ swept (test set)"),
        JSONKeyDoc("points[].threshold", meaning: "τ"),
        JSONKeyDoc("points[].accuracy", meaning: "cascade accuracy"),
        JSONKeyDoc("points[].cost", meaning: "expected multiply-adds per query"),
        JSONKeyDoc("points[].deferral_rate", meaning: "share of queries deferred"),
        JSONKeyDoc(
            "points[].random_deferral_accuracy", meaning: "accuracy deferring the same share at random (expected)"),
        JSONKeyDoc(
            "points[].oracle_accuracy", meaning: "the oracle deferring the same share: the small model's mistakes first"
        ),
        JSONKeyDoc("oracle", meaning: "{accuracy, cost, deferral_rate}: defer exactly the small model's mistakes"),
        JSONKeyDoc(
            "matching",
            meaning: "{threshold, accuracy, cost, deferral_rate}: the cheapest point within 1 point of large, or null"),
        JSONKeyDoc(
            "focus",
            meaning:
                "with --threshold: {point, kinds [{kind, count, deferred, kept_wrong}], deferred_examples and confident_mistakes [{text, score, small_guess, truth}]}; else null"
        ),
        JSONKeyDoc(
            "target",
            meaning:
                "with --target-accuracy: {accuracy, threshold (the chosen τ or null), validation_accuracy, test (a point or null)}; else null"
        ),
        JSONKeyDoc(
            "auroc", meaning: "AUROC of the deferral score for the small model's right vs wrong answers (test set)"),
        JSONKeyDoc(
            "risk_coverage[]", meaning: "the risk–coverage curve: answering the coverage share it scores highest"),
        JSONKeyDoc("risk_coverage[].coverage", meaning: "share of queries the small model answers"),
        JSONKeyDoc("risk_coverage[].risk", meaning: "share of those it gets wrong"),
        JSONKeyDoc("temperature.value", meaning: "temperature fitted on validation data"),
        JSONKeyDoc("temperature.deferral_rate", meaning: "the deferral rate compared (0.25)"),
        JSONKeyDoc("temperature.overlap", meaning: "share of the deferred queries still deferred after scaling"),
        JSONKeyDoc("temperature.changed", meaning: "queries that moved into the deferred set"),
        JSONKeyDoc("temperature.accuracy_before", meaning: "cascade accuracy at that rate, unscaled"),
        JSONKeyDoc("temperature.accuracy_after", meaning: "the same after scaling"),
        JSONKeyDoc("temperature.auroc_before", meaning: "AUROC of max probability, unscaled"),
        JSONKeyDoc("temperature.auroc_after", meaning: "the same after scaling"),
        JSONKeyDoc(
            "scorer_comparison[]", meaning: "the learned scorer against max probability at equal deferral rates"),
        JSONKeyDoc("scorer_comparison[].deferral_rate", meaning: "the share deferred"),
        JSONKeyDoc("scorer_comparison[].maxprob", meaning: "accuracy deferring by max probability"),
        JSONKeyDoc("scorer_comparison[].learned", meaning: "accuracy deferring by the learned scorer"),
    ]
}

extension CascadeDemo.Scorer: ExpressibleByArgument {}

extension CascadeDemo {
    /// `tandem run cascade`'s options.
    public struct Arguments: DemoArguments {
        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("Also report this threshold in detail: what was deferred and why.", valueName: "τ"),
            transform: finiteNumber)
        public var threshold: Double?
        @Option(
            name: .long,
            help:
                "How the small model's answer is scored: maxprob, margin or learned (a router trained on validation data)."
        )
        public var scorer: Scorer = .maxprob
        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp(
                "Choose the cheapest τ reaching this accuracy on validation data, and report it on test.",
                valueName: "A"),
            transform: finiteNumber)
        public var targetAccuracy: Double?
        @Option(name: .long, parsing: .unconditional, help: "2 (small → large) or 3 (small → medium → large).")
        public var tiers = 2
        @OptionGroup public var mineOption: MineOption
        public init() {}

        public var mine: Bool { mineOption.mine }
        public var mineArguments: [String] {
            (threshold.map { ["--threshold", "\($0)"] } ?? []) + ["--scorer", scorer.rawValue]
                + (targetAccuracy.map { ["--target-accuracy", "\($0)"] } ?? []) + ["--tiers", "\(tiers)"]
        }

        public func validate() throws {
            if let threshold, !(0...1).contains(threshold) {
                throw ValidationError("--threshold must be between 0 and 1 (got \(threshold)).")
            }
            if let targetAccuracy, !(0...1).contains(targetAccuracy) {
                throw ValidationError("--target-accuracy must be between 0 and 1 (got \(targetAccuracy)).")
            }
            if ![2, 3].contains(tiers) { throw ValidationError("--tiers must be 2 or 3 (got \(tiers)).") }
        }

        public func outcome(seed: UInt64) -> DemoOutcome {
            var options = Options()
            options.threshold = threshold
            options.scorer = scorer
            options.targetAccuracy = targetAccuracy
            options.tiers = tiers
            let result = run(options, seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}
