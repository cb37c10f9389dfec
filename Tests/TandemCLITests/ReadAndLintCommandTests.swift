import Foundation
import TestSupport
import Testing

@Suite struct ReadAndLintCommandTests {
    @Test func readRunsLiveBlocksAndMarksTheLessonRead() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["read", "intro", "--width", "60", "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = result.stdout
        #expect(page.hasPrefix("Lesson 1 of 2 · Why combine models · 1 min\n"))
        // The live block ran the real command, in this course, before the lesson was marked read.
        #expect(page.contains("  $ tandem list --json\n  {\"lessons\":[{\"number\":1,\"slug\":\"intro\""))
        // A failing example shows its error inline; the lesson goes on.
        #expect(page.contains("  $ tandem quiz --check missing.toml\n"))
        #expect(page.contains("✗ this example failed (exit 1)"))
        #expect(page.contains("The end of lesson one."))
        #expect(page.contains("tandem quiz 1"))
        #expect(page.contains("tandem read 2"))
        #expect(!page.contains("\u{1B}"))
        #expect(
            try tandem.run(["list", "--json"]).stdout.contains(
                #""slug":"intro","title":"Why combine models","read":true"#))
    }

    @Test func readWithoutArgumentOpensTheNextUnreadLesson() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try tandem.run(["read", "1", "--no-run"])
        let next = try tandem.run(["read", "--no-run", "--width", "80"])
        #expect(next.stdout.hasPrefix("Lesson 2 of 2 · Cascading inference · 1 min"))
        #expect(next.stdout.contains("last lesson"))
    }

    @Test func noRunAndFilePreview() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let lesson = tandem.course.appendingPathComponent("content/01-intro/lesson.md")
        let preview = try tandem.run(["read", "--file", lesson.path, "--no-run", "--width", "50"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(!preview.stdout.hasPrefix("Lesson 1"))
        #expect(preview.stdout.contains("  $ tandem list --json\n\n"))
        let recorded = (try? String(contentsOf: tandem.progressFile, encoding: .utf8)) ?? ""
        #expect(!recorded.contains("\"read\" : true"))
        let missing = try tandem.run(["read", "--file", "/nonexistent/lesson.md"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("tandem: cannot read '/nonexistent/lesson.md'"))
    }

    @Test func lintPassesACleanCourseAndReportsProblems() throws {
        let course = try CourseFixture.make()
        let tandem = TandemProcess(course: course)
        let lesson = course.appendingPathComponent("content/01-intro/lesson.md")
        // The fixture's failing example is deliberate for `read`; lint must flag it.
        let flagged = try tandem.run(["lint"])
        #expect(flagged.status == 1)
        #expect(
            flagged.stdout.contains(
                "content/01-intro/lesson.md:11: tandem block `tandem quiz --check missing.toml` failed (exit 1"),
            "\(flagged.stdout)")
        let text = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
            of: "missing.toml", with: "quiz.toml")
        try Data(text.utf8).write(to: lesson)
        let clean = try tandem.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(
            clean.stdout == "lint: 2 lessons, 2 live blocks, 0 live numbers, 4 questions, 1 exercises: no problems\n")
        let broken = try tandem.run(["lint", "--course", "/nonexistent-course"], withCourse: false)
        #expect(broken.status == 1)
    }

    /// Live numbers are checked against the demo run in lint's own process: the same numbers
    /// `tandem run … --json` prints in a process of its own.
    @Test func lintChecksLiveNumbersAgainstTheDemoItself() throws {
        let course = try CourseFixture.make()
        let tandem = TandemProcess(course: course)
        let run = try tandem.run(["run", "cascade", "--seed", "3", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try parseJSONObject(run.stdout)
        let small = try #require((json["small"] as? [String: Any])?["accuracy"] as? Double)
        let percent = String(format: "%.1f%%", small * 100)
        let lesson = course.appendingPathComponent("content/02-cascades/lesson.md")
        var text = try String(contentsOf: lesson, encoding: .utf8)
        text += """

            The small model alone is right on \(percent)<!-- live: run cascade seed=3 .small.accuracy -->.
            A stale one: 12.3%<!-- live: tandem run cascade seed=3 .small.accuracy --> and a typo
            0.5<!-- live: cascade seed=3 .smal.accuracy -->.

            """
        try Data(text.utf8).write(to: lesson)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let stale = try #require(lines.firstIndex { $0.hasPrefix("A stale one") }) + 1
        let result = try tandem.run(["lint"])
        #expect(result.status == 1)
        let problems = result.stdout.split(separator: "\n").filter { $0.hasPrefix("content/02-cascades/") }
        #expect(
            problems == [
                "content/02-cascades/lesson.md:\(stale): live number: the lesson says 12.3%, but `tandem run cascade --seed 3 .small.accuracy` now gives \(percent) (\(small))",
                "content/02-cascades/lesson.md:\(stale + 1): live number: `tandem run cascade --seed 3 .smal.accuracy`: no key `smal` in the output (keys: \((json.keys.sorted()).joined(separator: ", ")))",
            ], "\(result.stdout)")
        #expect(result.stderr.contains("3 live numbers"), "\(result.stderr)")
        // The rendered lesson shows the numbers, never the markers.
        let read = try tandem.run(["read", "2", "--no-run", "--width", "100", "--color", "never"])
        #expect(read.stdout.contains("The small model alone is right on \(percent)."), "\(read.stdout)")
        #expect(!read.stdout.contains("live:"))
    }

    @Test func lintReportsAManifestThatDoesNotLoadAsPathAndLine() throws {
        let course = try CourseFixture.make()
        let manifest = course.appendingPathComponent("content/course.toml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "lesson = \"cascades\"", with: "lesson = \"nowhere\"").utf8).write(
            to: manifest)
        let result = try TandemProcess(course: course).run(["lint", "--no-run"])
        #expect(result.status == 1)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "[[exercises]]" }) + 1
        #expect(
            result.stdout == "content/course.toml:\(line): exercise 'cascade-route' names unknown lesson 'nowhere'\n",
            "\(result.stdout)\(result.stderr)")
    }

    /// CI holds the real course to lint: manifest, lessons, live examples, quizzes, links.
    @Test(.timeLimit(.minutes(5)))
    func theRepositoryCourseLintsClean() throws {
        let repository = checkoutRoot
        let tandem = TandemProcess(course: repository)
        let result = try tandem.run(["lint"])
        #expect(result.status == 0, "tandem lint over content/:\n\(result.stdout)\(result.stderr)")
    }
}
