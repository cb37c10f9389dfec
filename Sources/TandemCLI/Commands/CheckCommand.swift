import ArgumentParser
import Course
import DemoReports
import Exercises
import Foundation
import Terminal

/// `tandem check [N] [--all] [--json]`: build and run an exercise's checks.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check an exercise (default: the current one, the first unsolved).")
    @Argument(help: "Exercise number, id or unique prefix.") public var exercise: String?
    @Flag(name: .long, help: "Check every exercise and summarise.") public var all = false
    @Flag(name: .long, help: "Print the results as JSON.") public var json = false
    @Flag(
        name: .long,
        help:
            "Review: solve the exercise again from its starter, in a scratch copy (exercises/.again/…) that is checked without touching your passing file."
    ) public var again = false
    @OptionGroup public var limit: CheckTimeLimit
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func validate() throws {
        if again && (all || exercise == nil) {
            throw ValidationError("--again needs one exercise: tandem check N --again")
        }
    }

    public func run() throws {
        let session = ExerciseSession(course: try course.load(), settings: display.settings)
        if again { return try solveAgain(session) }
        let selection: [ExerciseEntry]
        if all {
            selection = session.exercises
        } else if let one = try exerciseOrFail(session, exercise) {
            selection = [one]
        } else {
            let report = CheckReport(settings: session.settings)
            return emit(
                json: json, pager: false,
                report: { report.wrap("Every exercise is solved. tandem check --all re-checks them all.") + "\n" },
                data: { CheckReport.json([]) })
        }
        if !json {
            let report = CheckReport(settings: session.settings)
            Output.line(
                report.wrap(
                    all ? "Checking \(selection.count) exercises…" : "Checking exercise \(selection[0].number)…"))
            if session.firstBuild {
                Output.line(
                    report.wrap("(The first check compiles the engine too: about a minute. Later checks take seconds.)")
                )
            }
        }
        let outcome = try explained {
            try session.check(selection, all: all, json: json, timeLimit: limit.timeLimit) { Output.line($0) }
        }
        Output.line(outcome.text)
        if !outcome.allPassed { throw ExitCode.failure }
    }
}

/// `--time-limit`, shared by `check` and `watch`.
public struct CheckTimeLimit: ParsableArguments {
    @Option(
        name: .long, parsing: .unconditional, help: "Seconds the checks may run before they count as hung.",
        transform: finiteNumber) public var timeLimit: Double = 20

    public init() {}
}

extension CheckCommand {
    /// `check N --again`: makes the scratch copy from the starter the first time (and says where),
    /// then checks it and records the review.
    func solveAgain(_ session: ExerciseSession) throws {
        guard let target = try exerciseOrFail(session, exercise) else { return }
        let solver = SolveAgain(course: session.course, timeLimit: limit.timeLimit)
        let report = CheckReport(settings: session.settings)
        let path = session.course.relativePath(solver.scratchFile(target))
        if try explained({ try solver.prepare(target) }) {
            Output.line(
                report.wrap(
                    "A fresh copy of exercise \(target.number)'s starter is at \(path). Solve it there without "
                        + "looking back, then run: tandem check \(target.number) --again"))
            return
        }
        if !json { Output.line(report.wrap("Checking your second solution of exercise \(target.number) (\(path))…")) }
        let result = try explained { try solver.check(target) }
        try solver.record(result, in: session.store)
        emit(
            json: json, pager: false,
            report: {
                guard result.status != .passed else { return report.headline(result) + "\n" }
                return report.detail(result, file: path) + "\n"
                    + report.wrap("This is the review copy: check it again with tandem check \(target.number) --again.")
                    + "\n"
            }, data: { CheckReport.json([result]) })
        if result.status != .passed { throw ExitCode.failure }
    }
}

/// The session of an exercise command that checks nothing (hint, solution, reset), its
/// preparation's notes printed first.
func announcedExerciseSession(_ course: CourseFolder, _ settings: TerminalSettings) -> ExerciseSession {
    let session = ExerciseSession(course: course, settings: settings)
    let report = CheckReport(settings: settings)
    for line in session.preparationNotes { Output.line(report.wrap(line)) }
    return session
}

/// Resolves an exercise name (or the current exercise) with a one-line error.
func exerciseOrFail(_ session: ExerciseSession, _ name: String?) throws -> ExerciseEntry? {
    do { return try session.exercise(named: name) } catch { throw CLIFailure("\(error)") }
}

/// Runs `body`, turning the exercise library's errors into one-line `tandem:` messages.
func explained<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExerciseError {
        throw CLIFailure(error.description)
    }
}

/// Asks a yes/no question on the terminal; without one, the caller must pass `--yes`.
func confirm(_ question: String, yes: Bool) throws -> Bool {
    if yes { return true }
    guard isatty(STDIN_FILENO) == 1 else {
        throw CLIFailure("\(question) Not asking without a terminal: add --yes to confirm.")
    }
    Output.write("\(question) [y/N] ")
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    return answer == "y" || answer == "yes"
}
