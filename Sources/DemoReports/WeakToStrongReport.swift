import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal
import ToyEngine

extension WeakToStrongDemo {
    /// How often each headline claim held on the default setting over seeds 1–20 (binary task,
    /// GPT-2-like → GPT-4-like). Measured, not assumed: a test recomputes every count.
    public struct SeedCounts: Sendable, Equatable {
        /// The naive student beats its weak supervisor.
        public var studentBeatsWeak: Int
        /// The confidence loss gives a higher PGR than naive training.
        public var confidenceBeatsNaive: Int
        /// Early stopping on weak-labelled validation data ends above naive training.
        public var earlyStoppingBeatsNaive: Int
        /// Naive test accuracy peaks before the last epoch and ends lower.
        public var naivePeaksThenFalls: Int
    }

    /// The counts over seeds 1–20 that the report quotes (checked by WeakToStrongFindingsTests).
    public static let seedCounts = SeedCounts(
        studentBeatsWeak: 20, confidenceBeatsNaive: 20, earlyStoppingBeatsNaive: 18, naivePeaksThenFalls: 20)

    public static func headline(_ r: Result) -> String {
        guard let naive = r.method("naive"), let confidence = r.method("confidence") else { return "" }
        let pair = "\(r.strongName) student"
        if r.ceilingAccuracy <= r.weakAccuracy {
            return
                "No gap to recover: the \(r.weakName) supervisor (\(Format.percent(r.weakAccuracy))) is no worse than the \(pair)'s "
                + "ceiling (\(Format.percent(r.ceilingAccuracy))), so PGR is undefined."
        }
        let verb = naive.accuracy > r.weakAccuracy ? "beats" : "does not beat"
        var text =
            "Trained only on \(r.weakName) labels, the \(pair) \(verb) its supervisor: \(Format.percent(naive.accuracy)) vs "
            + "\(Format.percent(r.weakAccuracy)) (ceiling \(Format.percent(r.ceilingAccuracy))), PGR \(Format.optional(naive.pgr))"
        if let pgr = confidence.pgr {
            text +=
                "; with the auxiliary confidence loss \(Format.percent(confidence.accuracy)), PGR \(Format.fixed(pgr))"
        }
        return text + "."
    }

    /// Whether `r` ran the setting `seedCounts` were measured on (any seed).
    static func isDefaultSetting(_ r: Result) -> Bool {
        let defaults = Options()
        return r.classes == defaults.classes && r.weakSize == defaults.weakSize && r.strongSize == defaults.strongSize
    }

