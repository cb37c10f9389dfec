import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal

extension SaltDemo {
    static func label(_ run: Run) -> String {
        switch run.name {
        case "baseline": return "baseline"
        case "salt": return "SALT"
        case "salt_ds": return "SALT_DS"
        default: return "KD throughout"
        }
    }

    /// "180 (60%)" or "never".
    static func reached(_ run: Run, steps: Int) -> String {
        guard let step = run.stepsToBaselineQuality else { return "never" }
        return "\(step) (\(Format.wholePercent(Double(step) / Double(max(steps, 1)))))"
    }

    public static func headline(_ r: Result) -> String {
        let salt = r.salt
        if let step = salt.stepsToBaselineQuality, step < r.steps {
            return
                "With a small teacher's soft labels for the first \(Format.wholePercent(Double(r.kdSteps) / Double(r.steps))) of pre-training, "
                + "the large model reaches the baseline's final loss at step \(step) of \(r.steps) "
                + "(\(Format.wholePercent(Double(step) / Double(r.steps))) of the steps)."
        }
        return
            "Here an early phase on the small teacher's soft labels does not reach the baseline's final loss sooner "
            + "(SALT ends at \(Format.fixed(salt.finalLoss, 3)), the baseline at \(Format.fixed(r.baseline.finalLoss, 3)))."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph(
            "Text from a Markov source where the next token depends on the two before it. Small model: softmax regression on "
                + "the last token only (\(r.smallCost) multiply-adds), trained first on the same text; it cannot see the token two back. "
                + "Large model: an MLP with \(largeHidden[0]) hidden units over the last two tokens (\(Format.count(Double(r.largeCost))) "
                + "multiply-adds), pre-trained four ways for \(r.steps) steps on the same stream from the same start. SALT trains on the "
                + "small model's probabilities for the first \(r.kdSteps) steps, then on the next tokens; SALT_DS also lets the small "
                + "model pick that phase's examples (the middle half of its loss: neither easy nor hopeless).")
        out.section("Expected next-token loss (nats; lower is better)")
        var table = Table(["training", "final loss", "steps to baseline's final loss"])
        table.shortHeaders = ["training", "final", "to baseline"]
        for run in r.runs {
            table.add(
                [label(run), Format.fixed(run.finalLoss, 3), reached(run, steps: r.steps)], highlight: run == r.salt)
        }
        table.add(["(small teacher)", Format.fixed(r.teacherLoss, 3), ""])
        table.add(["(entropy floor)", Format.fixed(r.entropyFloor, 3), ""])
        out.block(table.render(out))
        out.note(
            "Loss: the cross-entropy from the source's true next-token probabilities to the model's, over the contexts "
                + "as often as held-out text has them; the entropy floor is the source's own uncertainty, which no model beats."
        )

        // From the switch on: the range runs from the lowest loss to the baseline's loss at the
        // switch (earlier, higher points fall outside and are not drawn).
        let lows = r.runs.map(\.finalLoss) + [r.teacherLoss]
        let top = r.baseline.curve[safe: r.switchIndex] ?? (lows.max() ?? 1)
        let yLow = floor(((lows.min() ?? 0) - 0.01) * 50) / 50
        let yHigh = max(yLow + 0.05, ceil(top * 50) / 50)
        let xs = r.evaluationSteps.map(Double.init)
        func clipped(_ run: Run) -> [(x: Double, y: Double)] {
            zip(xs, run.curve).filter { $0.1 <= yHigh }.map { (x: $0, y: $1) }
        }
        var plot = LinePlot(
            series: [], xRange: 0...Double(max(r.steps, 1)), yRange: yLow...yHigh, height: 10, xLabel: "training step",
            formatX: { Format.short($0) }, formatY: { Format.fixed($0, 2) })
        plot.series.append(
            .init(
                name: "small teacher", points: [(0, r.teacherLoss), (Double(r.steps), r.teacherLoss)], marker: nil,
                style: .dim, asciiGlyph: ".", dash: .dotted))
        plot.series.append(
            .init(name: "baseline", points: clipped(r.baseline), marker: nil, style: .yellow, asciiGlyph: "*"))
        plot.series.append(
            .init(name: "SALT", points: clipped(r.salt), marker: nil, style: .cyan, asciiGlyph: "-", dash: .dashed))
        // Marker series: every third evaluation, so the letters do not crowd the lines.
        func sparse(_ run: Run) -> [(x: Double, y: Double)] {
            clipped(run).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        }
        plot.series.append(.init(name: "SALT_DS", points: sparse(r.saltDS), marker: "d", style: .green))
        plot.series.append(.init(name: "KD throughout", points: sparse(r.kdThroughout), marker: "k", style: .magenta))
        out.blank()
        out.block(plot.render(out))
        out.paragraph(story(r))
        out.blank()
        out.note(
            "For scale, the paper's own result (Rawat et al. 2024): a 2.8B-parameter model with a 1.5B teacher reached the "
                + "baseline's quality in about 70% of the training steps. Over many seeds here: add --seeds 20.")
        return out.text
    }

