import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: journey. Placeholder until that work lands.
public struct ProgressCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "progress", abstract: "A summary of your progress; reset, export or import it.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'progress' is not built yet")
    }
}
