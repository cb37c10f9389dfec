import Foundation
import Testing

@testable import Course

/// Numbers out of range are rejected at their line, and loading stays linear in the number of lessons.
@Suite struct ManifestLimitsTests {
    static func manifest(lessonNumber: String) -> String {
        """
        format_version = 1
        id = "demo"
        title = "Demo"

        [[lessons]]
        slug = "one"
        title = "One"
        folder = "01-one"
        number = \(lessonNumber)
        """
    }

    @Test(arguments: ["-5", "0", "10000", "9223372036854775807"])
    func outOfRangeLessonNumberIsRejectedWithItsLine(_ number: String) {
        do {
            _ = try CourseManifest.parse(Self.manifest(lessonNumber: number), path: "course.toml")
            Issue.record("accepted lesson number \(number)")
        } catch {
            #expect(
                error.description == "course.toml:9: lesson number \(number) is outside the allowed range 1...9999")
        }
    }

    @Test func outOfRangeExerciseNumberIsRejectedWithItsLine() {
        let text =
            Self.manifest(lessonNumber: "1")
            + "\n[[exercises]]\nid = \"e\"\ntitle = \"E\"\nfile = \"E.swift\"\nlesson = \"one\"\nnumber = -1\n"
        do {
            _ = try CourseManifest.parse(text, path: "course.toml")
            Issue.record("accepted exercise number -1")
        } catch {
            #expect(error.description == "course.toml:15: exercise number -1 is outside the allowed range 1...9999")
        }
    }

    @Test func wrongTypesAreReportedAtTheirKey() {
        let text = Self.manifest(lessonNumber: "1").replacingOccurrences(of: "title = \"One\"", with: "title = 1")
        #expect(throws: CourseError(path: "c.toml", line: 7, message: "'title' must be a string")) {
            try CourseManifest.parse(text, path: "c.toml")
        }
        #expect(
            throws: CourseError(path: "c.toml", line: 2, message: "'lessons' must be an array of tables ([[lessons]])")
        ) {
            try CourseManifest.parse("format_version = 1\nlessons = 3\nid = \"x\"\ntitle = \"t\"\n", path: "c.toml")
        }
    }

    /// 1,200 lessons and as many exercises: parsing and validating them is linear (it took seconds
    /// when each lesson's line was found by re-scanning the file).
    @Test func aLargeCourseLoadsQuickly() throws {
        let count = 1200
        var text = "format_version = 1\nid = \"big\"\ntitle = \"Big\"\n"
        for number in 1...count {
            text +=
                "\n[[lessons]]\nnumber = \(number)\nslug = \"l\(number)\"\ntitle = \"L\"\nfolder = \"\(number)-l\"\n"
        }
        for number in 1...count {
            text += "\n[[exercises]]\nid = \"e\(number)\"\ntitle = \"E\"\nfile = \"E.swift\"\nlesson = \"l\(number)\"\n"
        }
        let clock = ContinuousClock()
        var parsed: (manifest: CourseManifest, lines: CourseManifest.SourceLines)?
        let elapsed = try clock.measure { parsed = try CourseManifest.parseWithLines(text, path: "course.toml") }
        #expect(parsed?.manifest.lessons.count == count)
        #expect(parsed?.lines.lessons.prefix(2) == [5, 11])
        #expect(parsed?.lines.exercises.count == count)
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }
}
