import Foundation
import Terminal

extension WeakToStrongDemo {
    public static func headline(_ r: Result) -> String {
        guard let naive = r.method("naive") else { return "" }
        let gap =
            naive.pgr.map {
                "recovering \(Format.wholePercent($0)) of the gap to its ceiling (PGR \(Format.fixed($0)))"
            }
            ?? "PGR undefined: the ceiling does not beat the weak model"
        // The overfit preset is about the remedies, so its headline names the confidence loss too.
        var remedy = ""
        if r.preset == .overfit, let confidence = r.method("confidence"), let pgr = confidence.pgr {
            remedy = "; the confidence loss reaches \(Format.percent(confidence.accuracy)) (PGR \(Format.fixed(pgr)))"
        }
        if naive.accuracy > r.weakAccuracy {
            return
                "Trained only on weak labels, the strong student beats its supervisor: \(Format.percent(naive.accuracy)) vs "
                + "\(Format.percent(r.weakAccuracy)) (ceiling \(Format.percent(r.ceilingAccuracy))), \(gap)\(remedy)."
        }
        return
            "Trained only on weak labels, the strong student does not beat its supervisor: \(Format.percent(naive.accuracy)) vs "
            + "\(Format.percent(r.weakAccuracy)) (ceiling \(Format.percent(r.ceilingAccuracy)); PGR \(Format.optional(naive.pgr))): "
            + notBeatingReason(r, naive) + "\(remedy)."
    }

    /// Why the naive student ends at or below the weak model, said from the numbers: no gap to
    /// recover, a copy (it mostly agrees with the weak model), or neither.
    static func notBeatingReason(_ r: Result, _ naive: Method) -> String {
        if r.ceilingAccuracy <= r.weakAccuracy {
            return "the weak model is at least as good as the ceiling here, so there is no gap to recover"
        }
        if naive.weakAgreement >= 0.9 {
            return
                "it copies the weak model's mistakes instead of correcting them (it agrees with \(Format.wholePercent(naive.weakAgreement))"
                + " of its predictions)"
        }
        return
            "it does not copy the weak model (it agrees with only \(Format.wholePercent(naive.weakAgreement)) of its predictions), "
            + "but it breaks as many of the weak model's right answers as it fixes of its mistakes, or more"
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph(
            "Weak supervisor: logistic regression that sees \(r.factors - r.blind) of \(r.factors) hidden factors through noise "
                + "\(Format.fixed(r.weakNoise)) (\(r.weakCost) multiply-adds), trained on half A. Strong student: an MLP on a "
                + "\"pretrained\" view of all factors (\(Format.count(Double(r.strongCost))) multiply-adds), trained on half B with the weak model's labels only. "
                + "Preset: \(r.preset.rawValue).")

        out.section("Weak supervisor, students and ceiling (test accuracy)")
        var bars = BarChart()
        let values = [r.weakAccuracy, r.ceilingAccuracy] + r.methods.map(\.accuracy) + [r.earlyStopped.accuracy]
        bars.minimum = max(0, floor(((values.min() ?? 0.5) - 0.05) * 20) / 20)
        bars.maximum = 1
        bars.add("weak", r.weakAccuracy, Format.percent(r.weakAccuracy), style: .yellow)
        for m in r.methods + [r.earlyStopped] {
            bars.add(m.name, m.accuracy, Format.percent(m.accuracy), style: .cyan)
        }
        bars.add("ceiling", r.ceilingAccuracy, Format.percent(r.ceilingAccuracy), style: .green)
        out.block(bars.render(out))
        out.note(
            "Bars start at \(Format.wholePercent(bars.minimum)). Weak: the weak supervisor. Ceiling: the strong model trained on true labels. "
                + "Between them, the strong student trained four ways on weak labels only: naive (the weak model's soft labels), "
                + "hard (its hard labels), confidence (with the auxiliary confidence loss), early-stopped (naive, stopped on weak-labelled validation data)."
        )

        out.blank()
        var table = Table(["method", "accuracy", "PGR", "weak errors fixed", "agrees with weak"])
        table.shortHeaders = ["method", "accuracy", "PGR", "fixed", "agrees"]
        table.dropOrder = [4]
        for m in r.methods + [r.earlyStopped] {
            table.add([
                m.name, Format.percent(m.accuracy), Format.optional(m.pgr), Format.wholePercent(m.correctedWeakErrors),
                Format.wholePercent(m.weakAgreement),
            ])
        }
        out.block(table.render(out))
        out.blank()
        let short = table.usesShortHeaders(out)
        out.paragraph(
            "PGR = (student − weak) / (ceiling − weak): 1 recovers the whole gap, 0 does no better than the supervisor. "
                + (short ? "Fixed (weak errors fixed)" : "Weak errors fixed")
                + ": of the test examples the weak model gets wrong, the share the student gets right."
                + (table.keptColumns(out).contains(4)
                    ? " " + (short ? "Agrees (agrees with weak)" : "Agrees with weak")
                        + ": the share of test examples where the student predicts what the weak model predicts." : ""))
        if let level = levelWithoutCopying(r) {
            out.blank()
            out.paragraph(level)
        }
        out.blank()
        out.paragraph(mechanism(r))

        if let curve = r.curve {
            out.section("Test accuracy per epoch")
            let ys = curve.naive + curve.confidence + [r.weakAccuracy, r.ceilingAccuracy]
            let yLow = floor(((ys.min() ?? 0.5) - 0.01) * 50) / 50
            let yHigh = min(1, ceil(((ys.max() ?? 1) + 0.005) * 50) / 50)
            let epochs = Double(max(curve.naive.count, 2))
            var plot = LinePlot(
                series: [], xRange: 1...epochs, yRange: yLow...yHigh, height: 10, xLabel: "epoch",
                formatX: { String(Int($0)) }, formatY: { Format.wholePercent($0) })
            plot.series.append(
                .init(
                    name: "weak", points: [(1, r.weakAccuracy), (epochs, r.weakAccuracy)], marker: nil, style: .yellow,
                    asciiGlyph: "-", dash: .dotted))
            plot.series.append(
                .init(
                    name: "ceiling", points: [(1, r.ceilingAccuracy), (epochs, r.ceilingAccuracy)], marker: nil,
                    style: .green, asciiGlyph: "=", dash: .dashed))
            plot.series.append(
                .init(
                    name: "naive", points: curve.naive.enumerated().map { (Double($0.offset + 1), $0.element) },
                    marker: nil, style: .cyan, asciiGlyph: "*"))
            // Every third epoch as a marker, so the two curves stay apart without colour.
            plot.series.append(
                .init(
                    name: "confidence loss",
                    points: curve.confidence.enumerated().filter { $0.offset % 3 == 2 }.map {
                        (Double($0.offset + 1), $0.element)
                    },
                    marker: "c", style: .magenta))
            let stop = curve.earlyStoppingEpoch
            if stop >= 1, stop <= curve.naive.count {
                plot.series.append(
                    .init(
                        name: "early stop", points: [(Double(stop), curve.naive[stop - 1])], marker: "E", style: .bold))
            }
            out.block(plot.render(out))
            out.blank()
            out.paragraph(curveStory(curve))
        }

        if let sweep = r.sweep {
            out.section("PGR by weak size × strong size")
            var table = Table(["weak sees"] + sweepStrongSizes.map { "rank \($0)" })
            for weakSize in sweepWeakSizes {
                table.add(
                    ["\(weakSize) factors"]
                        + sweepStrongSizes.map { strongSize in
                            guard
                                let cell = sweep.first(where: { $0.weakSize == weakSize && $0.strongSize == strongSize }
                                ),
                                cell.ceilingAccuracy - cell.weakAccuracy >= 0.02
                            else { return "—" }
                            return Format.optional(cell.pgr)
                        })
            }
            out.block(table.render(out))
            out.note(
                "Rows: factors the weak view sees (weak size). Columns: the rank of the strong view's picture of the factors (strong size). \"—\": the ceiling beats the weak model by under 2 points, too small a gap for a ratio. Each cell averages three worlds."
            )
        }
        return out.text
    }

