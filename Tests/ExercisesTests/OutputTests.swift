import Course
import Foundation
import Terminal
import TestSupport
import Testing

@testable import Exercises

/// Paths as the student can use them, and the next step after a pass.
@Suite struct PathAndNextStepTests {
    @Test func pathsAreRelativeUnderTheCurrentFolderElseAbsolute() throws {
        let display = PathDisplay(base: URL(fileURLWithPath: "/home/ada/course"))
        #expect(display.show(path: "/home/ada/course/exercises/05-pgr/PGR.swift") == "exercises/05-pgr/PGR.swift")
        #expect(
            display.show(path: "/home/ada/other/exercises/05-pgr/PGR.swift")
                == "/home/ada/other/exercises/05-pgr/PGR.swift")
        #expect(
            display.show(path: "/home/ada/course-copy/x.swift") == "/home/ada/course-copy/x.swift",
            "a prefix is not a parent")
        #expect(PathDisplay(base: URL(fileURLWithPath: "/")).show(path: "/tmp/x.swift") == "/tmp/x.swift")
    }

    @Test func symbolicLinksDoNotHideThatAFileIsUnderTheCurrentFolder() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real")
        try writeText("x\n", to: real.appendingPathComponent("exercises/a.swift"))
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(PathDisplay(base: real).show(link.appendingPathComponent("exercises/a.swift")) == "exercises/a.swift")
    }

    static func session(paths: PathDisplay) throws -> ExerciseSession {
        let course = try CourseFolder.load(root: checkoutRoot)
        return ExerciseSession(
            course: course, settings: TerminalSettings(width: 80, color: false, ascii: true),
            store: ProgressStore(directory: try makeTemporaryFolder("tandem-exercises-test"), courseID: "test"),
            paths: paths,
            prepareWorkingCopies: false)
    }

    @Test func theStudentsFileIsShownFromWhereverTandemRuns() throws {
        let pgr = try #require(
            try Self.session(paths: .currentDirectory).course.manifest.exercises.first { $0.id == "pgr" })
        let fromRoot = try Self.session(paths: PathDisplay(base: checkoutRoot))
        #expect(fromRoot.displayPath(pgr) == "exercises/12-pgr/PGR.swift")
        let fromExercises = try Self.session(paths: PathDisplay(base: checkoutRoot.appendingPathComponent("exercises")))
        #expect(fromExercises.displayPath(pgr) == "12-pgr/PGR.swift")
        let elsewhere = try Self.session(paths: PathDisplay(base: URL(fileURLWithPath: "/nonexistent/elsewhere")))
        #expect(elsewhere.displayPath(pgr) == checkoutRoot.standardizedFileURL.path + "/exercises/12-pgr/PGR.swift")
    }

    @Test func afterAPassTheNextExerciseIsSuggestedOnlyOnceItsLessonIsRead() throws {
        let session = try Self.session(paths: PathDisplay(base: checkoutRoot))
        let exercises = session.exercises
        var progress = StudentProgress(courseID: "test")
        // Exercises 1-5 (lessons 1 and 2) solved; exercise 6 belongs to lesson 3, cascades.
        let cascadeRouting = try #require(exercises.firstIndex { $0.id == "cascade-routing" })
        for exercise in exercises.prefix(cascadeRouting) {
            progress.exercises[exercise.id] = ExerciseRecord(status: "passed", solved: true)
            progress.lessons[exercise.lesson] = LessonRecord(read: true)
        }
        let unread = session.nextStep(progress: progress)
        #expect(unread.hasPrefix("Next: tandem next"))
        let cascades = try #require(session.course.lesson(slug: "cascades"))
        #expect(unread.contains("lesson 3, \(cascades.title),"))
        #expect(!unread.contains("edit"))

        progress.lessons["cascades"] = LessonRecord(read: true)
        let read = session.nextStep(progress: progress)
        #expect(read.hasPrefix("Next: exercise \(cascadeRouting + 1), "))
        #expect(read.contains("edit exercises/06-cascade-routing/CascadeRouting.swift, then run tandem check."))

        for exercise in exercises { progress.exercises[exercise.id] = ExerciseRecord(status: "passed", solved: true) }
        #expect(session.nextStep(progress: progress) == "Every exercise is solved.")
    }
}

/// The packages SwiftPM cannot load, told apart from exercise code that does not compile.
@Suite struct PackageProblemTests {
    let package = URL(fileURLWithPath: "/c/exercises")
    let paths = PathDisplay(base: URL(fileURLWithPath: "/c"))

