import Foundation
import TestSupport

/// Runs the built `tandem` as a student would, on a small course in a temporary folder, with
/// `TANDEM_STATE_DIR` in a temporary folder too. Output goes to pipes, so these also check that
/// nothing prompts or writes escapes when stdout is not a terminal.
struct TandemProcess {
    let course: URL
    let state: URL

    typealias Result = CapturedRun

    /// The built binary (the test bundle sits beside the `tandem` it depends on).
    static var executable: URL { builtTandem ?? URL(fileURLWithPath: "tandem") }

    /// This process's environment without the variables that would change what tandem prints or
    /// which course it opens (a developer's own NO_COLOR, COLUMNS, PAGER or TANDEM_COURSE).
    static func cleanEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["TANDEM_COURSE", "NO_COLOR", "COLUMNS", "PAGER"] { environment[key] = nil }
        return environment
    }

    init(course: URL) {
        self.course = course
        state = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-state-\(UUID().uuidString)")
    }

    /// The clean environment with progress kept in `state`.
    var environment: [String: String] {
        var environment = Self.cleanEnvironment()
        environment["TANDEM_STATE_DIR"] = state.path
        return environment
    }

    @discardableResult
    func run(_ arguments: [String], withCourse: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + (withCourse ? ["--course", course.path] : [])
        process.environment = environment
        return try runCapturingOutput(process)
    }

    var progressFile: URL { state.appendingPathComponent("progress.json") }
}

/// The CLI tests' course in a fresh temporary folder: two lessons with a two-question quiz each
/// (lesson one has live `tandem` blocks, one of them failing), and one exercise.
enum CourseFixture {
    static func make() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-course-\(UUID().uuidString)")
        func write(_ text: String, _ path: String) throws { try writeText(text, to: root.appendingPathComponent(path)) }
        try write(
            CourseTOML.manifest(
                id: "cli-fixture", title: "CLI fixture course",
                settings: [
                    #"welcome = "Welcome, **student**. Type `tandem next`.""#, #"final = "All done, well played.""#,
                ],
                lessons: [
                    CourseTOML.lesson(
                        1, slug: "intro", title: "Why combine models", folder: "01-intro", quiz: "quiz.toml"),
                    CourseTOML.lesson(
                        2, slug: "cascades", title: "Cascading inference", folder: "02-cascades", quiz: "quiz.toml"),
                ],
                exercises: [
                    CourseTOML.exercise(
                        id: "cascade-route", title: "Cascade routing", file: "Sources/E01/Route.swift",
                        lesson: "cascades")
                ]), "content/course.toml")
        try write("// exercise", "exercises/Sources/E01/Route.swift")
        try write(
            """
            # Why combine models

            Small models are cheap; large ones are good. See [the next lesson](../02-cascades/lesson.md).

            ```tandem
            list --json
            ```

            A failing example does not stop the lesson:

            ```tandem
            quiz --check missing.toml
            ```

            The end of lesson one.
            """, "content/01-intro/lesson.md")
        try write("# Cascading inference\n\nDefer when unsure.\n", "content/02-cascades/lesson.md")
        for (folder, prefix) in [("01-intro", "intro"), ("02-cascades", "cascades")] {
            try write(
                QuizTOML.file(
                    QuizTOML.trueFalse(
                        id: "\(prefix)-tf", prompt: "A small model is always worse.", answer: false,
                        context: "Not on easy queries."),
                    QuizTOML.numeric(id: "\(prefix)-num", prompt: "1 + 1?", answer: 2, tolerance: 0, context: "Two.")),
                "content/\(folder)/quiz.toml")
        }
        return root
    }
}
