import Course
import Foundation
import Terminal
import TestSupport
import Testing

@testable import Exercises

#if canImport(Glibc)
    import Glibc
#endif

/// Real builds and real child processes, on a tiny package (no engine) so they stay quick, and
/// `dev verify` on the course's own exercises. Serialized: each test runs SwiftPM.
@Suite(.serialized) struct CheckerIntegrationTests {
    /// A package with the real CheckKit and one checker per behaviour.
    static func tinyPackage(in folder: URL) throws -> ExerciseLayout {
        let package = folder.appendingPathComponent("exercises")
        let kit = checkoutRoot.appendingPathComponent("exercises/Checks/CheckKit/CheckKit.swift")
        try writeText(
            try String(contentsOf: kit, encoding: .utf8), to: package.appendingPathComponent("Kit/CheckKit.swift"))
        // CheckKit's seeded cases come from the engine's small Seeded module.
        let seeded = checkoutRoot.appendingPathComponent("Sources/Seeded")
        for file in try FileManager.default.contentsOfDirectory(atPath: seeded.path) where file.hasSuffix(".swift") {
            try writeText(
                try String(contentsOf: seeded.appendingPathComponent(file), encoding: .utf8),
                to: package.appendingPathComponent("Seeded/\(file)"))
        }
        let behaviours: [String: String] = [
            "ok":
                #"let c = Checker(exercise: "ok"); c.expect("one plus one", input: "1 + 1", expected: 2) { 1 + 1 }; c.finish()"#,
            "fail":
                #"let c = Checker(exercise: "fail"); c.expect("fine", input: "0", expected: 0) { 0 }; c.expect("doubling", input: "double(3)", expected: 6) { 3 + 2 }; c.finish()"#,
            "crash":
                #"let c = Checker(exercise: "crash"); let xs = [1, 2]; var i = 2; c.expect("index", input: "xs[2]", expected: 0) { xs[i] }; i += 1; c.finish()"#,
            "hang":
                #"let c = Checker(exercise: "hang"); var n = 0; c.expect("endless", input: "loop", expected: 1) { while n >= 0 { n = (n + 1) % 7 }; return n }; c.finish()"#,
            "broken": #"let c = Checker(exercise: "broken")"# + "\nlet value: Int = \"not a number\"\nc.finish()",
            // Student code that prints a passing verdict line and exits 0 in the middle of a case.
            "fake":
                ##"import Foundation; let c = Checker(exercise: "fake"); c.expect("answer", input: "x", expected: 1) { print(#"{"exercise":"fake","passed":"9","verdict":"passed"}"#); exit(0) }; c.finish()"##,
        ]
        var targets: [String] = [
            #".target(name: "Seeded", path: "Seeded")"#,
            #".target(name: "CheckKit", dependencies: ["Seeded"], path: "Kit")"#,
        ]
        for (name, body) in behaviours {
            try writeText("import CheckKit\n" + body + "\n", to: package.appendingPathComponent("\(name)/main.swift"))
            targets.append(#".executableTarget(name: "check-\#(name)", dependencies: ["CheckKit"], path: "\#(name)")"#)
        }
        try writeText(
            """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "tiny", targets: [\(targets.joined(separator: ", "))], swiftLanguageModes: [.v5])
            """, to: package.appendingPathComponent("Package.swift"))
        return ExerciseLayout(package: package, scratch: folder.appendingPathComponent("scratch"))
    }

    @Test func statusesForPassFailCrashHangAndCompileError() throws {
        // Kept between runs: the second run only relinks.
        let folder = try persistentFolder("tandem-exercises-tiny")
        let layout = try Self.tinyPackage(in: folder)
        let checker = ExerciseChecker(layout: layout, paths: PathDisplay(base: folder), timeLimit: 3)
        let exercises = ["ok", "fail", "crash", "hang", "broken"].enumerated().map {
            entry($0.element, number: $0.offset + 1, file: "\($0.element)/main.swift")
        }
        // One package build fails (broken), so each exercise is built alone: the others still run.
        let results = try checker.checkAll(exercises)
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.exercise.id, $0) })

        let ok = try #require(byID["ok"])
        #expect(ok.status == .passed)
        #expect(ok.casesPassed == 1)

        let fail = try #require(byID["fail"])
        #expect(fail.status == .failed)
        #expect(fail.failure == FailedCase(name: "doubling", input: "double(3)", expected: "6", actual: "5"))

        let crash = try #require(byID["crash"])
        #expect(crash.status == .crashed)
        #expect(crash.runningCase == "index")
        #expect(crash.message.contains("Index out of range"))

        let hang = try #require(byID["hang"])
        #expect(hang.status == .timeout)
        #expect(hang.runningCase == "endless")
        #expect(hang.runSeconds < 10)

        let broken = try #require(byID["broken"])
        #expect(broken.status == .compileError)
        let error = try #require(broken.compileErrors.first)
        #expect(error.file == "exercises/broken/main.swift")
        #expect(error.line == 3, "line 1 is the import")
        #expect(error.message.contains("cannot convert value of type 'String'"))

        let json = try parseJSONObject(CheckReport.json(results).serialized())
        #expect(json["passed"] as? Int == 1)
        #expect(json["total"] as? Int == 5)
        let statuses = (json["exercises"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
        #expect(statuses == ["passed", "failed", "crashed", "timeout", "compile-error"])
    }

    /// The verdict travels on the checker's private channel: a fake verdict on stdout is just output.
    @Test func aFakeVerdictPrintedByTheStudentDoesNotPass() throws {
        let folder = try persistentFolder("tandem-exercises-tiny")
        let layout = try Self.tinyPackage(in: folder)
        let result = try ExerciseChecker(layout: layout, paths: PathDisplay(base: folder), timeLimit: 10).check(
            entry("fake", number: 6, file: "fake/main.swift"))
        #expect(result.status == .crashed)
        #expect(result.runningCase == "answer")
        #expect(result.message.contains("exit status 0 before the checks finished"))
    }

    /// Another SwiftPM process holding the build folder is named in one line, not waited on silently.
    @Test func aLockedBuildFolderIsReportedInOneLine() throws {
        let folder = try persistentFolder("tandem-exercises-tiny")
        let layout = try Self.tinyPackage(in: folder)
        try FileManager.default.createDirectory(at: layout.scratch, withIntermediateDirectories: true)
        // SwiftPM 6 flocks a file named after the scratch path in the temporary folder.
        let name = layout.scratch.standardizedFileURL.path.replacingOccurrences(of: "/", with: "_") + ".lock"
        let lock = open(
            URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name).path, O_CREAT | O_RDWR, 0o644)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        let start = Date()
        let error = #expect(throws: ExerciseError.self) {
            try ExerciseChecker(layout: layout, paths: PathDisplay(base: folder)).check(
                entry("ok", number: 1, file: "ok/main.swift"))
        }
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(error?.description.contains("is in use by another SwiftPM process") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func aMissingExerciseFileIsReportedWithTheWayBack() throws {
        let folder = try persistentFolder("tandem-exercises-tiny")
        let layout = try Self.tinyPackage(in: folder)
        let result = try ExerciseChecker(layout: layout, paths: PathDisplay(base: folder)).check(
            entry("gone", number: 4, file: "gone/Gone.swift"))
        #expect(result.status == .compileError)
        #expect(result.message == "exercises/gone/Gone.swift: the file is missing; tandem reset 4 restores the starter")
    }

    /// Compiler errors name the file as the student can reach it from the current folder: from
    /// elsewhere (the course came from --course), that is the absolute path.
    @Test func compileErrorsNameTheFileFromTheCurrentFolder() throws {
        let folder = try persistentFolder("tandem-exercises-tiny")
        let layout = try Self.tinyPackage(in: folder)
        let broken = entry("broken", number: 5, file: "broken/main.swift")
        let inside = try ExerciseChecker(layout: layout, paths: PathDisplay(base: layout.package)).check(broken)
        #expect(inside.compileErrors.first?.file == "broken/main.swift")
        let elsewhere = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let outside = try ExerciseChecker(layout: layout, paths: PathDisplay(base: elsewhere)).check(broken)
        #expect(outside.compileErrors.first?.file == layout.studentFile(broken).standardizedFileURL.path)
    }

    /// A copy of content/ and exercises/ without the checkout above it: the package cannot even be
    /// loaded, and the student is told that in one line instead of SwiftPM's manifest error.
    @Test func aPackageWhoseDependencyIsMissingIsNotReportedAsTheStudentsCompileError() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("exercises")
        try writeText("let answer = 42\n", to: package.appendingPathComponent("ok/main.swift"))
        try writeText(
            """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "tiny", dependencies: [.package(path: "..")],
                                  targets: [.executableTarget(name: "check-ok", path: "ok")])
            """, to: package.appendingPathComponent("Package.swift"))
        let layout = ExerciseLayout(package: package, scratch: folder.appendingPathComponent("scratch"))
        let checker = ExerciseChecker(layout: layout, paths: PathDisplay(base: folder))
        let exercise = entry("ok", number: 1, file: "ok/main.swift")
        for result in [try checker.check(exercise), try #require(try checker.checkAll([exercise]).first)] {
            #expect(result.status == .compileError, "--json keeps the status")
            let problem = try #require(result.packageProblem)
            #expect(problem.hasPrefix("its dependency ../ (the tandem checkout"))
            #expect(problem.contains("is missing"))
            #expect(result.message.hasPrefix("the exercises package cannot be built: its dependency ../"))
            let text = CheckReport(settings: TerminalSettings(width: 80, color: false, ascii: true)).detail(
                result, file: "ok/main.swift")
            #expect(text.contains("cannot be checked"))
            #expect(!text.contains("does not compile"))
            #expect(!text.contains("Edit ok/main.swift"), "editing the exercise cannot fix the package")
            #expect(!text.contains("manifest at"), "not SwiftPM's raw message")
        }
    }

    @Test func checksAreRecordedInTheProgressStore() throws {
        let folder = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(directory: folder, courseID: "test")
        let when = Date(timeIntervalSince1970: 1_800_000_000)
        try record(CheckResult(exercise: entry("vote"), status: .failed), in: store, now: when)
        #expect(try store.load().exercises["vote"]?.solved == false)
        try record(CheckResult(exercise: entry("vote"), status: .passed), in: store, now: when)
        try record(
            CheckResult(exercise: entry("vote"), status: .compileError), in: store, now: when.addingTimeInterval(60))
        let after = try #require(try store.load().exercises["vote"])
        #expect(after.status == "compile-error")
        #expect(after.solved, "solving is never taken back")
        #expect(after.solvedAt == when)
        #expect(after.lastCheckedAt == when.addingTimeInterval(60))
    }

    /// The author check CI relies on: every starter fails, every reference solution passes, and
    /// the checkout is left exactly as it was.
    @Test func devVerifyPassesOnTheCourseAndLeavesTheCheckoutUntouched() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let before = try snapshot(course.exercisesDirectory)
        let report = try Verifier(course: course).verify()
        #expect(report.problems == [])
        #expect(
            report.starterResults.map(\.status) == Array(repeating: .failed, count: course.manifest.exercises.count))
        #expect(
            report.solutionResults.map(\.status) == Array(repeating: .passed, count: course.manifest.exercises.count))
        #expect(try snapshot(course.exercisesDirectory) == before)
    }

    /// Every file under a folder (outside build folders) with its contents.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.path.contains("/.build") || url.path.contains("/.swiftpm") { continue }
            if let data = FileManager.default.contents(atPath: url.path) { files[url.path] = data }
        }
        return files
    }
}

