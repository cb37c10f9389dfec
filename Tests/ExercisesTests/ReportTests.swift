import Course
import Foundation
import JSON
import Terminal
import TestSupport
import Testing

@testable import Exercises

@Suite struct ReportTests {
    let failing = CheckResult(
        exercise: entry("vote"), status: .failed,
        failure: FailedCase(
            name: "a tie goes to the smallest label",
            input: "majorityVote([2, 1, 2, 1]) " + String(repeating: "x", count: 120),
            expected: "1", actual: "2"))

    @Test func jsonHasTheDocumentedShape() throws {
        let passing = CheckResult(exercise: entry("avg", number: 2), status: .passed, casesPassed: 12)
        let text = CheckReport.json([failing, passing]).serialized()
        let object = try parseJSONObject(text)
        #expect(object["passed"] as? Int == 1)
        #expect(object["total"] as? Int == 2)
        let exercises = try #require(object["exercises"] as? [[String: Any]])
        #expect(exercises.count == 2)
        #expect(Set(exercises[0].keys) == ["id", "title", "lesson", "status", "message", "cases_passed"])
        #expect(exercises[0]["status"] as? String == "failed")
        #expect((exercises[0]["message"] as? String)?.contains("expected 1; actual 2") == true)
        #expect(exercises[1]["status"] as? String == "passed")
        #expect(exercises[1]["lesson"] as? String == "ensembles")
        // The documented order, key by key.
        #expect(
            text.hasPrefix(
                #"{"exercises":[{"id":"vote","title":"Exercise vote","lesson":"ensembles","status":"failed","message":"#
            ))
        #expect(
            text.hasSuffix(
                #""status":"passed","message":"all 12 cases passed","cases_passed":12}],"passed":1,"total":2}"#))
    }

    /// docs/json.md's keys for `check --json` are these, in order, with their types: results with
    /// and without a score, a score with and without a previous best.
    @Test func jsonKeysMatchTheDeclaration() throws {
        let score = ScoreReport(
            accuracy: 0.9, cost: 3, budget: 4, bar: 0.85, oracle: 0.95, referenceAccuracy: 0.88, referenceCost: 2.8)
        var scored = CheckResult(exercise: entry("capstone", number: 3), status: .passed, casesPassed: 1)
        scored.score = score
        var improved = scored
        improved.previousBest = ExerciseScore(accuracy: 0.86, costPerQuery: 3.5)
        let samples = [CheckReport.json([failing, scored]), CheckReport.json([improved]), CheckReport.json([])]
        #expect(JSONKeyDoc.mismatches(CheckReport.jsonKeys, samples: samples) == [])
    }

    @Test func detailsFitTheWidthAndHaveNoEscapesWithoutColour() {
        let report = CheckReport(settings: TerminalSettings(width: 40, color: false, ascii: true))
        let text = report.detail(failing, file: "exercises/vote/main.swift")
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 40, "\(line)")
        }
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("expected: 1"))
        #expect(text.replacingOccurrences(of: "\n  ", with: " ").contains("tandem hint 1"))
    }

    @Test func colourIsUsedOnlyWhenAllowed() {
        let coloured = CheckReport(settings: TerminalSettings(width: 80, color: true, ascii: false)).headline(failing)
        #expect(coloured.contains("\u{1B}["))
    }

    @Test func compilerOutputIsTrimmedToFileLineMessage() {
        let root = URL(fileURLWithPath: "/course")
        let output = """
            Building for debugging...
            /course/exercises/01-vote/Vote.swift:12:9: error: cannot find 'count' in scope
             10 |     for vote in votes {
             12 |         count += 1
                |         `- error: cannot find 'count' in scope
            /course/exercises/01-vote/Vote.swift:12:9: error: cannot find 'count' in scope
            /course/exercises/01-vote/Vote.swift:3:1: warning: unused variable
            error: emit-module command failed with exit code 1 (use -v to see invocation)
            """
        let errors = compileErrors(in: output, paths: PathDisplay(base: root))
        #expect(errors.map(\.description) == ["exercises/01-vote/Vote.swift:12: cannot find 'count' in scope"])
    }

    @Test func aLongPathBreaksAfterASlashNeverInsideFileAndLine() {
        let report = CheckReport(settings: TerminalSettings(width: 60, color: false, ascii: true))
        let error = CompileError(
            file: "ex-scratch/exercises/01-majority-vote/MajorityVote.swift", line: 22,
            message: "invalid redeclaration of 'majorityVote'")
        let lines = report.wrap("  " + error.description, indent: 4).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.contains { $0.contains("MajorityVote.swift:22:") }, "\(lines)")
    }

    @Test func linkErrorsWithoutALocationAreStillReported() {
        let errors = compileErrors(
            in: "error: link command failed with exit code 1", paths: PathDisplay(base: URL(fileURLWithPath: "/c")))
        #expect(errors.count == 1)
        #expect(errors[0].description.contains("link command failed"))
    }

    @Test func watchExplainsItselfWithoutATerminal() {
        let reason = Watcher.unavailableReason(stdinIsTTY: false, stdoutIsTTY: true)
        #expect(reason?.contains("tandem check") == true)
        #expect(Watcher.unavailableReason(stdinIsTTY: true, stdoutIsTTY: false) != nil)
        #expect(Watcher.unavailableReason(stdinIsTTY: true, stdoutIsTTY: true) == nil)
    }

    @Test func watchMovesOnOnlyWhenAskedAfterAPass() {
        let exercises = [entry("a", number: 1), entry("b", number: 2)]
        var progress = StudentProgress(courseID: "t")
        let failed = CheckResult(exercise: exercises[0], status: .failed)
        #expect(Watcher.move(after: nil, exercises: exercises, progress: progress) == .stay)
        #expect(Watcher.move(after: failed, exercises: exercises, progress: progress) == .stay)
        for status in [CheckStatus.compileError, .crashed, .timeout] {
            #expect(
                Watcher.move(
                    after: CheckResult(exercise: exercises[0], status: status), exercises: exercises, progress: progress
                ) == .stay)
        }
        let solvedA = ExerciseRecord(status: "passed", solved: true)
        progress.exercises["a"] = solvedA
        let passed = CheckResult(exercise: exercises[0], status: .passed)
        #expect(Watcher.move(after: passed, exercises: exercises, progress: progress) == .to(exercises[1]))
        progress.exercises["b"] = solvedA
        #expect(Watcher.move(after: passed, exercises: exercises, progress: progress) == .finished)
    }

    @Test func theCurrentExerciseIsTheFirstUnsolved() {
        let exercises = [entry("a", number: 1), entry("b", number: 2), entry("c", number: 3)]
        var progress = StudentProgress(courseID: "test")
        #expect(currentExercise(exercises, progress: progress)?.id == "a")
        progress.exercises["a"] = ExerciseRecord(status: "passed", solved: true)
        progress.exercises["c"] = ExerciseRecord(status: "passed", solved: true)
        #expect(currentExercise(exercises, progress: progress)?.id == "b")
        progress.exercises["b"] = ExerciseRecord(status: "failed", solved: true)
        #expect(currentExercise(exercises, progress: progress) == nil)
    }
}
