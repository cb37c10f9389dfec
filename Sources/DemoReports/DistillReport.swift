import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal

extension DistillDemo {
    public static func headline(_ r: Result) -> String {
        guard let best = r.bestSoft else { return "" }
        let soft =
            "Distilled at T = \(Format.short(best.temperature)), the small student reaches \(Format.percent(best.scores.accuracy))"
        let hard = "\(Format.percent(r.hardLabels.accuracy)) on the noisy labels"
        let cleaned = "\(Format.percent(r.teacherHard.accuracy)) on the teacher's hard labels"
        if best.scores.accuracy > r.teacherHard.accuracy {
            return soft + " vs \(hard) and \(cleaned): the soft labels add something beyond cleaning the labels."
        }
        return
            soft
            + " vs \(hard) — but \(cleaned): here the gain is label cleaning, not the soft labels' extra information."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph(
            "Teacher: an MLP with two layers of 32 (\(Format.count(Double(r.teacherCost))) multiply-adds) trained on all the training data, where "
                + "\(Format.wholePercent(r.labelNoise)) of the labels are wrong. Student: an MLP with 8 hidden units (\(r.studentCost) multiply-adds) "
                + "that sees only \(studentCount) of those examples, with their hard labels or the teacher's probabilities softened at temperature T (loss scaled by T²)."
        )
        out.section("Student accuracy and calibration")
        var table = Table(["student trained on", "accuracy", "ECE"])
        table.add(["noisy hard labels", Format.percent(r.hardLabels.accuracy), Format.fixed(r.hardLabels.ece, 3)])
        table.add(["teacher's hard labels", Format.percent(r.teacherHard.accuracy), Format.fixed(r.teacherHard.ece, 3)])
        table.add(["true labels", Format.percent(r.trueLabels.accuracy), Format.fixed(r.trueLabels.ece, 3)])
        for s in r.soft {
            table.add(
                [
                    "teacher, T = \(Format.short(s.temperature))", Format.percent(s.scores.accuracy),
                    Format.fixed(s.scores.ece, 3),
                ],
                highlight: s == r.bestSoft)
        }
        table.add(["(the teacher itself)", Format.percent(r.teacher.accuracy), Format.fixed(r.teacher.ece, 3)])
        out.block(table.render(out))
        var bars = BarChart()
        let values =
            [r.hardLabels.accuracy, r.teacherHard.accuracy, r.trueLabels.accuracy, r.teacher.accuracy]
            + r.soft.map(\.scores.accuracy)
        bars.minimum = max(0, floor(((values.min() ?? 0.5) - 0.05) * 20) / 20)
        bars.add("noisy labels", r.hardLabels.accuracy, Format.percent(r.hardLabels.accuracy), style: .yellow)
        bars.add("teacher's hard", r.teacherHard.accuracy, Format.percent(r.teacherHard.accuracy), style: .yellow)
        bars.add("true labels", r.trueLabels.accuracy, Format.percent(r.trueLabels.accuracy), style: .yellow)
        for s in r.soft {
            bars.add(
                "T = \(Format.short(s.temperature))", s.scores.accuracy, Format.percent(s.scores.accuracy), style: .cyan
            )
        }
        bars.add("teacher", r.teacher.accuracy, Format.percent(r.teacher.accuracy), style: .green)
        out.blank()
        out.block(bars.render(out))
        out.note(
            "Bars start at \(Format.wholePercent(bars.minimum)). ECE: expected calibration error, the gap between confidence and accuracy (10 bins; lower is better)."
        )
        out.blank()
        out.paragraph(
            "Two controls separate the soft labels' extra information (dark knowledge) from label cleaning. The teacher's hard "
                + "labels (its top class for each example) fix many of the wrong labels but carry nothing else; the true labels of the "
                + "same examples are what perfect cleaning would give. "
                + cleaningClause(r) + " Which temperature does best changes from seed to seed"
                + bestTemperatureClause(r)
                + " (compare them with --seeds 20). The student's confidence follows the teacher's softened one, which is why its "
                + "calibration changes too" + calibrationClause(r) + ".")
        return out.text
    }