    /// Settings at another width (for charts drawn side by side).
    static func narrowed(_ settings: TerminalSettings, to width: Int) -> TerminalSettings {
        var copy = settings
        copy.width = width
        return copy
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        let weakRungs = WeakToStrongTask.weakLadder.count
        let strongRungs = WeakToStrongTask.strongLadder.count
        let weakPart =
            "Weak supervisor: the \(r.weakName) model (weak size \(r.weakSize) of \(weakRungs)), trained on half A's true labels."
        let strongPart =
            " Strong student: the \(r.strongName) model (strong size \(r.strongSize) of \(strongRungs)), a frozen "
            + "\"pretrained\" view with a linear head, trained on half B with the weak model's labels only."
        let costPart =
            " Heads: \(r.weakCost) and \(r.strongCost) multiply-adds per prediction; the rungs of each ladder differ in how "
            + "cleanly their frozen view holds the task's concept, not in head size."
        let runPart = " \(r.classes) classes, \(r.testCount) test examples, seed \(r.seed)."
        out.paragraph(weakPart + strongPart + costPart + runPart)

        out.section("Weak supervisor, students and ceiling (test accuracy)")
        var bars = BarChart()
        let values = [r.weakAccuracy, r.ceilingAccuracy] + r.methods.map(\.accuracy)
        bars.minimum = max(0, floor(((values.min() ?? 0.5) - 0.05) * 20) / 20)
        bars.maximum = 1
        bars.add("weak", r.weakAccuracy, Format.percent(r.weakAccuracy), style: .yellow)
        for m in r.methods { bars.add(m.name, m.accuracy, Format.percent(m.accuracy), style: .cyan) }
        bars.add("ceiling", r.ceilingAccuracy, Format.percent(r.ceilingAccuracy), style: .green)
        out.block(bars.render(out))
        out.note(
            "Bars start at \(Format.wholePercent(bars.minimum)). Naive: trained on the weak model's soft labels; hard: on its hard labels; "
                + "confidence: with the auxiliary confidence loss; early-stopped: naive, stopped at the epoch that agrees best with "
                + "weak-labelled validation data (no true label used). Ceiling: the student trained on half B's true labels."
        )

        out.blank()
        var table = Table(["method", "accuracy", "PGR", "gain", "misfit", "weak errors fixed"])
        table.shortHeaders = ["method", "acc.", "PGR", "gain", "misfit", "fixed"]
        table.dropOrder = [5]
        for m in r.methods {
            table.add([
                m.name, Format.percent(m.accuracy), Format.optional(m.pgr), Format.points(m.gain),
                Format.percent(m.misfit), Format.wholePercent(m.correctedWeakErrors),
            ])
        }
        out.block(table.render(out))
        out.paragraph(
            "PGR = (student − weak) / (ceiling − weak). Gain: student − weak, in points. Misfit: the share of test examples where "
                + "the student disagrees with the weak model's label. A student can only gain where it misfits: its gain is the "
                + "misfit examples it gets right minus those the weak model had right.")
        out.blank()
        out.paragraph(mechanism(r))

        if let curve = r.curve { renderCurve(curve, r, &out) }
        if let sweep = r.sweep { renderSweep(sweep, r, &out) }
        if let bootstrap = r.bootstrap { renderBootstrap(bootstrap, r, &out) }

        out.blank()
        out.note(closingNote(r))
        return out.text
    }

    /// Why the student beats its supervisor, said from this run's numbers.
    static func mechanism(_ r: Result) -> String {
        guard let naive = r.method("naive"), let confidence = r.method("confidence") else { return "" }
        var text =
            "Why: the student's pretrained view holds the task's concept as its most salient direction, and plain SGD "
            + "fits salient directions first, so fine-tuning on weak labels elicits the concept. The weak model's mistakes "
            + "lie along directions the student sees only faintly (a cue the weak model confuses with the concept, and the "
            + "weak model's own noise), "
            + "so the student cannot fit them cheaply: it misfits \(Format.percent(naive.misfit)) of the weak labels and gains "
            + "\(Format.points(naive.gain)) over its supervisor."
        if confidence.misfit > naive.misfit {
            text +=
                " The confidence loss lets it trust its own predictions where it disagrees with the weak labels: misfit "
                + "\(Format.percent(confidence.misfit)), gain \(Format.points(confidence.gain))."
        }
        if isDefaultSetting(r) {
            text +=
                " Over seeds 1–20 in this setting, the student beats its supervisor on "
                + "\(seedCounts.studentBeatsWeak) of the 20 seeds and the confidence loss beats naive training on "
                + "\(seedCounts.confidenceBeatsNaive)."
        }
        return text
    }

