import Foundation
import TestSupport
import Testing

@testable import Course

@Suite struct CourseTests {
    static let manifest = """
        format_version = 1
        id = "demo"
        title = "Demo course"

        [[lessons]]
        number = 1
        slug = "why-combine"
        title = "Why"
        folder = "01-why"
        quiz = "quiz.toml"

        [[lessons]]
        number = 2
        slug = "cascades"
        title = "Cascading inference"
        folder = "02-cascades"

        [[lessons]]
        number = 3
        slug = "case-study"
        title = "Case study"
        folder = "03-case"

        [[exercises]]
        id = "vote"
        title = "Vote"
        file = "Vote.swift"
        lesson = "cascades"
        hints = ["one", "two"]
        """

    func makeCourse() throws -> URL {
        let root = try makeTemporaryFolder("tandem-course")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/sub"), withIntermediateDirectories: true)
        try writeText(Self.manifest, to: root.appendingPathComponent("content/course.toml"))
        return root
    }

    @Test func parsesManifest() throws {
        let manifest = try CourseManifest.parse(Self.manifest, path: "course.toml")
        #expect(manifest.id == "demo")
        #expect(manifest.lessons.map(\.slug) == ["why-combine", "cascades", "case-study"])
        #expect(manifest.lessons[1].quiz == nil)
        #expect(manifest.exercises.first?.number == 1)
        #expect(manifest.exercises.first?.hints == ["one", "two"])
    }

    @Test func manifestErrorsNameFileAndLine() {
        let bad = Self.manifest.replacingOccurrences(of: "lesson = \"cascades\"", with: "lesson = \"nope\"")
        #expect(throws: CourseError.self) { try CourseManifest.parse(bad, path: "course.toml") }
        do {
            _ = try CourseManifest.parse(bad, path: "course.toml")
        } catch {
            #expect(error.description == "course.toml:24: exercise 'vote' names unknown lesson 'nope'")
        }
        do {
            _ = try CourseManifest.parse("format_version = 1\nid = [", path: "c.toml")
        } catch {
            #expect(error.description.hasPrefix("c.toml:2:"))
        }
    }

    @Test func resolverByNumberSlugAndPrefix() throws {
        let course = CourseFolder(
            root: URL(fileURLWithPath: "/x"), manifest: try CourseManifest.parse(Self.manifest, path: "c"))
        let resolver = course.lessonResolver
        #expect(try resolver.resolve("2").slug == "cascades")
        #expect(try resolver.resolve("cascades").slug == "cascades")
        #expect(try resolver.resolve("casc").slug == "cascades")
        #expect(try resolver.resolve("why").slug == "why-combine")
    }

    @Test func resolverExplainsAmbiguousAndUnknown() throws {
        let course = CourseFolder(
            root: URL(fileURLWithPath: "/x"), manifest: try CourseManifest.parse(Self.manifest, path: "c"))
        let resolver = course.lessonResolver
        #expect(throws: ResolveError.self) { try resolver.resolve("ca") }
        do { _ = try resolver.resolve("ca") } catch {
            #expect(error.message == "'ca' is ambiguous: did you mean 2 (cascades) or 3 (case-study)?")
        }
        do { _ = try resolver.resolve("cascdes") } catch {
            #expect(error.message == "no lesson 'cascdes'; did you mean 2 (cascades)?")
        }
        do { _ = try resolver.resolve("9") } catch {
            #expect(error.message == "no lesson 9; valid: 1 (why-combine), 2 (cascades), 3 (case-study)")
        }
    }

    @Test func discoveryOrder() throws {
        let root = try makeCourse()
        let other = try makeCourse()
        let sub = root.appendingPathComponent("content/sub")
        #expect(
            try CourseLocator.locate(
                explicit: other.path, environment: ["TANDEM_COURSE": root.path], workingDirectory: sub, fallback: nil
            ).path == other.standardizedFileURL.path)
        #expect(
            try CourseLocator.locate(
                explicit: nil, environment: ["TANDEM_COURSE": other.path], workingDirectory: sub, fallback: nil
            ).path == other.standardizedFileURL.path)
        #expect(
            try CourseLocator.locate(explicit: nil, environment: [:], workingDirectory: sub, fallback: nil).path
                == root.standardizedFileURL.path)
        #expect(
            try CourseLocator.locate(
                explicit: nil, environment: [:], workingDirectory: URL(fileURLWithPath: "/"), fallback: other
            ).path == other.standardizedFileURL.path)
        #expect(throws: CourseError.self) {
            try CourseLocator.locate(explicit: "/nonexistent", environment: [:], workingDirectory: sub, fallback: nil)
        }
    }

    /// Outside any course, tandem falls back to the checkout it was built from (this repository).
    @Test func fallsBackToTheBuildCheckout() throws {
        let repository = checkoutRoot
        #expect(CourseLocator.buildCheckout.standardizedFileURL.path == repository.standardizedFileURL.path)
        let outside = try makeTemporaryFolder("tandem-nowhere")
        #expect(
            try CourseLocator.locate(explicit: nil, environment: [:], workingDirectory: outside).path
                == repository.standardizedFileURL.path)
        do {
            _ = try CourseLocator.locate(explicit: nil, environment: [:], workingDirectory: outside, fallback: nil)
            Issue.record("expected no course to be found")
        } catch {
            #expect(error.description.contains("no course found: pass --course DIR, set TANDEM_COURSE"))
        }
    }
}
