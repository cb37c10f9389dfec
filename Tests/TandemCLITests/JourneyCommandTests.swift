import ArgumentParser
import Course
import Foundation
import Journey
import Terminal
import TestSupport
import Testing

@testable import TandemCLI

@Suite struct JourneyCommandTests {
    @Test func homeWelcomesOnceAndFitsWithoutEscapes() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let first = try tandem.run(["--width", "40"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Welcome"))
        #expect(first.stdout.contains("tandem read 1"))
        #expect(!first.stdout.contains("\u{1B}"))
        // The welcome is rendered Markdown: no raw `**` or backticks, even without colour.
        #expect(first.stdout.contains("Welcome, student. Type tandem next.\n"), "\(first.stdout)")
        for line in first.stdout.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
        let second = try tandem.run(["--width", "80", "--color", "never"])
        #expect(!second.stdout.contains("Welcome"))
        #expect(second.stdout.contains("○ 2 Cascading inference"))
    }

    @Test func nextWalksTheCourseInOrder() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let read = try tandem.run(["next", "--width", "60"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("\nLesson 1 of 2 · Why combine models · 1 min\n"))
        #expect(read.stderr.contains("tandem next: tandem read 1"))
        // After the step, `next` says what comes after it.
        #expect(
            read.stderr.hasSuffix(
                "Then: tandem quiz 1 (Take the quiz of lesson 1, Why\n  combine models), or just tandem next.\n"),
            "\(read.stderr)")
        // Lesson 1 is read: its quiz comes next (it cannot be taken without a terminal, but it is
        // the quiz command that answers).
        let quiz = try tandem.run(["next"])
        #expect(quiz.stderr.contains("tandem next: tandem quiz 1"), "\(quiz.stderr)")
        let json = try tandem.run(["list", "--json"])
        #expect(json.stdout.contains(#""next":"tandem quiz 1""#))
    }

    @Test func listJSONShape() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["list", "--json"])
        #expect(result.status == 0)
        #expect(
            result.stdout
                == #"{"lessons":[{"number":1,"slug":"intro","title":"Why combine models","read":false,"quiz":{"best":null,"last":null,"total":2},"exercises":[]},"#
                + #"{"number":2,"slug":"cascades","title":"Cascading inference","read":false,"quiz":{"best":null,"last":null,"total":2},"exercises":[{"id":"cascade-route","status":"not-started"}]}],"#
                + #""review_due":0,"next":"tandem read 1"}"# + "\n")
    }

    @Test func resetNeedsConfirmationAndKeepsABackup() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try tandem.run(["read", "1", "--no-run"])
        let before = try Data(contentsOf: tandem.progressFile)
        let refused = try tandem.run(["progress", "--reset"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "tandem: progress --reset needs --yes when there is no terminal to ask\n")
        #expect(try Data(contentsOf: tandem.progressFile) == before)

        let reset = try tandem.run(["progress", "--reset", "--yes"])
        #expect(reset.status == 0, "\(reset.stderr)")
        let backups = try FileManager.default.contentsOfDirectory(atPath: tandem.state.path).filter {
            $0.hasPrefix("progress.json.backup-")
        }
        #expect(backups.count == 1)
        #expect(try Data(contentsOf: tandem.state.appendingPathComponent(backups[0])) == before)
        #expect(try tandem.run(["list", "--json"]).stdout.contains(#""read":true"#) == false)
    }

    @Test func exportImportRoundTripAndWrongCourse() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try tandem.run(["read", "2", "--no-run"])
        let listed = try tandem.run(["list", "--json"]).stdout
        let file = tandem.state.deletingLastPathComponent().appendingPathComponent("export-\(UUID().uuidString).json")
        #expect(try tandem.run(["progress", "--export", file.path]).status == 0)

        // Another machine: a fresh state folder.
        let other = TandemProcess(course: tandem.course)
        try other.run(["read", "1", "--no-run"])
        let imported = try other.run(["progress", "--import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let merged = try other.run(["list", "--json"]).stdout
        #expect(merged.contains(#""slug":"intro","title":"Why combine models","read":true"#))
        #expect(merged.contains(#""slug":"cascades","title":"Cascading inference","read":true"#))
        // Importing into the machine it came from changes nothing.
        #expect(try tandem.run(["progress", "--import", file.path]).status == 0)
        #expect(try tandem.run(["list", "--json"]).stdout == listed)

        let foreign = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"cli-fixture\"", with: "\"another-course\"")
        try Data(foreign.utf8).write(to: file)
        let refused = try other.run(["progress", "--import", file.path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "tandem: \(file.path) holds progress for course 'another-course', not for 'cli-fixture'; nothing imported\n"
        )
        #expect(try other.run(["list", "--json"]).stdout == merged)
    }

    /// Home, list and next count as due exactly what `tandem review` asks: not a question its quiz
    /// no longer holds, but a --file quiz's question whose file is still there.
    @Test func dueCountAgreesWithReview() throws {
        let root = try CourseFixture.make()
        let tandem = TandemProcess(course: root)
        let extra = root.appendingPathComponent("extra.toml")
        try writeText(QuizTOML.trueFalse(id: "extra-tf", prompt: "Yes?", answer: true), to: extra)
        let past = Date().addingTimeInterval(-86_400)
        var progress = StudentProgress(courseID: "cli-fixture")
        progress.questions["intro-tf"] = QuestionRecord(attempts: 1, quiz: "intro", due: past)
        progress.questions["intro-gone"] = QuestionRecord(attempts: 1, quiz: "intro", due: past)
        progress.questions["cascades-gone"] = QuestionRecord(attempts: 1, quiz: "cascades", due: past)
        progress.questions["extra-tf"] = QuestionRecord(attempts: 1, quiz: "file:" + extra.path, due: past)
        progress.questions["cascades-num"] = QuestionRecord(
            attempts: 1, quiz: "cascades", due: Date().addingTimeInterval(3_600))
        try FileManager.default.createDirectory(at: tandem.state, withIntermediateDirectories: true)
        try ProgressStore.encoder.encode(progress).write(to: tandem.progressFile)

        let review = try tandem.run(["review", "--json"])
        #expect(review.stdout.hasPrefix(#"{"due":2,"#), "\(review.stdout)")
        #expect(try tandem.run(["list", "--json"]).stdout.hasSuffix(#""review_due":2,"next":"tandem review"}"# + "\n"))
        #expect(
            try tandem.run(["--width", "80", "--color", "never"]).stdout.contains(
                "Review: 2 questions due (tandem review)"))
        // Answered in an earlier sitting, they come before lesson 1; without a terminal review lists them.
        let next = try tandem.run(["next", "--width", "80"])
        #expect(next.stderr.hasPrefix("tandem next: tandem review (Review 2 questions due now)"), "\(next.stderr)")
        #expect(next.stdout.hasPrefix("2 questions due for review:"), "\(next.stdout)")
    }

    @Test func progressSummaryIsCompact() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try tandem.run(["read", "1", "--no-run"])
        let result = try tandem.run(["progress", "--width", "40"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1/2 read"))
        #expect(result.stdout.contains("0/1 solved"))
        #expect(result.stdout.contains("tandem quiz 1"))
        #expect(!result.stdout.contains("\u{1B}"))
    }
}

