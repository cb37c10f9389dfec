import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: exercises. Placeholder until that work lands.
public struct DevCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "dev", abstract: "Tools for course authors (verify the exercises).")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'dev' is not built yet")
    }
}
