import Foundation
import Terminal

extension DistillDemo {
    public static func headline(_ r: Result) -> String {
        guard let best = r.bestSoft else { return "" }
        if best.scores.accuracy > r.hardLabels.accuracy {
            return
                "Distilled at T = \(Format.short(best.temperature)), the small student reaches \(Format.percent(best.scores.accuracy)) vs "
                + "\(Format.percent(r.hardLabels.accuracy)) with hard labels (teacher \(Format.percent(r.teacher.accuracy)), \(r.teacherCost / max(r.studentCost, 1))× the student's cost)."
        }
        return
            "No temperature beats hard labels here: best soft \(Format.percent(best.scores.accuracy)) vs \(Format.percent(r.hardLabels.accuracy)) "
            + "(teacher \(Format.percent(r.teacher.accuracy)))."
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
        table.add(["hard labels", Format.percent(r.hardLabels.accuracy), Format.fixed(r.hardLabels.ece, 3)])
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
        let values = [r.hardLabels.accuracy, r.teacher.accuracy] + r.soft.map(\.scores.accuracy)
        bars.minimum = max(0, floor(((values.min() ?? 0.5) - 0.05) * 20) / 20)
        bars.add("hard labels", r.hardLabels.accuracy, Format.percent(r.hardLabels.accuracy), style: .yellow)
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
            "A hard label says only which class; the teacher's probabilities also say how typical the example is, which classes it "
                + "resembles, and — with noisy labels — that a label is probably wrong. Higher T flattens the targets and shares more of that, "
                + "though too flat a target also blurs which class is right" + bestTemperatureClause(r) + ". "
                + "The student's own confidence then follows the teacher's softened one, which is why its calibration changes too"
                + calibrationClause(r) + ".")
        return out.text
    }

    static func bestTemperatureClause(_ r: Result) -> String {
        guard let best = r.bestSoft, r.soft.count > 1 else { return "" }
        return ": here T = \(Format.short(best.temperature)) does best"
    }

    /// How the student's ECE moved from hard labels to the best temperature, and the teacher's own.
    static func calibrationClause(_ r: Result) -> String {
        guard let best = r.bestSoft else { return "" }
        let moved = best.scores.ece > r.hardLabels.ece ? "rises" : "falls"
        return
            ": its ECE \(moved) from \(Format.fixed(r.hardLabels.ece, 3)) (hard labels) to \(Format.fixed(best.scores.ece, 3)) "
            + "(T = \(Format.short(best.temperature))), against the teacher's \(Format.fixed(r.teacher.ece, 3))"
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("distill")), ("seed", .unsigned(r.seed)),
            ("teacher", .object([("accuracy", .number(r.teacher.accuracy))])),
            (
                "hard_labels",
                .object([("accuracy", .number(r.hardLabels.accuracy)), ("ece", .number(r.hardLabels.ece))])
            ),
            (
                "soft",
                .array(
                    r.soft.map { s in
                        .object([
                            ("temperature", .number(s.temperature)), ("accuracy", .number(s.scores.accuracy)),
                            ("ece", .number(s.scores.ece)),
                        ])
                    })
            ),
        ])
    }
}
