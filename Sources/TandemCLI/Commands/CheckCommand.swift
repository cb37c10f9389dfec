import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: exercises. Placeholder until that work lands.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "check", abstract: "Check an exercise (default: the current one).")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'check' is not built yet")
    }
}
