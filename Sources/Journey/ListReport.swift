import JSON
import Terminal

/// `tandem list`: every lesson, quiz and exercise with its status, as text or JSON.
public enum ListReport {
    /// `{"lessons":[{"number":N,"slug":S,"title":T,"read":BOOL,"quiz":{"best":B,"last":L,"total":T},
    /// "exercises":[{"id":ID,"status":S}]}],"review_due":N,"next":"COMMAND"}`, keys as `jsonKeys`
    /// lists them; `quiz` is null for a lesson without one, `best`/`last` null before the first attempt.
    public static func json(_ status: CourseStatus) -> JSONValue {
        .object([
            (
                "lessons",
                .array(
                    status.lessons.map { lesson in
                        .object([
                            ("number", .integer(lesson.number)),
                            ("slug", .string(lesson.slug)),
                            ("title", .string(lesson.title)),
                            ("read", .bool(lesson.read)),
                            (
                                "quiz",
                                lesson.quiz.map { quiz in
                                    .object([
                                        ("best", quiz.best.map(JSONValue.number) ?? .null),
                                        ("last", quiz.last.map(JSONValue.number) ?? .null),
                                        ("total", .integer(quiz.total)),
                                    ])
                                } ?? .null
                            ),
                            (
                                "exercises",
                                .array(
                                    lesson.exercises.map { exercise in
                                        .object(
                                            [("id", .string(exercise.id)), ("status", .string(exercise.status))]
                                                + (exercise.bestScore.map { best in
                                                    [
                                                        (
                                                            "best",
                                                            JSONValue.object([
                                                                ("accuracy", .number(best.accuracy)),
                                                                ("cost_per_query", .number(best.costPerQuery)),
                                                            ])
                                                        )
                                                    ]
                                                } ?? []))
                                    })
                            ),
                        ])
                    })
            ),
            ("review_due", .integer(status.reviewDue)),
            ("next", .string(status.next.command)),
        ])
    }

    /// The keys of `json(_:)`, in order (docs/json.md is generated from this list).
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("lessons", .array, "every lesson, in course order"),
        JSONKeyDoc("lessons[].number", .integer, "its number"),
        JSONKeyDoc("lessons[].slug", .string, "its slug"),
        JSONKeyDoc("lessons[].title", .string, "its title"),
        JSONKeyDoc("lessons[].read", .boolean, "whether it has been read"),
        JSONKeyDoc("lessons[].quiz", .object, "its quiz, or null when it has none", nullable: true),
        JSONKeyDoc(
            "lessons[].quiz.best", .number, "the best score so far, or null before the first attempt", nullable: true),
        JSONKeyDoc("lessons[].quiz.last", .number, "the last attempt's score, or null", nullable: true),
        JSONKeyDoc("lessons[].quiz.total", .integer, "the quiz's automatically graded questions"),
        JSONKeyDoc("lessons[].exercises", .array, "its exercises"),
        JSONKeyDoc("lessons[].exercises[].id", .string, "the exercise's id"),
        JSONKeyDoc(
            "lessons[].exercises[].status", .string,
            "the last check's status (`passed`, `failed`, `compile-error`, `crashed`, `timeout`) or `not-started`"),
        JSONKeyDoc(
            "lessons[].exercises[].best", .object,
            "only for a scored exercise once passed (the capstone): its best score"),
        JSONKeyDoc("lessons[].exercises[].best.accuracy", .number, "its held-out accuracy"),
        JSONKeyDoc("lessons[].exercises[].best.cost_per_query", .number, "its cost per query"),
        JSONKeyDoc("review_due", .integer, "review items due now"),
        JSONKeyDoc("next", .string, "the command `tandem next` would run"),
    ]

    public static func text(_ status: CourseStatus, settings: TerminalSettings) -> String {
        let draw = Drawing(settings: settings)
        let width = settings.width
        var out = draw.wrap(TextFit.words(status.title), width: width).map(draw.bold)
        out.append("")
        for lesson in status.lessons {
            let mark = lesson.read ? draw.paint(draw.readMark, .green) : draw.dim(draw.unreadMark)
            let words =
                TextFit.words("\(lesson.number). \(lesson.title)").map(draw.bold)
                + [draw.dim(lesson.read ? "(read)" : "(unread)")]
            out += draw.wrap(words, width: width, first: mark + " ", rest: "  ")
            if let quiz = lesson.quiz {
                var text = "quiz: "
                if let best = quiz.best {
                    text += "best \(formatPoints(best))/\(quiz.total)"
                    if let last = quiz.last { text += ", last \(formatPoints(last))/\(quiz.total)" }
                    text += ", \(quiz.attempts) attempt\(quiz.attempts == 1 ? "" : "s")"
                } else {
                    text += "not taken (\(quiz.total) graded question\(quiz.total == 1 ? "" : "s"))"
                }
                if quiz.answeredInProgress > 0 {
                    text += "; in progress, \(quiz.answeredInProgress) answered (tandem quiz \(lesson.number) resumes)"
                }
                out += draw.wrap(
                    TextFit.words(text), width: width, first: "    ", rest: "      ")
            }
            for exercise in lesson.exercises {
                let exerciseMark = exercise.solved ? draw.paint(draw.readMark, .green) : draw.dim(draw.unreadMark)
                let words =
                    ["exercise", exercise.slug + ":"] + TextFit.words(exercise.title)
                    + [draw.dim("(\(describe(exercise)))")]
                out += draw.wrap(
                    words, width: width, first: "    " + exerciseMark + " ", rest: "      ")
            }
        }
        out.append("")
        let review =
            status.reviewDue == 0
            ? "Review: nothing due"
            : "Review: \(status.reviewDue) question\(status.reviewDue == 1 ? "" : "s") due (tandem review)"
        out += draw.wrap(TextFit.words(review), width: width)
        out += draw.wrap(
            [draw.bold("Next:")] + TextFit.words(status.next == .done ? status.next.summary : status.next.command),
            width: width, rest: "  ")
        return out.joined(separator: "\n") + "\n"
    }

    /// "passed", "solved, last check failed", "not started".
    static func describe(_ exercise: ExerciseStatus) -> String {
        let status = exercise.status == ExerciseStatus.notStarted ? "not started" : exercise.status
        let best = exercise.bestText.map { ", " + $0 } ?? ""
        if exercise.solved && exercise.status != "passed" { return "solved, last check \(status)" + best }
        return status + best
    }
}
