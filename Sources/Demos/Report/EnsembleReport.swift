import Foundation
import Terminal

extension EnsembleDemo {
    public static func headline(_ r: Result) -> String {
        let n = r.options.members
        if n == 1 {
            return "A single small model reaches \(Format.percent(r.ensemble.accuracy)) at \(Format.wholePercent(r.ensemble.cost / r.large.cost)) of the "
                + "large model's cost (large: \(Format.percent(r.large.accuracy))); add members with --members."
        }
        let verb = r.ensemble.accuracy > r.bestMember ? "beat" : (r.ensemble.accuracy > r.meanMember ? "beat the average member but not the best" : "do not beat")
        let costShare = Format.wholePercent(r.ensemble.cost / r.large.cost)
        if verb == "beat" {
            return "\(n) small models combined by \(r.options.method.rawValue) reach \(Format.percent(r.ensemble.accuracy)), above their mean "
                + "(\(Format.percent(r.meanMember))) and best (\(Format.percent(r.bestMember))) member, at \(costShare) of the large model's cost "
                + "(large: \(Format.percent(r.large.accuracy)))."
        }
        return "\(n) small models combined by \(r.options.method.rawValue) reach \(Format.percent(r.ensemble.accuracy)) and \(verb) "
            + "(mean \(Format.percent(r.meanMember)), best \(Format.percent(r.bestMember))), at \(costShare) of the large model's cost."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        let diversity = ["low": "the same data, different starting weights", "medium": "its own bootstrap sample of the data",
                         "high": "its own bootstrap sample and a random 4 of the 6 features"][r.options.diversity.rawValue] ?? ""
        out.paragraph("Each member is an MLP with 6 hidden units (\(Format.count(r.memberCost)) multiply-adds) trained on \(diversity); "
                      + "the large model has two layers of 32 (\(Format.count(r.large.cost)) multiply-adds). Task: two classes, each a mix of six blobs.")

        out.section("The \(r.options.members) members")
        var bars = BarChart()
        let low = max(0, floor(((r.members + [r.large.accuracy, r.ensemble.accuracy]).min() ?? 0) * 20 - 1) / 20)
        bars.minimum = low
        bars.maximum = 1
        for (i, a) in r.members.enumerated() { bars.add("member \(i + 1)", a, Format.percent(a), style: .yellow) }
        bars.add("ensemble (\(r.options.method.rawValue))", r.ensemble.accuracy, Format.percent(r.ensemble.accuracy), style: .cyan)
        bars.add("large model", r.large.accuracy, Format.percent(r.large.accuracy), style: .green)
        out.block(bars.render(out))
        out.note("Bars start at \(Format.wholePercent(low)). Members' errors correlate at \(Format.fixed(r.errorCorrelation)) on average: they share most mistakes.")

        out.section("Accuracy as the ensemble grows")
        var table = Table(["members", "vote", "average", "weighted", "if independent", "cost"])
        for size in Set(r.curve.map(\.size)).sorted() {
            let row = r.curve.filter { $0.size == size }
            func acc(_ m: Method) -> String { Format.percent(row.first { $0.method == m }?.accuracy ?? .nan) }
            table.add(["\(size)", acc(.vote), acc(.average), acc(.weighted), Format.percent(row.first?.condorcet ?? .nan),
                       Format.count(row.first?.cost ?? .nan)], highlight: size == r.options.members)
        }
        table.add(["large", Format.percent(r.large.accuracy), "", "", "", Format.count(r.large.cost)])
        out.block(table.render(out))

        let method = r.curve.filter { $0.method == r.options.method }
        let ys = method.map(\.accuracy) + method.map(\.condorcet) + [r.large.accuracy]
        let yLow = floor(((ys.min() ?? 0) - 0.01) * 50) / 50
        var plot = LinePlot(series: [], xRange: 1...Double(method.map(\.size).max() ?? 25), yRange: yLow...1, height: 9,
                            xLabel: "ensemble size", formatX: { String(Int($0)) }, formatY: { Format.wholePercent($0) })
        plot.series.append(.init(name: "if errors were independent (Condorcet)", points: method.map { (Double($0.size), $0.condorcet) },
                                 marker: nil, style: .dim, asciiGlyph: ".", dotted: true))
        plot.series.append(.init(name: "\(r.options.method.rawValue), measured", points: method.map { (Double($0.size), $0.accuracy) },
                                 marker: nil, style: .cyan, asciiGlyph: "*"))
        plot.series.append(.init(name: "large model", points: [(Double(method.map(\.size).max() ?? 25), r.large.accuracy)], marker: "L", style: .green))
        out.blank()
        out.block(plot.render(out))
        out.paragraph("The Condorcet curve assumes members err independently; these members learn from overlapping samples of the same data, "
                      + "so their errors are correlated and the measured curve flattens far below it. Averaging removes the members' variance, not their shared bias.")
        return out.text
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("ensemble")), ("seed", .unsigned(r.seed)),
            ("members", .array(r.members.map { .number($0) })),
            ("large", .object([("accuracy", .number(r.large.accuracy)), ("cost", .number(r.large.cost))])),
            ("curve", .array(r.curve.map { p in
                .object([("size", .integer(p.size)), ("method", .string(p.method.rawValue)), ("accuracy", .number(p.accuracy)),
                         ("cost", .number(p.cost)), ("condorcet", .number(p.condorcet))])
            })),
        ])
    }
}
