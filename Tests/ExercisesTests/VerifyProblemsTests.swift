import Course
import Foundation
import TestSupport
import Testing

@testable import Exercises

/// `dev verify` names what is missing before it builds anything (and the command exits 1 on it).
struct VerifyProblemsTests {
    @Test func aMissingSolutionAndTooFewHintsAreProblems() throws {
        let root = try makeTemporaryFolder("tandem-verify-problems")
        defer { try? FileManager.default.removeItem(at: root) }
        try writeText(
            ensemblesCourseManifest(
                id: "broken-course", title: "Broken",
                exercises: [
                    CourseTOML.exercise(
                        id: "vote", title: "Vote", file: "01-vote/Vote.swift", lesson: "ensembles", hints: ["only one"])
                ]), to: root.appendingPathComponent("content/course.toml"))
        let exercises = root.appendingPathComponent("exercises")
        try writeText(
            "// swift-tools-version:6.0\nimport PackageDescription\nlet engineCheckout = \"..\"\n",
            to: exercises.appendingPathComponent("Package.swift"))
        let starter = "public func vote() -> Int { 0 } // TODO\n"
        try writeText(starter, to: exercises.appendingPathComponent("01-vote/Vote.swift"))
        try writeText(starter, to: exercises.appendingPathComponent(".starters/01-vote/Vote.swift"))

        let report = try Verifier(course: try CourseFolder.load(root: root)).verify()
        #expect(!report.ok)
        #expect(
            report.problems.contains { $0.contains("vote: the solution") && $0.contains("is missing") },
            "\(report.problems)")
        #expect(report.problems.contains("vote: needs at least two hint levels (has 1)"), "\(report.problems)")
        #expect(
            try String(contentsOf: exercises.appendingPathComponent("01-vote/Vote.swift"), encoding: .utf8) == starter)
    }
}
