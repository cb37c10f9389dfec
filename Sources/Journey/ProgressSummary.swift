import Terminal

/// `tandem progress`: a compact summary, one line per kind of work.
public enum ProgressSummary {
    public static func text(_ status: CourseStatus, settings: TerminalSettings) -> String {
        let draw = Drawing(settings: settings)
        let width = settings.width
        let cells = max(4, min(20, width - 32))
        var out = draw.wrap(TextFit.words(status.title), width: width).map(draw.bold)
        // Labels in a column when there is room; on very narrow screens wrapped lines hang by 2.
        let column = width >= 30 ? 10 : 0
        let hang = String(repeating: " ", count: width >= 30 ? 11 : 2)

        func row(_ label: String, _ done: Int, _ total: Int, _ note: String) {
            let fraction = total == 0 ? 1 : Double(done) / Double(total)
            let words =
                [TextFit.pad(label, to: column), draw.bar(fraction, cells: cells), "\(done)/\(total)"]
                + TextFit.words(note)
            out += draw.wrap(words, width: width, rest: hang)
        }
        row("Lessons", status.lessonsRead, status.lessons.count, "read")
        let quizzes = status.quizzes
        let taken = quizzes.filter(\.taken)
        var quizNote = "taken"
        let points = taken.reduce(0.0) { $0 + ($1.best ?? 0) }
        let possible = taken.reduce(0) { $0 + $1.total }
        if possible > 0 { quizNote += ", best scores \(Int((points / Double(possible) * 100).rounded()))% overall" }
        row("Quizzes", taken.count, quizzes.count, quizNote)
        let exercises = status.exercises
        if !exercises.isEmpty { row("Exercises", exercises.filter(\.solved).count, exercises.count, "solved") }
        let review =
            status.reviewDue == 0
            ? "nothing due" : "\(status.reviewDue) question\(status.reviewDue == 1 ? "" : "s") due"
        out += draw.wrap(
            [TextFit.pad("Review", to: column)] + TextFit.words(review), width: width,
            rest: hang)
        let next = status.next == .done ? "nothing left: the course is complete" : status.next.command
        out += draw.wrap(
            [TextFit.pad("Next", to: column)] + TextFit.words(next), width: width,
            rest: hang)
        return out.joined(separator: "\n") + "\n"
    }
}
