/// The single next thing to do, as a command a student can copy.
public enum NextStep: Sendable, Equatable {
    case read(lesson: Int, title: String)
    /// `answered`: questions already answered in an interrupted run that the quiz resumes.
    case quiz(lesson: Int, title: String, answered: Int = 0)
    case check(exercise: String, title: String)
    case review(due: Int)
    case done

    /// The command that does this step, e.g. `tandem quiz 3`.
    public var command: String {
        "tandem " + arguments.joined(separator: " ")
    }

    /// The subcommand and its arguments, e.g. `["quiz", "3"]`; `["home"]` when all is done.
    public var arguments: [String] {
        switch self {
        case .read(let lesson, _): ["read", String(lesson)]
        case .quiz(let lesson, _, _): ["quiz", String(lesson)]
        case .check(let slug, _): ["check", slug]
        case .review: ["review"]
        case .done: ["home"]
        }
    }

    /// One line saying what the step is.
    public var summary: String {
        switch self {
        case .read(let lesson, let title): "Read lesson \(lesson), \(title)"
        case .quiz(let lesson, let title, 0): "Take the quiz of lesson \(lesson), \(title)"
        case .quiz(let lesson, let title, let answered):
            "Finish the quiz of lesson \(lesson), \(title) (\(answered) question\(answered == 1 ? "" : "s") answered so far)"
        case .check(_, let title): "Solve the exercise \(title)"
        case .review(let due): "Review \(due) question\(due == 1 ? "" : "s") due now"
        case .done: "Nothing left to do: the course is complete"
        }
    }

    /// Walks the course in order and picks the first unfinished step: finish what a read lesson
    /// asks (its quiz, then its exercises in order) before moving on. Due review comes after
    /// everything else, and before starting a new lesson when some due question was answered in
    /// an earlier sitting (`reviewFromEarlier > 0`), so spaced repetition is not postponed by new
    /// material. A question missed in a quiz is due again ten minutes later (Leitner box 1), while
    /// the student is still at it; reviewing an answer the quiz has only just explained teaches
    /// little, so within the sitting it waits, counted as due, and does not hold up the next lesson.
    static func choose(lessons: [LessonStatus], reviewDue: Int, reviewFromEarlier: Int) -> NextStep {
        for lesson in lessons {
            if !lesson.read {
                return reviewFromEarlier > 0
                    ? .review(due: reviewDue) : .read(lesson: lesson.number, title: lesson.title)
            }
            if let quiz = lesson.quiz, !quiz.taken {
                return .quiz(lesson: lesson.number, title: lesson.title, answered: quiz.answeredInProgress)
            }
            if let exercise = lesson.exercises.first(where: { !$0.solved }) {
                return .check(exercise: exercise.slug, title: exercise.title)
            }
        }
        return reviewDue > 0 ? .review(due: reviewDue) : .done
    }
}