    @Test func aMissingCheckoutAboveTheExercisesIsNamed() {
        let output = """
            error: the package manifest at '/c/Package.swift' cannot be accessed (/c/Package.swift doesn't exist in file system)
            """
        #expect(
            packageProblem(in: output, package: package, paths: paths)
                == "its dependency ../ (the tandem checkout, /c/) is missing: there is no Package.swift")
        let fromElsewhere = packageProblem(
            in: output, package: package, paths: PathDisplay(base: URL(fileURLWithPath: "/home")))
        #expect(
            fromElsewhere == "its dependency ../ (the tandem checkout, /c/) is missing: there is no /c/Package.swift")
    }

    @Test func anInvalidManifestPointsAtItsLine() {
        let output = """
            error: 'exercises': Invalid manifest (compiled with: ["/opt/swift/usr/bin/swiftc", "-o", "/tmp/x"])
            /c/exercises/Package.swift:75:14: error: cannot convert value of type 'String' to specified type 'Int'
            73 |     swiftLanguageModes: [.v5]
            """
        #expect(
            packageProblem(in: output, package: package, paths: paths)
                == "its manifest exercises/Package.swift:75 does not compile: cannot convert value of type 'String' to specified type 'Int'"
        )
    }

    @Test func aCheckoutWithoutTheEngineIsNotTheTandemCheckout() {
        let output =
            "Fetching https://github.com/apple/swift-argument-parser from cache\nerror: 'c': package 'c' contains no products"
        let problem = packageProblem(
            in: output, package: package, paths: PathDisplay(base: URL(fileURLWithPath: "/home")))
        #expect(
            problem
                == "its dependency ../ (/c/) is not the tandem checkout (SwiftPM: 'c': package 'c' contains no products)"
        )
    }

    @Test func compileErrorsInTheExerciseAreNotAPackageProblem() {
        let output = """
            Building for debugging...
            /c/exercises/01-vote/Vote.swift:12:9: error: cannot find 'count' in scope
            error: emit-module command failed with exit code 1 (use -v to see invocation)
            """
        #expect(packageProblem(in: output, package: package, paths: paths) == nil)
    }
}

/// What check, hint, reset, solution and watch print: plain text, no Markdown markers, fitted to
/// the width, with colour only when allowed.
@Suite struct PlainOutputTests {
    static let settings = [40, 80].flatMap { width in
        [true, false].map { TerminalSettings(width: width, color: $0, ascii: !$0) }
    }

    static func results() -> [CheckResult] {
        let vote = ExerciseEntry(
            id: "cheapest-threshold", number: 4, slug: "cheapest-threshold",
            title: "The cheapest threshold that meets a target accuracy",
            file: "04-cheapest-threshold/CheapestThreshold.swift", lesson: "cascades", hints: ["a", "b"])
        var unloadable = CheckResult(exercise: vote, status: .compileError)
        unloadable.packageProblem =
            "its dependency ../ (the tandem checkout, /home/ada/somewhere/rather/long/course) is missing: there is no /home/ada/somewhere/rather/long/course/Package.swift"
        return [
            CheckResult(exercise: vote, status: .passed, casesPassed: 14),
            CheckResult(
                exercise: vote, status: .failed,
                failure: FailedCase(
                    name: "meets 0.9 with the fewest deferrals",
                    input: "cheapestThreshold(candidates: [0.1, 0.5, 0.9], target: 0.9)",
                    expected: "Optional(0.5)", actual: "nil")),
            CheckResult(
                exercise: vote, status: .compileError,
                compileErrors: [
                    CompileError(
                        file:
                            "/home/ada/somewhere/rather/long/course/exercises/04-cheapest-threshold/CheapestThreshold.swift",
                        line: 12, message: "cannot find 'count' in scope", inCheckerCode: false)
                ]),
            CheckResult(
                exercise: vote, status: .crashed, runningCase: "empty",
                detail: "SIGILL, a Swift runtime trap such as an index out of range or a failed unwrap"),
            CheckResult(exercise: vote, status: .timeout, runningCase: "endless", detail: "20 s"),
            unloadable,
        ]
    }

