import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal

extension FilterDemo {
    public static func headline(_ r: Result) -> String {
        guard let chosen = r.chosen else { return "" }
        let kept = Format.wholePercent(chosen.fraction)
        let verdict: String
        switch (chosen.weakSelected > chosen.random, chosen.weakSelected > r.allDataAccuracy) {
        case (true, true): verdict = "beating"
        case (true, false): verdict = "beating a random \(kept) but not all the data:"
        case (false, true): verdict = "beating all the data but not a random \(kept):"
        case (false, false): verdict = "losing to"
        }
        return
            "Keeping the \(kept) of the data the weak model trusts most (the fraction chosen on validation data) gives "
            + "\(Format.percent(chosen.weakSelected)), \(verdict) \(Format.percent(chosen.random)) for a random \(kept) and "
            + "\(Format.percent(r.allDataAccuracy)) for all of it."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph(
            "The pool has \(Format.wholePercent(r.poolNoise)) wrong labels (mostly class 0 marked as class 1, a systematic bias) and a fifth "
                + "near-duplicates. A small model (\(r.weakCost) multiply-adds) scores each example by its loss on the given label; the strong "
                + "model (\(Format.count(Double(r.strongCost))) multiply-adds) trains on the lowest-loss fraction of each label, always for the same number of steps."
        )
        out.section("Strong model's test accuracy by fraction kept")
        var table = Table(["kept", "weak-selected", "random", "strong-selected", "classifier"])
        table.shortHeaders = ["kept", "weak", "random", "strong", "class."]
        for p in r.points {
            table.add(
                [
                    Format.wholePercent(p.fraction), Format.percent(p.weakSelected), Format.percent(p.random),
                    Format.percent(p.strongSelected), Format.percent(p.classifierSelected),
                ], highlight: p == r.chosen)
        }
        out.block(table.render(out))
        let short = table.usesShortHeaders(out)
        out.note(
            "Kept: the fraction of the pool the strong model trains on, chosen by the weak model's loss (\(short ? "weak" : "weak-selected")), at random, "
                + "by the strong model's own loss (\(short ? "strong" : "strong-selected")), or by a small quality classifier "
                + "(\(short ? "class." : "classifier")) trained on the strong model's keep/drop judgements of \(judgedCount) examples; "
                + "each is the strong model's test accuracy. The highlighted row is the fraction chosen on validation data. "
                + "Wrong labels among the weak model's picks (the pool has \(Format.wholePercent(r.poolNoise))): "
                + r.points.map { "\(Format.wholePercent($0.weakKeptNoise)) of \(Format.wholePercent($0.fraction))" }
                .joined(
                    separator: ", ") + "."
        )
        let ys = r.points.flatMap { [$0.weakSelected, $0.random, $0.strongSelected, $0.classifierSelected] }
        let yLow = floor(((ys.min() ?? 0.5) - 0.01) * 50) / 50
        let yHigh = min(1, ceil(((ys.max() ?? 1) + 0.005) * 50) / 50)
        var plot = LinePlot(
            series: [], xRange: (r.points.first?.fraction ?? 0)...1, yRange: yLow...yHigh, height: 9,
            xLabel: "fraction of the pool kept", formatX: { Format.wholePercent($0) },
            formatY: { Format.wholePercent($0) })
        plot.series.append(
            .init(
                name: "random", points: r.points.map { ($0.fraction, $0.random) }, marker: nil, style: .dim,
                asciiGlyph: ".", dash: .dotted))
        plot.series.append(
            .init(
                name: "weak-selected", points: r.points.map { ($0.fraction, $0.weakSelected) }, marker: nil,
                style: .cyan, asciiGlyph: "*"))
        plot.series.append(
            .init(
                name: "strong-selected", points: r.points.map { ($0.fraction, $0.strongSelected) }, marker: "s",
                style: .green))
        plot.series.append(
            .init(
                name: "classifier", points: r.points.map { ($0.fraction, $0.classifierSelected) }, marker: "c",
                style: .magenta))
        out.blank()
        out.block(plot.render(out))
        out.blank()
        out.paragraph(
            selectionStory(r) + " Random selection keeps the noise rate and only throws data away. "
                + scorerComparison(r) + " " + classifierComparison(r))
        return out.text
    }

