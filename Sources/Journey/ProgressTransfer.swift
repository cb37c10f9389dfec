import Course
import Terminal

import struct Foundation.Data
import struct Foundation.Date
import struct Foundation.URL

/// Moving progress between machines (`--export`, `--import`) and starting over (`--reset`).
public enum ProgressTransfer {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The progress in a file written by `--export` (the same format as `progress.json`), and
    /// what was dropped or clamped reading it (each "FIELD: REASON"). Refuses a file from another
    /// course, one written by a newer tandem, and one that is not progress at all.
    public static func decode(_ data: Data, path: String, expectedCourseID: String) throws(Failure) -> (
        progress: StudentProgress, problems: [String]
    ) {
        let decoded: ProgressFile.Decoded
        do {
            decoded = try ProgressFile.decode(data)
        } catch {
            switch error {
            case .newerVersion(let version):
                throw Failure(
                    description:
                        "\(path): written by a newer tandem (format \(version)); upgrade tandem to import it; nothing imported"
                )
            case .notProgress(let reason):
                throw Failure(
                    description:
                        "\(path): not a progress file (one written by tandem progress --export): \(TerminalText.excerpt(reason, limit: 160)); nothing imported"
                )
            }
        }
        let progress = decoded.progress
        if progress.courseID != expectedCourseID {
            let other =
                progress.courseID.isEmpty ? "an unnamed course" : "course '\(TerminalText.excerpt(progress.courseID))'"
            throw Failure(
                description:
                    "\(path) holds progress for \(other), not for '\(expectedCourseID)'; nothing imported")
        }
        return (progress, decoded.problems)
    }

    /// Merges `incoming` into `local`, keeping the better result per item: a lesson read on either
    /// side is read; a quiz keeps the higher best score and the most recent attempt; an exercise
    /// solved on either side is solved, with the better last status; a question keeps its most
    /// recent answer (that is what its review schedule is based on). Merging is idempotent, and
    /// ids unknown to the course are kept, like everywhere else.
    public static func merge(_ local: StudentProgress, _ incoming: StudentProgress) -> StudentProgress {
        var merged = local
        merged.formatVersion = StudentProgress.currentFormatVersion
        merged.welcomed = local.welcomed || incoming.welcomed
        merged.finishedShown = local.finishedShown || incoming.finishedShown
        merged.lessons = local.lessons.merging(incoming.lessons) { a, b in
            LessonRecord(read: a.read || b.read, readAt: earliest(a.readAt, b.readAt))
        }
        merged.quizzes = local.quizzes.merging(incoming.quizzes, uniquingKeysWith: mergeQuiz)
        merged.questions = local.questions.merging(incoming.questions, uniquingKeysWith: mergeQuestion)
        merged.exercises = local.exercises.merging(incoming.exercises, uniquingKeysWith: mergeExercise)
        return merged
    }

    static func mergeQuiz(_ a: QuizRecord, _ b: QuizRecord) -> QuizRecord {
        let newer = isNewer(b.lastTakenAt, than: a.lastTakenAt) ? b : a
        var result = newer
        result.best = maximum(a.best, b.best)
        result.attempts = max(a.attempts, b.attempts)
        result.total = newer.total != 0 ? newer.total : max(a.total, b.total)
        return result
    }

    static func mergeQuestion(_ a: QuestionRecord, _ b: QuestionRecord) -> QuestionRecord {
        // The most recent answer wins; on a tie, the one further along its schedule.
        let bWins =
            a.lastAnsweredAt == b.lastAnsweredAt
            ? (b.box, b.due ?? .distantPast) > (a.box, a.due ?? .distantPast)
            : isNewer(b.lastAnsweredAt, than: a.lastAnsweredAt)
        var result = bWins ? b : a
        result.attempts = max(a.attempts, b.attempts)
        result.correctCount = max(a.correctCount, b.correctCount)
        return result
    }

    static func mergeExercise(_ a: ExerciseRecord, _ b: ExerciseRecord) -> ExerciseRecord {
        var result = statusRank(b.status) > statusRank(a.status) ? b : a
        result.solved = a.solved || b.solved
        result.solvedAt = earliest(a.solvedAt, b.solvedAt)
        result.lastCheckedAt = latest(a.lastCheckedAt, b.lastCheckedAt)
        result.hintsUsed = max(a.hintsUsed, b.hintsUsed)
        return result
    }

    /// Better results rank higher: passed, then failing checks, then code that does not build.
    static func statusRank(_ status: String?) -> Int {
        switch status {
        case "passed": 5
        case "failed": 4
        case "timeout": 3
        case "crashed": 2
        case "compile-error": 1
        default: 0
        }
    }

    /// Copies the progress file to `progress.json.backup-<stamp>` beside it (a name no other
    /// file has); nil when there is nothing to back up.
    public static func backup(_ store: ProgressStore, now: Date) throws -> URL? {
        try store.backup(now: now)
    }

    private static func isNewer(_ a: Date?, than b: Date?) -> Bool {
        switch (a, b) {
        case (let a?, let b?): a > b
        case (.some, nil): true
        default: false
        }
    }

    private static func earliest(_ a: Date?, _ b: Date?) -> Date? {
        switch (a, b) {
        case (let a?, let b?): min(a, b)
        default: a ?? b
        }
    }

    private static func latest(_ a: Date?, _ b: Date?) -> Date? {
        switch (a, b) {
        case (let a?, let b?): max(a, b)
        default: a ?? b
        }
    }

    private static func maximum(_ a: Double?, _ b: Double?) -> Double? {
        switch (a, b) {
        case (let a?, let b?): max(a, b)
        default: a ?? b
        }
    }
}