    func expectPlain(_ text: String, _ settings: TerminalSettings, markersAllowed: Bool = false, _ what: String) {
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= settings.width, "\(what) at \(settings.width): \(line)")
        }
        if !settings.color { #expect(!text.contains("\u{1B}"), "\(what)") }
        if !markersAllowed {
            #expect(!text.contains("`"), "\(what): \(text)")
            #expect(!text.contains("**"), "\(what): \(text)")
        }
    }

    @Test(arguments: settings) func checkReportsAreFittedAndFreeOfMarkdown(_ settings: TerminalSettings) {
        let report = CheckReport(settings: settings)
        for result in Self.results() {
            expectPlain(
                report.detail(
                    result,
                    file:
                        "/home/ada/somewhere/rather/long/course/exercises/04-cheapest-threshold/CheapestThreshold.swift"
                ),
                settings, "detail \(result.status)")
        }
        expectPlain(report.summary(Self.results()), settings, "summary")
        expectPlain(
            Watcher.unavailableReason(stdinIsTTY: false, stdoutIsTTY: false) ?? "", TerminalSettings(width: 200),
            "watch")
    }

    @Test(arguments: settings) func hintsRenderTheCoursesCodeSpans(_ settings: TerminalSettings) throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let session = ExerciseSession(
            course: course, settings: settings,
            store: ProgressStore(directory: try makeTemporaryFolder("tandem-exercises-test"), courseID: "test"),
            paths: PathDisplay(base: checkoutRoot), prepareWorkingCopies: false)
        for exercise in course.manifest.exercises {
            var text = ""
            for _ in 0...exercise.hints.count { text = try session.hint(exercise) }
            // With colour, code spans are styled and lose their backticks; without colour the
            // backticks stay, as the lesson renderer keeps them, and nothing else adds any.
            expectPlain(text, settings, markersAllowed: !settings.color, "hint \(exercise.id)")
            if settings.color, exercise.hints.joined().contains("`") { #expect(text.contains("\u{1B}[0;36m")) }
            if !settings.color {
                let prose = text.split(separator: "\n").filter { !$0.hasPrefix("     ") && !$0.hasPrefix("  ") }
                #expect(!prose.joined().contains("`"), "\(exercise.id): \(prose)")
            }
            #expect(
                text.replacingOccurrences(of: "\n", with: " ").contains(
                    "That is every hint. Once the exercise passes, tandem solution"))
        }
    }

    @Test(arguments: settings) func solutionsAreFittedToTheWidth(_ settings: TerminalSettings) throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let store = ProgressStore(directory: try makeTemporaryFolder("tandem-exercises-test"), courseID: "test")
        let session = ExerciseSession(
            course: course, settings: settings, store: store, paths: PathDisplay(base: checkoutRoot),
            prepareWorkingCopies: false)
        for exercise in course.manifest.exercises {
            let shown = try session.solution(exercise, force: true)
            #expect(shown.hasPrefix("// exercises/solutions/"))
            // Source is shown as source (its doc comments are Swift's), only fitted to the width.
            expectPlain(shown, settings, markersAllowed: true, "solution \(exercise.id)")
            let original = try String(contentsOf: session.layout.solutionFile(exercise), encoding: .utf8)
            let squeeze = { (text: String) in text.filter { !$0.isWhitespace && $0 != "/" } }
            #expect(squeeze(shown).hasSuffix(squeeze(original)), "no code is lost in wrapping \(exercise.id)")
        }
    }

    @Test func codeFillsTheWidthExactlyAndDeepIndentationStaysInside() {
        // "    let total = first + second" is exactly 30 columns: it stays whole on one line, and the
        // next word goes on (the wrapper broke a word early here before it was TextWrap).
        let report = CheckReport(settings: TerminalSettings(width: 30))
        #expect(
            report.wrapCode("    let total = first + second + third").split(separator: "\n")
                == ["    let total = first + second", "        + third"])
        // Indentation deeper than half the width starts at half the width, never past the room.
        let deep = String(repeating: " ", count: 24) + "position: last.position,"
        let lines = CheckReport(settings: TerminalSettings(width: 20)).wrapCode(deep).split(separator: "\n")
        #expect(lines.first == "          position:")
        #expect(lines.allSatisfy { $0.count <= 20 && $0.hasPrefix("          ") })
    }

    @Test func aLongCommentGoesOnAsAComment() {
        let code = "    /// The fraction of the weak-to-ceiling gap recovered, or nil when there is no gap at all."
        let lines = CheckReport(settings: TerminalSettings(width: 40)).wrapCode(code).split(separator: "\n")
        #expect(lines.count > 2)
        for line in lines {
            #expect(line.hasPrefix("    /// "))
            #expect(line.count <= 40)
        }
    }
}
