import Course
import Foundation
import JSON
import Terminal

/// One question due (or not yet due) for spaced review.
public struct ReviewItem: Sendable, Equatable {
    /// Key in `StudentProgress.questions`.
    public var recordID: String
    public var quizKey: String
    public var question: Question
    public var record: QuestionRecord

    public func isDue(at now: Date) -> Bool { (record.due ?? .distantPast) <= now }

    /// The question's FSRS state: stored, or (a Leitner-era record not yet converted on disk)
    /// derived by `LeitnerMigration`'s rule.
    public func card(scheduler: FSRSScheduler = .tandem()) -> FSRSCard {
        record.fsrs ?? LeitnerMigration.card(from: record, scheduler: scheduler)
    }
}

/// Builds the review queue from every question answered anywhere in the course.
public enum ReviewQueue {
    /// Answered questions whose quiz still has them: due ones first (most overdue first), then the
    /// rest by due date; ties by lower stability (the more fragile memory first), then id.
    /// `limit` caps the list.
    public static func build(course: CourseFolder, progress: StudentProgress, now: Date, limit: Int?) -> [ReviewItem] {
        var quizzes: [String: QuizFile?] = [:]
        var items: [ReviewItem] = []
        for (recordID, record) in progress.questions where record.attempts > 0 {
            guard let quizKey = record.quiz else { continue }
            if quizzes[quizKey] == nil { quizzes[quizKey] = loadQuiz(key: quizKey, course: course) }
            guard let quiz = quizzes[quizKey] ?? nil,
                let question = quiz.questions.first(where: { QuizRecorder.recordID($0, quizKey: quizKey) == recordID })
            else { continue }
            items.append(ReviewItem(recordID: recordID, quizKey: quizKey, question: question, record: record))
        }
        items.sort { a, b in
            let aDue = a.isDue(at: now)
            let bDue = b.isDue(at: now)
            if aDue != bDue { return aDue }
            let ad = a.record.due ?? .distantPast
            let bd = b.record.due ?? .distantPast
            if ad != bd { return ad < bd }
            let aStability = a.card().stability ?? 0
            let bStability = b.card().stability ?? 0
            if aStability != bStability { return aStability < bStability }
            return a.recordID < b.recordID
        }
        if let limit { return Array(items.prefix(max(limit, 0))) }
        return items
    }

    /// The quiz a key names: a lesson slug of the course, or `file:ABSOLUTE_PATH`.
    public static func loadQuiz(key: String, course: CourseFolder) -> QuizFile? {
        let url: URL
        if key.hasPrefix("file:") {
            url = URL(fileURLWithPath: String(key.dropFirst(5)))
        } else if let lesson = course.lesson(slug: key), let file = course.quizFile(lesson) {
            url = file
        } else {
            return nil
        }
        return QuizLoader.load(url, displayPath: course.relativePath(url)).quiz
    }

