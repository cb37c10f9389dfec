import ArgumentParser
import Course
import DemoReports
import Exercises
import Foundation
import Terminal

/// `tandem dev …`: tools for course authors.
public struct DevCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dev", abstract: "Tools for course authors.",
        subcommands: [DevVerifyCommand.self, DevMineCommand.self])
    public init() {}
}

/// `tandem dev verify`: every starter fails its checks and every solution passes them.
public struct DevVerifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove every exercise's starter fails and its reference solution passes (in a temporary copy).")
    @Option(name: .long, parsing: .unconditional, help: "Seconds each checker may run.", transform: finiteNumber) public
        var timeLimit: Double = 60
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let loaded = try course.load()
        let report = try explained {
            try Verifier(course: loaded, timeLimit: timeLimit, log: { Output.line($0) }).verify()
        }
        let format = CheckReport(settings: display.settings)
        for (starter, solution) in zip(report.starterResults, report.solutionResults) {
            Output.line(
                format.wrap(
                    "\(starter.exercise.number) \(starter.exercise.id): starter \(starter.status.rawValue), solution \(solution.status.rawValue)"
                ))
        }
        for problem in report.problems { Output.line(format.wrap("problem: \(problem)", indent: 2)) }
        guard report.ok else { throw CLIFailure("dev verify: \(report.problems.count) problem(s)", code: 1) }
        Output.line(
            String(format: "All %d exercises verified in %.1f s.", report.solutionResults.count, report.seconds))
    }
}

/// `tandem dev mine DEMO`: what `tandem run DEMO --mine` delegates to, callable on its own.
public struct DevMineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mine", abstract: "Run a demo on your own exercise functions (what tandem run DEMO --mine does).")
    @Argument(
        help: ArgumentHelp(
            "The demo: " + DemoCatalogue.mineDemos.dropLast().joined(separator: ", ") + " or "
                + (DemoCatalogue.mineDemos.last ?? "") + "."))
    public var demo: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the demo runner (e.g. --seed 2).") public
        var arguments: [String] = []
    @OptionGroup public var course: CourseOptions
    public init() {}

    public func run() throws {
        let loaded = try course.load()
        try runMine(try mineEntry(named: demo), arguments: arguments, course: loaded)
    }
}
