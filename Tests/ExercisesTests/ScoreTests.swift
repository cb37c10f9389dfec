import Course
import Foundation
import Terminal
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
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(directory: folder, courseID: "test")
        let capstone = entry("capstone")
        var first = CheckResult(exercise: capstone, status: .passed)
        first.score = try #require(ScoreReport(verdict: verdict))
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

    @Test func jsonCarriesTheScore() throws {
        var result = CheckResult(exercise: entry("capstone"), status: .passed)
        result.score = try #require(ScoreReport(verdict: verdict))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(CheckReport.json([result]).utf8)) as? [String: Any])
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