    /// What the curves show, from this seed's numbers.
    static func story(_ r: Result) -> String {
        var text =
            "Early on, the small model's probabilities are a better target than single sampled tokens: they say how likely "
            + "every next token is, so each step carries more information. "
        if let b = r.baseline.curve[safe: r.switchIndex], let s = r.salt.curve[safe: r.switchIndex] {
            text +=
                "At step \(r.kdSteps), when SALT switches, its loss is \(Format.fixed(s, 3)) against the baseline's \(Format.fixed(b, 3)). "
        }
        let gap = r.kdThroughout.finalLoss - r.baseline.finalLoss
        if gap > 0 {
            text +=
                "But the small model cannot see everything the large one can: distilled for the whole run, the large model ends at "
                + "\(Format.fixed(r.kdThroughout.finalLoss, 3)), near its teacher's \(Format.fixed(r.teacherLoss, 3)) and "
                + "\(Format.fixed(gap, 3)) worse than the baseline. That is why SALT hands over to the real next tokens."
        } else {
            text +=
                "Distilled for the whole run, the large model ends at \(Format.fixed(r.kdThroughout.finalLoss, 3)) (the teacher: "
                + "\(Format.fixed(r.teacherLoss, 3)); the baseline: \(Format.fixed(r.baseline.finalLoss, 3)))."
        }
        return text
    }

    public static func json(_ r: Result) -> JSONValue {
        func run(_ run: Run) -> JSONValue {
            .object([
                ("curve", .array(run.curve.map { .number($0) })),
                ("steps_to_baseline_quality", run.stepsToBaselineQuality.map { .integer($0) } ?? .null),
                ("final_loss", .number(run.finalLoss)),
            ])
        }
        return .object([
            ("demo", .string("salt")), ("seed", .unsigned(r.seed)),
            ("steps", .integer(r.steps)), ("kd_steps", .integer(r.kdSteps)),
            ("evaluation_steps", .array(r.evaluationSteps.map { .integer($0) })),
            ("baseline", run(r.baseline)), ("salt", run(r.salt)), ("salt_ds", run(r.saltDS)),
            ("kd_throughout", run(r.kdThroughout)),
            (
                "at_switch",
                .object([
                    ("baseline", .number(r.baseline.curve[safe: r.switchIndex])),
                    ("salt", .number(r.salt.curve[safe: r.switchIndex])),
                ])
            ),
            ("teacher_loss", .number(r.teacherLoss)), ("entropy_floor", .number(r.entropyFloor)),
            ("small_cost", .integer(r.smallCost)), ("large_cost", .integer(r.largeCost)),
        ])
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    fileprivate subscript(safe index: Int?) -> Element? {
        guard let index, indices.contains(index) else { return nil }
        return self[index]
    }
}

extension SaltDemo: ReportedDemo {
    /// The headline's claims, each checked on one seed's JSON.
    public static let claims: [DemoClaim] = [
        DemoClaim("SALT reaches the baseline's final loss in fewer steps") { json in
            guard let steps = json.number(at: "steps") else { return nil }
            guard let reached = json.number(at: "salt.steps_to_baseline_quality") else { return false }
            return reached < steps
        },
        DemoClaim("At the switch, SALT's loss is below the baseline's") { json in
            guard let salt = json.number(at: "at_switch.salt"), let base = json.number(at: "at_switch.baseline")
            else { return nil }
            return salt < base
        },
        DemoClaim("SALT ends with a lower loss than the baseline") { json in
            guard let salt = json.number(at: "salt.final_loss"), let base = json.number(at: "baseline.final_loss")
            else { return nil }
            return salt < base
        },
        DemoClaim("SALT_DS reaches the baseline's final loss in fewer steps") { json in
            guard let steps = json.number(at: "steps") else { return nil }
            guard let reached = json.number(at: "salt_ds.steps_to_baseline_quality") else { return false }
            return reached < steps
        },
        DemoClaim("SALT_DS reaches the baseline's final loss sooner than SALT") { json in
            guard let ds = json.number(at: "salt_ds.steps_to_baseline_quality"),
                let salt = json.number(at: "salt.steps_to_baseline_quality")
            else { return nil }
            return ds < salt
        },
        DemoClaim.exceeds(
            "Distilling for the whole run ends worse than the baseline", "kd_throughout.final_loss",
            "baseline.final_loss"),
        // Appended last: lessons refer to the claims by position.
        DemoClaim("Distilled for the whole run, the large model ends within 0.05 nats of its teacher's loss") { json in
            guard let kd = json.number(at: "kd_throughout.final_loss"), let teacher = json.number(at: "teacher_loss")
            else { return nil }
            return abs(kd - teacher) < 0.05
        },
    ]
}

extension SaltDemo {
    /// `tandem run salt` has no options of its own.
    public struct Arguments: DemoArguments {
        public init() {}

