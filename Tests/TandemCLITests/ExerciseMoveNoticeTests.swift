import Foundation
import TestSupport
import Testing

/// After an upgrade, whichever exercise command runs first moves the student's earlier-edition
/// work to this edition's file; commands that check nothing say so too (check says it with its
/// results), so the work never moves unannounced.
@Suite struct ExerciseMoveNoticeTests {
    /// The fixture course with its one working copy replaced by an edited earlier-edition copy at
    /// `Old/Route.swift`, listed in `.starters/MOVED`.
    static func upgradedCourse() throws -> (course: URL, newFile: URL, work: String) {
        let course = try CourseFixture.make()
        let exercises = course.appendingPathComponent("exercises")
        let newFile = exercises.appendingPathComponent("Sources/E01/Route.swift")
        try FileManager.default.removeItem(at: newFile)
        try writeText("// starter\n", to: exercises.appendingPathComponent(".starters/Sources/E01/Route.swift"))
        try writeText(
            "cascade-route Old/Route.swift 0000000000000000\n", to: exercises.appendingPathComponent(".starters/MOVED"))
        let work = "// the student's half-done routing\n"
        try writeText(work, to: exercises.appendingPathComponent("Old/Route.swift"))
        return (course, newFile, work)
    }

    @Test(arguments: [["hint", "cascade-route"], ["solution", "cascade-route", "--force", "--yes"]])
    func aCommandThatChecksNothingStillAnnouncesTheMove(_ arguments: [String]) throws {
        let (course, newFile, work) = try Self.upgradedCourse()
        defer { try? FileManager.default.removeItem(at: course) }
        let result = try TandemProcess(course: course).run(arguments + ["--width", "100"])
        // First, before the command's own output (wrapped to the width, so joined here).
        let opening = result.stdout.split(separator: "\n").prefix(2).joined(separator: " ")
        #expect(
            opening
                == "Your work on cascade-route moved from exercises/Old/Route.swift to exercises/Sources/E01/Route.swift.",
            "\(result)")
        #expect(try String(contentsOf: newFile, encoding: .utf8) == work)
        // Once moved, the next command has nothing to announce.
        let again = try TandemProcess(course: course).run(arguments + ["--width", "100"])
        #expect(!again.stdout.contains("moved from"), "\(again)")
    }
}