    /// A plain listing of the plan, for when there is no terminal to review in. Every line
    /// fits `settings.width`.
    public static func listing(_ plan: ReviewPlan, settings: TerminalSettings) -> String {
        let text = { (line: String) in settings.ascii ? TextFit.asciiPunctuation(line) : line }
        var lines = TextWrap.wrap(text(plan.summary(settings: settings, listing: true)), width: settings.width)
        for item in plan.items {
            let when =
                item.isDue(at: plan.now) ? "due now" : "due " + relative(item.record.due ?? plan.now, from: plan.now)
            let quiz =
                item.quizKey.hasPrefix("file:")
                ? URL(fileURLWithPath: String(item.quizKey.dropFirst(5))).lastPathComponent : item.quizKey
            let recall = plan.scheduler.retrievability(item.card(scheduler: plan.scheduler), at: plan.now)
            lines += TextWrap.wrap(
                text("\(item.question.id) (\(quiz), \(when), recall \(Int((recall * 100).rounded()))%)"),
                width: settings.width,
                indent: "  ", hang: "    ")
        }
        for exercise in plan.exercises {
            lines += TextWrap.wrap(
                text(
                    "exercise \(exercise.id): solve it again from the starter (due now): tandem check \(exercise.id) --again"
                ), width: settings.width,
                indent: "  ", hang: "    ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"due", "next_due", "target_retention", "questions": […], "exercises": […]}`, keys as
    /// `jsonKeys` lists them: `due` counts every question due now; `questions` are the plan's.
    public static func json(_ plan: ReviewPlan) -> JSONValue {
        let formatter = ISO8601DateFormatter()
        let scheduler = plan.scheduler
        func memory(_ card: FSRSCard) -> [(String, JSONValue)] {
            [
                ("phase", .string(card.phase.rawValue)),
                ("stability", card.stability.map { .number(rounded($0)) } ?? .null),
                ("difficulty", card.difficulty.map { .number(rounded($0)) } ?? .null),
                ("retrievability", .number(rounded(scheduler.retrievability(card, at: plan.now)))),
            ]
        }
        let questions: [JSONValue] = plan.items.map { item in
            .object(
                [
                    ("id", .string(item.question.id)), ("quiz", .string(item.quizKey)),
                    ("due", item.record.due.map { .string(formatter.string(from: $0)) } ?? .null),
                    ("is_due", .bool(item.isDue(at: plan.now))),
                    ("last_result", item.record.lastResult.map { .string($0) } ?? .null),
                ] + memory(item.card(scheduler: scheduler)))
        }
        let exercises: [JSONValue] = plan.exercises.map { exercise in
            .object(
                [
                    ("id", .string(exercise.id)), ("due", .string(formatter.string(from: exercise.card.due))),
                    ("reason", exercise.reason.map { .string($0) } ?? .null),
                ] + memory(exercise.card))
        }
        return .object([
            ("due", .integer(plan.dueCount)),
            ("next_due", plan.nextDue.map { .string(formatter.string(from: $0)) } ?? .null),
            ("target_retention", .number(scheduler.desiredRetention)),
            ("questions", .array(questions)),
            ("exercises", .array(exercises)),
        ])
    }

    /// The keys of `json(_:)`, in order (docs/json.md is generated from this list). Stability,
    /// difficulty and retrievability are rounded to four decimals.
    public static let jsonKeys: [JSONKeyDoc] =
        [
            JSONKeyDoc("due", .integer, "questions due now (all of them, not only those listed)"),
            JSONKeyDoc("next_due", .string, "when the next question falls due (ISO 8601), or null", nullable: true),
            JSONKeyDoc("target_retention", .number, "the recall probability reviews are scheduled for"),
            JSONKeyDoc("questions", .array, "the questions of this review (`--limit`, `--all`)"),
            JSONKeyDoc("questions[].id", .string, "the question's id"),
            JSONKeyDoc("questions[].quiz", .string, "its quiz"),
            JSONKeyDoc("questions[].due", .string, "when it is due (ISO 8601), or null", nullable: true),
            JSONKeyDoc("questions[].is_due", .boolean, "whether it is due now"),
            JSONKeyDoc("questions[].last_result", .string, "the last answer's result, or null", nullable: true),
        ] + memoryKeys("questions[]") + [
            JSONKeyDoc("exercises", .array, "exercises passed with help that come back as `tandem check N --again`"),
            JSONKeyDoc("exercises[].id", .string, "the exercise's id"),
            JSONKeyDoc("exercises[].due", .string, "when it is due (ISO 8601)"),
            JSONKeyDoc(
                "exercises[].reason", .string, "what the first pass needed: `hints` or `solution`, or null",
                nullable: true),
        ] + memoryKeys("exercises[]")

    /// The FSRS memory state each question and exercise carries.
    static func memoryKeys(_ prefix: String) -> [JSONKeyDoc] {
        [
            JSONKeyDoc(prefix + ".phase", .string, "the FSRS phase: `learning`, `review` or `relearning`"),
            JSONKeyDoc(prefix + ".stability", .number, "FSRS stability in days, or null before any", nullable: true),
            JSONKeyDoc(prefix + ".difficulty", .number, "FSRS difficulty, 1–10, or null before any", nullable: true),
            JSONKeyDoc(prefix + ".retrievability", .number, "the predicted probability of recall now"),
        ]
    }

    /// Four decimals: enough for every number the listing shows, without float noise.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func relative(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if seconds < 3_600 {
            let minutes = max(1, Int((seconds / 60).rounded(.up)))
            return "in \(minutes) minute\(minutes == 1 ? "" : "s")"
        }
        let days = seconds / 86_400
        if days < 1 {
            let hours = max(1, Int((days * 24).rounded(.up)))
            return "in \(hours) hour\(hours == 1 ? "" : "s")"
        }
        let whole = Int(days.rounded())
        return "in \(whole) day\(whole == 1 ? "" : "s")"
    }
}

/// Interactive review: asks each planned question, records the answer and reschedules it.
public final class ReviewSession {
    let plan: ReviewPlan
    let store: ProgressStore?
    let reader: LineReader
    let write: (String) -> Void
    let presenter: QuestionPresenter
    let clock: () -> Date

    public init(
        plan: ReviewPlan, store: ProgressStore?, reader: LineReader, settings: TerminalSettings,
        clock: @escaping () -> Date = Date.init, write: @escaping (String) -> Void
    ) {
        self.plan = plan
        self.store = store
        self.reader = reader
        self.write = write
        self.presenter = QuestionPresenter(settings: settings)
        self.clock = clock
    }

    /// Returns (reviewed, right). Throws when progress cannot be saved (see `QuizSession.run`).
    @discardableResult
    public func run() throws -> (reviewed: Int, right: Int) {
        let items = plan.items
        write(presenter.line(plan.summary(settings: presenter.settings, listing: false)))
        guard !items.isEmpty else { return (0, 0) }
        write(presenter.line(presenter.settings.paint("Ctrl-D or Ctrl-C stops; answers so far are kept.", .dim)) + "\n")
        var reviewed = 0
        var right = 0
        for (index, item) in items.enumerated() {
            write(
                presenter.question(
                    item.question, number: index + 1, of: items.count, showMultipart: item.question.multipart != nil,
                    heading: "Review"))
            guard
                let (asked, result) = QuestionAsker(reader: reader, write: write, presenter: presenter).askAndGrade(
                    item.question)
            else {
                write(presenter.line("Stopped after \(reviewed) of \(items.count); those answers are saved."))
                return (reviewed, right)
            }
            let answeredAt = clock()
            let scheduler = plan.scheduler
            try store?.update {
                QuizRecorder.recordAnswer(
                    item.question, grade: result, quizKey: item.quizKey, now: answeredAt, usedHint: asked.usedHint,
                    selfRating: asked.selfRating, scheduler: scheduler, in: &$0)
            }
            reviewed += 1
            if result.points >= 1 { right += 1 }
        }
        write(presenter.line(presenter.settings.paint("Reviewed \(reviewed): \(right) right.", .bold)))
        for exercise in plan.exercises {
            write(
                presenter.line(
                    "Exercise \(exercise.id) is due too: solve it again from the starter (tandem check \(exercise.id) --again)."
                ))
        }
        return (reviewed, right)
    }
}
