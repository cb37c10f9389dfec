import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal

extension EnsembleDemo {
    public static func headline(_ r: Result) -> String {
        let n = r.options.members
        if n == 1 {
            return
                "A single small model reaches \(Format.percent(r.ensemble.accuracy)) at \(Format.wholePercent(r.ensemble.cost / r.large.cost)) of the "
                + "large model's cost (large: \(Format.percent(r.large.accuracy))); add members with --members."
        }
        // Compared as printed (to 0.1%), so the words never contradict the numbers beside them.
        func shown(_ value: Double) -> Double { (value * 1000).rounded() }
        let ensemble = shown(r.ensemble.accuracy)
        let best = shown(r.bestMember)
        let mean = shown(r.meanMember)
        let verb =
            ensemble > best
            ? "beat"
            : ensemble == best
                ? "match their best member and beat the average"
                : ensemble > mean ? "beat the average member but not the best" : "do not beat"
        let costShare = Format.wholePercent(r.ensemble.cost / r.large.cost)
        let tail = boostingClause(r)
        if verb == "beat" {
            return
                "\(n) small models combined by \(r.options.method.rawValue) reach \(Format.percent(r.ensemble.accuracy)), above their mean "
                + "(\(Format.percent(r.meanMember))) and best (\(Format.percent(r.bestMember))) member, at \(costShare) of the large model's cost "
                + "(large: \(Format.percent(r.large.accuracy)))" + tail
        }
        return
            "\(n) small models combined by \(r.options.method.rawValue) reach \(Format.percent(r.ensemble.accuracy)) and \(verb) "
            + "(mean \(Format.percent(r.meanMember)), best \(Format.percent(r.bestMember))), at \(costShare) of the large model's cost"
            + tail
    }

