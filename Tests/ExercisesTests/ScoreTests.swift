import Course
import Foundation
import Terminal
import TestSupport
import Testing

@testable import Exercises

/// The capstone's score: read from the verdict, shown by check, kept at its best in progress.
struct ScoreTests {
    let verdict = [
        "verdict": "passed", "score_accuracy": "0.9", "score_cost": "2.5", "score_budget": "3",
        "score_bar": "0.87", "score_oracle": "0.95", "score_reference_accuracy": "0.88",
        "score_reference_cost": "2.8",
    ]

    @Test func aVerdictWithEveryScoreFieldGivesAReport() throws {
        let report = try #require(ScoreReport(verdict: verdict))
        #expect(report.score == ExerciseScore(accuracy: 0.9, costPerQuery: 2.5))
        #expect(report.beatsReference)
        #expect(abs(report.oracleGap - 0.05) < 1e-12)
        var partial = verdict
        partial["score_oracle"] = nil
        #expect(ScoreReport(verdict: partial) == nil)
        partial = verdict
        partial["score_cost"] = "nan"
        #expect(ScoreReport(verdict: partial) == nil, "a non-finite number is no score")
    }

    @Test func checkSaysWhetherTheReferenceIsBeatenAndWhetherItIsANewBest() throws {
        let report = try #require(ScoreReport(verdict: verdict))
        let lines = report.lines(previousBest: ExerciseScore(accuracy: 0.89, costPerQuery: 2))
        #expect(lines[0] == "Accuracy 90.0% at 2.50 per query (budget 3.00; bar 87.0%).")
        #expect(lines[1] == "The oracle cascade at your cost: 95.0% (gap 5.0 points).")
        #expect(lines.contains("You beat the reference solution!"))
        #expect(lines.last == "A new best (was 89.0% at 2.00).")
        var behind = report
        behind.accuracy = 0.87
        #expect(!behind.lines(previousBest: nil).contains("You beat the reference solution!"))
        #expect(behind.lines(previousBest: report.score).last == "Your best stays 90.0% at 2.50.")
    }

    @Test func progressKeepsTheBestPassingScore() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(directory: folder, courseID: "test")
        let capstone = entry("capstone")
        var first = CheckResult(exercise: capstone, status: .passed)
        first.score = try #require(ScoreReport(verdict: verdict) as ScoreReport?)
        #expect(try record(first, in: store) == nil)
        #expect(try store.load().exercises["capstone"]?.bestScore == ExerciseScore(accuracy: 0.9, costPerQuery: 2.5))
        var worse = first
        worse.score?.accuracy = 0.88
        #expect(try record(worse, in: store) == ExerciseScore(accuracy: 0.9, costPerQuery: 2.5))
        #expect(try store.load().exercises["capstone"]?.bestScore?.accuracy == 0.9, "a worse run keeps the best")
        var cheaper = first
        cheaper.score?.cost = 2
        try record(cheaper, in: store)
        #expect(try store.load().exercises["capstone"]?.bestScore?.costPerQuery == 2, "as accurate for less is better")
        try record(CheckResult(exercise: capstone, status: .failed), in: store)
        #expect(try store.load().exercises["capstone"]?.bestScore?.costPerQuery == 2, "a failed check keeps it")
    }

    /// `check --all` records every result in one update: each exercise's own record, and each
    /// result's best score from before that update.
    @Test func severalChecksAreRecordedInOneUpdate() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(directory: folder, courseID: "test")
        var scored = CheckResult(exercise: entry("capstone"), status: .passed)
        scored.score = try #require(ScoreReport(verdict: verdict) as ScoreReport?)
        try record(scored, in: store)
        var better = scored
        better.score?.cost = 2
        let previous = try record(
            [CheckResult(exercise: entry("vote", number: 2), status: .failed), better], in: store)
        #expect(previous == [nil, ExerciseScore(accuracy: 0.9, costPerQuery: 2.5)])
        let exercises = try store.load().exercises
        #expect(exercises["vote"]?.status == "failed" && exercises["vote"]?.solved == false)
        #expect(exercises["capstone"]?.bestScore == ExerciseScore(accuracy: 0.9, costPerQuery: 2))
    }

    @Test func jsonCarriesTheScore() throws {
        var result = CheckResult(exercise: entry("capstone"), status: .passed)
        result.score = try #require(ScoreReport(verdict: verdict) as ScoreReport?)
        let json = try parseJSONObject(CheckReport.json([result]).serialized())
        let exercise = try #require((json["exercises"] as? [[String: Any]])?.first)
        let score = try #require(exercise["score"] as? [String: Any])
        #expect(score["accuracy"] as? Double == 0.9)
        #expect(score["oracle_accuracy"] as? Double == 0.95)
        #expect(score["reference_cost_per_query"] as? Double == 2.8)
        #expect(exercise["beats_reference"] as? Bool == true)
    }

    @Test func anOlderProgressFileWithoutTheFieldStillDecodes() throws {
        let data = Data(#"{"status":"passed","solved":true,"hintsUsed":1}"#.utf8)
        let decoded = try JSONDecoder().decode(ExerciseRecord.self, from: data)
        #expect(decoded.bestScore == nil)
        #expect(decoded.hintsUsed == 1)
    }
}

