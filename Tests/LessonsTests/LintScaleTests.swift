import Course
import Foundation
import Testing

@testable import Lessons

/// `lint` over a course of 1,000 lessons, each linking to the next: linear in the lessons (the set
/// of lesson files was rebuilt for every lesson before, 48 s at this size under load). About 1 s alone in
/// a debug build; the bound leaves room for a loaded 2-core CI machine and still catches the quadratic scan.
@Suite struct LintScaleTests {
    @Test func aThousandLessonsLintQuickly() throws {
        let count = 1000
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var manifest = "format_version = 1\nid = \"big\"\ntitle = \"Big\"\n"
        for number in 1...count {
            let folder = String(format: "%02d-l%d", number, number)
            manifest +=
                "\n[[lessons]]\nnumber = \(number)\nslug = \"l\(number)\"\ntitle = \"L\"\nfolder = \"\(folder)\"\n"
            let directory = root.appendingPathComponent("content/\(folder)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let next = String(format: "%02d-l%d", number % count + 1, number % count + 1)
            try Data("# L\(number)\n\nOn to [the next](../\(next)/lesson.md).\n".utf8)
                .write(to: directory.appendingPathComponent("lesson.md"))
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent("content/course.toml"))
        let course = try CourseFolder.load(root: root)
        let clock = ContinuousClock()
        var report: LintReport?
        let elapsed = clock.measure { report = CourseLinter(course: course, runBlock: nil).lint() }
        #expect(report?.lessons == count)
        #expect(report?.problems == [])
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