    /// Boosting against averaging at the largest size, as a closing clause of the headline.
    static func boostingClause(_ r: Result) -> String {
        guard r.options.method != .boosting,
            let size = r.curve.map(\.size).max(),
            let boosted = r.curve.first(where: { $0.size == size && $0.method == .boosting }),
            let averaged = r.curve.first(where: { $0.size == size && $0.method == .average })
        else { return "." }
        let gap = boosted.accuracy - averaged.accuracy
        let points = Format.fixed(abs(gap) * 100, 1)
        if gap > 0.0005 {
            return
                "; boosting \(size) of the same small models reaches \(Format.percent(boosted.accuracy)), \(points) points above averaging \(size)."
        }
        if gap < -0.0005 {
            return
                "; boosting \(size) of them reaches \(Format.percent(boosted.accuracy)), \(points) points below averaging \(size)."
        }
        return "; boosting \(size) of them ties averaging \(size) (\(Format.percent(boosted.accuracy)))."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        let diversity =
            [
                "low": "the same data, different starting weights", "medium": "its own bootstrap sample of the data",
                "high": "its own bootstrap sample and a random 4 of the 6 features",
            ][r.options.diversity.rawValue] ?? ""
        out.paragraph(
            "Each member is an MLP with \(memberHidden) hidden units (\(Format.count(r.memberCost)) multiply-adds) trained on \(diversity); "
                + "boosting trains the same small model on data reweighted towards the previous members' mistakes (AdaBoost). "
                + "The large model has two layers of 32 (\(Format.count(r.large.cost)) multiply-adds). Task: two classes, each a mix of six blobs; "
                + "the best any classifier can do on it (the Bayes accuracy, from the known densities on \(Format.count(Double(bayesSamples))) fresh points) "
                + "is \(Format.percent(r.bayesAccuracy)) ± \(Format.fixed(r.bayesStandardError * 100, 1))."
        )

        out.section(r.members.count == 1 ? "The 1 member" : "The \(r.members.count) members")
        var bars = BarChart()
        let low = max(0, floor(((r.members + [r.large.accuracy, r.ensemble.accuracy]).min() ?? 0) * 20 - 1) / 20)
        bars.minimum = low
        bars.maximum = 1
        for (i, a) in r.members.enumerated() { bars.add("member \(i + 1)", a, Format.percent(a), style: .yellow) }
        bars.add("ensemble", r.ensemble.accuracy, Format.percent(r.ensemble.accuracy), style: .cyan)
        bars.add("large model", r.large.accuracy, Format.percent(r.large.accuracy), style: .green)
        out.block(bars.render(out))
        out.note(
            "Bars start at \(Format.wholePercent(low)); the ensemble combines them by \(r.options.method.rawValue). "
                + (r.members.count < 2
                    ? "A single member: no pair whose errors could correlate."
                    : "Members' errors correlate at \(Format.fixed(r.errorCorrelation)) on average: \(sharing(r.errorCorrelation)).")
        )

        out.section("Accuracy as the ensemble grows")
        var table = Table(["members", "vote", "average", "weighted", "boosting", "if independent", "cost"])
        table.shortHeaders = ["size", "vote", "avg", "weighted", "boost", "Condorcet", "cost"]
        // On a narrow screen, cost goes first, then the methods not asked for (boosting last).
        table.dropOrder =
            [6]
            + [(Method.weighted, 3), (.vote, 1), (.average, 2), (.boosting, 4)].filter { $0.0 != r.options.method }.map(
                \.1)
        for size in Set(r.curve.map(\.size)).sorted() {
            let row = r.curve.filter { $0.size == size }
            func acc(_ m: Method) -> String { Format.percent(row.first { $0.method == m }?.accuracy ?? .nan) }
            table.add(
                [
                    "\(size)", acc(.vote), acc(.average), acc(.weighted), acc(.boosting),
                    Format.percent(row.first?.condorcet ?? .nan),
                    Format.count(row.first?.cost ?? .nan),
                ], highlight: size == r.options.members)
        }
        // The large model's accuracy sits in the column of the method asked for, which is never dropped.
        let largeCells = Method.allCases.map { $0 == r.options.method ? Format.percent(r.large.accuracy) : "" }
        table.add(["large"] + largeCells + ["", Format.count(r.large.cost)])
        table.add(
            ["Bayes"] + Method.allCases.map { $0 == r.options.method ? Format.percent(r.bayesAccuracy) : "" } + [
                "", "",
            ])
        out.block(table.render(out))
        let shown = table.keptColumns(out)
        out.note(
            (table.usesShortHeaders(out)
                ? "Size: members in the ensemble (rounds for boosting). Condorcet" : "If independent")
                + ": the accuracy the Condorcet formula gives if the members erred independently. Bayes: the task's ceiling."
                + (shown.contains(6)
                    ? " Cost: multiply-adds per query (boosting's too; but its members train one after another, each on the last ones' mistakes, where bagged members train in parallel)."
                    : ""))

        let method = r.curve.filter { $0.method == r.options.method }
        let ys =
            method.map(\.accuracy) + method.map(\.condorcet) + r.curve.filter { $0.method == .boosting }.map(\.accuracy)
            + [r.large.accuracy]
        let yLow = floor(((ys.min() ?? 0) - 0.01) * 50) / 50
        var plot = LinePlot(
            series: [], xRange: 1...Double(method.map(\.size).max() ?? 25), yRange: yLow...1, height: 9,
            xLabel: "ensemble size", formatX: { String(Int($0)) }, formatY: { Format.wholePercent($0) })
        plot.series.append(
            .init(
                name: "Condorcet", points: method.map { (Double($0.size), $0.condorcet) },
                marker: nil, style: .dim, asciiGlyph: ".", dash: .dotted))
        plot.series.append(
            .init(
                name: "\(r.options.method.rawValue), measured", points: method.map { (Double($0.size), $0.accuracy) },
                marker: nil, style: .cyan, asciiGlyph: "*"))
        plot.series.append(
            .init(
                name: "Bayes ceiling", points: method.map { (Double($0.size), r.bayesAccuracy) }, marker: "B",
                style: .green))
        if r.options.method != .boosting {
            let boosting = r.curve.filter { $0.method == .boosting }
            plot.series.append(
                .init(
                    name: "boosting", points: boosting.map { (Double($0.size), $0.accuracy) }, marker: nil,
                    style: .magenta, asciiGlyph: "o", dash: .dashed))
        }
        plot.series.append(
            .init(
                name: "large", points: [(Double(method.map(\.size).max() ?? 25), r.large.accuracy)], marker: "L",
                style: .green))
        out.blank()
        out.block(plot.render(out))
        out.paragraph(condorcetComparison(r))
        out.paragraph(gapStory(r))
        return out.text
    }

