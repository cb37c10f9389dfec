import Foundation
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
        if verb == "beat" {
            return
                "\(n) small models combined by \(r.options.method.rawValue) reach \(Format.percent(r.ensemble.accuracy)), above their mean "
                + "(\(Format.percent(r.meanMember))) and best (\(Format.percent(r.bestMember))) member, at \(costShare) of the large model's cost "
                + "(large: \(Format.percent(r.large.accuracy)))."
        }
        return
            "\(n) small models combined by \(r.options.method.rawValue) reach \(Format.percent(r.ensemble.accuracy)) and \(verb) "
            + "(mean \(Format.percent(r.meanMember)), best \(Format.percent(r.bestMember))), at \(costShare) of the large model's cost."
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
            "Each member is an MLP with 6 hidden units (\(Format.count(r.memberCost)) multiply-adds) trained on \(diversity); "
                + "the large model has two layers of 32 (\(Format.count(r.large.cost)) multiply-adds). Task: two classes, each a mix of six blobs."
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
        var table = Table(["members", "vote", "average", "weighted", "if independent", "cost"])
        table.shortHeaders = ["size", "vote", "average", "weighted", "Condorcet", "cost"]
        // On a narrow screen, cost goes first, then the methods not asked for.
        table.dropOrder =
            [5] + [(Method.weighted, 3), (.vote, 1), (.average, 2)].filter { $0.0 != r.options.method }.map(\.1)
        for size in Set(r.curve.map(\.size)).sorted() {
            let row = r.curve.filter { $0.size == size }
            func acc(_ m: Method) -> String { Format.percent(row.first { $0.method == m }?.accuracy ?? .nan) }
            table.add(
                [
                    "\(size)", acc(.vote), acc(.average), acc(.weighted), Format.percent(row.first?.condorcet ?? .nan),
                    Format.count(row.first?.cost ?? .nan),
                ], highlight: size == r.options.members)
        }
        // The large model's accuracy sits in the column of the method asked for, which is never dropped.
        let largeCells = Method.allCases.map { $0 == r.options.method ? Format.percent(r.large.accuracy) : "" }
        table.add(["large"] + largeCells + ["", Format.count(r.large.cost)])
        out.block(table.render(out))
        let shown = table.keptColumns(out)
        out.note(
            (table.usesShortHeaders(out) ? "Size: members in the ensemble. Condorcet" : "If independent")
                + ": the accuracy the Condorcet formula gives if the members erred independently."
                + (shown.contains(5) ? " Cost: multiply-adds per query." : ""))

        let method = r.curve.filter { $0.method == r.options.method }
        let ys = method.map(\.accuracy) + method.map(\.condorcet) + [r.large.accuracy]
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
                name: "large", points: [(Double(method.map(\.size).max() ?? 25), r.large.accuracy)], marker: "L",
                style: .green))
        out.blank()
        out.block(plot.render(out))
        out.paragraph(condorcetComparison(r))
        return out.text
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
        return text + " Averaging removes the members' variance, not their shared bias."
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("ensemble")), ("seed", .unsigned(r.seed)),
            ("members", .array(r.members.map { .number($0) })),
            ("large", .object([("accuracy", .number(r.large.accuracy)), ("cost", .number(r.large.cost))])),
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
