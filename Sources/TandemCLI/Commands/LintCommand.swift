import ArgumentParser
import Course
import Foundation
import Lessons
import Terminal

/// `tandem lint`: checks the whole course and prints every problem as `PATH:LINE: message`
/// (paths relative to the course root); exit 1 when there is any.
public struct LintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check the whole course: manifest, lessons, live examples, quizzes, links.")
    @OptionGroup public var course: CourseOptions
    @Flag(name: .long, help: "Check the live examples' and live numbers' syntax without running them.")
    public var noRun = false
    @Option(name: .long, help: ArgumentHelp("Seconds each live example may take.", valueName: "s")) public var timeout:
        Double = 60
    public init() {}

    public func run() throws {
        let root: URL
        do { root = try CourseLocator.locate(explicit: course.course) } catch { throw CLIFailure("\(error)") }
        let loaded: CourseFolder
        do {
            loaded = try CourseFolder.load(root: root)
        } catch {
            let path = CourseFolder(root: root, manifest: CourseManifest(id: "", title: "")).relativePath(
                URL(fileURLWithPath: error.path))
            Output.line(LintProblem(path: path, line: error.line ?? 1, message: error.message).description)
            throw ExitCode(1)
        }
        let runner = LiveRunner(executable: LiveRunner.currentExecutable(), timeout: timeout, courseRoot: root)
        let settings = TerminalSettings(width: 80, color: false, ascii: false)
        let runBlock: @Sendable (LiveCommand, URL) -> LiveResult = { command, directory in
            runner.run(command, settings: settings, in: directory)
        }
        let linter = CourseLinter(
            course: loaded, runBlock: noRun ? nil : runBlock, runDemo: noRun ? nil : InProcessDemo.run)
        let report = linter.lint()
        for problem in report.problems { Output.line(problem.description) }
        let counts =
            "\(report.lessons) lessons, \(report.liveBlocks) live blocks, \(report.liveNumbers) live numbers, \(report.questions) questions, \(report.exercises) exercises"
        if report.problems.isEmpty {
            Output.line("lint: \(counts): no problems")
        } else {
            Output.error("lint: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") (\(counts))")
            throw ExitCode(1)
        }
    }
}