    /// The gap between the Condorcet curve and the measured one, split at the Bayes ceiling.
    static func gapStory(_ r: Result) -> String {
        guard let last = r.curve.filter({ $0.method == r.options.method }).max(by: { $0.size < $1.size }) else {
            return ""
        }
        let irreducible = max(0, last.condorcet - r.bayesAccuracy)
        let reducible = r.bayesAccuracy - last.accuracy
        return
            "No classifier beats the Bayes accuracy, \(Format.percent(r.bayesAccuracy)): the classes overlap, so \(Format.percent(1 - r.bayesAccuracy)) "
            + "of points are misread by any rule. Of the \(Format.fixed((last.condorcet - last.accuracy) * 100, 1)) points between the Condorcet "
            + "curve and the measured \(r.options.method.rawValue) at \(last.size) members, \(Format.fixed(irreducible * 100, 1)) lie above that "
            + "ceiling (irreducible error, which the independence formula ignores) and \(Format.fixed(reducible * 100, 1)) below it: the members' "
            + "shared mistakes, from correlated training and their common bias."
    }

    /// How much the members share their mistakes, said from the measured correlation.
    static func sharing(_ correlation: Double) -> String {
        if correlation >= 0.5 { return "they share most mistakes" }
        if correlation >= 0.2 { return "they share many mistakes" }
        return "they mostly make different mistakes"
    }

    /// The measured curve against the independent-errors one, at the largest size, in words.
    static func condorcetComparison(_ r: Result) -> String {
        let training =
            [
                "low": "train on the same data", "medium": "learn from overlapping samples of the same data",
                "high": "learn from overlapping samples of the same data, though each sees different features",
            ][r.options.diversity.rawValue] ?? "share data"
        // With one member there is no pair to measure; the shortfall below speaks for the curve's larger ensembles.
        var text =
            "The Condorcet curve assumes members err independently; these members \(training), so their errors correlate"
            + (r.members.count < 2 ? "" : " (\(Format.fixed(r.errorCorrelation)))")
        if let last = r.curve.filter({ $0.method == r.options.method }).max(by: { $0.size < $1.size }) {
            let shortfall = last.condorcet - last.accuracy
            let points = Format.fixed(shortfall * 100, 1)
            if shortfall > 0.03 {
                text += " and the measured curve flattens far below it: \(points) points short at \(last.size) members."
            } else if shortfall > 0.01 {
                text += " and the measured curve stays below it: \(points) points short at \(last.size) members."
            } else {
                text +=
                    ", yet the measured curve stays within \(Format.fixed(max(shortfall, 0) * 100, 1)) points of it at \(last.size) members."
            }
        } else {
            text += "."
        }
        return text + " Averaging removes the members' variance, not their shared bias; boosting attacks the bias."
    }

    /// Vote minus average accuracy at the chosen size (nil if either is missing).
    static func voteMinusAverage(_ r: Result) -> Double? {
        let row = r.curve.filter { $0.size == r.options.members }
        guard let vote = row.first(where: { $0.method == .vote }),
            let average = row.first(where: { $0.method == .average })
        else { return nil }
        return vote.accuracy - average.accuracy
    }

    /// Boosting minus averaging at the largest size.
    static func boostingMinusAverage(_ r: Result) -> Double? {
        guard let size = r.curve.map(\.size).max() else { return nil }
        let row = r.curve.filter { $0.size == size }
        guard let boosted = row.first(where: { $0.method == .boosting }),
            let average = row.first(where: { $0.method == .average })
        else { return nil }
        return boosted.accuracy - average.accuracy
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("ensemble")), ("seed", .unsigned(r.seed)),
            ("method", .string(r.options.method.rawValue)), ("member_cost", .number(r.memberCost)),
            ("members", .array(r.members.map { .number($0) })),
            ("mean_member", .number(r.meanMember)), ("best_member", .number(r.bestMember)),
            ("ensemble", r.ensemble.json),
            ("large", r.large.json),
            ("bayes_accuracy", .number(r.bayesAccuracy)), ("bayes_standard_error", .number(r.bayesStandardError)),
            ("error_correlation", .number(r.errorCorrelation)), ("boosting_skipped", .integer(r.boostingSkipped)),
            ("vote_minus_average", .number(voteMinusAverage(r))),
            ("boosting_minus_average", .number(boostingMinusAverage(r))),
            (
                "curve",
                .array(
                    r.curve.map { p in
                        .object([
                            ("size", .integer(p.size)), ("method", .string(p.method.rawValue)),
                            ("accuracy", .number(p.accuracy)),
                            ("cost", .number(p.cost)), ("condorcet", .number(p.condorcet)),
                        ])
                    })
            ),
        ])
    }
}

extension EnsembleDemo: ReportedDemo {
    /// The accuracy of `method` at `size` in the JSON's curve.
    fileprivate static func curveAccuracy(_ json: JSONValue, _ method: String, _ size: Int) -> Double? {
        (json["curve"]?.items ?? []).first {
            $0["size"]?.double == Double(size) && $0["method"] == .string(method)
        }?["accuracy"]?.double
    }

