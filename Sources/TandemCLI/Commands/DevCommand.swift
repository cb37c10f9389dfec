import ArgumentParser
import Course
import Exercises
import Foundation
import Terminal

/// `tandem dev …`: tools for course authors.
public struct DevCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dev", abstract: "Tools for course authors.", subcommands: [DevVerifyCommand.self])
    public init() {}
}

/// `tandem dev verify`: every starter fails its checks and every solution passes them.
public struct DevVerifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove every exercise's starter fails and its reference solution passes (in a temporary copy).")
    @Option(name: .long, help: "Seconds each checker may run.") public var timeLimit: Double = 60
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let loaded = try course.load()
        let report = try Verifier(course: loaded, timeLimit: timeLimit, log: { Output.line($0) }).verify()
        let format = CheckReport(settings: display.settings)
        for (starter, solution) in zip(report.starterResults, report.solutionResults) {
            Output.line(format.wrap("\(starter.exercise.number) \(starter.exercise.id): starter \(starter.status.rawValue), solution \(solution.status.rawValue)"))
        }
        for problem in report.problems { Output.line(format.wrap("problem: \(problem)", indent: 2)) }
        guard report.ok else { throw CLIFailure("dev verify: \(report.problems.count) problem(s)", code: 1) }
        Output.line(String(format: "All %d exercises verified in %.1f s.", report.solutionResults.count, report.seconds))
    }
}
