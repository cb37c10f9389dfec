import Course
import Foundation

import struct Course.Progress

/// Leitner boxes: a right answer moves a question up a box and further into the future; a wrong
/// one sends it back to box 1, due again in ten minutes (long enough that a question just missed
/// and explained is not "due" the moment the quiz ends). Partial or self-graded-partial answers
/// keep the box.
public enum LeitnerScheduler {
    private static let day: TimeInterval = 86_400
    /// Seconds until a question in each box is due again (index 0 is box 1): ten minutes, then
    /// 1, 3, 7 and 16 days.
    public static let intervals: [TimeInterval] = [10 * 60, 1 * day, 3 * day, 7 * day, 16 * day]
    public static var maxBox: Int { intervals.count }

    public static func interval(box: Int) -> TimeInterval {
        intervals[min(max(box, 1), maxBox) - 1]
    }

    /// The box and due date after an answer worth `points` (in [0, 1]).
    public static func schedule(box: Int, points: Double, now: Date) -> (box: Int, due: Date) {
        let current = min(max(box, 1), maxBox)
        let next: Int
        if points >= 1 {
            next = min(current + 1, maxBox)
        } else if points <= 0 {
            next = 1
        } else {
            next = current
        }
        // A partial answer is due tomorrow at the latest, whatever its box.
        let wait = points > 0 && points < 1 ? min(interval(box: next), day) : interval(box: next)
        return (next, now.addingTimeInterval(wait))
    }
}

/// Updates `Progress` for answers and finished quizzes. Pure functions over `inout Progress`,
/// so callers wrap them in `ProgressStore.update` and tests call them directly.
public enum QuizRecorder {
    /// The key of a question in `Progress.questions`: its id, or for a question without one,
    /// `QUIZKEY#q<N>` so the position-based ids of different files do not collide.
    public static func recordID(_ question: Question, quizKey: String) -> String {
        question.hasExplicitID ? question.id : "\(quizKey)#\(question.id)"
    }

    /// Records one graded answer: attempts, last result, and the review schedule.
    public static func recordAnswer(
        _ question: Question, grade: Grade, quizKey: String, now: Date,
        in progress: inout Progress
    ) {
        guard grade.status != .unanswered else { return }
        let key = recordID(question, quizKey: quizKey)
        var record = progress.questions[key] ?? QuestionRecord()
        record.attempts += 1
        if grade.isCorrect { record.correctCount += 1 }
        record.lastResult = grade.status.rawValue
        record.lastPoints = grade.points
        record.lastAnsweredAt = now
        record.quiz = quizKey
        let next = LeitnerScheduler.schedule(box: record.box, points: grade.points, now: now)
        record.box = next.box
        record.due = next.due
        progress.questions[key] = record
    }

    /// Notes an answer of an unfinished run, so an interrupted quiz can resume.
    public static func recordPartialRun(
        questionID: String, points: Double, quizKey: String, in progress: inout Progress
    ) {
        var quiz = progress.quizzes[quizKey] ?? QuizRecord()
        var resume = quiz.resume ?? [:]
        resume[questionID] = points
        quiz.resume = resume
        progress.quizzes[quizKey] = quiz
    }

    /// Records a completed run: last and best score, total, attempts; clears any resume point.
    public static func recordCompletedRun(
        score: Double, total: Int, quizKey: String, now: Date, in progress: inout Progress
    ) {
        var quiz = progress.quizzes[quizKey] ?? QuizRecord()
        quiz.attempts += 1
        quiz.last = score
        quiz.best = max(quiz.best ?? score, score)
        quiz.total = total
        quiz.lastTakenAt = now
        quiz.resume = nil
        progress.quizzes[quizKey] = quiz
    }

    /// Records every answered question of a graded answers file and the run's score.
    public static func record(_ report: QuizReport, quizKey: String, now: Date, in progress: inout Progress) {
        for result in report.results {
            recordAnswer(result.question, grade: result.grade, quizKey: quizKey, now: now, in: &progress)
        }
        recordCompletedRun(score: report.score, total: report.total, quizKey: quizKey, now: now, in: &progress)
    }
}
