import Foundation

/// Everything a student has done in one course, keyed by stable ids (lesson slugs, question ids,
/// exercise ids). Entries for ids the course no longer has are kept and ignored, so renumbering
/// lessons or removing one loses nothing.
///
/// Format versions (`format_version`; `ProgressFile` reads and migrates them):
/// - 1: the first release.
/// - 2: every number is bounded (see `ProgressLimits`), and a value that cannot be read drops
///   only itself, with a notice naming it. A version-1 file is migrated by the same checks; its
///   data is otherwise read unchanged.
/// New fields are optional and decoded with `decodeIfPresent` and a default (through `lenient`),
/// so adding one needs no new version; a version bump is for a change old readers would get wrong.
public struct StudentProgress: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 2

    public var formatVersion: Int
    public var courseID: String
    /// The welcome message has been shown (first run only).
    public var welcomed: Bool
    /// The final message has been shown.
    public var finishedShown: Bool
    /// Lesson slug → record.
    public var lessons: [String: LessonRecord]
    /// Quiz key (the lesson slug, or `file:PATH` for `--file`) → record.
    public var quizzes: [String: QuizRecord]
    /// Question id → record (attempts, last result, review schedule).
    public var questions: [String: QuestionRecord]
    /// Exercise id → record.
    public var exercises: [String: ExerciseRecord]

    public init(courseID: String) {
        formatVersion = StudentProgress.currentFormatVersion
        self.courseID = courseID
        welcomed = false
        finishedShown = false
        lessons = [:]
        quizzes = [:]
        questions = [:]
        exercises = [:]
    }

    enum CodingKeys: String, ProgressFieldKey {
        // Spelled as the snake-case decoder sees them: "course_id" arrives as "courseId".
        case formatVersion
        case courseID = "courseId"
        case welcomed, finishedShown, lessons, quizzes, questions, exercises
    }

    /// Reads what can be read: a field of the wrong type or out of range is dropped or clamped
    /// on its own and logged (see `ProgressFile.decode`), never the whole file.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = c.lenient(Int.self, .formatVersion, decoder) ?? StudentProgress.currentFormatVersion
        courseID = c.lenient(String.self, .courseID, decoder) ?? ""
        welcomed = c.lenient(Bool.self, .welcomed, decoder) ?? false
        finishedShown = c.lenient(Bool.self, .finishedShown, decoder) ?? false
        lessons = c.lenientEntries(LessonRecord.self, .lessons, decoder)
        quizzes = c.lenientEntries(QuizRecord.self, .quizzes, decoder)
        questions = c.lenientEntries(QuestionRecord.self, .questions, decoder)
        exercises = c.lenientEntries(ExerciseRecord.self, .exercises, decoder)
    }
}

public struct LessonRecord: Codable, Sendable, Equatable {
    public var read: Bool
    public var readAt: Date?

    public init(read: Bool = false, readAt: Date? = nil) {
        self.read = read
        self.readAt = readAt
    }

    enum CodingKeys: String, ProgressFieldKey { case read, readAt }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = c.lenient(Bool.self, .read, decoder) ?? false
        readAt = c.lenient(Date.self, .readAt, decoder)
    }
}

public struct QuizRecord: Codable, Sendable, Equatable {
    /// Best and last score, in points (sum of per-question points).
    public var best: Double?
    public var last: Double?
    /// Questions that can be graded automatically, when last taken.
    public var total: Int
    public var attempts: Int
    public var lastTakenAt: Date?
    /// An interrupted run: question id → points earned so far. Cleared when a run completes.
    public var resume: [String: Double]?
    /// Every answer of the last run, in question order, for `tandem quiz N --last` (added field:
    /// absent in older files).
    public var lastRun: [RecordedAnswer]?

    public init(
        best: Double? = nil, last: Double? = nil, total: Int = 0, attempts: Int = 0,
        lastTakenAt: Date? = nil, resume: [String: Double]? = nil
    ) {
        self.best = best
        self.last = last
        self.total = total
        self.attempts = attempts
        self.lastTakenAt = lastTakenAt
        self.resume = resume
    }