/// `check` as the commands run it: on a small course whose exercises package is the tiny one.
@Suite(.serialized) struct SessionTests {
    static func course() throws -> CourseFolder {
        let root = try persistentFolder("tandem-exercises-course")
        _ = try CheckerIntegrationTests.tinyPackage(in: root)
        try writeText(
            ensemblesCourseManifest(
                id: "tiny", title: "Tiny",
                exercises: [
                    CourseTOML.exercise(
                        id: "ok", title: "Adds", file: "ok/main.swift", lesson: "ensembles", hints: ["one", "two"]),
                    CourseTOML.exercise(
                        id: "fail", title: "Doubles", file: "fail/main.swift", lesson: "ensembles",
                        hints: ["one", "two"]),
                ]), to: root.appendingPathComponent("content/course.toml"))
        return try CourseFolder.load(root: root)
    }

    @Test func checkingTheCurrentExerciseRecordsItAndPointsToTheNext() throws {
        let course = try Self.course()
        let state = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: state) }
        let session = ExerciseSession(
            course: course, settings: TerminalSettings(width: 60, color: false, ascii: true),
            store: ProgressStore(directory: state, courseID: "tiny"))
        let first = try #require(try session.exercise(named: nil))
        #expect(first.id == "ok")

        let passed = try session.check([first], all: false, json: false, timeLimit: 10)
        #expect(passed.allPassed)
        #expect(passed.text.contains("[ok] 1 Adds (ok): passed"))
        // The lesson is unread: check defers to tandem next rather than skip ahead of it.
        #expect(passed.text.contains("Next: tandem next"))
        #expect(!passed.text.contains("Next: exercise 2"))
        #expect(try session.store.load().exercises["ok"]?.solved == true)
        #expect(try session.exercise(named: nil)?.id == "fail", "the current exercise moves on once one is solved")

        let failed = try session.check(
            [try #require(try session.exercise(named: "2"))], all: false, json: true, timeLimit: 10)
        #expect(!failed.allPassed)
        let json = try parseJSONObject(failed.text)
        #expect(json["passed"] as? Int == 0)
        #expect(json["total"] as? Int == 1)
        #expect(try session.store.load().exercises["fail"]?.status == "failed")
        #expect(try session.store.load().exercises["fail"]?.solved == false)

        _ = try session.store.update { $0.lessons["ensembles"] = LessonRecord(read: true) }
        let again = try session.check([first], all: false, json: false, timeLimit: 10)
        #expect(again.text.contains("Next: exercise 2, Doubles: edit"))

        let unsolved = try #require(try session.exercise(named: "fail"))
        let refusal = #expect(throws: ExerciseError.self) { try session.solution(unsolved, force: false) }
        #expect(refusal?.description.contains("has not passed yet") == true)
    }
}
