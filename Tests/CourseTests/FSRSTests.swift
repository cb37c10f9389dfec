import Foundation
import TestSupport
import Testing

@testable import Course

/// The scheduler against the worked examples of the reference implementation, py-fsrs 6.3.1
/// (`tests/test_basic.py`: `test_review_card`, `test_memo_state`, `test_repeated_correct_reviews`
/// and the learning-step tests), run with py-fsrs's own steps (`FSRSScheduler.reference`).
@Suite struct FSRSReferenceTests {
    /// 2022-11-29 12:30:00 UTC, the reference tests' start.
    let start = Date(timeIntervalSince1970: 1_669_725_000)
    let day: TimeInterval = 86_400

    @Test func intervalsForAFixedRatingSequenceMatchPyFSRS() {
        let scheduler = FSRSScheduler.reference
        let ratings: [ReviewRating] = [
            .good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good,
        ]
        var card = scheduler.newCard(now: start)
        var now = start
        var intervals: [Int] = []
        for rating in ratings {
            card = scheduler.review(card, rating: rating, now: now)
            intervals.append(Int((card.due.timeIntervalSince(card.lastReview!) / day).rounded(.down)))
            now = card.due
        }
        #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    }

    @Test func memoryStateAfterAgainThenFiveGoodsMatchesPyFSRS() throws {
        let scheduler = FSRSScheduler.reference
        let ratings: [ReviewRating] = [.again, .good, .good, .good, .good, .good]
        let gaps = [0, 0, 1, 3, 8, 21]
        var card = scheduler.newCard(now: start)
        var now = start
        for (rating, gap) in zip(ratings, gaps) {
            now = now.addingTimeInterval(Double(gap) * day)
            card = scheduler.review(card, rating: rating, now: now)
        }
        #expect(abs(try #require(card.stability) - 53.62691) < 1e-4)
        #expect(abs(try #require(card.difficulty) - 6.3574867) < 1e-4)
    }

    @Test func repeatedEasyReviewsBottomOutDifficulty() {
        let scheduler = FSRSScheduler.reference
        var card = scheduler.newCard(now: start)
        for i in 0..<10 {
            card = scheduler.review(card, rating: .easy, now: start.addingTimeInterval(Double(i) * 1e-6))
        }
        #expect(card.difficulty == 1.0)
    }

    @Test func learningStepsAsInPyFSRS() {
        let scheduler = FSRSScheduler.reference
        let new = scheduler.newCard(now: start)
        let good = scheduler.review(new, rating: .good, now: start)
        #expect(good.phase == .learning && good.step == 1 && good.due == start.addingTimeInterval(600))
        let graduated = scheduler.review(good, rating: .good, now: good.due)
        #expect(graduated.phase == .review && graduated.step == nil)
        #expect(graduated.due.timeIntervalSince(good.due) >= day)
        let again = scheduler.review(new, rating: .again, now: start)
        #expect(again.phase == .learning && again.step == 0 && again.due == start.addingTimeInterval(60))
        let hard = scheduler.review(new, rating: .hard, now: start)
        #expect(hard.step == 0 && hard.due == start.addingTimeInterval(330))
        #expect(scheduler.review(new, rating: .easy, now: start).phase == .review)
    }

    @Test func retrievabilityIsNinetyPercentAfterStabilityDays() {
        let scheduler = FSRSScheduler.reference
        let card = FSRSCard(phase: .review, step: nil, stability: 10, difficulty: 5, lastReview: start, due: start)
        #expect(abs(scheduler.retrievability(card, at: start.addingTimeInterval(10 * day)) - 0.9) < 1e-9)
        #expect(scheduler.retrievability(card, at: start) == 1)
        #expect(scheduler.retrievability(scheduler.newCard(now: start), at: start) == 0)
        // A lower target retention brings items back later.
        #expect(FSRSScheduler(desiredRetention: 0.8).nextInterval(10) > FSRSScheduler().nextInterval(10))
        #expect(FSRSScheduler().nextInterval(10) == 10)
    }
}

/// tandem's own configuration: one ten-minute step.
@Suite struct TandemSchedulerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func rightFirstAnswerWaitsTwoDaysWrongOneTenMinutes() {
        let scheduler = FSRSScheduler.tandem()
        let new = scheduler.newCard(now: now)
        let right = scheduler.review(new, rating: .good, now: now)
        #expect(right.phase == .review && right.due == now.addingTimeInterval(2 * 86_400))
        let wrong = scheduler.review(new, rating: .again, now: now)
        #expect(wrong.phase == .learning && wrong.due == now.addingTimeInterval(600))
        let hard = scheduler.review(new, rating: .hard, now: now)
        #expect(hard.due == now.addingTimeInterval(900))
        // A lapse in review goes to relearning, due in ten minutes, and counts.
        let later = right.due
        let lapse = scheduler.review(right, rating: .again, now: later)
        #expect(lapse.phase == .relearning && lapse.due == later.addingTimeInterval(600) && lapse.lapses == 1)
        #expect(lapse.stability! < right.stability!)
    }
}