    enum CodingKeys: String, ProgressFieldKey { case best, last, total, attempts, lastTakenAt, resume, lastRun }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = c.count(.total, decoder) ?? 0
        best = c.points(.best, decoder, upTo: ProgressLimits.maxQuizPoints)
        last = c.points(.last, decoder, upTo: ProgressLimits.maxQuizPoints)
        attempts = c.count(.attempts, decoder) ?? 0
        lastTakenAt = c.lenient(Date.self, .lastTakenAt, decoder)
        lastRun = c.lenient([RecordedAnswer].self, .lastRun, decoder)
        if let raw = c.lenient([String: Double].self, .resume, decoder) {
            var kept: [String: Double] = [:]
            for (id, value) in raw {
                if value.isFinite && value >= 0 && value <= 1 {
                    kept[id] = value
                } else {
                    decoder.logProblem(at: c.codingPath + [CodingKeys.resume], "\(id): points must be in 0…1")
                }
            }
            resume = kept
        } else {
            resume = nil
        }
    }
}

public struct QuestionRecord: Codable, Sendable, Equatable {
    public var attempts: Int
    public var correctCount: Int
    /// "correct", "incorrect", "partial" or "self-graded".
    public var lastResult: String?
    /// Points of the last answer, in [0, 1].
    public var lastPoints: Double?
    public var lastAnsweredAt: Date?
    /// Quiz key the question was answered in.
    public var quiz: String?
    /// Leitner box of tandem before FSRS (1 = review soonest): kept as it was, read only by
    /// `LeitnerMigration`.
    public var box: Int
    /// When the question is next due for review (the FSRS card's due date).
    public var due: Date?
    /// FSRS memory state (added field: absent in files from the Leitner era, which
    /// `LeitnerMigration` converts).
    public var fsrs: FSRSCard?

    public init(
        attempts: Int = 0, correctCount: Int = 0, lastResult: String? = nil, lastPoints: Double? = nil,
        lastAnsweredAt: Date? = nil, quiz: String? = nil, box: Int = 1, due: Date? = nil, fsrs: FSRSCard? = nil
    ) {
        self.attempts = attempts
        self.correctCount = correctCount
        self.lastResult = lastResult
        self.lastPoints = lastPoints
        self.lastAnsweredAt = lastAnsweredAt
        self.quiz = quiz
        self.box = box
        self.due = due
        self.fsrs = fsrs
    }

    enum CodingKeys: String, ProgressFieldKey {
        case attempts, correctCount, lastResult, lastPoints, lastAnsweredAt, quiz, box, due, fsrs
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        attempts = c.count(.attempts, decoder) ?? 0
        correctCount = c.count(.correctCount, decoder) ?? 0
        lastResult = c.lenient(String.self, .lastResult, decoder)
        lastPoints = c.points(.lastPoints, decoder, upTo: 1)
        lastAnsweredAt = c.lenient(Date.self, .lastAnsweredAt, decoder)
        quiz = c.lenient(String.self, .quiz, decoder)
        box = max(1, c.count(.box, decoder, upTo: ProgressLimits.maxBox) ?? 1)
        due = c.lenient(Date.self, .due, decoder)
        fsrs = c.lenient(FSRSCard.self, .fsrs, decoder)
    }
}

public struct ExerciseRecord: Codable, Sendable, Equatable {
    /// Last check's status: "passed", "failed", "compile-error", "crashed", "timeout".
    public var status: String?
    /// Passed at least once.
    public var solved: Bool
    public var solvedAt: Date?
    public var lastCheckedAt: Date?
    /// Hint levels revealed so far.
    public var hintsUsed: Int
    /// FSRS state of "solve it again from the starter", set when the exercise was passed only
    /// after hints or after seeing the solution (added field: absent in older files).
    public var review: FSRSCard?
    /// Why it is in review: "hints" or "solution".
    public var reviewReason: String?
    /// The reference solution was shown (`solution --force`) before the exercise first passed:
    /// that pass then puts it into review (added field: absent in older files).
    public var solutionSeenBeforePass: Bool?
    /// The best passing score of a scored exercise (the capstone); absent in older files and for
    /// exercises without a score (an optional field: files without it still decode).
    public var bestScore: ExerciseScore?

