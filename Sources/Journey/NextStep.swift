/// The single next thing to do, as a command a student can copy.
public enum NextStep: Sendable, Equatable {
    case read(lesson: Int, title: String)
    case quiz(lesson: Int, title: String)
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
        case .quiz(let lesson, _): ["quiz", String(lesson)]
        case .check(let slug, _): ["check", slug]
        case .review: ["review"]
        case .done: ["home"]
        }
    }

    /// One line saying what the step is.
    public var summary: String {
        switch self {
        case .read(let lesson, let title): "Read lesson \(lesson), \(title)"
        case .quiz(let lesson, let title): "Take the quiz of lesson \(lesson), \(title)"
        case .check(_, let title): "Solve the exercise \(title)"
        case .review(let due): "Review \(due) question\(due == 1 ? "" : "s") due today"
        case .done: "Nothing left to do: the course is complete"
        }
    }

    /// Walks the course in order and picks the first unfinished step: finish what a read lesson
    /// asks (its quiz, then its exercises in order) before moving on. Due review comes before
    /// starting a new lesson, so spaced repetition is not postponed by new material, and after
    /// everything else.
    static func choose(lessons: [LessonStatus], reviewDue: Int) -> NextStep {
        for lesson in lessons {
            if !lesson.read {
                return reviewDue > 0 ? .review(due: reviewDue) : .read(lesson: lesson.number, title: lesson.title)
            }
            if let quiz = lesson.quiz, !quiz.taken {
                return .quiz(lesson: lesson.number, title: lesson.title)
            }
            if let exercise = lesson.exercises.first(where: { !$0.solved }) {
                return .check(exercise: exercise.slug, title: exercise.title)
            }
        }
        return reviewDue > 0 ? .review(due: reviewDue) : .done
    }
}
