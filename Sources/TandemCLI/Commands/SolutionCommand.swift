import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: exercises. Placeholder until that work lands.
public struct SolutionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "solution", abstract: "Show the reference solution of a passed exercise.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'solution' is not built yet")
    }
}
