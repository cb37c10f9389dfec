import Course
import Foundation

/// The FSRS rating of a graded answer: wrong = again; partial, or right only after the hint =
/// hard; right = good. A self-graded answer uses the student's own rating when given, else its
/// rubric share (all points met = good, some = hard, none = again).
public enum AnswerRating {
    public static func rating(for grade: Grade, usedHint: Bool, selfRating: ReviewRating? = nil) -> ReviewRating {
        switch grade.status {
        case .correct: return usedHint ? .hard : .good
        case .partial: return .hard
        case .incorrect, .unanswered: return .again
        case .selfGraded:
            if let selfRating { return selfRating }
            if grade.points >= 1 { return usedHint ? .hard : .good }
            return grade.points > 0 ? .hard : .again
        }
    }
}

/// Updates `StudentProgress` for answers and finished quizzes. Pure functions over `inout StudentProgress`,
/// so callers wrap them in `ProgressStore.update` and tests call them directly.
public enum QuizRecorder {
    /// The key of a question in `StudentProgress.questions`: its id, or for a question without one,
    /// `QUIZKEY#q<N>` so the position-based ids of different files do not collide.
    public static func recordID(_ question: Question, quizKey: String) -> String {
        question.hasExplicitID ? question.id : "\(quizKey)#\(question.id)"
    }

    /// Records one graded answer: attempts, last result, and the FSRS review schedule (a
    /// Leitner-era record is converted first, by `LeitnerMigration`'s rule).
    public static func recordAnswer(
        _ question: Question, grade: Grade, quizKey: String, now: Date, usedHint: Bool = false,
        selfRating: ReviewRating? = nil, scheduler: FSRSScheduler = .tandem(), in progress: inout StudentProgress
    ) {
        guard grade.status != .unanswered else { return }
        let key = recordID(question, quizKey: quizKey)
        var record = progress.questions[key] ?? QuestionRecord()
        let card =
            record.fsrs
            ?? (record.attempts > 0
                ? LeitnerMigration.card(from: record, scheduler: scheduler) : scheduler.newCard(now: now))
        record.attempts += 1
        if grade.isCorrect { record.correctCount += 1 }
        record.lastResult = grade.status.rawValue
        record.lastPoints = grade.points
        record.lastAnsweredAt = now
        record.quiz = quizKey
        let rating = AnswerRating.rating(for: grade, usedHint: usedHint, selfRating: selfRating)
        let next = scheduler.review(card, rating: rating, now: now)
        record.fsrs = next
        record.due = next.due
        progress.questions[key] = record
    }

    /// Notes an answer of an unfinished run, so an interrupted quiz can resume.
    public static func recordPartialRun(
        questionID: String, points: Double, quizKey: String, in progress: inout StudentProgress
    ) {
        var quiz = progress.quizzes[quizKey] ?? QuizRecord()
        var resume = quiz.resume ?? [:]
        resume[questionID] = points
        quiz.resume = resume
        progress.quizzes[quizKey] = quiz
    }

    /// Notes one answer of the current run for the review screen (`tandem quiz N --last`),
    /// replacing an earlier answer to the same question in this run.
    public static func recordRunAnswer(_ answer: RecordedAnswer, quizKey: String, in progress: inout StudentProgress) {
        var quiz = progress.quizzes[quizKey] ?? QuizRecord()
        var run = quiz.lastRun ?? []
        run.removeAll { $0.questionID == answer.questionID }
        run.append(answer)
        quiz.lastRun = run
        progress.quizzes[quizKey] = quiz
    }

    /// Records a completed run: last and best score, total, attempts; clears any resume point.
    public static func recordCompletedRun(
        score: Double, total: Int, quizKey: String, now: Date, in progress: inout StudentProgress
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
    public static func record(
        _ report: QuizReport, quizKey: String, now: Date, scheduler: FSRSScheduler = .tandem(),
        in progress: inout StudentProgress
    ) {
        var run: [RecordedAnswer] = []
        for result in report.results {
            recordAnswer(
                result.question, grade: result.grade, quizKey: quizKey, now: now, scheduler: scheduler, in: &progress)
            if let answer = result.given {
                run.append(RecordedAnswer(question: result.question, answer: answer, grade: result.grade))
            }
        }
        progress.quizzes[quizKey, default: QuizRecord()].lastRun = run
        recordCompletedRun(score: report.score, total: report.total, quizKey: quizKey, now: now, in: &progress)
    }
}