    public static let claims: [DemoClaim] = [
        DemoClaim("Averaging the 11 small models beats their best member") { json in
            guard let average = curveAccuracy(json, "average", 11), let best = json["best_member"]?.double else {
                return nil
            }
            return average > best
        },
        DemoClaim("Boosting 25 small models beats averaging 25 of them") { json in
            guard let boosted = curveAccuracy(json, "boosting", 25), let average = curveAccuracy(json, "average", 25)
            else {
                return nil
            }
            return boosted > average
        },
        DemoClaim("Boosting 25 small models beats their best member") { json in
            guard let boosted = curveAccuracy(json, "boosting", 25), let best = json["best_member"]?.double else {
                return nil
            }
            return boosted > best
        },
        DemoClaim("Averaging the 11 small models beats their majority vote") { json in
            json["vote_minus_average"]?.double.map { $0 < 0 }
        },
    ]

    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("mean_member", "mean member", true), ("best_member", "best member", true),
        ("ensemble.accuracy", "ensemble (average of 11)", true), ("large.accuracy", "large model", true),
        ("bayes_accuracy", "Bayes accuracy", true), ("vote_minus_average", "vote − average, 11 members", true),
        ("boosting_minus_average", "boosting − average, 25 members", true),
        ("error_correlation", "members' error correlation", false),
    ]

    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"ensemble\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("method", meaning: "the combination asked for"),
        JSONKeyDoc("member_cost", meaning: "multiply-adds per query of one member"),
        JSONKeyDoc("members", meaning: "test accuracy of each member of the ensemble"),
        JSONKeyDoc("mean_member", meaning: "their mean"),
        JSONKeyDoc("best_member", meaning: "their best"),
        JSONKeyDoc("ensemble", meaning: "{accuracy, cost}: the ensemble asked for"),
        JSONKeyDoc("large", meaning: "{accuracy, cost}: the large model"),
        JSONKeyDoc("bayes_accuracy", meaning: "the task's Bayes-optimal accuracy (known densities, Monte Carlo)"),
        JSONKeyDoc("bayes_standard_error", meaning: "its standard error"),
        JSONKeyDoc("error_correlation", meaning: "mean pairwise correlation of the members' errors"),
        JSONKeyDoc("boosting_skipped", meaning: "boosting rounds skipped (weighted error ≥ 0.5)"),
        JSONKeyDoc("vote_minus_average", meaning: "vote − average accuracy at the ensemble's size"),
        JSONKeyDoc("boosting_minus_average", meaning: "boosting − average accuracy at the largest size (25)"),
        JSONKeyDoc("curve[]", meaning: "one entry per size and method"),
        JSONKeyDoc("curve[].size", meaning: "members (rounds for boosting)"),
        JSONKeyDoc("curve[].method", meaning: "vote, average, weighted or boosting"),
        JSONKeyDoc("curve[].accuracy", meaning: "test accuracy"),
        JSONKeyDoc("curve[].cost", meaning: "multiply-adds per query"),
        JSONKeyDoc(
            "curve[].condorcet", meaning: "majority accuracy if members with the mean accuracy erred independently"),
    ]
}

extension EnsembleDemo.Method: ExpressibleByArgument {}
extension EnsembleDemo.Diversity: ExpressibleByArgument {}

extension EnsembleDemo {
    /// `tandem run ensemble`'s options.
    public struct Arguments: DemoArguments {
        @Option(name: .long, parsing: .unconditional, help: "Members in the ensemble (1–25).")
        public var members = 11
        @Option(name: .long, help: "How members are combined: vote, average, weighted or boosting.")
        public var method: Method = .average
        @Option(
            name: .long,
            help:
                "How different the members' training is: low (seeds only), medium (bootstrap samples) or high (bootstrap and feature subsets)."
        )
        public var diversity: Diversity = .medium
        @OptionGroup public var mineOption: MineOption
        public init() {}

        public var mine: Bool { mineOption.mine }
        public var mineArguments: [String] {
            ["--members", "\(members)", "--method", method.rawValue, "--diversity", diversity.rawValue]
        }

        public func validate() throws {
            if !(1...25).contains(members) {
                throw ValidationError("--members must be between 1 and 25 (got \(members)).")
            }
        }

        public func outcome(seed: UInt64) -> DemoOutcome {
            var options = Options()
            options.members = members
            options.method = method
            options.diversity = diversity
            let result = run(options, seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}
