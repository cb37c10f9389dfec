import Course
import Foundation
import Testing

@testable import Lessons

/// A course on disk with known problems, linted with a stand-in for running live blocks.
@Suite struct CourseLintTests {
    static let manifest = """
        format_version = 1
        id = "lint-fixture"
        title = "Lint fixture"

        [[lessons]]
        number = 1
        slug = "intro"
        title = "Intro"
        folder = "01-intro"
        quiz = "quiz.toml"

        [[lessons]]
        number = 2
        slug = "cascades"
        title = "Cascades"
        folder = "02-cascade"
        quiz = "quiz.toml"

        [[exercises]]
        id = "vote"
        title = "Vote"
        file = "Sources/E01/Vote.swift"
        lesson = "intro"

        [[exercises]]
        id = "route"
        title = "Route"
        file = "Sources/E02/Missing.swift"
        lesson = "cascades"
        """

    static let quiz = """
        [[questions]]
        id = "shared-id"
        type = "TrueFalse"
        prompt.prompt = "Small models are always worse."
        answer.answer = false
        context = "Not on easy queries."
        """

    func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func makeCourse(clean: Bool) throws -> CourseFolder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        var manifest = Self.manifest
        if clean {
            manifest = manifest.replacingOccurrences(of: "02-cascade\"", with: "02-cascades\"")
                .replacingOccurrences(of: "Missing.swift", with: "Route.swift")
        }
        try write(manifest, "content/course.toml", in: root)
        try write("// vote", "exercises/Sources/E01/Vote.swift", in: root)
        try write("// route", "exercises/Sources/E02/Route.swift", in: root)
        try write(
            """
            # Intro

            See [the next lesson](../\(clean ? "02-cascades" : "02-cascade")/lesson.md#top) and [the web](https://example.com).
            A [missing page](../03-nowhere/lesson.md) is \(clean ? "not" : "") here, `[code](nope.md)` is fine.

            ```tandem
            run cascade
            ```

            ```tandem
            \(clean ? "list" : "read 2")
            ```
            """.replacingOccurrences(
                of: clean ? "A [missing page](../03-nowhere/lesson.md)" : "@@", with: "A missing page"),
            "content/01-intro/lesson.md", in: root)
        try write(Self.quiz, "content/01-intro/quiz.toml", in: root)
        let folder = clean ? "02-cascades" : "02-cascade"
        try write(
            clean
                ? "# Cascades\n\n```tandem\nrun cascade --threshold 0.8\n```\n"
                : "Cascades without a title\n\n```tandem\nrun cascade --threshold 0.8\n```\n",
            "content/\(folder)/lesson.md", in: root)
        try write(
            clean
                ? Self.quiz.replacingOccurrences(of: "shared-id", with: "other-id")
                : Self.quiz + "\n[[questions]]\ntype = \"Numeric\"\nprompt.prompt = \"x\"\n",
            "content/\(folder)/quiz.toml", in: root)
        if !clean { try write("# Stray\n", "content/03-stray/lesson.md", in: root) }
        return try CourseFolder.load(root: root)
    }

    /// Live blocks "run": `--threshold` fails, everything else succeeds.
    let fakeRun: @Sendable (LiveCommand, URL) -> LiveResult = { command, _ in
        command.arguments.contains("--threshold")
            ? LiveResult(exitCode: 64, output: "", errorOutput: "Error: Unknown option '--threshold'\n")
            : LiveResult(exitCode: 0, output: "ok\n")
    }

    @Test func reportsEveryProblemWithRelativePathAndLine() throws {
        let course = try makeCourse(clean: false)
        defer { try? FileManager.default.removeItem(at: course.root) }
        let report = CourseLinter(course: course, runBlock: fakeRun).lint()
        let lines = report.problems.map(\.description)
        let expected = [
            "content/course.toml:12: lesson 2 'cascades': folder '02-cascade' should be named '02-cascades'",
            "content/course.toml:1: folder content/03-stray is not listed as a lesson in content/course.toml",
            "content/course.toml:25: exercise 'route': file exercises/Sources/E02/Missing.swift does not exist",
            "content/01-intro/lesson.md:4: link '../03-nowhere/lesson.md' does not resolve (no file content/03-nowhere/lesson.md)",
            "content/01-intro/lesson.md:10: tandem block: `read` cannot run in a lesson (allowed: list, quiz, run, and quiz only with --check)",
            "content/02-cascade/lesson.md:1: the lesson should start with its title as a level-1 heading ('# Title')",
            "content/02-cascade/lesson.md:3: tandem block `tandem run cascade --threshold 0.8` failed (exit 64: Error: Unknown option '--threshold')",
        ]
        for line in expected { #expect(lines.contains(line), "missing: \(line)\n got: \(lines)") }
        // The quiz's own messages come through unchanged (a question without an id), and the
        // id used in both quizzes is caught.
        #expect(lines.contains { $0.hasPrefix("content/02-cascade/quiz.toml:") && $0.contains("q2") }, "\(lines)")
        #expect(
            lines.contains(
                "content/02-cascade/quiz.toml:2: question id 'shared-id' is also used in content/01-intro/quiz.toml:2; ids must be unique across the course"
            ))
        #expect(report.liveBlocks == 3)
        #expect(report.questions == 3)
    }

    @Test func aCleanCourseHasNoProblems() throws {
        let course = try makeCourse(clean: true)
        defer { try? FileManager.default.removeItem(at: course.root) }
        let calls = CallLog()
        let report = CourseLinter(
            course: course,
            runBlock: { command, directory in
                calls.append(command.display + " in " + directory.lastPathComponent)
                return LiveResult(exitCode: 0, output: "ok\n")
            }
        ).lint()
        #expect(report.problems.map(\.description) == [])
        #expect(
            calls.entries.sorted() == [
                "tandem list in 01-intro", "tandem run cascade --threshold 0.8 in 02-cascades",
                "tandem run cascade in 01-intro",
            ])
    }

    @Test func missingFolderLessonAndQuizFilesAreReportedAtTheirManifestEntry() throws {
        let course = try makeCourse(clean: true)
        defer { try? FileManager.default.removeItem(at: course.root) }
        let content = course.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content.appendingPathComponent("02-cascades"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("01-intro/quiz.toml"))
        var report = CourseLinter(course: course, runBlock: nil).lint()
        var lines = report.problems.map(\.description)
        for line in [
            "content/course.toml:5: lesson 1 'intro': quiz content/01-intro/quiz.toml does not exist",
            "content/course.toml:12: lesson 2 'cascades': folder content/02-cascades does not exist",
            // Lesson 1 links to lesson 2, which is gone now.
            "content/01-intro/lesson.md:3: link '../02-cascades/lesson.md#top' does not resolve (no file content/02-cascades/lesson.md)",
        ] {
            #expect(lines.contains(line), "missing: \(line)\n got: \(lines)")
        }
        try FileManager.default.removeItem(at: content.appendingPathComponent("01-intro/lesson.md"))
        report = CourseLinter(course: course, runBlock: nil).lint()
        lines = report.problems.map(\.description)
        #expect(
            lines.contains("content/course.toml:5: lesson 1 'intro': content/01-intro/lesson.md does not exist"),
            "\(lines)")
    }

    /// Links come from cmark's tree: where the line-by-line scan went wrong, lint now agrees with
    /// what the page shows.
    @Test func linksAreFoundWhereMarkdownHasThem() throws {
        let course = try makeCourse(clean: true)
        defer { try? FileManager.default.removeItem(at: course.root) }
        let lesson = """
            # Intro

            A `code
            span [x](in-code.md)` is no link, nor is `` a ` [y](in-code-2.md) ``.

            > ```
            > [in a quoted fence](in-fence.md)
            > ```

            A wrapped line
                [on an indented continuation](continued.md) is prose.

            A [reference link][ref] and an ![image](missing.png).

            ~~~
            [in a tilde fence](tilde.md)
            ~~~

            [ref]: nowhere.md
            [unused]: unused.md
            """
        try Data(lesson.utf8).write(to: course.root.appendingPathComponent("content/01-intro/lesson.md"))
        let report = CourseLinter(course: course, runBlock: nil).lint()
        #expect(
            report.problems.map(\.description) == [
                "content/01-intro/lesson.md:11: link 'continued.md' does not resolve (no file content/01-intro/continued.md)",
                "content/01-intro/lesson.md:13: link 'nowhere.md' does not resolve (no file content/01-intro/nowhere.md)",
                "content/01-intro/lesson.md:13: link 'missing.png' does not resolve (no file content/01-intro/missing.png)",
            ])
    }

    @Test func relativePaths() {
        #expect(LinkDestination.relativeFilePath("https://x.org/a") == nil)
        #expect(LinkDestination.relativeFilePath("#section") == nil)
        #expect(LinkDestination.relativeFilePath("mailto:a@b.org") == nil)
        #expect(LinkDestination.relativeFilePath("../02-b/lesson.md#part") == "../02-b/lesson.md")
        #expect(LinkDestination.relativeFilePath("my%20file.md") == "my file.md")
    }
}
