import Course
import Foundation
import Quiz

/// Where a student stands in one lesson: read or not, the quiz's scores, each exercise's status.
public struct LessonStatus: Sendable, Equatable {
    public var number: Int
    public var slug: String
    public var title: String
    public var read: Bool
    /// Nil when the lesson has no quiz.
    public var quiz: QuizStatus?
    public var exercises: [ExerciseStatus]

    /// Read, quiz taken at least once, every exercise solved.
    public var isComplete: Bool {
        read && (quiz?.taken ?? true) && exercises.allSatisfy(\.solved)
    }
}

public struct QuizStatus: Sendable, Equatable {
    /// Best and last scores in points; nil until the quiz has been taken.
    public var best: Double?
    public var last: Double?
    /// Gradable questions in the quiz.
    public var total: Int
    public var attempts: Int
    /// Questions answered in an interrupted run that `tandem quiz` will resume (0 when none).
    public var answeredInProgress: Int = 0

    public var taken: Bool { attempts > 0 || best != nil }
}

public struct ExerciseStatus: Sendable, Equatable {
    public var id: String
    public var number: Int
    public var slug: String
    public var title: String
    /// The last check's status ("passed", "failed", "compile-error", "crashed", "timeout"),
    /// or `ExerciseStatus.notStarted`.
    public var status: String
    /// Passed at least once.
    public var solved: Bool
    /// A scored exercise's best passing score (the capstone), if any.
    public var bestScore: ExerciseScore? = nil

    public static let notStarted = "not-started"

    /// "best 91.3% at 2.10 per query", for list and the home screen.
    public var bestText: String? {
        bestScore.map { "best \(Self.fixed($0.accuracy * 100, 1))% at \(Self.fixed($0.costPerQuery, 2)) per query" }
    }

    /// `value` with exactly `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// The whole course as the student sees it at one moment: a pure function of the course,
/// the progress, the quiz sizes and the date.
public struct CourseStatus: Sendable, Equatable {
    public var courseID: String
    public var title: String
    public var lessons: [LessonStatus]
    /// Questions `tandem review` asks now (see `dueQuestions`).
    public var reviewDue: Int
    public var next: NextStep

    /// Every lesson read, every quiz taken, every exercise solved.
    public var isFinished: Bool { lessons.allSatisfy(\.isComplete) }

    public var lessonsRead: Int { lessons.filter(\.read).count }
    public var quizzes: [QuizStatus] { lessons.compactMap(\.quiz) }
    public var exercises: [ExerciseStatus] { lessons.flatMap(\.exercises) }

    /// Completed steps (reads, quizzes taken, exercises solved) over all steps.
    public var completedSteps: (done: Int, total: Int) {
        let done = lessonsRead + quizzes.filter(\.taken).count + exercises.filter(\.solved).count
        return (done, lessons.count + quizzes.count + exercises.count)
    }

    /// Builds the status. Progress entries for ids the course no longer has are ignored, so
    /// progress from an older version of the course (renumbered, added or removed lessons) still
    /// shows correctly: everything is looked up by slug or id, never by number.
    ///
    /// - quizTotals: lesson slug → gradable questions in its quiz file (see `QuizSizes`); when a
    ///   lesson is missing, the total recorded with the last attempt is used.
    /// - reviewable: the question records `tandem review` can ask, those whose quiz file still holds
    ///   them (see `reviewable(course:progress:now:)`); nil trusts the progress file alone.
    public init(
        course: CourseFolder, progress: StudentProgress, quizTotals: [String: Int], now: Date,
        reviewable: Set<String>? = nil
    ) {
        courseID = course.manifest.id
        title = course.manifest.title
        lessons = course.manifest.lessons.map { entry in
            let quiz: QuizStatus? = entry.quiz.map { _ in
                let record = progress.quizzes[entry.slug]
                return QuizStatus(
                    best: record?.best, last: record?.last,
                    total: quizTotals[entry.slug] ?? record?.total ?? 0,
                    attempts: record?.attempts ?? 0, answeredInProgress: record?.resume?.count ?? 0)
            }
            let exercises = course.exercises(forLesson: entry.slug).map { exercise in
                let record = progress.exercises[exercise.id]
                return ExerciseStatus(
                    id: exercise.id, number: exercise.number, slug: exercise.slug, title: exercise.title,
                    status: record?.status ?? ExerciseStatus.notStarted,
                    solved: record?.solved ?? false, bestScore: record?.bestScore)
            }
            return LessonStatus(
                number: entry.number, slug: entry.slug, title: entry.title,
                read: progress.lessons[entry.slug]?.read ?? false, quiz: quiz, exercises: exercises)
        }
        let slugs = Set(course.manifest.lessons.map(\.slug))
        let due = CourseStatus.dueQuestions(progress: progress, lessonSlugs: slugs, reviewable: reviewable, now: now)
        reviewDue = due.count
        let earlier = due.filter {
            ($0.lastAnsweredAt ?? .distantPast) <= now.addingTimeInterval(-CourseStatus.sitting)
        }.count
        next = NextStep.choose(lessons: lessons, reviewDue: reviewDue, reviewFromEarlier: earlier)
    }

    /// How long one sitting lasts: a due question answered longer ago than this was answered in
    /// an earlier sitting, and its review comes before the next new lesson.
    public static let sitting: Double = 3_600

    /// Questions due for review: exactly those `tandem review` asks by default, so the home
    /// screen, `list` and `next` agree with it. A question counts when it was answered, its quiz
    /// still holds it and its due date has come (no date: due). That includes questions of
    /// `tandem quiz --file` quizzes (`file:` keys) whose file is still there, because review asks
    /// them too; questions of lessons removed from the course do not count, as review cannot load them.
    static func dueQuestions(
        progress: StudentProgress, lessonSlugs: Set<String>, reviewable: Set<String>?,
        now: Date
    ) -> [QuestionRecord] {
        progress.questions.compactMap { id, record in
            guard record.attempts > 0, let quiz = record.quiz, (record.due ?? .distantPast) <= now else { return nil }
            if let reviewable { return reviewable.contains(id) ? record : nil }
            return lessonSlugs.contains(quiz) || quiz.hasPrefix("file:") ? record : nil
        }
    }

    /// The question records `tandem review` can ask: answered, and still in their quiz file.
    /// Reads the quiz files, so it lives apart from the pure `init`.
    public static func reviewable(course: CourseFolder, progress: StudentProgress, now: Date) -> Set<String> {
        Set(ReviewQueue.build(course: course, progress: progress, now: now, limit: nil).map(\.recordID))
    }
}