    /// What the weak model's selection removes and what keeping too little costs, from the numbers.
    static func selectionStory(_ r: Result) -> String {
        var text = ""
        if let widest = r.points.filter({ $0.fraction < 1 }).max(by: { $0.fraction < $1.fraction }) {
            let dropped =
                "Dropping the \(Format.wholePercent(1 - widest.fraction)) with the highest weak loss cuts wrong labels from "
                + "\(Format.wholePercent(r.poolNoise)) to \(Format.wholePercent(widest.weakKeptNoise))"
            text =
                widest.weakKeptNoise < r.poolNoise / 2
                ? dropped
                    + ": those examples are mostly the mislabelled ones, and without them the strong model no longer learns their bias."
                : dropped + ": the weak model's loss finds only part of the mislabelled examples."
        }
        if let best = r.chosen, let smallest = r.points.min(by: { $0.fraction < $1.fraction }),
            smallest.fraction < best.fraction,
            smallest.weakSelected < best.weakSelected - 0.005
        {
            text +=
                " Keep too little (\(Format.wholePercent(smallest.fraction)): \(Format.percent(smallest.weakSelected))) and the strong model loses "
                + "the hard, informative examples as well."
        }
        return text
    }

    /// Whether the strong model, scoring its own data at many times the cost, selects better.
    static func scorerComparison(_ r: Result) -> String {
        let partial = r.points.filter { $0.fraction < 1 }
        guard !partial.isEmpty else { return "" }
        let weak = partial.map(\.weakSelected).reduce(0, +) / Double(partial.count)
        let strong = partial.map(\.strongSelected).reduce(0, +) / Double(partial.count)
        let ratio = r.strongCost / max(r.weakCost, 1)
        if strong > weak + 0.005 {
            return
                "The strong model as its own scorer selects \(strong - weak < 0.015 ? "a little " : "")better (\(Format.percent(strong)) vs \(Format.percent(weak)) on average) at \(ratio)× the scoring cost."
        }
        if weak > strong + 0.005 {
            return
                "The weak scorer even beats the strong model scoring its own data (\(Format.percent(weak)) vs \(Format.percent(strong)) on average), at 1/\(ratio) of the cost."
        }
        return
            "The weak scorer selects about as well as the strong model scoring its own data, at 1/\(ratio) of the cost."
    }

    /// How the quality classifier, which asks the strong model about only a small sample, compares
    /// with the weak model's own loss.
    static func classifierComparison(_ r: Result) -> String {
        let partial = r.points.filter { $0.fraction < 1 }
        guard !partial.isEmpty else { return "" }
        let weak = partial.map(\.weakSelected).reduce(0, +) / Double(partial.count)
        let classifier = partial.map(\.classifierSelected).reduce(0, +) / Double(partial.count)
        let comparison =
            classifier > weak + 0.005
            ? "selects better than" : weak > classifier + 0.005 ? "selects worse than" : "selects about as well as"
        return
            "The quality classifier (\(r.qualityCost) multiply-adds, the strong model asked about only \(judgedCount) of \(r.poolCount) examples) "
            + "\(comparison) the weak model's loss here (\(Format.percent(classifier)) vs \(Format.percent(weak)) on average)."
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("filter")), ("seed", .unsigned(r.seed)),
            ("all_data_accuracy", .number(r.allDataAccuracy)), ("pool_noise", .number(r.poolNoise)),
            (
                "chosen",
                r.chosen.map { p in
                    .object([
                        ("fraction", .number(p.fraction)), ("weak_selected", .number(p.weakSelected)),
                        ("random", .number(p.random)), ("strong_selected", .number(p.strongSelected)),
                        ("classifier_selected", .number(p.classifierSelected)),
                    ])
                } ?? .null
            ),
            ("weak_cost", .integer(r.weakCost)), ("strong_cost", .integer(r.strongCost)),
            ("quality_cost", .integer(r.qualityCost)), ("judged", .integer(judgedCount)),
            (
                "points",
                .array(
                    r.points.map { p in
                        .object([
                            ("fraction", .number(p.fraction)), ("weak_selected", .number(p.weakSelected)),
                            ("random", .number(p.random)),
                            ("strong_selected", .number(p.strongSelected)),
                            ("classifier_selected", .number(p.classifierSelected)),
                            ("weak_validation", .number(p.weakValidation)),
                            ("weak_kept_noise", .number(p.weakKeptNoise)),
                        ])
                    })
            ),
        ])
    }
}