/// Every miss feeds review: a first pass after hints, or after the solution was shown, schedules
/// "solve it again from the starter"; a clean first pass schedules nothing; later passes leave it.
struct ExerciseReviewFeedTests {
    @Test func aFirstPassThatNeededHelpGoesIntoReview() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(directory: folder, courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)

        try record(CheckResult(exercise: entry("clean"), status: .passed), in: store, now: now)
        try store.update { $0.exercises["hinted", default: ExerciseRecord()].hintsUsed = 2 }
        try record(CheckResult(exercise: entry("hinted"), status: .failed), in: store, now: now)
        #expect(try store.load().exercises["hinted"]?.review == nil, "a failed check schedules nothing")
        try record(CheckResult(exercise: entry("hinted"), status: .passed), in: store, now: now)
        try store.update { $0.exercises["peeked", default: ExerciseRecord()].solutionSeenBeforePass = true }
        try record(CheckResult(exercise: entry("peeked"), status: .passed), in: store, now: now)

        let progress = try store.load()
        #expect(progress.exercises["clean"]?.review == nil)
        let hinted = try #require(progress.exercises["hinted"])
        #expect(hinted.reviewReason == "hints")
        let peeked = try #require(progress.exercises["peeked"])
        #expect(peeked.reviewReason == "solution")
        // After the solution ("again") it comes back sooner than after hints ("hard").
        let peekedDue = try #require(peeked.review?.due)
        let hintedDue = try #require(hinted.review?.due)
        #expect(peekedDue < hintedDue && peekedDue > now)
        #expect(ExerciseReview.due(progress, now: hintedDue).map(\.id) == ["peeked", "hinted"])

        // The stored schedule survives a round trip through the file.
        try record(CheckResult(exercise: entry("hinted"), status: .passed), in: store, now: now.addingTimeInterval(60))
        #expect(try store.load().exercises["hinted"]?.review == hinted.review, "a later pass keeps the schedule")
    }
}

/// `check N --again`: the scratch copy comes from the starter, is never overwritten once made, and
/// a checked attempt moves the review schedule (the check itself runs the same checker in a copy of
/// the package, as `dev verify` does).
struct SolveAgainTests {
    @Test func theScratchCopyStartsFromTheStarterAndAReviewIsRecorded() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = try CourseFolder.load(root: checkoutRoot)
        let exercise = try #require(real.manifest.exercises.first { $0.id == "majority-vote" })
        // A course in a temporary folder with this checkout's manifest and the one starter.
        let course = CourseFolder(root: folder, manifest: real.manifest)
        let starter = ExerciseLayout(course: course).starterFile(exercise)
        try FileManager.default.createDirectory(
            at: starter.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExerciseLayout(course: real).starterFile(exercise), to: starter)

        let solver = SolveAgain(course: course)
        let scratch = solver.scratchFile(exercise)
        #expect(scratch.path.hasSuffix("exercises/.again/" + exercise.file))
        #expect(try solver.prepare(exercise))
        #expect(try Data(contentsOf: scratch) == Data(contentsOf: starter))
        try Data("// my second try\n".utf8).write(to: scratch)
        #expect(try !solver.prepare(exercise), "an existing copy is kept")
        #expect(try String(contentsOf: scratch, encoding: .utf8) == "// my second try\n")

        let store = ProgressStore(directory: folder.appendingPathComponent("state"), courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try store.update {
            ExerciseReview.recordPass(
                exerciseID: exercise.id, hintsUsed: 1, sawSolution: false, now: now, in: &$0)
        }
        let before = try #require(try store.load().exercises[exercise.id]?.review)
        let later = before.due.addingTimeInterval(60)
        try solver.record(CheckResult(exercise: exercise, status: .failed), in: store, now: later)
        let afterMiss = try #require(try store.load().exercises[exercise.id]?.review)
        #expect(afterMiss.due <= later.addingTimeInterval(3_600), "a miss brings it back within the hour")
        #expect(FileManager.default.fileExists(atPath: scratch.path), "a failed attempt keeps the copy")
        try solver.record(CheckResult(exercise: exercise, status: .passed), in: store, now: afterMiss.due)
        let afterPass = try #require(try store.load().exercises[exercise.id]?.review)
        #expect(afterPass.due >= afterMiss.due.addingTimeInterval(86_400), "a pass pushes it out a day or more")
        #expect(!FileManager.default.fileExists(atPath: scratch.path), "a passed copy is removed for next time")
    }
}