@Suite struct CourseMessageTests {
    @Test func welcomeInColourKeepsItsStyleAndPlainDropsTheMarkers() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let coloured = try tandem.run(["--width", "60", "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[0;1mstudent\u{1B}[0m"), "\(coloured.stdout)")
        #expect(!coloured.stdout.contains("**"))
    }

    @Test func escapesAreRemovedWholly() {
        let plain = CourseMessage.render(
            "Hi **there**, run `tandem next`.\n\n- one\n", settings: TerminalSettings(width: 40))
        #expect(plain == "Hi there, run tandem next.\n\n• one\n")
    }

    @Test func afterAFailedCheckNextStillSaysWhatComesNext() {
        var told = 0
        #expect(throws: ExitCode.failure) {
            try NextCommand.runStep(afterwards: { told += 1 }) { throw ExitCode.failure }
        }
        #expect(told == 1)
        #expect(throws: CLIFailure.self) {
            try NextCommand.runStep(afterwards: { told += 1 }) { throw CLIFailure("no terminal") }
        }
        #expect(told == 1)
        #expect(throws: Never.self) { try NextCommand.runStep(afterwards: { told += 1 }) {} }
        #expect(told == 2)
    }

    @Test func nextRunsAReviewOfTheDueQuestionsOnly() {
        #expect(NextCommand.arguments(for: .review(due: 3)) == ["review", "--limit", "3"])
        #expect(NextCommand.arguments(for: .read(lesson: 2, title: "T")) == ["read", "2"])
    }
}

@Suite struct NextWelcomeTests {
    @Test func aNewcomerWhoOnlyTypesNextIsWelcomedOnce() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let first = try tandem.run(["next", "--width", "60"])
        #expect(first.stdout.hasPrefix("Welcome, "), "\(first.stdout.prefix(80))")
        #expect(first.stdout.contains("Lesson 1 of 2"))
        let home = try tandem.run(["--width", "60"])
        #expect(!home.stdout.contains("Welcome"))
    }

    /// Not paging (stdout is a pipe), the welcome comes first in the stream, then the lesson.
    @Test func theWelcomeComesBeforeTheLessonInTheOutput() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let first = try tandem.run(["next", "--width", "60", "--no-pager"])
        let welcome = try #require(first.stdout.range(of: "Welcome, student. Type tandem next."))
        let lesson = try #require(first.stdout.range(of: "Lesson 1 of 2"))
        #expect(welcome.upperBound < lesson.lowerBound)
        #expect(first.stdout.components(separatedBy: "Welcome").count == 2)
    }

    /// Paging, the pager gets one text: the welcome at the top of the lesson's page, so it cannot
    /// scroll out of sight before the pager opens.
    @Test func whenReadingTheWelcomeIsPartOfTheLessonPage() throws {
        let root = try CourseFixture.make()
        let read = try ReadCommand.parse(["--no-run", "--course", root.path, "--color", "never", "--width", "60"])
        let course = try read.course.load()
        let welcome = NextCommand.welcome(
            course, progress: StudentProgress(courseID: course.manifest.id), settings: TerminalSettings(width: 60))
        #expect(welcome == "Welcome, student. Type tandem next.\n\n")
        let (entry, page) = try read.lessonPage(
            course, progress: StudentProgress(courseID: course.manifest.id), preface: welcome)
        #expect(entry.number == 1)
        #expect(page.hasPrefix(welcome + "Lesson 1 of 2 · Why combine models"), "\(page.prefix(120))")
        // Once welcomed, there is nothing to add.
        var welcomed = StudentProgress(courseID: course.manifest.id)
        welcomed.welcomed = true
        #expect(NextCommand.welcome(course, progress: welcomed, settings: TerminalSettings(width: 60)) == "")
    }
}