        public func outcome(seed: UInt64) -> DemoOutcome {
            let result = run(seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}

extension SaltDemo {
    /// The numbers `--seeds N` summarises.
    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("baseline.final_loss", "baseline: final loss", false),
        ("salt.final_loss", "SALT: final loss", false),
        ("salt.steps_to_baseline_quality", "SALT: steps to baseline's final loss", false),
        ("salt_ds.final_loss", "SALT_DS: final loss", false),
        ("salt_ds.steps_to_baseline_quality", "SALT_DS: steps to baseline's final loss", false),
        ("kd_throughout.final_loss", "KD throughout: final loss", false),
        ("teacher_loss", "small teacher's loss", false),
    ]

    /// The documented keys of `--json`.
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"salt\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("steps", meaning: "gradient steps of every large-model run"),
        JSONKeyDoc("kd_steps", meaning: "steps of the distillation phase in SALT and SALT_DS"),
        JSONKeyDoc("evaluation_steps", meaning: "the steps at which each curve is measured (0, 10, …)"),
        JSONKeyDoc("baseline", meaning: "standard next-token training"),
        JSONKeyDoc("baseline.curve", meaning: "expected next-token loss (nats) at each of evaluation_steps"),
        JSONKeyDoc(
            "baseline.steps_to_baseline_quality",
            meaning: "the first evaluated step at or below the baseline's final loss (null: never)"
        ),
        JSONKeyDoc("baseline.final_loss", meaning: "the loss after the last step"),
        JSONKeyDoc(
            "salt",
            meaning: "distillation from the small model for kd_steps, then next-token training; same keys as baseline"),
        JSONKeyDoc(
            "salt_ds",
            meaning: "as salt, with the small model also choosing the distillation phase's examples; same keys"),
        JSONKeyDoc("kd_throughout", meaning: "distillation from the small model for every step; same keys"),
        JSONKeyDoc(
            "at_switch.baseline",
            meaning: "the baseline's loss at the step where SALT hands over to next-token training"),
        JSONKeyDoc("at_switch.salt", meaning: "SALT's loss at that step"),
        JSONKeyDoc("teacher_loss", meaning: "the small model's own expected loss"),
        JSONKeyDoc("entropy_floor", meaning: "the source's conditional entropy: the lowest loss any model can reach"),
        JSONKeyDoc("small_cost", meaning: "multiply-adds per prediction of the small model"),
        JSONKeyDoc("large_cost", meaning: "multiply-adds per prediction of the large model"),
    ]
}