    /// When a student lands on the weak model's accuracy without copying it (its errors fixed
    /// and its correct answers lost cancel out), one sentence that says so with the counts, so a
    /// PGR of 0 is not read as imitation. Nil when no method is level with the weak model or
    /// when those that are mostly agree with it.
    static func levelWithoutCopying(_ r: Result) -> String? {
        let level = (r.methods + [r.earlyStopped]).filter {
            abs($0.accuracy - r.weakAccuracy) < 0.005 && $0.weakAgreement < 0.9
        }
        guard !level.isEmpty else { return nil }
        func list(_ items: [String]) -> String {
            items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
        func same(_ items: [String]) -> String { Set(items).count == 1 ? items[0] : list(items) }
        let names = list(level.map(\.name))
        let name = names.prefix(1).uppercased() + names.dropFirst()
        let one = level.count == 1
        let errors = r.testCount - Int((r.weakAccuracy * Double(r.testCount)).rounded())
        let successes = r.testCount - errors
        let fixed = level.map { String(Int(($0.correctedWeakErrors * Double(errors)).rounded())) }
        let lost = level.map { String(Int(($0.brokenWeakSuccesses * Double(successes)).rounded())) }
        return
            "\(name) \(one ? "ends" : "end") level with the weak model (\(Format.percent(r.weakAccuracy))) without copying it: "
            + "\(one ? "it agrees" : "they agree") with its test predictions only \(same(level.map { Format.wholePercent($0.weakAgreement) })) of the time, "
            + "fixing \(same(fixed)) of its \(errors) errors but getting \(same(lost)) of its \(successes) correct answers wrong."
    }

    /// Why the student beats its supervisor (or does not), with the knobs worth trying next.
    /// Every clause follows the numbers and knobs of this run: no blind-spot story without a
    /// blind spot, no "generalizes past" when the student does not beat the weak model.
    static func mechanism(_ r: Result) -> String {
        let beats = (r.method("naive")?.accuracy ?? 0) > r.weakAccuracy
        let seen = r.factors - r.blind
        let view =
            "sees \(seen) of \(r.factors) factors"
            + (r.weakNoise > 0 ? " through noise \(Format.fixed(r.weakNoise))" : " without noise")
        var text: String
        if r.ceilingAccuracy <= r.weakAccuracy {
            text =
                "No gap to recover here: the weak model \(view) and scores \(Format.percent(r.weakAccuracy)), no worse than the ceiling's "
                + "\(Format.percent(r.ceilingAccuracy)), so PGR is undefined. A weak model worse than the ceiling needs noise (--weak-noise) or a blind spot (--blind)."
            return text
        }
        if r.weakAccuracy < 0.6 {
            text =
                "The weak labels are close to coin flips here (weak \(Format.percent(r.weakAccuracy))): the weak model \(view), so its labels carry "
                + "little of the rule for the student to learn, however much it could represent."
                + (beats
                    ? " What little they carry, the student finds."
                    : " The student learns too little from them to beat even the weak model.")
        } else {
            text =
                beats ? "Why the student beats its supervisor: " : "Why the student does not beat its supervisor here: "
            if r.weakNoise > 0 {
                text +=
                    "the weak model's noise-driven mistakes are idiosyncratic — nothing in the strong view predicts them — so "
                    + (beats
                        ? "the student cannot fit them and generalizes past them."
                        : r.preset == .overfit
                            ? "a student that cannot fit them generalizes past them; but this preset's wide student, trained long on few examples, "
                                + "can fit some: past its peak it learns more and more of the weak labels' mistakes (see --curve)."
                            : "a student that cannot fit them could generalize past them, but this one does not gain enough from that.")
                text +=
                    r.blind > 0
                    ? " Its blind spot (\(r.blind) unseen factor\(r.blind == 1 ? "" : "s")) is systematic: the student can represent that rule, and imitates it."
                    : " With --blind 0 the weak model has no blind spot: every weak error is noise-driven, the kind the student corrects."
            } else if r.blind > 0 {
                text +=
                    "the weak model's blind spot (\(r.blind) unseen factor\(r.blind == 1 ? "" : "s")) is systematic: the student can represent that rule, "
                    + "and imitates it. With --weak-noise 0 every weak error comes from the blind spot, so there is little to correct."
            } else {
                text +=
                    "the weak model sees every factor without noise (--weak-noise 0 --blind 0): its few errors are neither noise nor a blind spot."
            }
        }
        var tries: [String] = []
        // --weak-noise 0 with no blind spot leaves the weak model nothing to get wrong: no gap, not PGR near 0.
        if r.weakNoise != 0 && r.blind != 0 && r.weakAccuracy >= 0.6 {
            tries.append("--weak-noise 0 (all errors systematic: PGR near 0)")
        }
        if r.blind != 0 { tries.append("--blind 0 (all errors idiosyncratic: PGR higher)") }
        if r.weakAccuracy < 0.6 {
            tries = ["a lower --weak-noise or --blind (a weak model with more signal to pass on)"]
        }
        if !tries.isEmpty { text += " Try " + tries.joined(separator: " or ") + "." }
        return text
    }

    /// What the per-epoch curves show, from their numbers: overfitting or not, and whether the
    /// confidence loss ends above naive training.
    static func curveStory(_ curve: Curve) -> String {
        let end = curve.naive.last ?? 0
        let peak = curve.naive.max() ?? 0
        let peakEpoch = (curve.naive.firstIndex(of: peak) ?? 0) + 1
        var text: String
        if peak - end >= 0.005 {
            text =
                "Naive training peaks at \(Format.percent(peak)) (epoch \(peakEpoch)) and ends at \(Format.percent(end)): trained past its peak, "
                + "the student memorises more and more of the weak labels' mistakes."
        } else {
            text =
                "Naive training ends at its peak, \(Format.percent(end)): in \(curve.naive.count) epochs it does not start copying the weak labels' mistakes here."
        }
        let stop = curve.earlyStoppingEpoch
        if stop >= 1, stop <= curve.naive.count {
            text +=
                " Early stopping on weak-labelled validation data keeps epoch \(stop) (\(Format.percent(curve.naive[stop - 1])))."
        }
        let confidence = curve.confidence.last ?? 0
        if confidence > end + 0.005 {
            text +=
                " The confidence loss ends higher, at \(Format.percent(confidence)), by trusting its own hardened predictions over the weak labels."
        } else if confidence < end - 0.005 {
            text +=
                " The confidence loss ends lower, at \(Format.percent(confidence)): trusting its own hardened predictions over the weak labels does not pay here."
        } else {
            text += " The confidence loss ends level with it, at \(Format.percent(confidence))."
        }
        return text
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("weak-to-strong")), ("seed", .unsigned(r.seed)),
            ("weak_accuracy", .number(r.weakAccuracy)), ("ceiling_accuracy", .number(r.ceilingAccuracy)),
            (
                "methods",
                .array(
                    r.methods.map { m in
                        .object([("name", .string(m.name)), ("accuracy", .number(m.accuracy)), ("pgr", .number(m.pgr))])
                    })
            ),
        ])
    }
}