    static func bestTemperatureClause(_ r: Result) -> String {
        guard let best = r.bestSoft, r.soft.count > 1 else { return "" }
        return "; here T = \(Format.short(best.temperature)) does best"
    }

    /// How much of the soft labels' gain over the noisy labels the teacher's hard labels already give.
    static func cleaningClause(_ r: Result) -> String {
        guard let best = r.bestSoft else { return "" }
        let gain = best.scores.accuracy - r.hardLabels.accuracy
        let cleaning = r.teacherHard.accuracy - r.hardLabels.accuracy
        guard gain > 0 else {
            return "Here no temperature beats the noisy labels."
        }
        return
            "Here the soft labels gain \(Format.points(gain)) over the noisy labels, and the teacher's hard labels alone "
            + "\(Format.points(cleaning)); the true labels give \(Format.percent(r.trueLabels.accuracy))."
    }

    /// How the student's ECE moved from hard labels to the best temperature, and the teacher's own.
    static func calibrationClause(_ r: Result) -> String {
        guard let best = r.bestSoft else { return "" }
        let moved = best.scores.ece > r.hardLabels.ece ? "rises" : "falls"
        return
            ": its ECE \(moved) from \(Format.fixed(r.hardLabels.ece, 3)) (noisy hard labels) to \(Format.fixed(best.scores.ece, 3)) "
            + "(T = \(Format.short(best.temperature))), against the teacher's \(Format.fixed(r.teacher.ece, 3))"
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("distill")), ("seed", .unsigned(r.seed)),
            ("teacher", .object([("accuracy", .number(r.teacher.accuracy)), ("ece", .number(r.teacher.ece))])),
            (
                "hard_labels",
                .object([("accuracy", .number(r.hardLabels.accuracy)), ("ece", .number(r.hardLabels.ece))])
            ),
            (
                "soft",
                .array(
                    r.soft.map { s -> JSONValue in
                        .object([
                            ("temperature", .number(s.temperature)), ("accuracy", .number(s.scores.accuracy)),
                            ("ece", .number(s.scores.ece)),
                        ])
                    })
            ),
            (
                "controls",
                .object([
                    (
                        "teacher_hard",
                        .object([
                            ("accuracy", .number(r.teacherHard.accuracy)), ("ece", .number(r.teacherHard.ece)),
                        ])
                    ),
                    (
                        "true_labels",
                        .object([("accuracy", .number(r.trueLabels.accuracy)), ("ece", .number(r.trueLabels.ece))])
                    ),
                ])
            ),
            ("best_temperature", r.bestSoft.map { .number($0.temperature) } ?? .null),
            ("label_noise", .number(r.labelNoise)),
            ("teacher_cost", .integer(r.teacherCost)), ("student_cost", .integer(r.studentCost)),
        ])
    }
}

extension DistillDemo: ReportedDemo {
    /// The soft-label students' (temperature, accuracy, ECE) in a seed's JSON.
    static func softRows(_ json: JSONValue) -> [(temperature: Double, accuracy: Double, ece: Double)] {
        var rows: [(Double, Double, Double)] = []
        var i = 0
        while let t = json.number(at: "soft.\(i).temperature"), let a = json.number(at: "soft.\(i).accuracy"),
            let e = json.number(at: "soft.\(i).ece")
        {
            rows.append((t, a, e))
            i += 1
        }
        return rows
    }