@Suite struct LeitnerMigrationTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func boxesBecomeFSRSStateKeepingDueDatesAndEverythingElse() throws {
        var progress = StudentProgress(courseID: "c")
        let answered = now.addingTimeInterval(-86_400)
        progress.questions["missed"] = QuestionRecord(
            attempts: 1, correctCount: 0, lastResult: "incorrect", lastPoints: 0, lastAnsweredAt: answered,
            quiz: "l", box: 1, due: answered.addingTimeInterval(600))
        progress.questions["relapsed"] = QuestionRecord(
            attempts: 3, correctCount: 2, lastResult: "incorrect", lastPoints: 0, lastAnsweredAt: answered,
            quiz: "l", box: 1, due: answered.addingTimeInterval(600))
        progress.questions["box4"] = QuestionRecord(
            attempts: 3, correctCount: 3, lastResult: "correct", lastPoints: 1, lastAnsweredAt: answered,
            quiz: "l", box: 4, due: answered.addingTimeInterval(7 * 86_400))
        progress.questions["partial"] = QuestionRecord(
            attempts: 2, correctCount: 1, lastResult: "partial", lastPoints: 0.5, lastAnsweredAt: nil,
            quiz: "l", box: 2, due: now)
        progress.questions["unanswered"] = QuestionRecord()
        let before = progress
        #expect(LeitnerMigration.needsMigration(progress))
        #expect(LeitnerMigration.migrate(&progress) == 4)
        #expect(!LeitnerMigration.needsMigration(progress))
        #expect(LeitnerMigration.migrate(&progress) == 0, "a second run changes nothing")

        let scheduler = FSRSScheduler.tandem()
        let missed = try #require(progress.questions["missed"]?.fsrs)
        #expect(missed.phase == .learning && missed.step == 0 && missed.stability == 0.212)
        #expect(progress.questions["relapsed"]?.fsrs?.phase == .relearning)
        let box4 = try #require(progress.questions["box4"]?.fsrs)
        #expect(box4.phase == .review && box4.stability == 7 && box4.lastReview == answered)
        #expect(box4.difficulty == scheduler.initialDifficulty(.good))
        let partial = try #require(progress.questions["partial"]?.fsrs)
        #expect(partial.stability == 1 && partial.difficulty == scheduler.initialDifficulty(.hard))
        #expect(partial.lastReview == now.addingTimeInterval(-86_400), "no answer time: due minus the box interval")
        // Nothing lost: every old field is as it was, due dates included.
        for (id, old) in before.questions {
            var new = try #require(progress.questions[id])
            #expect(new.fsrs?.due == old.due || new.fsrs == nil)
            new.fsrs = nil
            #expect(new == old)
        }
    }

    @Test func storeMigrationBacksUpTheOldFileOnce() throws {
        let directory = try makeTemporaryFolder("fsrs")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A progress file as tandem wrote it before FSRS.
        let old = """
            {"course_id": "c", "format_version": 1, "questions": {"q": {"attempts": 2, "box": 3,
             "correct_count": 2, "due": "2027-01-20T08:00:00Z", "last_answered_at": "2027-01-17T08:00:00Z",
             "last_result": "correct", "quiz": "l"}}}
            """
        try old.write(to: directory.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)
        let store = ProgressStore(directory: directory, courseID: "c")
        store.notice = { _ in }
        #expect(try LeitnerMigration.migrate(store: store) == 1)
        let backup = try String(contentsOf: LeitnerMigration.backupURL(store), encoding: .utf8)
        #expect(backup == old)
        let record = try #require(try store.load().questions["q"])
        #expect(record.fsrs?.phase == .review && record.fsrs?.stability == 3 && record.box == 3)
        #expect(record.due == ISO8601DateFormatter().date(from: "2027-01-20T08:00:00Z"))
        #expect(try LeitnerMigration.migrate(store: store) == 0)
        #expect(try String(contentsOf: LeitnerMigration.backupURL(store), encoding: .utf8) == old)
    }
}

@Suite struct ExerciseReviewTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func passesNeedingHelpComeBackCleanOnesDoNot() throws {
        var progress = StudentProgress(courseID: "c")
        #expect(
            !ExerciseReview.recordPass(exerciseID: "clean", hintsUsed: 0, sawSolution: false, now: now, in: &progress))
        #expect(
            ExerciseReview.recordPass(exerciseID: "hinted", hintsUsed: 2, sawSolution: false, now: now, in: &progress))
        #expect(
            ExerciseReview.recordPass(exerciseID: "copied", hintsUsed: 0, sawSolution: true, now: now, in: &progress))
        #expect(progress.exercises["clean"]?.review == nil)
        #expect(progress.exercises["hinted"]?.reviewReason == "hints")
        let copied = try #require(progress.exercises["copied"]?.review)
        #expect(copied.due == now.addingTimeInterval(600))
        let later = now.addingTimeInterval(3_600)
        #expect(ExerciseReview.due(progress, now: later).map(\.id) == ["copied", "hinted"])
        ExerciseReview.recordReviewAttempt(
            exerciseID: "copied", passed: true, usedHints: false, now: later, in: &progress)
        #expect(try #require(progress.exercises["copied"]?.review).due > later.addingTimeInterval(86_400 / 2))
        #expect(ExerciseReview.due(progress, now: later).map(\.id) == ["hinted"])
    }
}

@Suite struct ManifestRetentionTests {
    func manifest(_ extra: String) throws -> CourseManifest {
        try CourseManifest.parse("format_version = 1\nid = \"c\"\ntitle = \"T\"\n" + extra, path: "course.toml")
    }

    @Test func targetRetentionDefaultsAndValidates() throws {
        #expect(try manifest("").targetRetention == 0.9)
        #expect(try manifest("[review]\ntarget_retention = 0.85\n").targetRetention == 0.85)
        #expect(throws: CourseError.self) { try manifest("[review]\ntarget_retention = 1.5\n") }
        do {
            _ = try manifest("\n[review]\ntarget_retention = \"high\"\n")
            Issue.record("a string retention must fail")
        } catch {
            #expect("\(error)" == "course.toml:6: review.target_retention must be a number from 0.7 to 0.97")
        }
    }
}
