import Foundation

/// Exercises in spaced review: one passed only after hints or after seeing the solution comes back
/// as "solve it again from the starter". Pure functions over `inout StudentProgress`, like `QuizRecorder`.
///
/// The hook for the exercise checker: call `recordPass` each time an exercise passes (its
/// `hintsUsed` and whether the solution had been shown), and `recordReviewAttempt` when a
/// review copy (solved again from the starter) is checked.
public enum ExerciseReview {
    /// How a pass rates: after seeing the solution, "again" (it was not recalled); after hints,
    /// "hard"; otherwise nil (a clean pass puts nothing into review).
    public static func rating(hintsUsed: Int, sawSolution: Bool) -> ReviewRating? {
        if sawSolution { return .again }
        if hintsUsed > 0 { return .hard }
        return nil
    }

    /// Records a pass of the student's own exercise file: schedules a review when it needed help
    /// and none is scheduled yet. Returns whether the exercise is now in review.
    @discardableResult
    public static func recordPass(
        exerciseID: String, hintsUsed: Int, sawSolution: Bool, now: Date, scheduler: FSRSScheduler = .tandem(),
        in progress: inout StudentProgress
    ) -> Bool {
        var record = progress.exercises[exerciseID] ?? ExerciseRecord()
        if record.review != nil { return true }
        guard let rating = rating(hintsUsed: hintsUsed, sawSolution: sawSolution) else { return false }
        record.review = scheduler.review(scheduler.newCard(now: now), rating: rating, now: now)
        record.reviewReason = sawSolution ? "solution" : "hints"
        progress.exercises[exerciseID] = record
        return true
    }

    /// Records a check of a review copy: passed without help is "good" (with hints, "hard"),
    /// failed is "again".
    public static func recordReviewAttempt(
        exerciseID: String, passed: Bool, usedHints: Bool, now: Date, scheduler: FSRSScheduler = .tandem(),
        in progress: inout StudentProgress
    ) {
        guard var record = progress.exercises[exerciseID], let card = record.review else { return }
        let rating: ReviewRating = passed ? (usedHints ? .hard : .good) : .again
        record.review = scheduler.review(card, rating: rating, now: now)
        progress.exercises[exerciseID] = record
    }

    /// Exercises in review and due at `now`, most overdue first.
    public static func due(_ progress: StudentProgress, now: Date) -> [(id: String, card: FSRSCard)] {
        progress.exercises.compactMap { id, record in
            guard let card = record.review, card.due <= now else { return nil }
            return (id, card)
        }.sorted { ($0.card.due, $0.id) < ($1.card.due, $1.id) }
    }
}
