import Course
import Foundation
import TestSupport
import Testing

@testable import Exercises

/// One exercise list: course.toml and exercises/Package.swift must name the same exercises, in
/// the same order, with the same folders and modules.
struct ExerciseListTests {
    @Test func packageManifestAndCourseManifestAgree() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let manifest = try String(
            contentsOf: checkoutRoot.appendingPathComponent("exercises/Package.swift"), encoding: .utf8)
        // Lines like `("pgr", "12-pgr", "PGR", false),` inside the `exercises` array.
        let start = try #require(manifest.range(of: "let exercises: ["))
        let end = try #require(manifest.range(of: "\n]", range: start.upperBound..<manifest.endIndex))
        let rows = manifest[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap {
            line -> [String]? in
            let fields = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            }
            return fields.count == 3 ? fields : nil
        }
        // (id, folder): the module name is the package's own business.
        let expected = course.manifest.exercises.map { exercise -> [String] in
            [exercise.id, exercise.file.split(separator: "/").dropLast().joined(separator: "/")]
        }
        #expect(
            rows.map { Array($0.prefix(2)) } == expected,
            "exercises/Package.swift's list differs from content/course.toml's")
        #expect(rows.count >= 18)
    }

    @Test func everyMovedEntryNamesAKnownExerciseAndAFirstEditionFile() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let layout = ExerciseLayout(course: course)
        let ids = Set(course.manifest.exercises.map(\.id))
        let copies = try layout.previousCopies()
        #expect(copies.count == 9)
        for copy in copies {
            #expect(ids.contains(copy.id), "\(copy.id)")
            #expect(!course.manifest.exercises.contains { $0.file == copy.file }, "\(copy.file) is still in use")
        }
    }
}

/// A student on the first edition, with exercises half done, pulls this edition: no conflict,
/// and tandem moves their work to the new folders. Runs git on a clone of this checkout.
@Suite(.serialized) struct UpgradeTests {
    static let firstEdition = "65d109d"

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Student", "-c", "user.email=s@example.com"] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func pullingThisEditionOverEditedFirstEditionExercisesKeepsTheWork() throws {
        let head = try git(["rev-parse", "HEAD"], in: checkoutRoot)
        let first = try git(["cat-file", "-e", Self.firstEdition + "^{commit}"], in: checkoutRoot)
        guard head.status == 0, first.status == 0 else {
            print("skipped: no git history with the first edition (\(Self.firstEdition)) in this checkout")
            return
        }
        let folder = try makeTemporaryFolder("tandem-upgrade")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clone = folder.appendingPathComponent("course")
        #expect(try git(["clone", "-q", "--no-checkout", checkoutRoot.path, clone.path], in: folder).status == 0)
        #expect(try git(["checkout", "-q", "-b", "student", Self.firstEdition], in: clone).status == 0)

        // The student's half-done work, uncommitted, as students keep it.
        let exercises = clone.appendingPathComponent("exercises")
        let pgr = exercises.appendingPathComponent("05-pgr/PGR.swift")
        let vote = exercises.appendingPathComponent("01-majority-vote/MajorityVote.swift")
        let pgrWork = try String(contentsOf: pgr, encoding: .utf8) + "\n// my notes on PGR\n"
        let voteWork = try String(contentsOf: vote, encoding: .utf8).replacingOccurrences(
            of: "// TODO", with: "// DONE (student)")
        try pgrWork.write(to: pgr, atomically: true, encoding: .utf8)
        try voteWork.write(to: vote, atomically: true, encoding: .utf8)

        let pull = try git(
            [
                "pull", "-q", "--no-rebase", checkoutRoot.path,
                head.output.trimmingCharacters(in: .whitespacesAndNewlines),
            ], in: clone)
        #expect(pull.status == 0, "git pull failed: \(pull.output)")
        #expect(try String(contentsOf: pgr, encoding: .utf8) == pgrWork, "the pull kept the edited file as it was")

        // tandem's first command of the new edition moves the work and creates the rest.
        let course = try CourseFolder.load(root: clone)
        let layout = ExerciseLayout(course: course)
        let notes = try layout.prepareWorkingCopies(course.manifest.exercises)
        #expect(notes.count == 2, "\(notes)")
        let byID = Dictionary(uniqueKeysWithValues: course.manifest.exercises.map { ($0.id, $0) })
        let newPGR = layout.studentFile(try #require(byID["pgr"]))
        let newVote = layout.studentFile(try #require(byID["majority-vote"]))
        #expect(newPGR.path != pgr.path)
        #expect(try String(contentsOf: newPGR, encoding: .utf8) == pgrWork)
        #expect(try String(contentsOf: newVote, encoding: .utf8) == voteWork)
        for exercise in course.manifest.exercises {
            #expect(FileManager.default.fileExists(atPath: layout.studentFile(exercise).path), "\(exercise.file)")
        }
        // An untouched first-edition copy gave way to this edition's starter.
        let averaging = layout.studentFile(try #require(byID["averaging"]))
        #expect(
            FileManager.default.contents(atPath: averaging.path)
                == FileManager.default.contents(atPath: layout.starterFile(try #require(byID["averaging"])).path))
        #expect(!FileManager.default.fileExists(atPath: exercises.appendingPathComponent("02-averaging").path))
        // The working copies are not git's business: nothing untracked shows up.
        let status = try git(["status", "--porcelain", "--untracked-files=all"], in: clone)
        #expect(!status.output.split(separator: "\n").contains { $0.hasPrefix("??") }, "\(status.output)")
        // A second run changes nothing, and never overwrites the student's work.
        #expect(try layout.prepareWorkingCopies(course.manifest.exercises).isEmpty)
        #expect(try String(contentsOf: newPGR, encoding: .utf8) == pgrWork)
    }
}