extension FilterDemo: ReportedDemo {
    /// The headline's claims, each checked on one seed's JSON.
    public static let claims: [DemoClaim] = [
        DemoClaim.exceeds(
            "At the fraction chosen on validation data, weak selection beats a random subset of that size",
            "chosen.weak_selected", "chosen.random"),
        DemoClaim.exceeds(
            "At the fraction chosen on validation data, weak selection beats training on all the data",
            "chosen.weak_selected", "all_data_accuracy"),
        DemoClaim("Dropping the 40% with the highest weak loss more than halves the share of wrong labels") { json in
            guard let kept = json.number(at: "points.1.weak_kept_noise"), let pool = json.number(at: "pool_noise"),
                json.number(at: "points.1.fraction") == 0.6
            else { return nil }
            return kept < pool / 2
        },
        DemoClaim.exceeds(
            "At the chosen fraction, the quality classifier's selection beats a random subset",
            "chosen.classifier_selected", "chosen.random"),
        DemoClaim.exceeds(
            "At the chosen fraction, the quality classifier selects better than the weak model's loss",
            "chosen.classifier_selected", "chosen.weak_selected"),
        DemoClaim.exceeds(
            "At the chosen fraction, the strong model scoring its own data selects better than the weak model",
            "chosen.strong_selected", "chosen.weak_selected"),
    ]
}

extension FilterDemo {
    /// `tandem run filter` has no options of its own besides `--mine`.
    public struct Arguments: DemoArguments {
        @OptionGroup public var mineOption: MineOption
        public init() {}

        public var mine: Bool { mineOption.mine }

        public func outcome(seed: UInt64) -> DemoOutcome {
            let result = run(seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}

extension FilterDemo {
    /// The numbers `--seeds N` summarises.
    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("all_data_accuracy", "all data", true), ("chosen.fraction", "kept fraction chosen on validation", true),
        ("chosen.weak_selected", "weak-selected (chosen fraction)", true),
        ("chosen.random", "random (chosen fraction)", true),
        ("chosen.strong_selected", "strong-selected (chosen fraction)", true),
        ("chosen.classifier_selected", "classifier-selected (chosen fraction)", true),
        ("pool_noise", "wrong labels in the pool", true),
        ("points.1.weak_kept_noise", "wrong labels in the weak model's 60%", true),
    ]

    /// The documented keys of `--json`.
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"filter\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("all_data_accuracy", meaning: "test accuracy of the strong model trained on all the data"),
        JSONKeyDoc("pool_noise", meaning: "the fraction of the pool whose label is wrong"),
        JSONKeyDoc(
            "chosen",
            meaning: "the kept fraction below 100% whose weak-selected model does best on clean validation data"),
        JSONKeyDoc("chosen.fraction", meaning: "that fraction"),
        JSONKeyDoc("chosen.weak_selected", meaning: "test accuracy there when the weak model picks"),
        JSONKeyDoc("chosen.random", meaning: "test accuracy there on a random subset"),
        JSONKeyDoc("chosen.strong_selected", meaning: "test accuracy there when the strong model picks"),
        JSONKeyDoc("chosen.classifier_selected", meaning: "test accuracy there when the quality classifier picks"),
        JSONKeyDoc("weak_cost", meaning: "multiply-adds per example of the weak scorer"),
        JSONKeyDoc("strong_cost", meaning: "multiply-adds per example of the strong model"),
        JSONKeyDoc("quality_cost", meaning: "multiply-adds per example of the quality classifier"),
        JSONKeyDoc("judged", meaning: "pool examples the strong model judges to train the quality classifier"),
        JSONKeyDoc("points[]", meaning: "one entry per kept fraction"),
        JSONKeyDoc("points[].fraction", meaning: "the fraction of the data kept"),
        JSONKeyDoc(
            "points[].weak_selected",
            meaning: "test accuracy when the weak model picks the data it is most confident on"),
        JSONKeyDoc("points[].random", meaning: "test accuracy on a random subset of that size (the control)"),
        JSONKeyDoc("points[].strong_selected", meaning: "test accuracy when the strong model itself picks"),
        JSONKeyDoc(
            "points[].classifier_selected",
            meaning:
                "test accuracy when a small classifier trained on the strong model's keep/drop judgements of a sample picks"
        ),
        JSONKeyDoc(
            "points[].weak_validation", meaning: "validation accuracy of the weak-selected model (chooses the fraction)"
        ),
        JSONKeyDoc("points[].weak_kept_noise", meaning: "the share of wrong labels among the weak model's picks"),
    ]
}
