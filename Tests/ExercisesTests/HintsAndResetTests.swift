import Course
import Foundation
import TestSupport
import Testing

@testable import Exercises

@Suite struct HintTests {
    @Test func hintsAreRevealedOneLevelAtATimeAndRecorded() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(directory: folder, courseID: "test")
        let exercise = entry("vote", hints: ["count the votes", "smallest label on ties", "sketch"])

        let first = try Hints.reveal(exercise, store: store)
        #expect(first.shown == ["count the votes"])
        #expect(first.newlyRevealed)
        #expect(try store.load().exercises["vote"]?.hintsUsed == 1)

        let second = try Hints.reveal(exercise, store: store)
        #expect(second.shown == ["count the votes", "smallest label on ties"])
        _ = try Hints.reveal(exercise, store: store)
        let past = try Hints.reveal(exercise, store: store)
        #expect(past.shown.count == 3)
        #expect(!past.newlyRevealed)
        #expect(try store.load().exercises["vote"]?.hintsUsed == 3)
    }

    @Test func everyCourseExerciseHasAtLeastTwoHintLevels() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        #expect(course.manifest.exercises.count >= 9)
        for exercise in course.manifest.exercises {
            #expect(exercise.hints.count >= 2, "\(exercise.id)")
            let text = try String(
                contentsOf: ExerciseLayout(course: course).starterFile(exercise), encoding: .utf8)
            #expect(text.contains("TODO"), "\(exercise.id) starter has a TODO")
            #expect(text.contains("Lesson "), "\(exercise.id) names its lesson")
            #expect(course.lesson(slug: exercise.lesson) != nil)
        }
    }
}

@Suite struct ResetTests {
    @Test func resetRestoresTheStarterAndBacksUpTheStudentsVersion() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = ExerciseLayout(
            package: folder.appendingPathComponent("exercises"), scratch: folder.appendingPathComponent("scratch"))
        let exercise = entry("vote", file: "01-vote/Vote.swift")
        try writeText("starter\n", to: layout.starterFile(exercise))
        try writeText("my half-done work\n", to: layout.studentFile(exercise))
        let resetter = Resetter(layout: layout, now: { Date(timeIntervalSince1970: 1_800_000_000) })

        let outcome = try resetter.reset(exercise)
        #expect(try String(contentsOf: layout.studentFile(exercise), encoding: .utf8) == "starter\n")
        let backup = try #require(outcome.backup)
        #expect(try String(contentsOf: backup, encoding: .utf8) == "my half-done work\n")
        #expect(backup.path.hasPrefix(layout.backupsDirectory.path))
        #expect(backup.lastPathComponent.hasPrefix("Vote.swift."))
        #expect(!backup.lastPathComponent.hasSuffix(".swift"), "a backup must never be compiled")

        // A second edit at the same second keeps both backups.
        try writeText("second try\n", to: layout.studentFile(exercise))
        let again = try #require(try resetter.reset(exercise).backup)
        #expect(again != backup)
        #expect(try String(contentsOf: again, encoding: .utf8) == "second try\n")

        // Already pristine: nothing to back up.
        #expect(try resetter.reset(exercise).backup == nil)
    }

    @Test func resetWithoutAStarterFailsAndKeepsTheStudentsFile() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = ExerciseLayout(package: folder, scratch: folder.appendingPathComponent("scratch"))
        let exercise = entry("vote")
        try writeText("mine\n", to: layout.studentFile(exercise))
        #expect(throws: ExerciseError.self) { try Resetter(layout: layout).reset(exercise) }
        #expect(try String(contentsOf: layout.studentFile(exercise), encoding: .utf8) == "mine\n")
    }

    @Test func everyExerciseHasAStarterAndASolution() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let layout = ExerciseLayout(course: course)
        for exercise in course.manifest.exercises {
            #expect(FileManager.default.fileExists(atPath: layout.starterFile(exercise).path), "\(exercise.id)")
            #expect(FileManager.default.fileExists(atPath: layout.solutionFile(exercise).path), "\(exercise.id)")
        }
    }

    /// Earlier editions' working copies stay in git exactly as that edition shipped them: a student
    /// who edited one can pull without a conflict (tandem then moves the work, see `.starters/MOVED`).
    @Test func earlierEditionsFilesStayCommittedUnchanged() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        for copy in try ExerciseLayout(course: course).previousCopies() {
            guard let committed = committedContents(of: "exercises/\(copy.file)") else {
                print("skipped: exercises/\(copy.file) has no committed version here (not a git checkout?)")
                continue
            }
            #expect(fnv1a64(committed) == copy.starterHash, "exercises/\(copy.file) changed in git")
        }
    }

    /// The file as committed at HEAD, or nil when this is not a git checkout.
    func committedContents(of path: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", checkoutRoot.path, "show", "HEAD:\(path)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