    static func renderCurve(_ curve: Curve, _ r: Result, _ out: inout Report) {
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
                .init(name: "early stop", points: [(Double(stop), curve.naive[stop - 1])], marker: "E", style: .bold))
        }
        out.block(plot.render(out))
        out.paragraph(curveStory(curve, defaultSetting: isDefaultSetting(r)))
    }

    /// What the per-epoch curves show, from their numbers.
    static func curveStory(_ curve: Curve, defaultSetting: Bool = false) -> String {
        guard let end = curve.naive.last, let peak = curve.naive.max() else { return "" }
        let peakEpoch = (curve.naive.firstIndex(of: peak) ?? 0) + 1
        var text: String
        if peak > end {
            text =
                "Naive training peaks at \(Format.percent(peak)) (epoch \(peakEpoch)) and ends lower, at \(Format.percent(end)): "
                + "having found the concept, the student slowly learns the weak model's mistakes (overfitting to weak labels)."
        } else {
            text = "Naive training ends at its peak, \(Format.percent(end)): no overfitting to weak labels in this run."
        }
        let stop = curve.earlyStoppingEpoch
        if stop >= 1, stop <= curve.naive.count {
            let stopped = curve.naive[stop - 1]
            text +=
                " Early stopping keeps epoch \(stop), where the student agrees best with the weak validation labels: "
                + "\(Format.percent(stopped))"
                + (stopped > end && stopped < peak
                    ? ", above the end of training. It recovers only part of the drop: weak labels can flag memorised "
                        + "mistakes but not copied systematic ones (copying those raises agreement with weak labels), "
                        + "and without ground truth nobody knows the best epoch."
                    : stopped > end
                        ? ", the peak itself: here the weak validation labels found the best epoch, which without "
                            + "ground truth nobody can confirm."
                        : stopped < end ? ", below the end of training." : ", level with the end of training.")
        }
        if defaultSetting {
            text +=
                " Over seeds 1–20 in this setting, naive training peaks and falls on \(seedCounts.naivePeaksThenFalls) and "
                + "early stopping ends above it on \(seedCounts.earlyStoppingBeatsNaive)."
        }
        if let confidence = curve.confidence.last {
            text +=
                " The confidence loss ends at \(Format.percent(confidence))"
                + (confidence > end ? ", above naive training." : confidence < end ? ", below naive training." : ".")
        }
        return text
    }

    static func cellStyle(_ w: Int) -> Style { [Style.yellow, .cyan, .green][(w - 1) % 3] }

    /// PGR against strong size, one line per weak size.
    static func sweepPlot(_ sweep: [SweepCell], title: String, pick: (SweepCell) -> Double?, range: ClosedRange<Double>)
        -> LinePlot
    {
        let sizes = Double(WeakToStrongTask.strongLadder.count)
        var plot = LinePlot(
            series: [], xRange: 1...sizes, yRange: range, height: 9, xLabel: title,
            formatX: { "S\(Int($0))" }, formatY: { Format.fixed($0, 1) })
        let dashes: [LinePlot.Dash] = [.solid, .dashed, .dotted]
        let glyphs: [Character] = ["*", "+", "."]
        for w in 1...WeakToStrongTask.weakLadder.count {
            let points = sweep.filter { $0.weakSize == w }.sorted { $0.strongSize < $1.strongSize }.compactMap {
                cell in pick(cell).map { (Double(cell.strongSize), $0) }
            }
            plot.series.append(
                .init(
                    name: "W\(w)", points: points, marker: nil, style: cellStyle(w), asciiGlyph: glyphs[w - 1],
                    dash: dashes[w - 1]))
        }
        return plot
    }

    static func renderSweep(_ sweep: [SweepCell], _ r: Result, _ out: inout Report) {
        out.section("PGR against the student's size, a line per supervisor (the paper's picture)")
        let values = sweep.flatMap { [$0.naive.pgr, $0.confidence.pgr] }.compactMap { $0 }
        let low = min(0, floor((values.min() ?? 0) * 10) / 10)
        let high = max(1, ceil((values.max() ?? 1) * 10) / 10)
        let naive = sweepPlot(sweep, title: "naive", pick: { $0.naive.pgr }, range: low...high)
        let confidence = sweepPlot(sweep, title: "confidence loss", pick: { $0.confidence.pgr }, range: low...high)
        let half = (out.width - 2) / 2
        if half >= 34 {
            let settings = narrowed(out.settings, to: half)
            let left = naive.render(Report(settings: settings))
            let right = confidence.render(Report(settings: settings))
            // The plot, its axis rule and x labels side by side; one legend (the same series) below.
            let body = naive.height + 2
            var lines: [String] = []
            for i in 0..<min(body, left.count, right.count) {
                let pad = String(repeating: " ", count: max(0, half - DisplayWidth.of(left[i])) + 2)
                lines.append(left[i] + pad + right[i])
            }
            lines += left.dropFirst(body)
            out.block(lines)
        } else {
            out.block(naive.render(out))
            out.block(confidence.render(out))
        }
        out.note(
            "x: strong size S1–S4 (\(WeakToStrongTask.strongLadder.map(\.name).joined(separator: ", "))); a line per weak size "
                + "W1–W3 (\(WeakToStrongTask.weakLadder.map(\.name).joined(separator: ", "))). Left: naive training; right: the "
                + "auxiliary confidence loss.")

        out.blank()
        var table = Table([
            "weak", "strong", "weak acc.", "ceiling", "naive", "PGR", "misfit", "confidence", "PGR", "misfit",
        ])
        table.shortHeaders = ["W", "S", "weak", "ceil.", "naive", "PGR", "misfit", "conf.", "PGR", "misfit"]
        table.dropOrder = [3, 2, 9, 6]
        for c in sweep {
            table.add([
                "W\(c.weakSize)", "S\(c.strongSize)", Format.percent(c.weakAccuracy), Format.percent(c.ceilingAccuracy),
                Format.percent(c.naive.accuracy), Format.optional(c.naive.pgr), Format.percent(c.naive.misfit),
                Format.percent(c.confidence.accuracy), Format.optional(c.confidence.pgr),
                Format.percent(c.confidence.misfit),
            ])
        }
        out.block(table.render(out))
        out.paragraph(sweepStory(sweep))
    }

    /// Misfit against gain over every student of the sweep: Pearson r and the least-squares slope.
    public static func misfitFit(_ sweep: [SweepCell]) -> (correlation: Double?, slope: Double?) {
        let students = sweep.flatMap { [$0.naive, $0.confidence] }
        let n = Double(students.count)
        guard n >= 2 else { return (nil, nil) }
        let mx = students.map(\.misfit).reduce(0, +) / n
        let my = students.map(\.gain).reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for s in students {
            sxy += (s.misfit - mx) * (s.gain - my)
            sxx += (s.misfit - mx) * (s.misfit - mx)
            syy += (s.gain - my) * (s.gain - my)
        }
        guard sxx > 0 else { return (nil, nil) }
        return (syy > 0 ? sxy / (sxx * syy).squareRoot() : nil, sxy / sxx)
    }

    /// The sweep's trends in words, from its numbers.
    static func sweepStory(_ sweep: [SweepCell]) -> String {
        var parts: [String] = []
        let weakSizes = 1...WeakToStrongTask.weakLadder.count
        let largest = WeakToStrongTask.strongLadder.count
        var rising = 0
        for w in weakSizes {
            let row = sweep.filter { $0.weakSize == w }.sorted { $0.strongSize < $1.strongSize }.compactMap {
                $0.naive.pgr
            }
            if row.count == largest, zip(row, row.dropFirst()).allSatisfy({ $0 < $1 }) { rising += 1 }
        }
        parts.append(
            rising == weakSizes.count
                ? "Naive PGR rises with the student's size for every supervisor: a larger student sees the concept more "
                    + "cleanly and the weak model's mistakes more faintly."
                : "Naive PGR rises with the student's size for \(rising) of \(weakSizes.count) supervisors on this seed "
                    + "(over seeds 1–20 the medians rise for all three; --seeds 20 --json has every cell's median).")
        let hurts = sweep.filter { c in
            guard let n = c.naive.pgr, let k = c.confidence.pgr else { return false }
            return k < n
        }
        let helps = sweep.count - hurts.count
        if hurts.isEmpty {
            parts.append("The confidence loss raises PGR in every cell.")
        } else {
            parts.append(
                "The confidence loss raises PGR in \(helps) of \(sweep.count) cells and lowers it in "
                    + hurts.map { "W\($0.weakSize)→S\($0.strongSize)" }.joined(separator: ", ")
                    + " (the paper too finds it can hurt, for small students).")
        }
        let fit = misfitFit(sweep)
        if let r = fit.correlation, let slope = fit.slope {
            parts.append(
                "Misfit and gain, side by side in the table, move together: over the sweep's \(2 * sweep.count) students, "
                    + "r = \(Format.fixed(r)) and gain ≈ \(Format.fixed(slope)) × misfit + a constant. No student gains more "
                    + "than it misfits.")
        }
        return parts.joined(separator: " ")
    }

    static func renderBootstrap(_ b: Bootstrap, _ r: Result, _ out: inout Report) {
        out.section("Bootstrapping: weak → each strong size in turn → the largest")
        var table = Table(["hop", "student", "trained on labels from", "accuracy", "ceiling", "PGR"])
        table.shortHeaders = ["hop", "student", "labels from", "acc.", "ceiling", "PGR"]
        table.dropOrder = [4, 2]
        var teacher = "W\(r.weakSize) (\(Format.percent(r.weakAccuracy)))"
        for (i, hop) in b.chain.enumerated() {
            table.add([
                "\(i + 1)", "S\(hop.strongSize)", teacher, Format.percent(hop.accuracy),
                Format.percent(hop.ceilingAccuracy),
                Format.optional(hop.pgr),
            ])
            teacher = "S\(hop.strongSize)"
        }
        out.block(table.render(out))
        let diff = b.chainAccuracy - b.directAccuracy
        out.paragraph(
            "Directly from the weak labels, the largest student reaches \(Format.percent(b.directAccuracy)) (PGR \(Format.optional(b.directPGR))); "
                + "through the chain \(Format.percent(b.chainAccuracy)) (PGR \(Format.optional(b.chainPGR))), "
                + (diff > 0
                    ? "\(Format.points(diff)) better: each hop's supervisor is closer in strength to its student, "
                        + "so each hop has a small gap to cross, and it hands on cleaner labels."
                    : diff < 0 ? "\(Format.points(-diff)) worse on this seed." : "level on this seed.")
                + " PGR of a hop: against the weak supervisor and that size's ceiling.")
    }

    /// The closing note: how the default seed was chosen and where to see the spread.
    static func closingNote(_ r: Result) -> String {
        "The default seed, \(defaultSeed), was chosen openly: it is the first of seeds 1–20 on which every method's PGR "
            + "lies in the middle half of seeds 1–20. `--seeds 20` gives the median and range over 20 seeds; `--sweep`, "
            + "`--curve` and `--bootstrap` show the paper's other findings."
    }

    static func methodJSON(_ m: Method) -> JSONValue {
        .object([
            ("name", .string(m.name)), ("accuracy", .number(m.accuracy)), ("pgr", .number(m.pgr)),
            ("misfit", .number(m.misfit)), ("gain", .number(m.gain)),
            ("corrected_weak_errors", .number(m.correctedWeakErrors)),
            ("broken_weak_successes", .number(m.brokenWeakSuccesses)),
        ])
    }

    public static func json(_ r: Result) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("demo", .string("weak-to-strong")), ("seed", .unsigned(r.seed)), ("classes", .integer(r.classes)),
            ("weak_size", .integer(r.weakSize)), ("strong_size", .integer(r.strongSize)),
            ("weak_name", .string(r.weakName)), ("strong_name", .string(r.strongName)),
            ("weak_cost", .integer(r.weakCost)), ("strong_cost", .integer(r.strongCost)),
            ("test_count", .integer(r.testCount)),
            ("weak_accuracy", .number(r.weakAccuracy)), ("ceiling_accuracy", .number(r.ceilingAccuracy)),
            ("methods", .array(r.methods.map(methodJSON))),
        ]
        if isDefaultSetting(r) {
            pairs.append(
                (
                    "seeds_1_to_20",
                    .object([
                        ("student_beats_weak", .integer(seedCounts.studentBeatsWeak)),
                        ("confidence_beats_naive", .integer(seedCounts.confidenceBeatsNaive)),
                        ("early_stopping_beats_naive", .integer(seedCounts.earlyStoppingBeatsNaive)),
                        ("naive_peaks_then_falls", .integer(seedCounts.naivePeaksThenFalls)),
                    ])
                ))
        }
        if let curve = r.curve {
            pairs.append(
                (
                    "curve",
                    .object([
                        ("naive", .array(curve.naive.map { .number($0) })),
                        ("confidence", .array(curve.confidence.map { .number($0) })),
                        ("weak_agreement", .array(curve.weakAgreement.map { .number($0) })),
                        ("early_stopping_epoch", .integer(curve.earlyStoppingEpoch)),
                    ])
                ))
        }
        if let sweep = r.sweep {
            pairs.append(
                (
                    "sweep",
                    .array(
                        sweep.map { c in
                            .object([
                                ("weak_size", .integer(c.weakSize)), ("strong_size", .integer(c.strongSize)),
                                ("weak_accuracy", .number(c.weakAccuracy)),
                                ("ceiling_accuracy", .number(c.ceilingAccuracy)),
                                ("naive_accuracy", .number(c.naive.accuracy)), ("naive_pgr", .number(c.naive.pgr)),
                                ("naive_misfit", .number(c.naive.misfit)),
                                ("confidence_accuracy", .number(c.confidence.accuracy)),
                                ("confidence_pgr", .number(c.confidence.pgr)),
                                ("confidence_misfit", .number(c.confidence.misfit)),
                            ])
                        })
                ))
            let fit = misfitFit(sweep)
            pairs.append(
                ("misfit_gain", .object([("correlation", .number(fit.correlation)), ("slope", .number(fit.slope))])))
        }
        if let b = r.bootstrap {
            pairs.append(
                (
                    "bootstrap",
                    .object([
                        ("direct_accuracy", .number(b.directAccuracy)), ("direct_pgr", .number(b.directPGR)),
                        ("chain_accuracy", .number(b.chainAccuracy)), ("chain_pgr", .number(b.chainPGR)),
                        (
                            "chain",
                            .array(
                                b.chain.map { hop in
                                    .object([
                                        ("strong_size", .integer(hop.strongSize)), ("accuracy", .number(hop.accuracy)),
                                        ("ceiling_accuracy", .number(hop.ceilingAccuracy)),
                                        ("pgr", .number(hop.pgr)),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        return .object(pairs)
    }
}

extension WeakToStrongDemo: ReportedDemo {
    /// The claims the report makes about the default setting, checked per seed by `--seeds N`.
    public static let claims: [DemoClaim] = [
        DemoClaim.exceeds("The strong student beats its weak supervisor", "methods.naive.accuracy", "weak_accuracy"),
        DemoClaim.exceeds(
            "The auxiliary confidence loss recovers more of the gap than naive training", "methods.confidence.pgr",
            "methods.naive.pgr"),
        DemoClaim.exceeds(
            "Early stopping on weak-labelled validation data ends above naive training",
            "methods.early-stopped.accuracy", "methods.naive.accuracy"),
    ]

    /// The numbers `--seeds N` summarises.
    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("weak_accuracy", "weak supervisor", true), ("ceiling_accuracy", "strong ceiling", true),
        ("methods.naive.accuracy", "naive student", true), ("methods.naive.pgr", "naive PGR", false),
        ("methods.hard.pgr", "hard-label PGR", false), ("methods.confidence.pgr", "confidence-loss PGR", false),
        ("methods.early-stopped.pgr", "early-stopped PGR", false), ("methods.naive.misfit", "naive misfit", true),
        ("methods.confidence.misfit", "confidence misfit", true), ("sweep.3.naive_pgr", "sweep W1→S4 naive PGR", false),
        ("sweep.3.confidence_pgr", "sweep W1→S4 confidence PGR", false), ("bootstrap.direct_pgr", "direct PGR", false),
        ("bootstrap.chain_pgr", "bootstrapped PGR", false),
    ]

    /// The documented keys of `--json`.
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"weak-to-strong\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("classes", meaning: "number of classes (2–10)"),
        JSONKeyDoc("weak_size", meaning: "the weak supervisor's rung, 1–3 (1 = GPT-2-like)"),
        JSONKeyDoc("strong_size", meaning: "the strong student's rung, 1–4 (4 = GPT-4-like)"),
        JSONKeyDoc("weak_name", meaning: "what the weak rung stands for"),
        JSONKeyDoc("strong_name", meaning: "what the strong rung stands for"),
        JSONKeyDoc("weak_cost", meaning: "multiply-adds per prediction of the weak model's head"),
        JSONKeyDoc("strong_cost", meaning: "multiply-adds per prediction of the student's head"),
        JSONKeyDoc("test_count", meaning: "test examples every accuracy is measured on"),
        JSONKeyDoc("weak_accuracy", meaning: "test accuracy of the weak supervisor"),
        JSONKeyDoc("ceiling_accuracy", meaning: "test accuracy of the student trained on true labels"),
        JSONKeyDoc("methods[]", meaning: "one entry per training method: naive, hard, confidence, early-stopped"),
        JSONKeyDoc("methods[].name", meaning: "the method"),
        JSONKeyDoc("methods[].accuracy", meaning: "test accuracy of the student"),
        JSONKeyDoc(
            "methods[].pgr", meaning: "performance gap recovered; null when the ceiling does not beat the weak model"),
        JSONKeyDoc(
            "methods[].misfit",
            meaning: "share of test examples where the student disagrees with the weak model's label"),
        JSONKeyDoc("methods[].gain", meaning: "accuracy − weak_accuracy"),
        JSONKeyDoc(
            "methods[].corrected_weak_errors",
            meaning: "of the weak model's test errors, the share the student gets right"),
        JSONKeyDoc(
            "methods[].broken_weak_successes",
            meaning: "of the weak model's right answers, the share the student gets wrong"),
        JSONKeyDoc(
            "seeds_1_to_20",
            meaning:
                "in the default setting (2 classes, weak size 1, strong size 4): on how many of seeds 1–20 each claim the report quotes held"
        ),
        JSONKeyDoc("seeds_1_to_20.student_beats_weak", meaning: "the naive student beats its supervisor"),
        JSONKeyDoc("seeds_1_to_20.confidence_beats_naive", meaning: "the confidence loss has the higher PGR"),
        JSONKeyDoc("seeds_1_to_20.early_stopping_beats_naive", meaning: "early stopping ends above naive training"),
        JSONKeyDoc(
            "seeds_1_to_20.naive_peaks_then_falls",
            meaning: "naive test accuracy peaks before the last epoch and ends lower"),
        JSONKeyDoc("curve", meaning: "with --curve"),
        JSONKeyDoc("curve.naive", meaning: "naive test accuracy after each epoch"),
        JSONKeyDoc("curve.confidence", meaning: "confidence-loss test accuracy after each epoch"),
        JSONKeyDoc(
            "curve.weak_agreement",
            meaning: "naive student's agreement with the weak validation labels after each epoch"),
        JSONKeyDoc("curve.early_stopping_epoch", meaning: "the epoch early stopping keeps (1-based)"),
        JSONKeyDoc("sweep[]", meaning: "with --sweep: one entry per weak size × strong size"),
        JSONKeyDoc("sweep[].weak_size", meaning: "1–3"), JSONKeyDoc("sweep[].strong_size", meaning: "1–4"),
        JSONKeyDoc("sweep[].weak_accuracy", meaning: "the weak supervisor's test accuracy"),
        JSONKeyDoc("sweep[].ceiling_accuracy", meaning: "the student's ceiling"),
        JSONKeyDoc("sweep[].naive_accuracy", meaning: "naive student"),
        JSONKeyDoc("sweep[].naive_pgr", meaning: "its PGR"),
        JSONKeyDoc("sweep[].naive_misfit", meaning: "its misfit"),
        JSONKeyDoc("sweep[].confidence_accuracy", meaning: "confidence-loss student"),
        JSONKeyDoc("sweep[].confidence_pgr", meaning: "its PGR"),
        JSONKeyDoc("sweep[].confidence_misfit", meaning: "its misfit"),
        JSONKeyDoc("misfit_gain", meaning: "with --sweep: gain against misfit over the sweep's students"),
        JSONKeyDoc("misfit_gain.correlation", meaning: "Pearson r"),
        JSONKeyDoc("misfit_gain.slope", meaning: "least-squares slope of gain on misfit"),
        JSONKeyDoc("bootstrap", meaning: "with --bootstrap"),
        JSONKeyDoc("bootstrap.direct_accuracy", meaning: "the largest student trained on the weak labels directly"),
        JSONKeyDoc("bootstrap.direct_pgr", meaning: "its PGR"),
        JSONKeyDoc("bootstrap.chain_accuracy", meaning: "the largest student at the end of the chain"),
        JSONKeyDoc("bootstrap.chain_pgr", meaning: "its PGR"),
        JSONKeyDoc("bootstrap.chain[]", meaning: "each hop: a student trained on the previous hop's soft labels"),
        JSONKeyDoc("bootstrap.chain[].strong_size", meaning: "the hop's student"),
        JSONKeyDoc("bootstrap.chain[].accuracy", meaning: "its test accuracy"),
        JSONKeyDoc("bootstrap.chain[].ceiling_accuracy", meaning: "its ceiling"),
        JSONKeyDoc("bootstrap.chain[].pgr", meaning: "PGR against the weak supervisor and this size's ceiling"),
    ]
}

extension WeakToStrongDemo {
    /// `tandem run weak-to-strong`'s options.
    public struct Arguments: DemoArguments {
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Classes, 2–10 (default 2).", valueName: "K"))
        public var classes: Int = 2
        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("The weak supervisor, 1–3 (default 1, GPT-2-like).", valueName: "N"))
        public var weakSize: Int = 1
        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("The strong student, 1–4 (default 4, GPT-4-like).", valueName: "N"))
        public var strongSize: Int = 4
        @Flag(name: .long, help: "Also show PGR against strong size for every weak size (naive and confidence loss).")
        public var sweep = false
        @Flag(name: .long, help: "Also chart test accuracy per epoch (naive, confidence loss, early stopping).")
        public var curve = false
        @Flag(name: .long, help: "Also run the bootstrapping chain weak → each strong size in turn → the largest.")
        public var bootstrap = false
        @OptionGroup public var mineOption: MineOption
        public init() {}

        public var mine: Bool { mineOption.mine }
        public var mineArguments: [String] {
            ["--classes", "\(classes)", "--weak-size", "\(weakSize)", "--strong-size", "\(strongSize)"]
                + (sweep ? ["--sweep"] : []) + (curve ? ["--curve"] : []) + (bootstrap ? ["--bootstrap"] : [])
        }

        public func validate() throws {
            guard (2...10).contains(classes) else {
                throw ValidationError("--classes must be between 2 and 10 (got \(classes)).")
            }
            guard (1...3).contains(weakSize) else {
                throw ValidationError("--weak-size must be between 1 and 3 (got \(weakSize)).")
            }
            guard (1...4).contains(strongSize) else {
                throw ValidationError("--strong-size must be between 1 and 4 (got \(strongSize)).")
            }
        }

        public var options: Options {
            var options = Options()
            options.classes = classes
            options.weakSize = weakSize
            options.strongSize = strongSize
            options.sweep = sweep
            options.curve = curve
            options.bootstrap = bootstrap
            return options
        }

        public func outcome(seed: UInt64) -> DemoOutcome {
            let result = run(options, seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}