    public init(
        status: String? = nil, solved: Bool = false, solvedAt: Date? = nil,
        lastCheckedAt: Date? = nil, hintsUsed: Int = 0, bestScore: ExerciseScore? = nil
    ) {
        self.status = status
        self.solved = solved
        self.solvedAt = solvedAt
        self.lastCheckedAt = lastCheckedAt
        self.hintsUsed = hintsUsed
        self.bestScore = bestScore
    }

    enum CodingKeys: String, ProgressFieldKey {
        case status, solved, solvedAt, lastCheckedAt, hintsUsed, review, reviewReason, bestScore
        case solutionSeenBeforePass
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = c.lenient(String.self, .status, decoder)
        solved = c.lenient(Bool.self, .solved, decoder) ?? false
        solvedAt = c.lenient(Date.self, .solvedAt, decoder)
        lastCheckedAt = c.lenient(Date.self, .lastCheckedAt, decoder)
        hintsUsed = c.count(.hintsUsed, decoder, upTo: ProgressLimits.maxHints) ?? 0
        review = c.lenient(FSRSCard.self, .review, decoder)
        reviewReason = c.lenient(String.self, .reviewReason, decoder)
        solutionSeenBeforePass = c.lenient(Bool.self, .solutionSeenBeforePass, decoder)
        if let score = c.lenient(ExerciseScore.self, .bestScore, decoder) {
            if score.accuracy.isFinite && (0...1).contains(score.accuracy) && score.costPerQuery.isFinite
                && score.costPerQuery >= 0
            {
                bestScore = score
            } else {
                decoder.logProblem(
                    at: c.codingPath + [CodingKeys.bestScore], "accuracy must be in 0…1 and cost finite and ≥ 0")
            }
        }
    }
}

/// A scored exercise's result: accuracy (0…1) and mean cost per query.
public struct ExerciseScore: Codable, Sendable, Equatable {
    public var accuracy: Double
    public var costPerQuery: Double

    public init(accuracy: Double, costPerQuery: Double) {
        self.accuracy = accuracy
        self.costPerQuery = costPerQuery
    }

    /// Better: more accurate, or as accurate for less.
    public func isBetter(than other: ExerciseScore) -> Bool {
        accuracy > other.accuracy || (accuracy == other.accuracy && costPerQuery < other.costPerQuery)
    }
}

/// One answer of a quiz run as the review screen shows it again (`tandem quiz N --last`).
public struct RecordedAnswer: Codable, Sendable, Equatable {
    public var questionID: String
    /// The answer as given: option letters for multiple choice ("A, C"), otherwise the text typed
    /// (a tracing answer as "compiles: …", a self-graded one as the response).
    public var answer: String
    /// "correct", "incorrect", "partial" or "self-graded".
    public var result: String
    public var points: Double
    /// The hint was shown before answering.
    public var usedHint: Bool

    public init(questionID: String, answer: String, result: String, points: Double, usedHint: Bool = false) {
        self.questionID = questionID
        self.answer = answer
        self.result = result
        self.points = points
        self.usedHint = usedHint
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        questionID = try c.decodeIfPresent(String.self, forKey: .questionID) ?? ""
        answer = try c.decodeIfPresent(String.self, forKey: .answer) ?? ""
        result = try c.decodeIfPresent(String.self, forKey: .result) ?? ""
        points = try c.decodeIfPresent(Double.self, forKey: .points) ?? 0
        usedHint = try c.decodeIfPresent(Bool.self, forKey: .usedHint) ?? false
    }

    enum CodingKeys: String, CodingKey {
        // As the snake-case decoder sees "question_id".
        case questionID = "questionId"
        case answer, result, points, usedHint
    }

}
