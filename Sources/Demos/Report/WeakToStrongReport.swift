import Foundation
import Terminal

extension WeakToStrongDemo {
    public static func headline(_ r: Result) -> String {
        guard let naive = r.method("naive") else { return "" }
        let gap = naive.pgr.map { "recovering \(Format.wholePercent($0)) of the gap to its ceiling (PGR \(Format.fixed($0)))" }
            ?? "PGR undefined: the ceiling does not beat the weak model"
        // The overfit preset is about the remedies, so its headline names the confidence loss too.
        var remedy = ""
        if r.preset == .overfit, let confidence = r.method("confidence"), let pgr = confidence.pgr {
            remedy = "; the confidence loss reaches \(Format.percent(confidence.accuracy)) (PGR \(Format.fixed(pgr)))"
        }
        if naive.accuracy > r.weakAccuracy {
            return "Trained only on weak labels, the strong student beats its supervisor: \(Format.percent(naive.accuracy)) vs "
                + "\(Format.percent(r.weakAccuracy)) (ceiling \(Format.percent(r.ceilingAccuracy))), \(gap)\(remedy)."
        }
        return "Trained only on weak labels, the strong student does not beat its supervisor: \(Format.percent(naive.accuracy)) vs "
            + "\(Format.percent(r.weakAccuracy)) (ceiling \(Format.percent(r.ceilingAccuracy)); PGR \(Format.optional(naive.pgr))): "
            + "it copies the weak model's mistakes instead of correcting them\(remedy)."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph("Weak supervisor: logistic regression that sees \(r.factors - r.blind) of \(r.factors) hidden factors through noise "
                      + "\(Format.fixed(r.weakNoise)) (\(r.weakCost) multiply-adds), trained on half A. Strong student: an MLP on a "
                      + "\"pretrained\" view of all factors (\(Format.count(Double(r.strongCost))) multiply-adds), trained on half B with the weak model's labels only. "
                      + "Preset: \(r.preset.rawValue).")

        out.section("The four bars, per method (test accuracy)")
        var bars = BarChart()
        let values = [r.weakAccuracy, r.ceilingAccuracy] + r.methods.map(\.accuracy) + [r.earlyStopped.accuracy]
        bars.minimum = max(0, floor(((values.min() ?? 0.5) - 0.05) * 20) / 20)
        bars.maximum = 1
        bars.add("weak supervisor", r.weakAccuracy, Format.percent(r.weakAccuracy), style: .yellow)
        for m in r.methods + [r.earlyStopped] {
            let label = ["naive": "naive (soft labels)", "hard": "hard labels", "confidence": "confidence loss",
                         "early-stopped": "naive, early-stopped"][m.name] ?? m.name
            bars.add(label, m.accuracy, Format.percent(m.accuracy), style: .cyan)
        }
        bars.add("strong ceiling", r.ceilingAccuracy, Format.percent(r.ceilingAccuracy), style: .green)
        out.block(bars.render(out))
        out.note("Bars start at \(Format.wholePercent(bars.minimum)). Between the weak supervisor and the ceiling: the student, trained four ways on weak labels only.")

        out.blank()
        var table = Table(["method", "accuracy", "PGR", "weak errors fixed"])
        for m in r.methods + [r.earlyStopped] {
            table.add([m.name, Format.percent(m.accuracy), Format.optional(m.pgr), Format.wholePercent(m.correctedWeakErrors)])
        }
        out.block(table.render(out))
        out.blank()
        out.paragraph("PGR = (student − weak) / (ceiling − weak): 1 recovers the whole gap, 0 only copies the supervisor. "
                      + "\"Weak errors fixed\": of the test examples the weak model gets wrong, the share the student gets right.")
        out.blank()
        out.paragraph("Why it works: the weak model's noise-driven mistakes are idiosyncratic — nothing in the strong view predicts them — "
                      + "so the student cannot fit them and generalizes past them. Its blind spot (\(r.blind) unseen factor\(r.blind == 1 ? "" : "s")) is systematic: "
                      + "the student can represent that rule, and imitates it. Try --weak-noise 0 (all errors systematic: PGR near 0) or --blind 0.")

        if let curve = r.curve {
            out.section("Test accuracy per epoch")
            let ys = curve.naive + curve.confidence + [r.weakAccuracy, r.ceilingAccuracy]
            let yLow = floor(((ys.min() ?? 0.5) - 0.01) * 50) / 50, yHigh = min(1, ceil(((ys.max() ?? 1) + 0.005) * 50) / 50)
            let epochs = Double(max(curve.naive.count, 2))
            var plot = LinePlot(series: [], xRange: 1...epochs, yRange: yLow...yHigh, height: 10, xLabel: "epoch",
                                formatX: { String(Int($0)) }, formatY: { Format.wholePercent($0) })
            plot.series.append(.init(name: "weak", points: [(1, r.weakAccuracy), (epochs, r.weakAccuracy)], marker: nil, style: .yellow, asciiGlyph: "-", dotted: true))
            plot.series.append(.init(name: "ceiling", points: [(1, r.ceilingAccuracy), (epochs, r.ceilingAccuracy)], marker: nil, style: .green, asciiGlyph: "=", dotted: true))
            plot.series.append(.init(name: "naive", points: curve.naive.enumerated().map { (Double($0.offset + 1), $0.element) }, marker: nil, style: .cyan, asciiGlyph: "*"))
            // Every third epoch as a marker, so the two curves stay apart without colour.
            plot.series.append(.init(name: "confidence loss", points: curve.confidence.enumerated().filter { $0.offset % 3 == 2 }.map { (Double($0.offset + 1), $0.element) },
                                     marker: "c", style: .magenta))
            let stop = curve.earlyStoppingEpoch
            if stop >= 1, stop <= curve.naive.count {
                plot.series.append(.init(name: "early stop", points: [(Double(stop), curve.naive[stop - 1])], marker: "E", style: .bold))
            }
            out.block(plot.render(out))
            out.blank()
            let peak = curve.naive.max() ?? 0
            out.paragraph("Naive training peaks at \(Format.percent(peak)) and ends at \(Format.percent(curve.naive.last ?? 0)): the longer the student "
                          + "trains, the more of the weak labels' mistakes it memorises. Early stopping on weak-labelled validation data keeps epoch \(stop); "
                          + "the confidence loss ends at \(Format.percent(curve.confidence.last ?? 0)) by trusting its own hardened predictions over the weak labels.")
        }

        if let sweep = r.sweep {
            out.section("PGR by weak size × strong size")
            var table = Table(["weak sees \\ strong rank"] + sweepStrongSizes.map { "rank \($0)" })
            for weakSize in sweepWeakSizes {
                table.add(["\(weakSize) factors"] + sweepStrongSizes.map { strongSize in
                    guard let cell = sweep.first(where: { $0.weakSize == weakSize && $0.strongSize == strongSize }),
                          cell.ceilingAccuracy - cell.weakAccuracy >= 0.02 else { return "—" }
                    return Format.optional(cell.pgr)
                })
            }
            out.block(table.render(out))
            out.note("Weak size: factors the weak view sees. Strong size: the rank of the strong view's picture of the factors. \"—\": the ceiling beats the weak model by under 2 points, too small a gap for a ratio. Each cell averages three worlds.")
        }
        return out.text
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("weak-to-strong")), ("seed", .unsigned(r.seed)),
            ("weak_accuracy", .number(r.weakAccuracy)), ("ceiling_accuracy", .number(r.ceilingAccuracy)),
            ("methods", .array(r.methods.map { m in
                .object([("name", .string(m.name)), ("accuracy", .number(m.accuracy)), ("pgr", .number(m.pgr))])
            })),
        ])
    }
}