    /// The headline's claims, each checked on one seed's JSON.
    public static let claims: [DemoClaim] = [
        DemoClaim("Some temperature's soft labels beat the noisy hard labels") { json in
            guard let hard = json.number(at: "hard_labels.accuracy"), let best = softRows(json).map(\.accuracy).max()
            else { return nil }
            return best > hard
        },
        DemoClaim.exceeds(
            "The teacher's hard labels beat the noisy hard labels (label cleaning)", "controls.teacher_hard.accuracy",
            "hard_labels.accuracy"),
        DemoClaim("Soft labels at T = 1 beat the teacher's hard labels (something beyond label cleaning)") { json in
            guard let cleaned = json.number(at: "controls.teacher_hard.accuracy"),
                let t1 = softRows(json).first(where: { $0.temperature == 1 })
            else { return nil }
            return t1.accuracy > cleaned
        },
        DemoClaim("Soft labels at T = 1 beat the true labels of the same examples") { json in
            guard let truth = json.number(at: "controls.true_labels.accuracy"),
                let t1 = softRows(json).first(where: { $0.temperature == 1 })
            else { return nil }
            return t1.accuracy > truth
        },
        DemoClaim("The best temperature is T = 1") { json in
            guard let best = json.number(at: "best_temperature") else { return nil }
            return best == 1
        },
        DemoClaim("The soft-label students are worse calibrated than the noisy-label student (higher ECE at every T)") {
            json in
            guard let hard = json.number(at: "hard_labels.ece") else { return nil }
            let rows = softRows(json)
            return rows.isEmpty ? nil : rows.allSatisfy { $0.ece > hard }
        },
    ]
}

extension DistillDemo {
    /// `tandem run distill`'s options.
    public struct Arguments: DemoArguments {
        @Option(
            name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Temperatures to try (default 1 2 4 8).", valueName: "T"))
        public var temperatures: [Double] = []
        @OptionGroup public var mineOption: MineOption
        public init() {}

        public var mine: Bool { mineOption.mine }
        public var mineArguments: [String] {
            temperatures.isEmpty ? [] : ["--temperatures"] + temperatures.map { "\($0)" }
        }

        public func validate() throws {
            if temperatures.contains(where: { !($0 > 0 && $0 <= 100) }) {
                throw ValidationError("--temperatures must be positive numbers up to 100.")
            }
        }

        public func outcome(seed: UInt64) -> DemoOutcome {
            var options = Options()
            if !temperatures.isEmpty { options.temperatures = temperatures }
            let result = run(options, seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}

extension DistillDemo {
    /// The numbers `--seeds N` summarises.
    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("teacher.accuracy", "teacher", true), ("hard_labels.accuracy", "student, noisy hard labels", true),
        ("controls.teacher_hard.accuracy", "student, teacher's hard labels", true),
        ("controls.true_labels.accuracy", "student, true labels", true),
        ("soft.0.accuracy", "student, soft labels (1st T; default T = 1)", true),
        ("soft.1.accuracy", "student, soft labels (2nd T; default T = 2)", true),
        ("soft.2.accuracy", "student, soft labels (3rd T; default T = 4)", true),
        ("soft.3.accuracy", "student, soft labels (4th T; default T = 8)", true),
        ("best_temperature", "best temperature", false),
        ("hard_labels.ece", "ECE, noisy hard labels", false), ("soft.0.ece", "ECE, soft labels (1st T)", false),
    ]

    /// The documented keys of `--json`.
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"distill\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("teacher.accuracy", meaning: "the teacher's test accuracy"),
        JSONKeyDoc("teacher.ece", meaning: "the teacher's calibration error"),
        JSONKeyDoc("hard_labels.accuracy", meaning: "the student trained on the (noisy) given labels: test accuracy"),
        JSONKeyDoc("hard_labels.ece", meaning: "its expected calibration error (10 bins)"),
        JSONKeyDoc("soft[]", meaning: "one entry per temperature"), JSONKeyDoc("soft[].temperature", meaning: "T"),
        JSONKeyDoc(
            "soft[].accuracy", meaning: "the student trained on the teacher's probabilities at T: test accuracy"),
        JSONKeyDoc("soft[].ece", meaning: "its expected calibration error"),
        JSONKeyDoc(
            "controls.teacher_hard",
            meaning: "the student on the teacher's hard labels (label cleaning only): accuracy, ece"),
        JSONKeyDoc(
            "controls.true_labels", meaning: "the student on the true labels of the same examples: accuracy, ece"),
        JSONKeyDoc("best_temperature", meaning: "the temperature with the best student accuracy"),
        JSONKeyDoc("label_noise", meaning: "the fraction of training labels that are wrong"),
        JSONKeyDoc("teacher_cost", meaning: "multiply-adds per prediction of the teacher"),
        JSONKeyDoc("student_cost", meaning: "multiply-adds per prediction of the student"),
    ]
}
